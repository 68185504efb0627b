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
  if (state.speakerIndex === null) addArticles(state, buildingOf(state), Number.POSITIVE_INFINITY);
  return state.speakerIndex as unknown as Map<string, string[]>;
}

/** A speaker index being built: the state's articles, the next one to add, what is built so far. */
interface Building {
  ids: string[];
  next: number;
  index: Map<string, string[]>;
}

const buildings = new WeakMap<SearchState, Building>();

function buildingOf(state: SearchState): Building {
  let building = buildings.get(state);
  if (building === undefined) {
    building = { ids: [...state.data.articles.keys()], next: 0, index: new Map() };
    buildings.set(state, building);
  }
  return building;
}

/** Adds the quotes of `building`'s articles until `until`; once all are in, the index is `state`'s. */
function addArticles(state: SearchState, building: Building, until: number): boolean {
  const byPerson = state.data.people !== null;
  const { ids, index } = building;
  while (building.next < ids.length) {
    if ((building.next & 63) === 0 && performance.now() >= until) return false;
    const id = ids[building.next] as string;
    building.next += 1;
    // Once people are resolved and saved, their ids are known without reading a quote: at 50x BBC, reading
    // every quote made the first `speaker:` search take 4.7 s (issue 19).
    const known = byPerson ? (state.data.speakerIdsOf?.(id) ?? null) : null;
    if (known !== null) for (let j = known.from; j < known.to; j += 1) add(index, known.ids.at(j), id);
    else for (const quote of state.data.quotesOf(id)) add(index, byPerson ? quote.speakerId : quote.speaker === null ? null : fold(state, quote.speaker), id);
  }
  state.speakerIndex = index;
  buildings.delete(state);
  return true;
}

/** Adds article `id` to the articles of speaker `key`, once. */
function add(index: Map<string, string[]>, key: string | null, id: string): void {
  if (key === null) return;
  const articles = index.get(key);
  if (articles === undefined) index.set(key, [id]);
  else if (articles[articles.length - 1] !== id) articles.push(id);
}

/**
 * Goes on building `state`'s speaker index, and the forms of its people's names, until `until`, ahead of
 * its first speaker filter (engine/shard-engine.ts warms them); true once both are made.
 */
export function speakersIndexed(state: SearchState, until: number): boolean {
  if (state.speakerIndex === null && !addArticles(state, buildingOf(state), until)) return false;
  if (state.data.people !== null) indexNames(state.data.people);
  return true;
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
