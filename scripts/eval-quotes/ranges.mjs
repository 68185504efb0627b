// Ranges of a body (a quotation's parts): their text, length, overlap, and text normalized for exact comparison.
import { QUOTE_CHARS } from './quotation-marks.mjs';

/** Text for exact comparison: quotation marks removed, white space collapsed, outer punctuation dropped. */
function normalizeQuote(text) {
  return text
    .replace(QUOTE_CHARS, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
}

/** Each part normalized on its own, so that the punctuation where parts meet does not count. */
export function normalizeParts(body, ranges) {
  return ranges.map((r) => normalizeQuote(body.slice(r.start, r.end))).join(' ');
}

export function rangesText(body, ranges) {
  return ranges.map((r) => body.slice(r.start, r.end)).join(' ');
}

export function rangesLength(ranges) {
  return ranges.reduce((n, r) => n + (r.end - r.start), 0);
}

export function overlapLength(a, b) {
  let n = 0;
  for (const x of a) for (const y of b) n += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
  return n;
}
