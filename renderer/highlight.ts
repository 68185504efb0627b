// Pure text slicing for highlights: cuts a text into segments at the edges of several overlapping range
// lists (query hits, a quote's parts, the speaker's name) so each segment can be wrapped once, with every
// class that covers it. No DOM here, so it is unit-tested under Node (test/renderer/highlight.test.ts).

import type { MatchRange } from '../main/contract/api.js';

/** One kind of mark and its ranges (UTF-16 offsets, half-open), in any order; overlaps are allowed. */
export interface HighlightLayer {
  /** Names the layer in the segments, e.g. `hit`, `quote`, `speaker`. */
  name: string;
  ranges: readonly MatchRange[];
}

/** Which range of which layer covers a segment; `index` is the range's position in its layer's list. */
export interface SegmentMark {
  layer: string;
  index: number;
}

/** A maximal run of text covered by the same set of ranges. `start`/`end` are offsets into the whole text. */
export interface Segment {
  start: number;
  end: number;
  text: string;
  /** Empty for plain text; in layer order, then range order. */
  marks: SegmentMark[];
}

/**
 * Cuts `text.slice(from, to)` into segments at every edge of every range, and says which ranges cover each.
 * Ranges are clamped to `[from, to)`; empty and inverted ones are ignored. Offsets stay relative to the
 * whole `text`, so a body can be rendered paragraph by paragraph with its article-wide ranges.
 * @example
 * segmentText('Ruiz said yes', [{ name: 'hit', ranges: [{ start: 0, end: 4 }] }]);
 * // [{ start: 0, end: 4, text: 'Ruiz', marks: [{ layer: 'hit', index: 0 }] },
 * //  { start: 4, end: 13, text: ' said yes', marks: [] }]
 */
export function segmentText(
  text: string,
  layers: readonly HighlightLayer[],
  from = 0,
  to: number = text.length,
): Segment[] {
  const lo = clamp(from, 0, text.length);
  const hi = clamp(to, lo, text.length);
  if (lo === hi) return [];

  const covering: Array<{ layer: string; index: number; start: number; end: number }> = [];
  const edges = new Set<number>([lo, hi]);
  for (const layer of layers) {
    layer.ranges.forEach((range, index) => {
      const start = clamp(range.start, lo, hi);
      const end = clamp(range.end, lo, hi);
      if (!(end > start)) return;
      covering.push({ layer: layer.name, index, start, end });
      edges.add(start);
      edges.add(end);
    });
  }

  const cuts = [...edges].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i] as number;
    const end = cuts[i + 1] as number;
    const marks = covering
      .filter((c) => c.start <= start && c.end >= end)
      .map(({ layer, index }) => ({ layer, index }));
    segments.push({ start, end, text: text.slice(start, end), marks });
  }
  return segments;
}

/**
 * The paragraphs of an article body as ranges into it: split on blank lines (`\n\n`, or more), with
 * surrounding whitespace and empty paragraphs left out.
 * @example
 * splitParagraphs('One.\n\nTwo.'); // [{ start: 0, end: 4 }, { start: 6, end: 10 }]
 */
export function splitParagraphs(body: string): MatchRange[] {
  const paragraphs: MatchRange[] = [];
  const separator = /\n[ \t\r]*\n\s*/g;
  let start = 0;
  const push = (from: number, to: number): void => {
    let a = from;
    let b = to;
    while (a < b && isSpace(body.charCodeAt(a))) a++;
    while (b > a && isSpace(body.charCodeAt(b - 1))) b--;
    if (b > a) paragraphs.push({ start: a, end: b });
  };
  for (let match = separator.exec(body); match !== null; match = separator.exec(body)) {
    push(start, match.index);
    start = match.index + match[0].length;
  }
  push(start, body.length);
  return paragraphs;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0;
}

function clamp(value: number, lo: number, hi: number): number {
  if (!Number.isFinite(value)) return value > 0 ? hi : lo;
  return Math.min(hi, Math.max(lo, Math.trunc(value)));
}
