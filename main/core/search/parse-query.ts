// Parses what a user types into a search plan. Never throws: anything it cannot use is dropped and noted.

import { isStopWord } from '../index/configure-lunr.js';
import { tokenize } from '../index/tokenize.js';

/** One part of a query: a word, or a phrase of words that must stand together in this order. */
export interface QueryClause {
  /** Normalized words (see `tokenize`); one for a word clause, several for a phrase. */
  words: string[];
  /** Written as `"..."`, or a run like `Putin–Trump` that holds several words. */
  phrase: boolean;
  /** Written with a leading `-`: articles containing it are left out. */
  exclude: boolean;
  /** Written with a trailing `*`: any word starting with it matches (single words only). */
  prefix: boolean;
  /** Where the clause is in the query text. */
  start: number;
  end: number;
}

export interface ParsedQuery {
  clauses: QueryClause[];
  /** Words that were dropped because they are too common to search for ("the", "of"). */
  ignoredWords: string[];
}

/** At most this many clauses are searched; the rest are dropped (a cap against hostile input). */
export const maxClauses = 32;
/** A prefix must have at least this many letters: `a*` would expand to most of the vocabulary. */
export const minPrefixLength = 2;

/**
 * Parses `text`.
 * @example parseQuery('"Putin Trump" -Ukraine sanction*') // phrase, excluded word, prefix
 */
export function parseQuery(text: string): ParsedQuery {
  const clauses: QueryClause[] = [];
  const ignoredWords: string[] = [];
  let i = 0;
  while (i < text.length && clauses.length < maxClauses) {
    const ch = text[i] ?? '';
    if (/\s/u.test(ch)) {
      i += 1;
      continue;
    }
    const start = i;
    let exclude = false;
    if (ch === '-' || ch === '−') {
      exclude = true;
      i += 1;
    }
    const open = text[i];
    if (open === '"' || open === '“' || open === '«' || open === '„') {
      const closers = open === '«' ? '»' : open === '"' ? '"' : '”"“';
      let j = i + 1;
      while (j < text.length && !closers.includes(text[j] ?? '')) j += 1;
      const inner = text.slice(i + 1, j);
      i = Math.min(j + 1, text.length);
      const words = tokenize(inner).map((t) => t.word);
      if (words.length > 0) clauses.push({ words, phrase: words.length > 1, exclude, prefix: false, start, end: i });
      continue;
    }
    let j = i;
    while (j < text.length && !/\s/u.test(text[j] ?? '')) j += 1;
    const run = text.slice(i, j);
    i = j;
    const words = tokenize(run).map((t) => t.word);
    if (words.length === 0) continue;
    const prefix = words.length === 1 && /\*$/.test(run) && (words[0]?.length ?? 0) >= minPrefixLength;
    if (words.length === 1 && !prefix && !exclude && isStopWord(words[0] ?? '')) {
      ignoredWords.push(words[0] ?? '');
      continue;
    }
    clauses.push({ words, phrase: words.length > 1, exclude, prefix, start, end: i });
  }
  return { clauses, ignoredWords };
}
