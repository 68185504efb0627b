// What the address holds (issue 15): the query, the results view, the sort order, the open article and the
// open person (issue 16), in the hash (`#q=ukraine&view=quotes&sort=newest&article=a1b2`, `#view=people&person=p1`), so that a reload keeps them, a search or an
// article can be bookmarked, and Back and Forward step through searches. The hash is never sent to the
// server, and changing it is not a navigation (Electron's will-navigate is not emitted for it).
// `verbatim serve`'s session token also arrives in the hash: it is read once and never written back.
// Pure (no DOM), so unit-tested under Node; url-history.ts applies it to the page's history.

import type { SearchSort } from '../main/contract/api.js';

export type ResultsViewName = 'articles' | 'quotes' | 'people';

const viewNames: readonly ResultsViewName[] = ['articles', 'quotes', 'people'];

export interface UrlState {
  query: string;
  view: ResultsViewName;
  sort: SearchSort;
  /** The id of the article in the reader, if any. */
  article: string | null;
  /** The id of the person whose page is open (`Speaker.id`), if any: it is shown instead of the article. */
  person: string | null;
}

export const emptyUrlState: UrlState = { query: '', view: 'articles', sort: 'relevance', article: null, person: null };

/**
 * The state an address's hash describes; anything missing or unknown is the default.
 * @example
 * readUrlState('#q=war&view=quotes'); // { query: 'war', view: 'quotes', sort: 'relevance', article: null, person: null }
 */
export function readUrlState(hash: string): UrlState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const sort = params.get('sort');
  const view = viewNames.find((name) => name === params.get('view'));
  return {
    query: params.get('q') ?? '',
    view: view ?? 'articles',
    sort: sort === 'newest' || sort === 'oldest' ? sort : 'relevance',
    article: nonEmpty(params.get('article')),
    person: nonEmpty(params.get('person')),
  };
}

/** The hash for `state`, defaults left out (`''` for the empty state). Never holds the session token. */
export function urlStateHash(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.query !== '') params.set('q', state.query);
  if (state.view !== 'articles') params.set('view', state.view);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.article !== null) params.set('article', state.article);
  if (state.person !== null) params.set('person', state.person);
  const text = params.toString();
  return text === '' ? '' : `#${text}`;
}

/** `hash` without its `token` parameter (what stays in the address after `verbatim serve`'s token is taken). */
export function hashWithoutToken(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  params.delete('token');
  const text = params.toString();
  return text === '' ? '' : `#${text}`;
}

/**
 * Whether going from `previous` to `next` is a step of its own in the history (Back returns to
 * `previous`), rather than a correction of it. Typing or deleting letters (one query the start of the
 * other) corrects the search; a first query, another query, view, sort, article or person is a step.
 */
export function isNewStep(previous: UrlState, next: UrlState): boolean {
  if (previous.view !== next.view || previous.sort !== next.sort || previous.article !== next.article) return true;
  if (previous.person !== next.person) return true;
  if (previous.query === next.query) return false;
  // Leaving the empty page is a step: Back from the first search returns to it, not out of the app.
  if (previous.query === '') return true;
  return !(previous.query.startsWith(next.query) || next.query.startsWith(previous.query));
}

function nonEmpty(value: string | null): string | null {
  return value === null || value === '' ? null : value;
}
