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

function clamp(value: number, lo: number, hi: number): number {
  if (!Number.isFinite(value)) return value > 0 ? hi : lo;
  return Math.min(hi, Math.max(lo, Math.trunc(value)));
}
