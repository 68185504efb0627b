// Which articles quote a speaker, and whether a quote's speaker is the one a filter names: `speaker:` and
// the quote list's speaker option compare folded names by substring ("blair" finds "Tony Blair").

import type { QueryFilter } from './parse-query.js';
import { fold } from './fold.js';
import type { SearchState } from './search-state.js';

/** True when `speaker` contains the filter's value (folded), or, for an excluding filter, does not. */
export function speakerMatches(state: SearchState, speaker: string | null, filter: { value: string; exclude: boolean }): boolean {
  const has = speaker !== null && fold(state, speaker).includes(fold(state, filter.value));
  return filter.exclude ? !has : has;
}

/**
 * Each speaker (folded) with the articles that quote them, built once per archive state: a speaker filter
 * then tests the few thousand names instead of every quote of every candidate article (issue 6).
 */
function speakerIndex(state: SearchState): Map<string, string[]> {
  if (state.speakerIndex !== null) return state.speakerIndex;
  const index = new Map<string, string[]>();
  for (const id of state.data.articles.keys()) {
    for (const quote of state.data.quotesOf(id)) {
      if (quote.speaker === null) continue;
      const key = fold(state, quote.speaker);
      const ids = index.get(key);
      if (ids === undefined) index.set(key, [id]);
      else if (ids[ids.length - 1] !== id) ids.push(id);
    }
  }
  state.speakerIndex = index;
  return index;
}

/** The articles with a quote whose speaker's name contains the filter's value (`speakerMatches`), per query. */
export function articlesQuoting(state: SearchState, filter: QueryFilter & { value: string }): Set<string> {
  let ids = state.quotingArticles.get(filter);
  if (ids === undefined) {
    const value = fold(state, filter.value);
    ids = new Set<string>();
    for (const [speaker, articleIds] of speakerIndex(state)) if (speaker.includes(value)) for (const id of articleIds) ids.add(id);
    state.quotingArticles.set(filter, ids);
  }
  return ids;
}
