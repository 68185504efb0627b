// Finds where a query matches a text: the ranges to highlight and which clauses occur, computed from the
// text itself (with the article's language processing) so the index need not store positions (issue 6).

import type { LanguageProcessing } from '../index/languages.js';
import { tokenize } from '../index/tokenize.js';
import type { MatchRange } from '../model.js';
import type { TermClause } from './parse-query.js';

/** A compiled clause: a word by stem, a prefix, a word within an edit distance, or a phrase. */
type ClauseMatcher =
  | { kind: 'word'; stem: string }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'fuzzy'; stem: string; distance: number }
  | { kind: 'phrase'; stems: readonly string[] };

/** Clauses ready to run over many texts of one language. */
export interface TextMatcher {
  clauses: readonly ClauseMatcher[];
  language: LanguageProcessing;
}

interface StemmedToken {
  word: string;
  stem: string;
  start: number;
  end: number;
}

/** Compiles `clauses` for texts processed by `language`. */
export function compileMatcher(clauses: readonly TermClause[], language: LanguageProcessing): TextMatcher {
  return {
    language,
    clauses: clauses.map((clause): ClauseMatcher => {
      const first = clause.words[0] ?? '';
      if (clause.phrase) return { kind: 'phrase', stems: clause.words.map((w) => language.stem(w)) };
      if (clause.prefix) return { kind: 'prefix', prefix: first };
      if (clause.fuzzy > 0) return { kind: 'fuzzy', stem: language.stem(first), distance: clause.fuzzy };
      return { kind: 'word', stem: language.stem(first) };
    }),
  };
}

function stemTokens(text: string, language: LanguageProcessing): StemmedToken[] {
  return tokenize(text).map((t) => ({ word: t.word, stem: language.stem(t.word), start: t.start, end: t.end }));
}

/** Ranges of `tokens` where `clause` matches, each a half-open token index range. */
function clauseHits(clause: ClauseMatcher, tokens: readonly StemmedToken[], language: LanguageProcessing): [number, number][] {
  const hits: [number, number][] = [];
  if (clause.kind === 'phrase') {
    const n = clause.stems.length;
    outer: for (let i = 0; i + n <= tokens.length; i += 1) {
      for (let k = 0; k < n; k += 1) if (tokens[i + k]?.stem !== clause.stems[k]) continue outer;
      hits.push([i, i + n]);
    }
    return hits;
  }
  tokens.forEach((token, i) => {
    let match: boolean;
    if (clause.kind === 'word') match = token.stem === clause.stem;
    else if (clause.kind === 'prefix') match = token.word.startsWith(clause.prefix);
    else match = withinDistance(token.stem, clause.stem, clause.distance);
    if (match && !language.isStopWord(token.word)) hits.push([i, i + 1]);
  });
  return hits;
}

/** What a text holds of a query: the ranges to highlight, and which clauses occur (by index). */
export interface TextMatches {
  ranges: MatchRange[];
  found: boolean[];
}

/** Runs `matcher` over `text`: sorted, merged ranges (a phrase occurrence is one range). */
export function findMatches(text: string, matcher: TextMatcher): TextMatches {
  if (matcher.clauses.length === 0) return { ranges: [], found: [] };
  const tokens = stemTokens(text, matcher.language);
  const ranges: MatchRange[] = [];
  const found = matcher.clauses.map((clause) => {
    const hits = clauseHits(clause, tokens, matcher.language);
    for (const [from, to] of hits) {
      const first = tokens[from];
      const last = tokens[to - 1];
      if (first && last) ranges.push({ start: first.start, end: last.end });
    }
    return hits.length > 0;
  });
  return { ranges: mergeRanges(ranges), found };
}

/** True when `a` and `b` are at most `max` edits apart (Levenshtein), computed with an early exit. */
export function withinDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (a === b) return true;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return false;
    previous = current;
  }
  return (previous[b.length] ?? max + 1) <= max;
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
