// Normalizes article text to Verbatim's body form: paragraphs separated by exactly one blank line.

import { collapseSpaces } from '../util/white-space.js';

/**
 * Splits `text` into paragraphs and joins them with `\n\n`.
 * Blank lines always separate paragraphs. Inside a block, single line breaks also separate paragraphs
 * (the seed article puts one paragraph per line), unless the block looks hard-wrapped: every line but the
 * last between 30 and 100 characters and not ending a sentence, as in e-mail style text.
 */
export function normalizeParagraphs(text: string): string {
  const paragraphs: string[] = [];
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n[ \t\u00a0]*\n/)) {
    const lines = block.split('\n').map(collapseSpaces).filter((line) => line !== '');
    if (lines.length === 0) continue;
    if (looksHardWrapped(lines)) paragraphs.push(lines.join(' '));
    else paragraphs.push(...lines);
  }
  return paragraphs.join('\n\n');
}

function looksHardWrapped(lines: readonly string[]): boolean {
  if (lines.length < 2) return false;
  return lines.slice(0, -1).every((line) => line.length >= 30 && line.length <= 100 && !/[.!?:"”»]$/.test(line));
}
