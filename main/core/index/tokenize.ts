// Splits text into words the same way for indexing, querying and highlighting, in any script.
// lunr's own tokenizer splits on whitespace and hyphens only and its trimmer uses ASCII \W, which empties
// Cyrillic, Greek, Arabic and CJK words (../shared/SECURITY.md); this one is Unicode-aware.

import { maxInnerSeparators, maxRunLength } from '../util/text-budgets.js';

/** One word of a text, with where it stands. */
export interface WordToken {
  /** Lower-cased, apostrophes unified, possessive `'s` dropped: the form handed to the stemmer. */
  word: string;
  /** Offsets of the word in the original text (half-open). */
  start: number;
  end: number;
}

/** A letter, mark or digit that is not Han or kana. */
const spacedLetter = '(?:(?![\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}])[\\p{L}\\p{M}\\p{N}])';

/**
 * A word: letters, marks and digits, with inner apostrophes or dots kept ("don't", "U.S", "3.5"). Chinese
 * and Japanese are written without spaces: each Han or kana character is a word of its own, and a query of
 * several characters is searched as a phrase of them (adjacent, in order). A run longer than
 * `maxRunLength` is split into several words. Global: for match/matchAll.
 */
export const wordPattern = new RegExp(
  `[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}]|${spacedLetter}{1,${maxRunLength}}(?:['’.]${spacedLetter}{1,${maxRunLength}}){0,${maxInnerSeparators}}`,
  'gu',
);

/** Longest word kept; longer runs (base64, hashes) are cut to this many characters. */
export const maxWordLength = 60;

/**
 * Returns the words of `text` in order.
 * @example tokenize('Putin–Trump "talks"') // [{ word: 'putin', ... }, { word: 'trump', ... }, { word: 'talks', ... }]
 */
export function tokenize(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  for (const match of text.matchAll(wordPattern)) {
    const start = match.index;
    const word = normalizeWord(match[0]);
    if (word.length > 0) tokens.push({ word, start, end: start + match[0].length });
  }
  return tokens;
}

/**
 * The first `limit` words of `text` as written (not normalized): what the index takes of a field. A text no
 * longer than `limit` cannot hold more words (each takes a character), and is matched in one call.
 */
export function firstWords(text: string, limit: number): string[] {
  if (text.length <= limit) return text.match(wordPattern) ?? [];
  const words: string[] = [];
  const pattern = new RegExp(wordPattern.source, wordPattern.flags);
  for (let match = pattern.exec(text); match !== null && words.length < limit; match = pattern.exec(text)) words.push(match[0]);
  return words;
}

/** Lower-cases a word and unifies its apostrophes; drops a possessive `'s` ("Trump's" -> "trump"). */
export function normalizeWord(raw: string): string {
  let word = raw.toLowerCase().replace(/’/g, "'");
  if (word.endsWith("'s")) word = word.slice(0, -2);
  return word.length > maxWordLength ? word.slice(0, maxWordLength) : word;
}
