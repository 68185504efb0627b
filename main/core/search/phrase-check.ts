// Confirms that an article a phrase query found holds the phrase itself, words side by side (or near each
// other, for `"a b"~5`): lunr finds the articles holding all its words, anywhere.

import type { LanguageProcessing } from '../index/languages.js';
import type { Article } from '../../contract/model.js';
import { keptMap } from '../util/kept.js';
import { anyClauseOccurs, compileMatcher, findMatches, textWords } from './match-text.js';
import type { TermClause } from './parse-query.js';
import type { SearchState } from './search-state.js';
import { stableStart } from './word-starts.js';

/** Whether a text holds one phrase (see phraseCheck). */
export type PhraseCheck = (text: string) => boolean;

/** True when the title of `article` holds the phrase `clause`, or its body does (unless the clause is title-only). */
export function containsPhrase(state: SearchState, article: Article | undefined, clause: TermClause, language: LanguageProcessing): boolean {
  if (!article) return false;
  const check = phraseCheck(state, clause, language);
  return check(article.title) || (!clause.titleOnly && check(article.body));
}

/**
 * A fast, exact phrase test for many texts. A regular expression finds the places where the phrase's
 * words may stand side by side (each word's start, as far as it agrees with its stem, then any letters);
 * only there is the text tokenized and stemmed to confirm, instead of the whole text (issue 6: phrase
 * queries on 20k articles spent most of their time tokenizing whole articles).
 */
function phraseCheck(state: SearchState, clause: TermClause, language: LanguageProcessing): PhraseCheck {
  // Called for every article a phrase query finds: no closure made per call (see util/kept.ts).
  const byLanguage = keptMap(state.phraseChecks, clause);
  const cached = byLanguage.get(language.code);
  if (cached) return cached;
  const matcher = compileMatcher([clause], language);
  if (clause.near !== undefined) {
    // `"a b"~5`: the words in any order, so no pattern of them side by side finds the candidates.
    const nearCheck = (text: string): boolean => anyClauseOccurs(textWords(text, language), matcher);
    byLanguage.set(language.code, nearCheck);
    return nearCheck;
  }
  const parts = clause.words.map((word) => {
    const start = stableStart(word, language.stem(word));
    // Words too changed by their stemmer to give a safe start are matched by any word here.
    return start !== null ? `${escapeRegExp(start)}[\\p{L}\\p{M}\\p{N}'’.]*` : `[\\p{L}\\p{M}\\p{N}'’.]+`;
  });
  const pattern = new RegExp(parts.join('[^\\p{L}\\p{M}\\p{N}]*'), 'giu');
  const check = (text: string): boolean => {
    pattern.lastIndex = 0;
    let failed = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      // A phrase of short words ("a 2", `a^2`) gives no start to look for: every pair of words is a
      // candidate, each tokenized twice. Past a few, reading the whole text once is cheaper (issue 14:
      // 16 s at 10x BBC, nearly all of it in these windows).
      if (failed === maxFailedCandidates) return anyClauseOccurs(textWords(text, language), matcher);
      // Most candidates are the phrase itself: when one starts a word, its own words are the text's words
      // there (it ends at a non-letter), so finding the phrase in them is finding it in the window below.
      if (startsWord(text, m.index) && anyClauseOccurs(textWords(text, language, m.index, m.index + m[0].length), matcher)) return true;
      // Confirm with the real tokens, in a window a little wider than the candidate.
      if (findMatches(wordWindow(text, m.index - 40, m.index + m[0].length + 40), matcher).found[0] === true) return true;
      failed += 1;
      pattern.lastIndex = m.index + 1;
    }
    return false;
  };
  byLanguage.set(language.code, check);
  return check;
}

/** Candidates of one text that fail their window before the whole text is read instead (see phraseCheck). */
const maxFailedCandidates = 8;

/** How far a window's edge moves to reach the end of the word it falls in (longer words are cut: see maxWordLength). */
const maxEdgeShift = 64;

/**
 * `text` from `from` to `to`, widened so neither edge cuts a word: a cut word is another word ("Australia 2-1"
 * cut to "a 2-1" held the phrase "a 2").
 */
function wordWindow(text: string, from: number, to: number): string {
  let start = Math.max(0, from);
  const leftmost = Math.max(0, start - maxEdgeShift);
  while (start > leftmost && !startsWord(text, start)) start -= 1;
  let end = Math.min(text.length, to);
  const rightmost = Math.min(text.length, end + maxEdgeShift);
  while (end < rightmost && !startsWord(text, end + 1)) end += 1;
  return text.slice(start, end);
}

/** Ends with a character of a word: a letter, mark or digit, or an apostrophe or dot (which join a word's parts). */
const wordCharacterAtEnd = /[\p{L}\p{M}\p{N}'’.]$/u;

/** True when a word of `text` starts at `index`: nothing of a word stands right before it. */
function startsWord(text: string, index: number): boolean {
  // Two code units: the character before may be a surrogate pair.
  return index === 0 || !wordCharacterAtEnd.test(text.slice(Math.max(0, index - 2), index));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
