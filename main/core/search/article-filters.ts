// The metadata filters of a query (`source:`, `author:`, `lang:`, `speaker:`, `date:`, `kind:`, `folder:`,
// `path:`), tested on one article at a time.

import type { Article } from '../../contract/model.js';
import { fold } from './fold.js';
import type { QueryFilter } from './parse-query.js';
import type { SearchState } from './search-state.js';
import { articlesQuoting } from './speaker-index.js';

/** True when `article` passes every filter: has what each wants, lacks what each excludes. */
export function passesFilters(state: SearchState, article: Article, filters: readonly QueryFilter[]): boolean {
  // A loop, not `every`: this runs for every article a query finds, or every article of the archive.
  for (const filter of filters) if (hasFiltered(state, article, filter) === filter.exclude) return false;
  return true;
}

/** True when `article` has what `filter` names (whether the filter wants it or excludes it). */
function hasFiltered(state: SearchState, article: Article, filter: QueryFilter): boolean {
  switch (filter.kind) {
    case 'source':
      return article.source !== null && fold(state, article.source).includes(fold(state, filter.value));
    case 'author':
      return article.author !== null && fold(state, article.author).includes(fold(state, filter.value));
    case 'lang':
      return article.language === filter.value;
    case 'folder':
      return inFolder(fold(state, article.path), fold(state, filter.value));
    case 'path':
      return fold(state, article.path).includes(fold(state, filter.value).replaceAll('\\', '/'));
    case 'speaker':
      return articlesQuoting(state, filter).has(article.id);
    case 'date': {
      const day = article.date?.slice(0, 10) ?? null;
      return day !== null && day >= filter.from && day <= filter.to;
    }
    case 'quote-kind':
      return state.data.quotesOf(article.id).some((quote) => filter.kinds.includes(quote.kind));
  }
}

/**
 * True when the folders of `articlePath` (relative, with `/`) hold `folder` as whole names: `politics` and
 * `2005/politics` are folders of `2005/politics/017.txt`; `polit` and `017.txt` are not.
 */
function inFolder(articlePath: string, folder: string): boolean {
  const wanted = folder.replaceAll('\\', '/').replace(/^\/+|\/+$/g, '');
  if (wanted === '') return false;
  return `/${articlePath.slice(0, articlePath.lastIndexOf('/') + 1)}`.includes(`/${wanted}/`);
}
