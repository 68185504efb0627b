// Unit tests of the renderer's pure highlight slicing: segments for overlapping range lists.

import { describe, expect, it } from 'vitest';
import { segmentText, type HighlightLayer, type Segment } from '../../renderer/highlight.js';

/** A compact picture of segments: `text` or `[text|hit0,quote1]`. */
function picture(segments: Segment[]): string {
  return segments
    .map((s) => (s.marks.length === 0 ? s.text : `[${s.text}|${s.marks.map((m) => `${m.layer}${m.index}`).join(',')}]`))
    .join('');
}

const hits = (...ranges: Array<[number, number]>): HighlightLayer => ({
  name: 'hit',
  ranges: ranges.map(([start, end]) => ({ start, end })),
});
const quote = (...ranges: Array<[number, number]>): HighlightLayer => ({
  name: 'quote',
  ranges: ranges.map(([start, end]) => ({ start, end })),
});

describe('segmentText', () => {
  it.each<[string, string, HighlightLayer[], string]>([
    ['leaves text without ranges whole', 'Ruiz said yes', [], 'Ruiz said yes'],
    ['marks one range', 'Ruiz said yes', [hits([0, 4])], '[Ruiz|hit0] said yes'],
    ['marks ranges given out of order', 'a b c', [hits([4, 5], [0, 1])], '[a|hit1] b [c|hit0]'],
    ['marks a range at the very end', 'a b', [hits([2, 3])], 'a [b|hit0]'],
    ['ignores empty and inverted ranges', 'abc', [hits([1, 1], [2, 1])], 'abc'],
    ['clamps ranges that run past the text', 'abc', [hits([-5, 1], [2, 99])], '[a|hit0]b[c|hit1]'],
    [
      'splits a hit that a quote starts inside',
      'we will rebuild it',
      [hits([3, 7]), quote([5, 15])],
      'we [wi|hit0][ll|hit0,quote0][ rebuild|quote0] it',
    ],
    ['marks a hit inside a quote with both', 'say "no more" now', [hits([5, 7]), quote([5, 12])], 'say "[no|hit0,quote0][ more|quote0]" now'],
    ['marks overlapping ranges of one layer with both', 'abcdef', [hits([0, 4], [2, 6])], '[ab|hit0][cd|hit0,hit1][ef|hit1]'],
  ])('%s', (_name, text, layers, expected) => {
    expect(picture(segmentText(text, layers))).toBe(expected);
  });

  it('covers the text exactly, in order, with offsets into the whole text', () => {
    const text = 'One. Two three.\n\nFour "five" six.';
    const segments = segmentText(text, [hits([5, 8], [22, 26]), quote([21, 27]), { name: 'speaker', ranges: [{ start: 0, end: 3 }] }]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    segments.forEach((s, i) => {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      if (i > 0) expect(s.start).toBe(segments[i - 1]?.end);
    });
  });

  it('slices one paragraph with article-wide offsets', () => {
    const text = 'First one.\n\nSecond one.';
    const segments = segmentText(text, [hits([0, 5], [12, 18])], 12, 23);
    expect(picture(segments)).toBe('[Second|hit1] one.');
    expect(segments[0]).toMatchObject({ start: 12, end: 18 });
  });

  it('keeps surrogate pairs whole when offsets respect them', () => {
    const text = 'a 😀 b';
    expect(picture(segmentText(text, [hits([2, 4])]))).toBe('a [😀|hit0] b');
  });

  it('returns nothing for an empty slice', () => {
    expect(segmentText('abc', [hits([0, 3])], 2, 2)).toEqual([]);
    expect(segmentText('', [])).toEqual([]);
  });
});
