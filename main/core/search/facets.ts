// The counts beside the results: how many results per source, year and language, and the speakers of the
// quotes that match the query.

import type { FacetValue, Facets } from '../../contract/api.js';
import { satisfyingQuotes } from './match-quotes.js';
import type { ParsedQuery } from './parse-query.js';
import type { ArticleTable, FacetColumn } from './scores.js';
import type { SearchState } from './search-state.js';
import type { Ranked } from './sort-results.js';

/** Counted values, most frequent first (ties alphabetically), at most `limit`. */
export function countsToValues(counts: ReadonlyMap<string, number>, limit: number): FacetValue[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
    .slice(0, limit);
}

/** The facet values of every result, counted; each article's values are looked up by its number. */
export function facetsOf(table: ArticleTable, ranked: readonly Ranked[], limit: number): Facets {
  const count = ({ codes, values }: FacetColumn): FacetValue[] => {
    const counts = new Int32Array(values.length);
    for (const { n } of ranked) {
      const code = codes[n] ?? -1;
      if (code >= 0) counts[code] = (counts[code] ?? 0) + 1;
    }
    const found = new Map<string, number>();
    counts.forEach((n, code) => {
      if (n > 0) found.set(values[code] ?? '', n);
    });
    return countsToValues(found, limit);
  };
  return { source: count(table.sources), year: count(table.years), language: count(table.languages) };
}

/**
 * Speakers of the quotes whose own words satisfy the query, with counts, most quoted first: people (with
 * their id) once the archive's are resolved, the names as written before.
 */
export function speakersOf(state: SearchState, table: ArticleTable, ranked: readonly Ranked[], parsed: ParsedQuery, limit: number): FacetValue[] {
  if (parsed.groups.length === 0) return [];
  const people = state.data.people;
  const counts = new Map<string, number>();
  for (const { n } of ranked) {
    for (const quote of satisfyingQuotes(state, table, n, parsed)) {
      const key = people !== null && quote.speakerId !== null ? quote.speakerId : quote.speaker;
      if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  if (people === null) return countsToValues(counts, limit);
  return [...counts]
    .map(([key, count]) => {
      const name = people.nameOf.get(key);
      return name === undefined ? { value: key, count } : { value: name, count, id: key };
    })
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
    .slice(0, limit);
}
