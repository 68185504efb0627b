// Strings copied so that they keep nothing else alive (util/detach-strings.ts): a quote taken from an article's
// text must not hold the whole text in memory once the article's text is read from its cache file instead.
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { detachedString, detachStrings } from '../../../main/core/util/detach-strings.js';

/** The heap in use after a full garbage collection. */
function heapAfterGc(): number {
  v8.setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** 40 texts of a million characters each, and a 200-character passage of each: what an article's quotes are to its text. */
function passages(): string[] {
  return Array.from({ length: 40 }, (_, i) => `${String(i).padStart(3, '0')}${'abcdefghij'.repeat(100_000)}`.slice(500_000, 500_200));
}

function detachedPassages(): string[] {
  return passages().map(detachedString);
}

describe('detachStrings', () => {
  it('copies every string of arrays and plain objects, and leaves the value given as it was', () => {
    const quote = { text: 'We will rebuild the harbour wall', parts: [{ start: 1, end: 9, text: 'We will rebuild' }], speaker: null, count: 3, when: new Date(0) };
    const copy = detachStrings([quote]);
    expect(copy).toEqual([quote]);
    expect(copy[0]).not.toBe(quote);
    expect(copy[0]?.parts[0]).not.toBe(quote.parts[0]);
    // Objects of a class are kept as they are.
    expect(copy[0]?.when).toBe(quote.when);
    expect(detachedString('short')).toBe('short');
    // Every character comes back: Latin-1 ones, and others (Cyrillic, a pair of surrogates, a lone one).
    for (const text of ['Café crème, £5 — naïve', 'Мы восстановим город, сказал мэр', 'a rocket 🚀 and a lone \ud800 half']) {
      expect(detachedString(text)).toBe(text);
    }
  });

  it('keeps only the passages alive, not the texts they were taken from', () => {
    const before = heapAfterGc();
    // Made in a function of its own: a temporary in this frame (the list of slices) could outlive its statement.
    const detached = detachedPassages();
    const detachedHeld = heapAfterGc() - before;
    const sliced = passages();
    const slicedHeld = heapAfterGc() - before - detachedHeld;
    expect(detached).toEqual(sliced);
    // V8 keeps a slice's whole text: 40 MB for the slices, next to nothing for their copies.
    expect(slicedHeld).toBeGreaterThan(30_000_000);
    expect(detachedHeld).toBeLessThan(5_000_000);
  });
});
