// Which articles quote a speaker, and whether a quote's speaker is the one a filter names. Once the
// archive's people are resolved, a filter names people (people-names.ts: "Tony Blair" finds every quote
// of his, "the prime minister" ones included, and none of Ian Blair's); before, it compares folded names
// by substring ("blair" finds "Tony Blair").

import type { Quote } from '../../contract/model.js';
import type { QueryFilter } from './parse-query.js';
import { fold } from './fold.js';
import { indexNames, speakersNamed } from './people-names.js';
import type { SearchState } from './search-state.js';

/** True when the quote's speaker is one the filter names, or, for an excluding filter, is not. */
export function speakerMatches(state: SearchState, quote: Pick<Quote, 'speaker' | 'speakerId'>, filter: { value: string; exclude: boolean }): boolean {
  const has =
    state.data.people === null
      ? quote.speaker !== null && fold(state, quote.speaker).includes(fold(state, filter.value))
      : quote.speakerId !== null && namedBy(state, filter.value).has(quote.speakerId);
  return filter.exclude ? !has : has;
}

/** The speaker ids a filter's value names, kept per state. */
function namedBy(state: SearchState, value: string): Set<string> {
  let ids = state.speakersNamed.get(value);
  if (ids === undefined) {
    ids = state.data.people === null ? new Set() : speakersNamed(state.data.people, value);
    if (state.speakersNamed.size > 1000) state.speakersNamed.clear();
    state.speakersNamed.set(value, ids);
  }
  return ids;
}

/**
 * Each speaker (its id once people are resolved, else its folded name) with the articles that quote them,
 * built once per archive state: a speaker filter then tests the few thousand names instead of every quote
 * of every candidate article (issue 6).
 */
function speakerIndex(state: SearchState): Map<string, string[]> {
  if (state.speakerIndex !== null) return state.speakerIndex;
  const index = new Map<string, string[]>();
  const byPerson = state.data.people !== null;
  for (const id of state.data.articles.keys()) {
    for (const quote of state.data.quotesOf(id)) {
      const key = byPerson ? quote.speakerId : quote.speaker === null ? null : fold(state, quote.speaker);
      if (key === null) continue;
      const ids = index.get(key);
      if (ids === undefined) index.set(key, [id]);
      else if (ids[ids.length - 1] !== id) ids.push(id);
    }
  }
  state.speakerIndex = index;
  return index;
}

/** Builds `state`'s speaker index now, ahead of its first speaker filter (engine/shard-engine.ts warms it). */
export function speakersIndexed(state: SearchState): void {
  speakerIndex(state);
  if (state.data.people !== null) indexNames(state.data.people);
}

/** The articles with a quote by a speaker the filter names (`speakerMatches`), per query. */
export function articlesQuoting(state: SearchState, filter: QueryFilter & { value: string }): Set<string> {
  let ids = state.quotingArticles.get(filter);
  if (ids === undefined) {
    ids = new Set<string>();
    const index = speakerIndex(state);
    if (state.data.people === null) {
      const value = fold(state, filter.value);
      for (const [speaker, articleIds] of index) if (speaker.includes(value)) for (const id of articleIds) ids.add(id);
    } else {
      for (const speakerId of namedBy(state, filter.value)) for (const id of index.get(speakerId) ?? []) ids.add(id);
    }
    state.quotingArticles.set(filter, ids);
  }
  return ids;
}

/** The articles quoting the speaker `id` (people resolved), in the engine's order. */
export function articlesOfSpeaker(state: SearchState, id: string): readonly string[] {
  return state.data.people === null ? [] : (speakerIndex(state).get(id) ?? []);
}
