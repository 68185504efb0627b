// Finds where a query matches a text: the ranges to highlight and whether every clause occurs, computed
// from the text itself so the index need not store positions (issue 6: keep the index lean).

import { isStopWord, stemWord } from '../index/configure-lunr.js';
import { tokenize } from '../index/tokenize.js';
import type { MatchRange } from '../model.js';
import type { QueryClause } from './parse-query.js';

/** A compiled clause: a single word (by stem, or by prefix) or a phrase (a stem sequence). */
type ClauseMatcher =
  | { kind: 'word'; stem: string }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'phrase'; stems: readonly string[] };

/** The included clauses of a query, ready to run over many texts. */
export interface TextMatcher {
  clauses: readonly ClauseMatcher[];
}

interface StemmedToken {
  word: string;
  stem: string;
  start: number;
  end: number;
}

const stemCache = new Map<string, string>();

/** Stems `word` through the index's pipeline, memoized (the same words recur across articles). */
export function cachedStem(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    if (stemCache.size > 200_000) stemCache.clear();
    stem = stemWord(word);
    stemCache.set(word, stem);
  }
  return stem;
}

/** Compiles `clauses` (the caller passes the included ones) into a matcher. */
export function compileMatcher(clauses: readonly QueryClause[]): TextMatcher {
  return {
    clauses: clauses.map((clause): ClauseMatcher => {
      const first = clause.words[0] ?? '';
      if (clause.phrase) return { kind: 'phrase', stems: clause.words.map(cachedStem) };
      if (clause.prefix) return { kind: 'prefix', prefix: first };
      return { kind: 'word', stem: cachedStem(first) };
    }),
  };
}

function stemTokens(text: string): StemmedToken[] {
  return tokenize(text).map((t) => ({ word: t.word, stem: cachedStem(t.word), start: t.start, end: t.end }));
}

/** Ranges of `tokens` where `clause` matches, each a half-open token index range. */
function clauseHits(clause: ClauseMatcher, tokens: readonly StemmedToken[]): [number, number][] {
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
    const match = clause.kind === 'word' ? token.stem === clause.stem : token.word.startsWith(clause.prefix);
    if (match && !isStopWord(token.word)) hits.push([i, i + 1]);
  });
  return hits;
}

/** What a text holds of a query: the ranges to highlight, and how many of its clauses occur. */
export interface TextMatches {
  ranges: MatchRange[];
  clausesFound: number;
}

/** Runs `matcher` over `text`: sorted, merged ranges (a phrase occurrence is one range). */
export function findMatches(text: string, matcher: TextMatcher): TextMatches {
  if (matcher.clauses.length === 0) return { ranges: [], clausesFound: 0 };
  const tokens = stemTokens(text);
  const ranges: MatchRange[] = [];
  let clausesFound = 0;
  for (const clause of matcher.clauses) {
    const hits = clauseHits(clause, tokens);
    if (hits.length > 0) clausesFound += 1;
    for (const [from, to] of hits) {
      const first = tokens[from];
      const last = tokens[to - 1];
      if (first && last) ranges.push({ start: first.start, end: last.end });
    }
  }
  return { ranges: mergeRanges(ranges), clausesFound };
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
