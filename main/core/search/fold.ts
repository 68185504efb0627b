// Text folded for the filters' comparisons: lower case without accents, so `speaker:lavrov` finds "Lavrov"
// and `source:le monde` finds "Le Monde".

import type { SearchState } from './search-state.js';

/** Memoized: filters fold the same speaker and source names over and over. Bounded by a count: names are short. */
const maxFolded = 50_000;

/** `text` in lower case without accents (marks), kept in `state`. */
export function fold(state: SearchState, text: string): string {
  const folded = state.folded;
  let value = folded.get(text);
  if (value === undefined) {
    if (folded.size > maxFolded) folded.clear();
    value = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    folded.set(text, value);
  }
  return value;
}
