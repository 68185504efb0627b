// Which quotes a query finds: those whose own words satisfy it (every group, no excluded clause) and whose
// speaker and kind pass its filters; and, for an article view, which quotes hold a highlighted match.

import { languageProcessing, type LanguageProcessing } from '../index/languages.js';
import type { MatchRange, Quote, QuoteKind, QuoteMatch } from '../../contract/model.js';
import { keptMap } from '../util/kept.js';
import { anyClauseIn, compileMatcher, wordIndex, type TextMatcher, type WordIndex } from './match-text.js';
import type { ParsedQuery } from './parse-query.js';
import type { ArticleTable } from './scores.js';
import type { SearchState } from './search-state.js';
import { speakerMatches } from './speaker-index.js';
import { clauseStarts, mayContain, type ClauseStarts } from './word-starts.js';

/** True when a quote's own words satisfy every group and no excluded clause, and its speaker the filters. */
export function quoteSatisfies(state: SearchState, quote: Quote, parsed: ParsedQuery, language: LanguageProcessing): boolean {
  const { speakerFilters, kindFilters, groups, excluded } = quoteMatchers(state, parsed, language);
  for (const filter of kindFilters) if (filter.kinds.includes(quote.kind) === filter.exclude) return false;
  for (const filter of speakerFilters) if (!speakerMatches(state, quote, filter)) return false;
  if (groups.length === 0 && excluded.clauses.length === 0) return true;
  // First the cheap test, on the text as it is: most quotes of the articles a query finds do not hold the
  // start of any of its words, and are never split into words at all (issue 6: the speakers list tests the
  // quotes of 500 articles per search, and splitting each the first time was most of a first search).
  const lower = lowerText(state, quote);
  for (const { starts } of groups) if (!starts.some((s) => mayContain(lower, s))) return false;
  const words = quoteWords(state, quote, language);
  for (const { matcher } of groups) if (!anyClauseIn(words, matcher)) return false;
  return !anyClauseIn(words, excluded);
}

/** The quotes of article number `n` whose own words satisfy the query (see quoteSatisfies). */
export function satisfyingQuotes(state: SearchState, table: ArticleTable, n: number, parsed: ParsedQuery): Quote[] {
  const article = table.articles[n];
  if (article === undefined) return [];
  const columns = quoteColumnsOf(state, table);
  const quotes = (columns.lists[n] ??= state.data.quotesOf(article.id));
  if (quotes.length === 0) return [];
  const language = languageProcessing(article.language);
  // Most articles a query finds quote no one using its words: one test of all their quotes' text rules
  // them out (each group's words must start somewhere in it), before any quote is tested on its own.
  const lower = (columns.lower[n] ??= quotes.map((q) => q.text.toLowerCase()).join('\n'));
  if (!quoteMatchers(state, parsed, language).groups.every(({ starts }) => starts.some((s) => mayContain(lower, s)))) return [];
  return quotes.filter((quote) => quoteSatisfies(state, quote, parsed, language));
}

/** Marks each quote that holds at least one of `matches` inside one of its parts. */
export function markQuotes(quotes: readonly Quote[], matches: readonly MatchRange[]): QuoteMatch[] {
  return quotes.map((quote) => ({
    ...quote,
    matches: matches.some((m) => quote.parts.some((p) => m.start >= p.start && m.end <= p.end)),
  }));
}

/**
 * The quotes of an article as a search shows them: a quote matches when it holds one of the search's
 * `matches` or is by the speaker the query names (`speaker:`); the speaker's matching quotes come first,
 * then the other matching ones, then the rest, each in text order. Issue 15: with `Iraq speaker:Blair`,
 * Blair's quotes were neither marked nor first.
 */
export function markSearchQuotes(state: SearchState, quotes: readonly Quote[], matches: readonly MatchRange[], parsed: ParsedQuery): QuoteMatch[] {
  const speakerFilters = parsed.filters.flatMap((f) => (f.kind === 'speaker' ? [f] : []));
  const marked = markQuotes(quotes, matches);
  if (!speakerFilters.some((f) => !f.exclude)) return [...marked.filter((q) => q.matches), ...marked.filter((q) => !q.matches)];
  const bySpeaker = marked.map((q) => speakerFilters.every((f) => speakerMatches(state, q, f)));
  const tier = (q: QuoteMatch, i: number): number => (bySpeaker[i] === true ? 0 : q.matches ? 1 : 2);
  return marked
    .map((q, i) => ({ quote: bySpeaker[i] === true ? { ...q, matches: true } : q, tier: tier(q, i) }))
    .sort((a, b) => a.tier - b.tier)
    .map(({ quote }) => quote);
}

/**
 * Per article number, filled as searches need them: its quotes, and their texts in lower case, one per
 * line. Arrays by number, not maps by id: the speakers list looks them up for 500 articles per search.
 */
export interface QuoteColumns {
  lists: (readonly Quote[] | undefined)[];
  lower: (string | undefined)[];
}

function quoteColumnsOf(state: SearchState, table: ArticleTable): QuoteColumns {
  return (state.quoteColumns ??= { lists: new Array<undefined>(table.articles.length), lower: new Array<undefined>(table.articles.length) });
}

/** A quote's text in lower case, kept: the same quotes come up search after search. */
function lowerText(state: SearchState, quote: Quote): string {
  // Called for every quote tested: no closure made per call (see util/kept.ts).
  let lower = state.lowerTexts.get(quote);
  if (lower === undefined) {
    lower = quote.text.toLowerCase();
    state.lowerTexts.set(quote, lower);
  }
  return lower;
}

/** A quote's words, processed for one language. */
export interface QuoteWords {
  code: string;
  words: WordIndex;
}

/**
 * A quote's words, processed once and kept, for the quotes that pass the cheap test in `quoteSatisfies`:
 * the same quotes come up again and again as a query is refined (issue 6).
 */
function quoteWords(state: SearchState, quote: Quote, language: LanguageProcessing): WordIndex {
  let known = state.quoteWords.get(quote);
  if (known === undefined || known.code !== language.code) {
    known = { code: language.code, words: wordIndex(quote.text, language) };
    state.quoteWords.set(quote, known);
  }
  return known.words;
}

/** A query compiled for testing quotes of one language. */
export interface QuoteMatchers {
  speakerFilters: { value: string; exclude: boolean }[];
  /** `kind:` filters: the kinds of quote wanted (or, with `exclude`, left out). */
  kindFilters: { kinds: readonly QuoteKind[]; exclude: boolean }[];
  /** One per group with words to find in a quote (title-only clauses cannot be), with its clauses' starts. */
  groups: { starts: ClauseStarts[]; matcher: TextMatcher }[];
  /** The excluded clauses (none: a matcher without clauses, which never matches). */
  excluded: TextMatcher;
}

/** The matchers a query's quotes are tested with, compiled once per query and language, not per quote. */
function quoteMatchers(state: SearchState, parsed: ParsedQuery, language: LanguageProcessing): QuoteMatchers {
  // Called for every quote tested: no closure made per call (see util/kept.ts).
  const byLanguage = keptMap(state.quoteMatchers, parsed);
  let matchers = byLanguage.get(language.code);
  if (!matchers) {
    matchers = {
      speakerFilters: parsed.filters.flatMap((f) => (f.kind === 'speaker' ? [{ value: f.value, exclude: f.exclude }] : [])),
      kindFilters: parsed.filters.flatMap((f) => (f.kind === 'quote-kind' ? [{ kinds: f.kinds, exclude: f.exclude }] : [])),
      groups: parsed.groups
        .map((group) => group.filter((c) => !c.titleOnly))
        .filter((clauses) => clauses.length > 0)
        .map((clauses) => ({ starts: clauses.map((c) => clauseStarts(c, language)), matcher: compileMatcher(clauses, language) })),
      excluded: compileMatcher(parsed.excluded, language),
    };
    byLanguage.set(language.code, matchers);
  }
  return matchers;
}
