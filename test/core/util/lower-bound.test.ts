import { describe, expect, it } from 'vitest';
import { lowerBound } from '../../../main/core/util/lower-bound.js';

describe('lowerBound', () => {
  const sorted = [1, 3, 3, 3, 7, 9];

  it.each([
    [0, 0],
    [1, 0],
    [2, 1],
    [3, 1],
    [4, 4],
    [9, 5],
    [10, 6],
  ])('finds where %i stands in [1, 3, 3, 3, 7, 9]: %i', (value, position) => {
    expect(lowerBound(sorted.length, (i) => (sorted[i] ?? 0) < value)).toBe(position);
  });

  it('agrees with a linear scan on every value of random sorted lists', () => {
    for (let run = 0; run < 200; run += 1) {
      const list = Array.from({ length: run % 17 }, () => Math.floor(Math.random() * 10)).sort((a, b) => a - b);
      for (let value = -1; value <= 11; value += 1) {
        const scan = list.findIndex((item) => item >= value);
        expect(lowerBound(list.length, (i) => (list[i] ?? 0) < value)).toBe(scan === -1 ? list.length : scan);
      }
    }
  });

  it('answers 0 for an empty list', () => {
    expect(lowerBound(0, () => true)).toBe(0);
  });
});
