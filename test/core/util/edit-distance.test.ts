import { describe, expect, it } from 'vitest';
import { withinEditDistance } from '../../../main/core/util/edit-distance.js';

/** Levenshtein distance, the plain way: the reference the early-exit version must agree with. */
function distance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const row = rows[i] as number[];
      const above = rows[i - 1] as number[];
      row[j] = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return rows[a.length]?.[b.length] ?? 0;
}

describe('withinEditDistance', () => {
  it.each([
    ['parliament', 'parliment', 1, true],
    ['parliament', 'parlament', 1, true],
    ['kitten', 'sitting', 2, false],
    ['kitten', 'sitting', 3, true],
    ['', 'ab', 2, true],
    ['same', 'same', 0, true],
    ['same', 'sane', 0, false],
  ])('%s and %s within %i edits: %s', (a, b, max, within) => {
    expect(withinEditDistance(a, b, max)).toBe(within);
  });

  it('agrees with the plain Levenshtein distance on random words', () => {
    const word = (): string => Array.from({ length: Math.floor(Math.random() * 7) }, () => 'abc'[Math.floor(Math.random() * 3)]).join('');
    for (let run = 0; run < 500; run += 1) {
      const a = word();
      const b = word();
      for (let max = 0; max <= 3; max += 1) expect(withinEditDistance(a, b, max)).toBe(distance(a, b) <= max);
    }
  });
});
