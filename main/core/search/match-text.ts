// Finds where a query matches a text: the ranges to highlight and which clauses occur, computed from the
// text itself (with the article's language processing) so the index need not store positions (issue 6).

import type { LanguageProcessing } from '../index/languages.js';
import { normalizeWord, wordPattern } from '../index/tokenize.js';
import type { MatchRange } from '../../contract/model.js';
import { withinEditDistance } from '../util/edit-distance.js';
import type { TermClause } from './parse-query.js';

/**
 * A compiled clause: a word by stem, a prefix, a word within an edit distance, a phrase, or a phrase's words
 * near each other (`"a b"~5`: `distance` is how many other words may stand among them). Every kind has
 * every field (unused ones empty): one object shape keeps V8's code for the matching loops optimized, where
 * a shape per kind deoptimized it at each new kind of query (issue 6).
 */
interface ClauseMatcher {
  kind: 'word' | 'prefix' | 'fuzzy' | 'phrase' | 'near';
  /** The stem of a word or typo-tolerant clause. */
  stem: string;
  prefix: string;
  distance: number;
  /** For a typo-tolerant clause, the answer per stem: a text repeats its words, and the edit distance is costly. */
  near: Map<string, boolean>;
  /** The stems of a phrase's (or a proximity search's) words. */
  stems: readonly string[];
  /** A word's stem, or a phrase's stems, as `WordIndex` strings hold them (see `clauseIn`). */
  key: string;
}

/** Separates the stems in a `WordIndex`: no word or stem holds it (words are letters, marks, digits, apostrophes and dots). */
const separator = '\u0001';

/** Clauses ready to run over many texts of one language. */
export interface TextMatcher {
  clauses: readonly ClauseMatcher[];
  language: LanguageProcessing;
}

/** A word as written, processed: normalized (as `tokenize` does), stemmed and looked up in the stop words. */
export interface Spelling {
  word: string;
  stem: string;
  stopWord: boolean;
}

/** Compiles `clauses` for texts processed by `language`. */
export function compileMatcher(clauses: readonly TermClause[], language: LanguageProcessing): TextMatcher {
  return {
    language,
    clauses: clauses.map((clause): ClauseMatcher => {
      const first = clause.words[0] ?? '';
      if (clause.phrase && clause.near !== undefined) return clauseMatcher('near', '', '', clause.near, clause.words.map((w) => language.stem(w)));
      if (clause.phrase) return clauseMatcher('phrase', '', '', 0, clause.words.map((w) => language.stem(w)));
      if (clause.prefix) return clauseMatcher('prefix', '', first, 0, []);
      if (clause.fuzzy > 0) return clauseMatcher('fuzzy', language.stem(first), '', clause.fuzzy, []);
      return clauseMatcher('word', language.stem(first), '', 0, []);
    }),
  };
}

function clauseMatcher(kind: ClauseMatcher['kind'], stem: string, prefix: string, distance: number, stems: readonly string[]): ClauseMatcher {
  const key = `${separator}${kind === 'phrase' ? stems.join(separator) : stem}${separator}`;
  return { kind, stem, prefix, distance, near: new Map(), stems, key };
}

// Reading a text's words.

/** Per language, the spellings met so far; the cache is cleared when it grows past `maxSpellings`. */
const spellingCaches = new Map<string, Map<string, Spelling>>();
const maxSpellings = 200_000;
/** The tokenizer's pattern, our own copy (its `lastIndex` is ours to move). */
const wordRegExp = new RegExp(wordPattern.source, wordPattern.flags);

/** A text's words, processed, with where each stands (parallel lists). */
export interface PositionedWords {
  spellings: Spelling[];
  starts: number[];
  ends: number[];
}

/**
 * The processed words of `text` (or of its part from `from` to `to`, which must not fall inside a word),
 * without positions: what `anyClauseOccurs` needs.
 */
export function textWords(text: string, language: LanguageProcessing, from = 0, to = text.length): Spelling[] {
  const spellings: Spelling[] = [];
  readWords(text, language, from, to, spellings, null);
  return spellings;
}

/** The words of `text` with their offsets (see `readWords`), for `matchWords`; kept by callers for texts matched often. */
export function positionedWords(text: string, language: LanguageProcessing): PositionedWords {
  const words: PositionedWords = { spellings: [], starts: [], ends: [] };
  readWords(text, language, 0, text.length, words.spellings, words);
  return words;
}

/**
 * Reads the words of `text` as `tokenize` gives them (or of its part from `from` to `to`, which must not
 * fall inside a word), processed, into `spellings`, and their offsets into `positions` if given. Each
 * spelling is normalized, stemmed and looked up in the stop words once, not at every occurrence: the same
 * few thousand spellings make up most texts, and this runs over the quotes of 500 articles and the bodies of
 * 20 on every search (issue 6).
 */
function readWords(text: string, language: LanguageProcessing, from: number, to: number, spellings: Spelling[], positions: { starts: number[]; ends: number[] } | null): void {
  const known = spellingsOf(language);
  wordRegExp.lastIndex = from;
  for (let match = wordRegExp.exec(text); match !== null && match.index < to; match = wordRegExp.exec(text)) {
    const raw = match[0];
    let spelling = known.get(raw);
    if (spelling === undefined) {
      const word = normalizeWord(raw);
      spelling = { word, stem: language.stem(word), stopWord: language.isStopWord(word) };
      known.set(raw, spelling);
    }
    if (spelling.word.length === 0) continue;
    spellings.push(spelling);
    positions?.starts.push(match.index);
    positions?.ends.push(match.index + raw.length);
  }
}

function spellingsOf(language: LanguageProcessing): Map<string, Spelling> {
  let known = spellingCaches.get(language.code);
  if (known === undefined || known.size > maxSpellings) {
    known = new Map();
    spellingCaches.set(language.code, known);
  }
  return known;
}

// Matching a query's clauses in them.

/** True when `word` matches a clause that is not a phrase (stop words never do). */
function wordMatches(clause: ClauseMatcher, word: Spelling): boolean {
  if (word.stopWord) return false;
  if (clause.kind === 'word') return word.stem === clause.stem;
  if (clause.kind === 'prefix') return word.word.startsWith(clause.prefix);
  let near = clause.near.get(word.stem);
  if (near === undefined) {
    near = withinEditDistance(word.stem, clause.stem, clause.distance);
    clause.near.set(word.stem, near);
  }
  return near;
}

/** True when the phrase's stems stand in order from `words[i]` (stop words included). */
function phraseAt(stems: readonly string[], words: readonly Spelling[], i: number): boolean {
  if (i + stems.length > words.length) return false;
  for (let k = 0; k < stems.length; k += 1) if (words[i + k]?.stem !== stems[k]) return false;
  return true;
}

/**
 * Where the window of `words` that starts at `words[i]` and holds every stem of a proximity clause ends
 * (exclusive), or -1: the stems in any order, within `stems.length + distance` words. A shortest window
 * starts at one of the stems, so only those starts are tried.
 */
function nearEnd(clause: ClauseMatcher, words: readonly Spelling[], i: number): number {
  if (!clause.stems.includes(words[i]?.stem ?? separator)) return -1;
  const missing = [...clause.stems];
  const last = Math.min(words.length, i + clause.stems.length + clause.distance);
  for (let k = i; k < last; k += 1) {
    const at = missing.indexOf(words[k]?.stem ?? separator);
    if (at === -1) continue;
    missing.splice(at, 1);
    if (missing.length === 0) return k + 1;
  }
  return -1;
}

// The loops below are plain loops, not callbacks (`some`, `forEach`): they run over every word of
// thousands of quotes per search, and V8 optimizes a loop in place while a callback per word stays slow
// for the first searches (issue 6).

/** True when `clause` occurs in `words`. */
function clauseOccurs(clause: ClauseMatcher, words: readonly Spelling[]): boolean {
  if (clause.kind === 'phrase') {
    for (let i = 0; i + clause.stems.length <= words.length; i += 1) if (phraseAt(clause.stems, words, i)) return true;
    return false;
  }
  if (clause.kind === 'near') {
    for (let i = 0; i < words.length; i += 1) if (nearEnd(clause, words, i) !== -1) return true;
    return false;
  }
  for (const word of words) if (wordMatches(clause, word)) return true;
  return false;
}

/**
 * A text's words kept for testing many queries against it (quotes, by the speakers list of every search):
 * the words, and their stems joined into strings, so that a word or a phrase is found with one `includes`
 * rather than a loop over the words (V8 runs such loops slowly until it has optimized them; `includes`
 * is fast from the first search).
 */
export interface WordIndex {
  spellings: Spelling[];
  /** Every word's stem, each between separators. */
  stems: string;
  /** The stems of the words that are not stop words (what word clauses match), each between separators. */
  contentStems: string;
}

/** The words of `text` as a `WordIndex`. */
export function wordIndex(text: string, language: LanguageProcessing): WordIndex {
  const spellings = textWords(text, language);
  const joined = (list: readonly Spelling[]): string => (list.length === 0 ? '' : `${separator}${list.map((w) => w.stem).join(separator)}${separator}`);
  return { spellings, stems: joined(spellings), contentStems: joined(spellings.filter((w) => !w.stopWord)) };
}

/** True when any clause of `matcher` occurs in the indexed words: `findMatches(...).found.some(Boolean)`. */
export function anyClauseIn(index: WordIndex, matcher: TextMatcher): boolean {
  for (const clause of matcher.clauses) {
    if (clause.kind === 'word' ? index.contentStems.includes(clause.key) : clause.kind === 'phrase' ? index.stems.includes(clause.key) : clauseOccurs(clause, index.spellings)) return true;
  }
  return false;
}

/** True when any clause of `matcher` occurs in `words` (from `textWords`): `findMatches(...).found.some(Boolean)`. */
export function anyClauseOccurs(words: readonly Spelling[], matcher: TextMatcher): boolean {
  for (const clause of matcher.clauses) if (clauseOccurs(clause, words)) return true;
  return false;
}

/** What a text holds of a query: the ranges to highlight, and which clauses occur (by index). */
export interface TextMatches {
  ranges: MatchRange[];
  found: boolean[];
}

/** Runs `matcher` over `text`: sorted, merged ranges (a phrase occurrence is one range). */
export function findMatches(text: string, matcher: TextMatcher): TextMatches {
  if (matcher.clauses.length === 0) return { ranges: [], found: [] };
  return matchWords(positionedWords(text, matcher.language), matcher);
}

/** `findMatches` over a text's words (from `positionedWords` with the matcher's language). */
export function matchWords(words: PositionedWords, matcher: TextMatcher): TextMatches {
  const { spellings, starts, ends } = words;
  const ranges: MatchRange[] = [];
  const found = matcher.clauses.map((clause) => {
    if (clause.kind === 'near') return matchNear(clause, words, ranges);
    // A phrase's occurrence spans its words; a word's, itself.
    const span = clause.kind === 'phrase' ? clause.stems.length : 1;
    let hits = 0;
    for (let i = 0; i + span <= spellings.length; i += 1) {
      const spelling = spellings[i] as Spelling;
      if (clause.kind === 'phrase' ? !phraseAt(clause.stems, spellings, i) : !wordMatches(clause, spelling)) continue;
      ranges.push({ start: starts[i] ?? 0, end: ends[i + span - 1] ?? 0 });
      hits += 1;
    }
    return hits > 0;
  });
  return { ranges: mergeRanges(ranges), found };
}

/** Adds the words of each place where the proximity `clause` occurs to `ranges` (each word its own range); true when any. */
function matchNear(clause: ClauseMatcher, words: PositionedWords, ranges: MatchRange[]): boolean {
  const { spellings, starts, ends } = words;
  let hits = 0;
  for (let i = 0; i < spellings.length; i += 1) {
    const end = nearEnd(clause, spellings, i);
    if (end === -1) continue;
    for (let k = i; k < end; k += 1) if (clause.stems.includes(spellings[k]?.stem ?? separator)) ranges.push({ start: starts[k] ?? 0, end: ends[k] ?? 0 });
    hits += 1;
  }
  return hits > 0;
}

/** Sorts ranges and merges overlapping ones. */
export function mergeRanges(ranges: readonly MatchRange[]): MatchRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: MatchRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start < last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}
