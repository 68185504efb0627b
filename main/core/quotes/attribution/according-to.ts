// "According to X", "по словам X", "in the words of X": phrases that name a speaker without a verb.
import type { Token } from '../tokenize-body.js';
import { lower } from '../speaker-phrase/word-classes.js';

/**
 * How many tokens of "according to" (or Russian "по словам", "по мнению", "согласно") start at `k`: 0
 * when none do.
 */
export function accordingToLength(tokens: readonly Token[], k: number): number {
  const word = lower(tokens[k]);
  const next = lower(tokens[k + 1]);
  if ((word === 'according' && next === 'to') || (word === 'по' && (next === 'словам' || next === 'мнению' || next === 'данным'))) return 2;
  return word === 'согласно' ? 1 : 0;
}

/** The token after "according to", "по словам" or "in the words of" in `[lo, end)`, or -1. */
export function findAccordingTo(tokens: readonly Token[], lo: number, end: number): number {
  for (let k = lo; k + 2 < end; k++) {
    const word = lower(tokens[k]);
    const length = accordingToLength(tokens, k);
    if (length > 0) return k + length;
    if (word === 'words' && lower(tokens[k + 1]) === 'of' && lower(tokens[k - 1]) === 'the') return k + 2;
  }
  return -1;
}
