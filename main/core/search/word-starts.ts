// A cheap test before the real one: a text cannot hold a word unless it holds the start that every form of
// the word shares with its stem. Phrase checks and quote matching rule most texts out with it.

import type { LanguageProcessing } from '../index/languages.js';
import type { TermClause } from './parse-query.js';

/** Per word of a clause, the start it shares with its stem (see stableStart); none for a typo-tolerant clause. */
export type ClauseStarts = (string | null)[];

export function clauseStarts(clause: TermClause, language: LanguageProcessing): ClauseStarts {
  if (clause.fuzzy > 0) return [];
  return clause.words.map((word) => stableStart(word, clause.prefix ? word : language.stem(word)));
}

/**
 * False only when `lowerText` cannot contain the clause: it lacks the start that each word shares with its
 * stem (any form of the word begins so). Typo-tolerant clauses (no starts) are always checked in full.
 */
export function mayContain(lowerText: string, starts: ClauseStarts): boolean {
  return starts.every((start) => start === null || lowerText.includes(start));
}

/**
 * The start a word shares with its stem, less the stem's last letter: every form of the word that stems alike
 * begins with it. Suffix stemmers change only endings, but Russian keys also drop a fleeting vowel just before
 * the stem's last letter ("паводка" and "паводок" are both "паводк", and share only "павод"). Null when under
 * two letters, too short to narrow anything.
 */
export function stableStart(word: string, stem: string): string | null {
  let common = 0;
  while (common < word.length && common < stem.length - 1 && word[common] === stem[common]) common += 1;
  return common >= 2 ? word.slice(0, common) : null;
}
