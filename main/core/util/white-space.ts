// What Verbatim counts as white space, and the trims built on it: one idea of it everywhere (JavaScript's
// `\s`, which is also what `String.prototype.trim` removes).

import type { MatchRange } from '../../contract/model.js';

/** True when `ch` is one white-space character (false for the empty string). */
export function isSpace(ch: string): boolean {
  return ch.trim() === '' && ch !== '';
}

/** `body[from..to)` without white space at either end; null when nothing else is left. */
export function trimRange(body: string, from: number, to: number): MatchRange | null {
  let start = from;
  let end = to;
  while (start < end && isSpace(body.charAt(start))) start++;
  while (end > start && isSpace(body.charAt(end - 1))) end--;
  return end > start ? { start, end } : null;
}

/** `text` without white space at either end; null when nothing is left, or nothing was given. */
export function trimToNull(text: string | null): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/**
 * Turns every run of white space into one space, and trims. The same as `replace(/\s+/g, ' ').trim()`,
 * but it leaves alone the single spaces that most runs are, which made this a tenth of reading an archive;
 * a text that needs no change (most of them) is tested once and returned as it is.
 */
export function collapseSpaces(text: string): string {
  return uncollapsedSpace.test(text) ? text.replace(/\s{2,}|[^\S ]/g, ' ').trim() : text;
}

/** White space that `collapseSpaces` changes: two in a row, any but a plain space, or at either end. */
const uncollapsedSpace = /\s\s|[^\S ]|^\s|\s$/;
