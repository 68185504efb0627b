// The orders of results: by relevance (score, then newest) or by date, for an engine's articles and for
// the hits of several engines merged on the main thread.

import type { SearchSort } from '../../contract/api.js';
import type { Article } from '../../contract/model.js';
import { descendingOrder } from './scores.js';

/** What results are ordered by: a hit, or an article with its score. */
interface Sortable {
  date: string | null;
  score: number;
}

/**
 * Orders results for `sort`: by relevance, score then newest; by date, undated results last and equal
 * dates by score. Engines sort with it, and the main thread merges their answers with it.
 */
export function compareForSort(sort: SearchSort): (a: Sortable, b: Sortable) => number {
  const byDate = (a: Sortable, b: Sortable): number => ((a.date ?? '') < (b.date ?? '') ? -1 : (a.date ?? '') > (b.date ?? '') ? 1 : 0);
  // Higher scores first; -1, 0 or 1 rather than `b.score - a.score`, a number V8 allocates at every comparison.
  const byScore = (a: Sortable, b: Sortable): number => (b.score > a.score ? 1 : b.score < a.score ? -1 : 0);
  if (sort === 'relevance') return (a, b) => byScore(a, b) || byDate(b, a);
  return (a, b) => {
    if ((a.date === null) !== (b.date === null)) return a.date === null ? 1 : -1;
    return (sort === 'newest' ? byDate(b, a) : byDate(a, b)) || byScore(a, b);
  };
}

/** An article (and its number) with its score, and its date beside them: what results are sorted by, at hand. */
export interface Ranked extends Sortable {
  article: Article;
  n: number;
}

export function ranks(article: Article, n: number, score: number): Ranked {
  return { article, n, score, date: article.date };
}

export function sortRanked(ranked: readonly Ranked[], sort: SearchSort): Ranked[] {
  return sort === 'relevance' ? byRelevance(ranked) : [...ranked].sort(compareForSort(sort));
}

/**
 * `ranked` in the order of `compareForSort('relevance')` (a stable sort: higher score first, then newer),
 * ordered by score without a comparator (see descendingOrder); only runs of equal scores are compared by date.
 */
function byRelevance(ranked: readonly Ranked[]): Ranked[] {
  const scores = new Float64Array(ranked.length);
  ranked.forEach((r, i) => (scores[i] = r.score));
  const order = descendingOrder(scores);
  const sorted: Ranked[] = [];
  for (const i of order) sorted.push(ranked[i] as Ranked);
  const compare = compareForSort('relevance');
  for (let start = 0; start < sorted.length; ) {
    const score = sorted[start]?.score;
    const date = sorted[start]?.date;
    let end = start + 1;
    let dated = false;
    for (; end < sorted.length && sorted[end]?.score === score; end += 1) dated ||= sorted[end]?.date !== date;
    // Equal scores are ordered by date; none to order when the dates are equal too (copies of an article).
    if (dated) sorted.slice(start, end).sort(compare).forEach((r, k) => (sorted[start + k] = r));
    start = end;
  }
  return sorted;
}
