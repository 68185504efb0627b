// Picks the best short passage of an article for a result list: the window with the most matches.

import type { MatchRange, Snippet } from '../../contract/model.js';

/** Target snippet length in characters. */
export const snippetLength = 220;

/**
 * Returns a passage of `body` around its densest cluster of `matches` (or its opening when none),
 * cut at word boundaries, with highlight offsets relative to the passage.
 */
export function makeSnippet(body: string, matches: readonly MatchRange[], length = snippetLength): Snippet {
  let bestStart = 0;
  let bestCount = 0;
  for (let i = 0, j = 0; i < matches.length; i += 1) {
    const from = matches[i]?.start ?? 0;
    while (j < matches.length && (matches[j]?.end ?? 0) <= from + length) j += 1;
    if (j - i > bestCount) {
      bestCount = j - i;
      bestStart = from;
    }
  }
  let start = 0;
  if (bestCount > 0) {
    // Start a little before the first match, at a word (or sentence) boundary.
    start = Math.max(0, bestStart - 40);
    const sentence = lastSentenceStart(body, start, bestStart);
    if (sentence !== -1) start = sentence;
    else if (start > 0) start = nextWordStart(body, start);
  }
  let end = Math.min(body.length, start + length);
  if (end < body.length) end = previousWordEnd(body, end, start);

  const raw = body.slice(start, end);
  // One space per line break keeps every offset valid.
  const text = raw.replace(/\n/g, ' ');
  const prefix = start > 0 ? '… ' : '';
  const suffix = end < body.length ? ' …' : '';
  const highlights: MatchRange[] = [];
  for (const m of matches) {
    if (m.start >= start && m.end <= end) {
      highlights.push({ start: m.start - start + prefix.length, end: m.end - start + prefix.length });
    }
  }
  return { text: prefix + text + suffix, highlights };
}

/** Where the last sentence that starts in `[from, to]` begins (after `.`, `!`, `?` and white space), or -1. */
function lastSentenceStart(text: string, from: number, to: number): number {
  let found = -1;
  for (const match of text.slice(from, to + 1).matchAll(/[.!?]["”’»]?\s+/g)) found = from + match.index + match[0].length;
  return found > to ? -1 : found;
}

function nextWordStart(text: string, at: number): number {
  const space = text.slice(at).search(/\s/);
  return space === -1 ? at : at + space + 1;
}

function previousWordEnd(text: string, at: number, min: number): number {
  const space = text.lastIndexOf(' ', at);
  return space > min ? space : at;
}
