// Answers searches over a loaded archive. Each clause of the parsed query is looked up in every language
// shard with a query built in code (user text never reaches `index.search`); the clause results are
// combined as the query says (AND of groups, OR within a group, exclusions, metadata filters); phrases are
// confirmed against the text; snippets, highlights and matching quotes are computed for the hits shown.

import lunr from 'lunr';
import type { ArticleView, FacetValue, Facets, QuoteHit, QuotesReply, SearchReply, SearchSort } from '../../contract/api.js';
import { NotFoundError, QueryError } from '../errors.js';
import type { CompactIndex } from '../index/compact-index.js';
import { languageProcessing, processingForShard, type LanguageProcessing } from '../index/languages.js';
import type { Article, MatchRange, Quote, QuoteKind, QuoteMatch, SearchHit } from '../model.js';
import { makeSnippet } from './make-snippet.js';
import { anyClauseIn, anyClauseOccurs, compileMatcher, findMatches, matchWords, positionedWords, textWords, wordIndex, type PositionedWords, type TextMatcher, type WordIndex } from './match-text.js';
import { parseQuery, type ParsedQuery, type QueryFilter, type TermClause } from './parse-query.js';
import { queryIndex } from './query-index.js';
import { descendingOrder, intersectScores, makeArticleTable, partialScores, refNumbers, Scores, unionScores, type ArticleTable } from './scores.js';

/** What a search runs over: the shard indexes and the articles and quotes they were built from. */
export interface SearchData {
  /** The lunr indexes with their language code; several per language when the archive is sharded. */
  indexes: readonly SearchIndex[];
  /** Indexed articles by id; those in `hidden` (exact duplicates of an earlier file) are never returned. */
  articles: ReadonlyMap<string, Article>;
  hidden: ReadonlySet<string>;
  /** The quotes of an article (none for an unknown id). */
  quotesOf: (id: string) => readonly Quote[];
  /** Path of an article -> paths of its exact duplicates, which are not indexed. */
  copiesByPath: ReadonlyMap<string, readonly string[]>;
}

/** One lunr index with its language code, and the compact form it was loaded from (see query-index.ts). */
export interface SearchIndex {
  code: string;
  index: lunr.Index;
  compact: CompactIndex;
}

export const defaultSearchLimit = 50;
export const defaultQuotesLimit = 100;
/** Values listed per facet. */
export const facetSize = 20;
/**
 * The speakers list looks at the quotes of this many best articles: enough to answer, cheap to count.
 * Split among the engines of a library, each counting its best share (see library.ts).
 */
export const speakerArticles = 500;

interface Evaluation {
  parsed: ParsedQuery;
  /** Articles in rank order, with scores. */
  ranked: Ranked[];
  partial: boolean;
  /** For `in:quotes`: the quotes of each article that satisfy the query. */
  quoteMatches: Map<string, Quote[]> | null;
  /** The articles by number (`Ranked.n`). */
  table: ArticleTable;
}

/**
 * Searches `data` for `queryText`. Every group of words must match (in title or body) unless no article
 * has them all: then the best partial matches are returned with `partial: true`.
 * @throws QueryError when the query is malformed (a field without a value, a date that is not one).
 */
export function searchArchive(
  data: SearchData,
  queryText: string,
  options: { limit?: number; sort?: SearchSort; facetLimit?: number; speakerArticles?: number } = {},
): SearchReply {
  const started = performance.now();
  const evaluation = evaluate(data, parseQuery(queryText));
  const sort = options.sort ?? 'relevance';
  // Evaluation ranks by relevance already.
  const ranked = sort === 'relevance' ? evaluation.ranked : sortRanked(evaluation.ranked, sort);
  const hits = ranked.slice(0, options.limit ?? defaultSearchLimit).map((r) => toHit(data, r.article, r.score, evaluation));
  const facets = facetsOf(evaluation.table, ranked, options.facetLimit ?? facetSize);
  const speakers = speakersOf(data, evaluation.table, ranked.slice(0, options.speakerArticles ?? speakerArticles), evaluation.parsed, options.facetLimit ?? facetSize);
  return {
    query: queryText,
    total: ranked.length,
    // After the facets too: counting the speakers of the best articles' quotes can be most of a search.
    tookMs: Math.round((performance.now() - started) * 10) / 10,
    partial: evaluation.partial,
    notices: evaluation.parsed.notices,
    facets,
    speakers,
    hits,
  };
}

/** An article with the query's matches in its title and body, and its quotes, matching ones first. */
export function viewArticle(data: SearchData, id: string, queryText = ''): ArticleView {
  const article = data.hidden.has(id) ? undefined : data.articles.get(id);
  if (!article) throw new NotFoundError(`no article with id "${id.slice(0, 40)}" in this archive`);
  const parsed = parseQuery(queryText);
  const { titleHighlights, highlights } = highlightsOf(article, parsed);
  const quotes = data.quotesOf(id);
  const marked: QuoteMatch[] =
    parsed.scope === 'quotes'
      ? quotes.map((q) => ({ ...q, matches: quoteSatisfies(q, parsed, languageProcessing(article.language)) }))
      : markQuotes(quotes, highlights);
  return {
    article,
    titleHighlights,
    highlights,
    quotes: [...marked.filter((q) => q.matches), ...marked.filter((q) => !q.matches)],
    copies: [...(data.copiesByPath.get(article.path) ?? [])],
  };
}

/**
 * Lists quotes across the archive whose own words satisfy `query` (all quotes when it is empty), by a
 * speaker whose name contains `speaker`, of the `kinds` asked for (all without); newest article first when
 * there is no query to rank by.
 */
export function findQuotes(data: SearchData, options: { query?: string; speaker?: string; kinds?: readonly QuoteKind[]; limit?: number } = {}): QuotesReply {
  const queryText = options.query?.trim() ?? '';
  const parsed = parseQuery(queryText);
  if (parsed.error) throw new QueryError(parsed.error.message, parsed.error.start, parsed.error.end);
  if (options.kinds !== undefined && options.kinds.length > 0) parsed.filters.push({ kind: 'quote-kind', kinds: [...options.kinds], exclude: false, start: 0, end: 0 });
  // As in search: "the president" looks for quotes about presidents, not quotes containing "the".
  dropCommonWords(data, parsed);
  const speakerFilters: { value: string; exclude: boolean }[] = parsed.filters.flatMap((f) => (f.kind === 'speaker' ? [f] : []));
  if (options.speaker !== undefined && options.speaker.trim() !== '') speakerFilters.push({ value: options.speaker.trim(), exclude: false });
  // Only articles quoting the speaker can hold a quote by them (speakerIndex).
  const wanted = speakerFilters.find((f) => !f.exclude);
  const quoting = wanted === undefined ? null : articlesQuoting(data, { kind: 'speaker', value: wanted.value, exclude: false, start: 0, end: 0 });
  const articles =
    parsed.groups.length === 0 && parsed.excluded.length === 0
      ? newestArticles(data, parsed.filters.filter((f) => f.kind !== 'speaker'), quoting)
      : evaluate(data, parsed, { scope: 'quotes', allowPartial: false }).ranked.map((r) => r.article);
  const limit = options.limit ?? defaultQuotesLimit;
  const found: QuoteHit[] = [];
  let total = 0;
  for (const article of articles) {
    if (quoting !== null && !quoting.has(article.id)) continue;
    const language = languageProcessing(article.language);
    for (const quote of data.quotesOf(article.id)) {
      if (!speakerFilters.every((f) => speakerMatches(quote.speaker, f))) continue;
      if (!quoteSatisfies(quote, parsed, language)) continue;
      total += 1;
      // Counted all, made only as many as asked for: listing every quote of a 10x BBC archive made 53,000.
      if (found.length < limit) found.push({ ...quote, path: article.path, title: article.title, date: article.date, source: article.source });
    }
  }
  return { total, quotes: found };
}

/** The articles that pass `filters`, newest first. */
function newestArticles(data: SearchData, filters: readonly QueryFilter[], among: ReadonlySet<string> | null): Article[] {
  const table = articleTable(data);
  const passing: Article[] = [];
  for (const n of newestOrder(table)) {
    const article = table.articles[n];
    if (article === undefined || table.hidden[n] === 1 || (among !== null && !among.has(article.id))) continue;
    if (passesFilters(article, filters, data)) passing.push(article);
  }
  return passing;
}

const newestOrders = new WeakMap<ArticleTable, Int32Array>();

/** Every article's number, newest first (undated last, archive order among equals), sorted once per archive state. */
function newestOrder(table: ArticleTable): Int32Array {
  return kept(newestOrders, table, () => Int32Array.from(sortRanked(table.articles.map((article, n) => ranks(article, n, 0)), 'newest'), (r) => r.n));
}

/** Runs a parsed query: the ranked articles that satisfy it. */
function evaluate(data: SearchData, parsed: ParsedQuery, override: { scope?: 'quotes'; allowPartial?: boolean } = {}): Evaluation {
  if (parsed.error) throw new QueryError(parsed.error.message, parsed.error.start, parsed.error.end);
  if (override.scope) parsed.scope = override.scope;
  dropCommonWords(data, parsed);
  const table = articleTable(data);
  if (parsed.groups.length === 0 && parsed.filters.length === 0) return { parsed, ranked: [], partial: false, quoteMatches: null, table };

  const count = table.articles.length;
  const lookup = memoize((clause: TermClause) => clauseScores(data, table, clause));
  // Without words, every article is a candidate (score 0), in archive order.
  let scores: Scores | null = null;
  let partial = false;
  if (parsed.groups.length > 0) {
    const groupScores = parsed.groups.map((group) => unionScores(group.map(lookup), count));
    scores = intersectScores(groupScores, count);
    if (scores.size === 0 && parsed.groups.length > 1 && override.allowPartial !== false) {
      scores = partialScores(groupScores, count);
      partial = scores.size > 0;
    }
  }
  const excluded = new Uint8Array(count);
  for (const clause of parsed.excluded) for (const n of lookup(clause).order) excluded[n] = 1;

  let quoteMatches: Map<string, Quote[]> | null = null;
  if (parsed.scope === 'quotes') quoteMatches = new Map();
  const ranked: Ranked[] = [];
  const consider = (n: number, score: number): void => {
    const article = table.articles[n];
    if (!article || excluded[n] === 1 || !passesFilters(article, parsed.filters, data)) return;
    if (quoteMatches) {
      const quotes = satisfyingQuotes(data, table, n, parsed);
      if (quotes.length === 0) return;
      quoteMatches.set(article.id, quotes);
    }
    ranked.push(ranks(article, n, score));
  };
  if (scores === null) {
    // Filters alone: a speaker's articles are known (speakerIndex), the others are all tested.
    const candidates = speakerCandidates(data, table, parsed.filters);
    if (candidates !== null) {
      for (const n of candidates) if (table.hidden[n] !== 1) consider(n, 0);
    } else {
      for (let n = 0; n < count; n += 1) if (table.hidden[n] !== 1) consider(n, 0);
    }
  } else {
    for (const n of scores.order) consider(n, scores.get(n));
  }
  return { parsed, ranked: sortRanked(ranked, 'relevance'), partial, quoteMatches, table };
}

/**
 * The numbers, in order, of the articles quoting the speaker of the query's first (not negated) speaker
 * filter; null without one. Every article passing the filters is among them: `speaker:blair` alone then
 * tests a few hundred articles instead of the whole archive.
 */
function speakerCandidates(data: SearchData, table: ArticleTable, filters: readonly QueryFilter[]): Int32Array | null {
  const filter = filters.find((f) => f.kind === 'speaker' && !f.exclude);
  if (filter === undefined || filter.kind !== 'speaker') return null;
  const numbers: number[] = [];
  for (const id of articlesQuoting(data, filter)) {
    const n = table.numbers.get(id);
    if (n !== undefined) numbers.push(n);
  }
  return Int32Array.from(numbers).sort();
}

const articleTables = new WeakMap<SearchData, ArticleTable>();

/** The engine's articles by number, made once per archive state (scores are kept by these numbers). */
function articleTable(data: SearchData): ArticleTable {
  return kept(articleTables, data, () => makeArticleTable(data.articles.values(), data.hidden));
}

/** Single words too common to search in every shard ("the", "и") are dropped, with a notice. */
function dropCommonWords(data: SearchData, parsed: ParsedQuery): void {
  const shards = [...new Set(data.indexes.map(({ code }) => code))].map(processingForShard);
  if (shards.length === 0) return;
  const dropped: string[] = [];
  parsed.groups = parsed.groups
    .map((group) =>
      group.filter((clause) => {
        const word = clause.words[0] ?? '';
        const common = !clause.phrase && !clause.prefix && shards.every((p) => p.isStopWord(word));
        if (common) dropped.push(word);
        return !common;
      }),
    )
    .filter((group) => group.length > 0);
  if (dropped.length > 0) parsed.notices.push(`Ignored common words: ${[...new Set(dropped)].join(', ')}.`);
}

/** The articles (with lunr scores) in which `clause` occurs, over every shard. */
function clauseScores(data: SearchData, table: ArticleTable, clause: TermClause): Scores {
  const scores = new Scores(table.articles.length);
  const fields = clause.titleOnly ? ['title'] : undefined;
  for (const { code, index, compact } of data.indexes) {
    const language = processingForShard(code);
    const words = clause.words.filter((w) => !language.isStopWord(w));
    if (words.length === 0) continue;
    const matches = queryIndex(index, compact, (q) => {
      for (const word of words) {
        q.term(word, {
          ...(fields ? { fields } : {}),
          presence: clause.phrase ? lunr.Query.presence.REQUIRED : lunr.Query.presence.OPTIONAL,
          usePipeline: !clause.prefix,
          wildcard: clause.prefix ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE,
          // Only when fuzzy: lunr reads any editDistance (even 0) as a fuzzy term, which disables wildcards.
          ...(clause.fuzzy > 0 ? { editDistance: clause.fuzzy } : {}),
        });
      }
    });
    const numbers = refNumbers(table, matches.refs);
    for (let k = 0; k < matches.docs.length; k += 1) {
      const n = numbers[matches.docs[k] ?? 0] ?? -1;
      if (n < 0 || table.hidden[n] === 1) continue;
      if (clause.phrase && !containsPhrase(table.articles[n], clause, language)) continue;
      scores.set(n, matches.scores[k] ?? 0);
    }
  }
  return scores;
}

function containsPhrase(article: Article | undefined, clause: TermClause, language: LanguageProcessing): boolean {
  if (!article) return false;
  const check = phraseCheck(clause, language);
  return check(article.title) || (!clause.titleOnly && check(article.body));
}

const phraseChecks = new WeakMap<TermClause, Map<string, (text: string) => boolean>>();

/**
 * A fast, exact phrase test for many texts. A regular expression finds the places where the phrase's
 * words may stand side by side (each word's start, as far as it agrees with its stem, then any letters);
 * only there is the text tokenized and stemmed to confirm, instead of the whole text (issue 6: phrase
 * queries on 20k articles spent most of their time tokenizing whole articles).
 */
function phraseCheck(clause: TermClause, language: LanguageProcessing): (text: string) => boolean {
  let byLanguage = phraseChecks.get(clause);
  if (!byLanguage) {
    byLanguage = new Map();
    phraseChecks.set(clause, byLanguage);
  }
  const cached = byLanguage.get(language.code);
  if (cached) return cached;
  const matcher = compileMatcher([clause], language);
  const parts = clause.words.map((word) => {
    const start = stableStart(word, language.stem(word));
    // Words too changed by their stemmer to give a safe start are matched by any word here.
    return start !== null ? `${escapeRegExp(start)}[\\p{L}\\p{M}\\p{N}'’.]*` : `[\\p{L}\\p{M}\\p{N}'’.]+`;
  });
  const pattern = new RegExp(parts.join('[^\\p{L}\\p{M}\\p{N}]*'), 'giu');
  const check = (text: string): boolean => {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      // Most candidates are the phrase itself: when one starts a word, its own words are the text's words
      // there (it ends at a non-letter), so finding the phrase in them is finding it in the window below.
      if (startsWord(text, m.index) && anyClauseOccurs(textWords(text, language, m.index, m.index + m[0].length), matcher)) return true;
      // Confirm with the real tokens, in a window a little wider than the candidate.
      const from = Math.max(0, m.index - 40);
      const window = text.slice(from, m.index + m[0].length + 40);
      if (findMatches(window, matcher).found[0] === true) return true;
      pattern.lastIndex = m.index + 1;
    }
    return false;
  };
  byLanguage.set(language.code, check);
  return check;
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

function memoize<K, V>(fn: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => kept(cache, key, () => fn(key));
}

/** The value `cache` keeps for `key`, made by `make` the first time it is asked for (once per search or less: a closure per call). */
function kept<K, V>(cache: { get(key: K): V | undefined; set(key: K, value: V): unknown }, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

const folded = new Map<string, string>();

/** Lower case without accents, memoized: filters fold the same speaker and source names over and over. */
function fold(text: string): string {
  let value = folded.get(text);
  if (value === undefined) {
    if (folded.size > 50_000) folded.clear();
    value = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    folded.set(text, value);
  }
  return value;
}

function speakerMatches(speaker: string | null, filter: { value: string; exclude: boolean }): boolean {
  const has = speaker !== null && fold(speaker).includes(fold(filter.value));
  return filter.exclude ? !has : has;
}

function passesFilters(article: Article, filters: readonly QueryFilter[], data: SearchData): boolean {
  // A loop, not `every`: this runs for every article a query finds, or every article of the archive.
  for (const filter of filters) if (hasFiltered(article, filter, data) === filter.exclude) return false;
  return true;
}

/** True when `article` has what `filter` names (whether the filter wants it or excludes it). */
function hasFiltered(article: Article, filter: QueryFilter, data: SearchData): boolean {
  switch (filter.kind) {
    case 'source':
      return article.source !== null && fold(article.source).includes(fold(filter.value));
    case 'author':
      return article.author !== null && fold(article.author).includes(fold(filter.value));
    case 'lang':
      return article.language === filter.value;
    case 'speaker':
      return articlesQuoting(data, filter).has(article.id);
    case 'date': {
      const day = article.date?.slice(0, 10) ?? null;
      return day !== null && day >= filter.from && day <= filter.to;
    }
    case 'quote-kind':
      return data.quotesOf(article.id).some((quote) => filter.kinds.includes(quote.kind));
  }
}

const speakerIndexes = new WeakMap<SearchData, Map<string, string[]>>();

/**
 * Each speaker (folded) with the articles that quote them, built once per archive state: a speaker filter
 * then tests the few thousand names instead of every quote of every candidate article (issue 6).
 */
function speakerIndex(data: SearchData): Map<string, string[]> {
  let index = speakerIndexes.get(data);
  if (index === undefined) {
    index = new Map();
    for (const id of data.articles.keys()) {
      for (const quote of data.quotesOf(id)) {
        if (quote.speaker === null) continue;
        const key = fold(quote.speaker);
        const ids = index.get(key);
        if (ids === undefined) index.set(key, [id]);
        else if (ids[ids.length - 1] !== id) ids.push(id);
      }
    }
    speakerIndexes.set(data, index);
  }
  return index;
}

const speakerFilterArticles = new WeakMap<QueryFilter, { data: SearchData; ids: Set<string> }>();

/** The articles with a quote whose speaker's name contains the filter's value (`speakerMatches`), per query. */
function articlesQuoting(data: SearchData, filter: QueryFilter & { value: string }): Set<string> {
  let found = speakerFilterArticles.get(filter);
  if (found === undefined || found.data !== data) {
    const value = fold(filter.value);
    const ids = new Set<string>();
    for (const [speaker, articleIds] of speakerIndex(data)) if (speaker.includes(value)) for (const id of articleIds) ids.add(id);
    found = { data, ids };
    speakerFilterArticles.set(filter, found);
  }
  return found.ids;
}

/** True when a quote's own words satisfy every group and no excluded clause, and its speaker the filters. */
function quoteSatisfies(quote: Quote, parsed: ParsedQuery, language: LanguageProcessing): boolean {
  const { speakerFilters, kindFilters, groups, excluded } = quoteMatchers(parsed, language);
  for (const filter of kindFilters) if (filter.kinds.includes(quote.kind) === filter.exclude) return false;
  for (const filter of speakerFilters) if (!speakerMatches(quote.speaker, filter)) return false;
  if (groups.length === 0 && excluded.clauses.length === 0) return true;
  // First the cheap test, on the text as it is: most quotes of the articles a query finds do not hold the
  // start of any of its words, and are never split into words at all (issue 6: the speakers list tests the
  // quotes of 500 articles per search, and splitting each the first time was most of a first search).
  const lower = lowerText(quote);
  for (const { starts } of groups) if (!starts.some((s) => mayContain(lower, s))) return false;
  const words = quoteWords(quote, language);
  for (const { matcher } of groups) if (!anyClauseIn(words, matcher)) return false;
  return !anyClauseIn(words, excluded);
}

/**
 * Per article number, filled as searches need them: its quotes, and their texts in lower case, one per
 * line. Arrays by number, not maps by id: the speakers list looks them up for 500 articles per search.
 */
interface QuoteColumns {
  lists: (readonly Quote[] | undefined)[];
  lower: (string | undefined)[];
}

const quoteColumns = new WeakMap<ArticleTable, QuoteColumns>();

function quoteColumnsOf(table: ArticleTable): QuoteColumns {
  return kept(quoteColumns, table, () => ({ lists: new Array<undefined>(table.articles.length), lower: new Array<undefined>(table.articles.length) }));
}

const lowerTexts = new WeakMap<Quote, string>();

/** A quote's text in lower case, kept: the same quotes come up search after search. */
function lowerText(quote: Quote): string {
  // Called for every quote tested: no closure made per call (see kept).
  let lower = lowerTexts.get(quote);
  if (lower === undefined) {
    lower = quote.text.toLowerCase();
    lowerTexts.set(quote, lower);
  }
  return lower;
}

/** A quote's words, processed for one language. */
interface QuoteWords {
  code: string;
  words: WordIndex;
}

const quoteWordCache = new WeakMap<Quote, QuoteWords>();

/**
 * A quote's words, processed once and kept, for the quotes that pass the cheap test in `quoteSatisfies`:
 * the same quotes come up again and again as a query is refined (issue 6).
 */
function quoteWords(quote: Quote, language: LanguageProcessing): WordIndex {
  let known = quoteWordCache.get(quote);
  if (known === undefined || known.code !== language.code) {
    known = { code: language.code, words: wordIndex(quote.text, language) };
    quoteWordCache.set(quote, known);
  }
  return known.words;
}

interface QuoteMatchers {
  speakerFilters: { value: string; exclude: boolean }[];
  /** `kind:` filters: the kinds of quote wanted (or, with `exclude`, left out). */
  kindFilters: { kinds: readonly QuoteKind[]; exclude: boolean }[];
  /** One per group with words to find in a quote (title-only clauses cannot be), with its clauses' starts. */
  groups: { starts: ClauseStarts[]; matcher: TextMatcher }[];
  /** The excluded clauses (none: a matcher without clauses, which never matches). */
  excluded: TextMatcher;
}

const quoteMatcherCache = new WeakMap<ParsedQuery, Map<string, QuoteMatchers>>();

/** The matchers a query's quotes are tested with, compiled once per query and language, not per quote. */
function quoteMatchers(parsed: ParsedQuery, language: LanguageProcessing): QuoteMatchers {
  // Called for every quote tested: no closure made per call (see kept).
  let byLanguage = quoteMatcherCache.get(parsed);
  if (!byLanguage) {
    byLanguage = new Map();
    quoteMatcherCache.set(parsed, byLanguage);
  }
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

/** Per word of a clause, the start it shares with its stem (see stableStart); none for a typo-tolerant clause. */
type ClauseStarts = (string | null)[];

function clauseStarts(clause: TermClause, language: LanguageProcessing): ClauseStarts {
  if (clause.fuzzy > 0) return [];
  return clause.words.map((word) => stableStart(word, clause.prefix ? word : language.stem(word)));
}

/**
 * False only when `lowerText` cannot contain the clause: it lacks the start that each word shares with its
 * stem (any form of the word begins so). Typo-tolerant clauses (no starts) are always checked in full.
 */
function mayContain(lowerText: string, starts: ClauseStarts): boolean {
  return starts.every((start) => start === null || lowerText.includes(start));
}

/**
 * The start a word shares with its stem: every form of the word that stems alike begins with it (suffix
 * stemmers change only endings). Null when under two letters, too short to narrow anything.
 */
function stableStart(word: string, stem: string): string | null {
  let common = 0;
  while (common < word.length && common < stem.length && word[common] === stem[common]) common += 1;
  return common >= 2 ? word.slice(0, common) : null;
}

function highlightsOf(article: Article, parsed: ParsedQuery): { titleHighlights: MatchRange[]; highlights: MatchRange[] } {
  const language = languageProcessing(article.language);
  const { title, body } = highlightMatchers(parsed, language);
  const highlights = body.clauses.length === 0 ? [] : matchWords(bodyWords(article, language), body).ranges;
  return { titleHighlights: findMatches(article.title, title).ranges, highlights };
}

const highlightMatcherCache = new WeakMap<ParsedQuery, Map<string, { title: TextMatcher; body: TextMatcher }>>();

/** The matchers of a query's words in titles and bodies, compiled once per query and language, not per hit. */
function highlightMatchers(parsed: ParsedQuery, language: LanguageProcessing): { title: TextMatcher; body: TextMatcher } {
  const byLanguage = kept(highlightMatcherCache, parsed, () => new Map<string, { title: TextMatcher; body: TextMatcher }>());
  return kept(byLanguage, language.code, () => {
    const clauses = parsed.groups.flat();
    return { title: compileMatcher(clauses, language), body: compileMatcher(clauses.filter((c) => !c.titleOnly), language) };
  });
}

/**
 * The words of recently matched article bodies, least recently used first. The results shown (and the
 * article opened) come up again as a query is refined, and reading a long body's words again was most of
 * a result's cost (issue 6). Bounded by the words held: ~400k words, ~10 MB.
 */
const bodyWordCache = new Map<Article, { code: string; words: PositionedWords }>();
const maxCachedBodyWords = 400_000;
let cachedBodyWords = 0;

function bodyWords(article: Article, language: LanguageProcessing): PositionedWords {
  const cached = bodyWordCache.get(article);
  if (cached !== undefined) {
    bodyWordCache.delete(article);
    cachedBodyWords -= cached.words.spellings.length;
  }
  const entry = cached !== undefined && cached.code === language.code ? cached : { code: language.code, words: positionedWords(article.body, language) };
  bodyWordCache.set(article, entry);
  cachedBodyWords += entry.words.spellings.length;
  for (const [old, { words }] of bodyWordCache) {
    if (cachedBodyWords <= maxCachedBodyWords || old === article) break;
    bodyWordCache.delete(old);
    cachedBodyWords -= words.spellings.length;
  }
  return entry.words;
}

function toHit(data: SearchData, article: Article, score: number, evaluation: Evaluation): SearchHit {
  const { titleHighlights, highlights } = highlightsOf(article, evaluation.parsed);
  const quotes = evaluation.quoteMatches
    ? (evaluation.quoteMatches.get(article.id) ?? [])
    : markQuotes(data.quotesOf(article.id), highlights)
        .filter((q) => q.matches)
        .map(({ matches: _matches, ...quote }) => quote);
  const snippetMatches = evaluation.quoteMatches ? highlights.filter((h) => quotes.some((q) => q.parts.some((p) => h.start >= p.start && h.end <= p.end))) : highlights;
  return {
    id: article.id,
    path: article.path,
    title: article.title,
    date: article.date,
    source: article.source,
    score: Math.round(score * 1000) / 1000,
    hitCount: highlights.length,
    titleHighlights,
    snippet: makeSnippet(article.body, snippetMatches.length > 0 ? snippetMatches : highlights),
    quotes,
  };
}

/** Marks each quote that holds at least one of `matches` inside one of its parts. */
function markQuotes(quotes: readonly Quote[], matches: readonly MatchRange[]): QuoteMatch[] {
  return quotes.map((quote) => ({
    ...quote,
    matches: matches.some((m) => quote.parts.some((p) => m.start >= p.start && m.end <= p.end)),
  }));
}

/** What results are ordered by: a hit, or an article with its score. */
interface Sortable {
  date: string | null;
  score: number;
}

/**
 * Orders results for `sort`: by relevance, score then newest; by date, undated results last and equal
 * dates by score. Engines sort with it, and the main thread merges their answers with it.
 */
export function compareForSort(sort: SearchSort): (a: Sortable, b: Sortable) => number {
  const byDate = (a: Sortable, b: Sortable): number => ((a.date ?? '') < (b.date ?? '') ? -1 : (a.date ?? '') > (b.date ?? '') ? 1 : 0);
  // Higher scores first; -1, 0 or 1 rather than `b.score - a.score`, a number V8 allocates at every comparison.
  const byScore = (a: Sortable, b: Sortable): number => (b.score > a.score ? 1 : b.score < a.score ? -1 : 0);
  if (sort === 'relevance') return (a, b) => byScore(a, b) || byDate(b, a);
  return (a, b) => {
    if ((a.date === null) !== (b.date === null)) return a.date === null ? 1 : -1;
    return (sort === 'newest' ? byDate(b, a) : byDate(a, b)) || byScore(a, b);
  };
}

/** An article (and its number) with its score, and its date beside them: what results are sorted by, at hand. */
interface Ranked extends Sortable {
  article: Article;
  n: number;
}

function ranks(article: Article, n: number, score: number): Ranked {
  return { article, n, score, date: article.date };
}

function sortRanked(ranked: readonly Ranked[], sort: SearchSort): Ranked[] {
  return sort === 'relevance' ? byRelevance(ranked) : [...ranked].sort(compareForSort(sort));
}

/**
 * `ranked` in the order of `compareForSort('relevance')` (a stable sort: higher score first, then newer),
 * ordered by score without a comparator (see descendingOrder); only runs of equal scores are compared by date.
 */
function byRelevance(ranked: readonly Ranked[]): Ranked[] {
  const scores = new Float64Array(ranked.length);
  ranked.forEach((r, i) => (scores[i] = r.score));
  const order = descendingOrder(scores);
  const sorted: Ranked[] = [];
  for (const i of order) sorted.push(ranked[i] as Ranked);
  const compare = compareForSort('relevance');
  for (let start = 0; start < sorted.length; ) {
    const score = sorted[start]?.score;
    const date = sorted[start]?.date;
    let end = start + 1;
    let dated = false;
    for (; end < sorted.length && sorted[end]?.score === score; end += 1) dated ||= sorted[end]?.date !== date;
    // Equal scores are ordered by date; none to order when the dates are equal too (copies of an article).
    if (dated) sorted.slice(start, end).sort(compare).forEach((r, k) => (sorted[start + k] = r));
    start = end;
  }
  return sorted;
}

/** Speakers of the quotes whose own words satisfy the query, with counts, most quoted first. */
function speakersOf(data: SearchData, table: ArticleTable, ranked: readonly Ranked[], parsed: ParsedQuery, limit: number): FacetValue[] {
  if (parsed.groups.length === 0) return [];
  const counts = new Map<string, number>();
  for (const { n } of ranked) {
    for (const quote of satisfyingQuotes(data, table, n, parsed)) {
      if (quote.speaker !== null) counts.set(quote.speaker, (counts.get(quote.speaker) ?? 0) + 1);
    }
  }
  return countsToValues(counts, limit);
}

/** The quotes of article number `n` whose own words satisfy the query (see quoteSatisfies). */
function satisfyingQuotes(data: SearchData, table: ArticleTable, n: number, parsed: ParsedQuery): Quote[] {
  const article = table.articles[n];
  if (article === undefined) return [];
  const columns = quoteColumnsOf(table);
  const quotes = (columns.lists[n] ??= data.quotesOf(article.id));
  if (quotes.length === 0) return [];
  const language = languageProcessing(article.language);
  // Most articles a query finds quote no one using its words: one test of all their quotes' text rules
  // them out (each group's words must start somewhere in it), before any quote is tested on its own.
  const lower = (columns.lower[n] ??= quotes.map((q) => q.text.toLowerCase()).join('\n'));
  if (!quoteMatchers(parsed, language).groups.every(({ starts }) => starts.some((s) => mayContain(lower, s)))) return [];
  return quotes.filter((quote) => quoteSatisfies(quote, parsed, language));
}

/** Counted values, most frequent first (ties alphabetically), at most `limit`. */
export function countsToValues(counts: ReadonlyMap<string, number>, limit: number): FacetValue[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
    .slice(0, limit);
}

/** The facet values of every result, counted; each article's values are looked up by its number. */
function facetsOf(table: ArticleTable, ranked: readonly Ranked[], limit: number): Facets {
  const count = (values: readonly (string | null)[]): FacetValue[] => {
    const counts = new Map<string, number>();
    for (const { n } of ranked) {
      const v = values[n] ?? null;
      if (v !== null && v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    return countsToValues(counts, limit);
  };
  return { source: count(table.sources), year: count(table.years), language: count(table.languages) };
}
