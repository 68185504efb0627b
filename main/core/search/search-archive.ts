// Answers searches over a loaded archive. Each clause of the parsed query is looked up in every language
// shard with a query built in code (user text never reaches `index.search`); the clause results are
// combined as the query says (AND of groups, OR within a group, exclusions, metadata filters); phrases are
// confirmed against the text; snippets, highlights and matching quotes are computed for the hits shown.

import lunr from 'lunr';
import type { ArticleView, FacetValue, Facets, QuoteHit, QuotesReply, SearchReply, SearchSort } from '../../contract/api.js';
import { NotFoundError, QueryError } from '../errors.js';
import { languageProcessing, processingForShard, type LanguageProcessing } from '../index/languages.js';
import type { Article, MatchRange, Quote, QuoteMatch, SearchHit } from '../model.js';
import { makeSnippet } from './make-snippet.js';
import { compileMatcher, findMatches, type TextMatcher } from './match-text.js';
import { parseQuery, type ParsedQuery, type QueryFilter, type TermClause } from './parse-query.js';

/** What a search runs over: the shard indexes and the articles and quotes they were built from. */
export interface SearchData {
  /** The lunr indexes with their language code; several per language when the archive is sharded. */
  indexes: readonly (readonly [string, lunr.Index])[];
  /** Indexed articles by id; those in `hidden` (exact duplicates of an earlier file) are never returned. */
  articles: ReadonlyMap<string, Article>;
  hidden: ReadonlySet<string>;
  quotesByArticle: ReadonlyMap<string, readonly Quote[]>;
  /** Path of an article -> paths of its exact duplicates, which are not indexed. */
  copiesByPath: ReadonlyMap<string, readonly string[]>;
}

export const defaultSearchLimit = 50;
export const defaultQuotesLimit = 100;
/** Values listed per facet. */
export const facetSize = 20;
/** The speakers list looks at the quotes of this many best articles: enough to answer, cheap to count. */
const speakerArticles = 500;

type Scores = Map<string, number>;

interface Evaluation {
  parsed: ParsedQuery;
  /** Article ids in rank order, with scores. */
  ranked: { article: Article; score: number }[];
  partial: boolean;
  /** For `in:quotes`: the quotes of each article that satisfy the query. */
  quoteMatches: Map<string, Quote[]> | null;
}

/**
 * Searches `data` for `queryText`. Every group of words must match (in title or body) unless no article
 * has them all: then the best partial matches are returned with `partial: true`.
 * @throws QueryError when the query is malformed (a field without a value, a date that is not one).
 */
export function searchArchive(
  data: SearchData,
  queryText: string,
  options: { limit?: number; sort?: SearchSort; facetLimit?: number } = {},
): SearchReply {
  const started = performance.now();
  const evaluation = evaluate(data, parseQuery(queryText));
  const ranked = sortRanked(evaluation.ranked, options.sort ?? 'relevance');
  const hits = ranked.slice(0, options.limit ?? defaultSearchLimit).map((r) => toHit(data, r.article, r.score, evaluation));
  return {
    query: queryText,
    total: ranked.length,
    tookMs: Math.round((performance.now() - started) * 10) / 10,
    partial: evaluation.partial,
    notices: evaluation.parsed.notices,
    facets: facetsOf(ranked.map((r) => r.article), options.facetLimit ?? facetSize),
    speakers: speakersOf(data, ranked.slice(0, speakerArticles).map((r) => r.article), evaluation.parsed, options.facetLimit ?? facetSize),
    hits,
  };
}

/** An article with the query's matches in its title and body, and its quotes, matching ones first. */
export function viewArticle(data: SearchData, id: string, queryText = ''): ArticleView {
  const article = data.hidden.has(id) ? undefined : data.articles.get(id);
  if (!article) throw new NotFoundError(`no article with id "${id.slice(0, 40)}" in this archive`);
  const parsed = parseQuery(queryText);
  const { titleHighlights, highlights } = highlightsOf(article, parsed);
  const quotes = data.quotesByArticle.get(id) ?? [];
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
 * speaker whose name contains `speaker`; newest article first when there is no query to rank by.
 */
export function findQuotes(data: SearchData, options: { query?: string; speaker?: string; limit?: number } = {}): QuotesReply {
  const queryText = options.query?.trim() ?? '';
  const parsed = parseQuery(queryText);
  if (parsed.error) throw new QueryError(parsed.error.message, parsed.error.start, parsed.error.end);
  // As in search: "the president" looks for quotes about presidents, not quotes containing "the".
  dropCommonWords(data, parsed);
  const speakerFilters: { value: string; exclude: boolean }[] = parsed.filters.flatMap((f) => (f.kind === 'speaker' ? [f] : []));
  if (options.speaker !== undefined && options.speaker.trim() !== '') speakerFilters.push({ value: options.speaker.trim(), exclude: false });
  const articles =
    parsed.groups.length === 0 && parsed.excluded.length === 0
      ? sortRanked([...data.articles.values()].filter((a) => !data.hidden.has(a.id) && passesFilters(a, parsed.filters.filter((f) => f.kind !== 'speaker'), data)).map((article) => ({ article, score: 0 })), 'newest').map((r) => r.article)
      : evaluate(data, parsed, { scope: 'quotes', allowPartial: false }).ranked.map((r) => r.article);
  const found: QuoteHit[] = [];
  for (const article of articles) {
    const language = languageProcessing(article.language);
    for (const quote of data.quotesByArticle.get(article.id) ?? []) {
      if (!speakerFilters.every((f) => speakerMatches(quote.speaker, f))) continue;
      if (!quoteSatisfies(quote, parsed, language)) continue;
      found.push({ ...quote, path: article.path, title: article.title, date: article.date, source: article.source });
    }
  }
  return { total: found.length, quotes: found.slice(0, options.limit ?? defaultQuotesLimit) };
}

/** Runs a parsed query: the ranked articles that satisfy it. */
function evaluate(data: SearchData, parsed: ParsedQuery, override: { scope?: 'quotes'; allowPartial?: boolean } = {}): Evaluation {
  if (parsed.error) throw new QueryError(parsed.error.message, parsed.error.start, parsed.error.end);
  if (override.scope) parsed.scope = override.scope;
  dropCommonWords(data, parsed);
  const empty: Evaluation = { parsed, ranked: [], partial: false, quoteMatches: null };
  if (parsed.groups.length === 0 && parsed.filters.length === 0) return empty;

  const lookup = memoize((clause: TermClause) => clauseScores(data, clause));
  let scores: Scores;
  let partial = false;
  if (parsed.groups.length === 0) {
    scores = new Map([...data.articles.keys()].filter((id) => !data.hidden.has(id)).map((id) => [id, 0]));
  } else {
    const groupScores = parsed.groups.map((group) => unionScores(group.map(lookup)));
    scores = intersectScores(groupScores);
    if (scores.size === 0 && parsed.groups.length > 1 && override.allowPartial !== false) {
      scores = partialScores(groupScores);
      partial = scores.size > 0;
    }
  }
  for (const clause of parsed.excluded) for (const id of lookup(clause).keys()) scores.delete(id);

  let quoteMatches: Map<string, Quote[]> | null = null;
  if (parsed.scope === 'quotes') quoteMatches = new Map();
  const ranked: { article: Article; score: number }[] = [];
  for (const [id, score] of scores) {
    const article = data.articles.get(id);
    if (!article || !passesFilters(article, parsed.filters, data)) continue;
    if (quoteMatches) {
      const language = languageProcessing(article.language);
      const quotes = (data.quotesByArticle.get(id) ?? []).filter((q) => quoteSatisfies(q, parsed, language));
      if (quotes.length === 0) continue;
      quoteMatches.set(id, quotes);
    }
    ranked.push({ article, score });
  }
  return { parsed, ranked: sortRanked(ranked, 'relevance'), partial, quoteMatches };
}

/** Single words too common to search in every shard ("the", "и") are dropped, with a notice. */
function dropCommonWords(data: SearchData, parsed: ParsedQuery): void {
  const shards = [...new Set(data.indexes.map(([code]) => code))].map(processingForShard);
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
function clauseScores(data: SearchData, clause: TermClause): Scores {
  const scores: Scores = new Map();
  const fields = clause.titleOnly ? ['title'] : undefined;
  for (const [code, index] of data.indexes) {
    const language = processingForShard(code);
    const words = clause.words.filter((w) => !language.isStopWord(w));
    if (words.length === 0) continue;
    const results = index.query((q) => {
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
    for (const result of results) {
      if (data.hidden.has(result.ref)) continue;
      if (clause.phrase && !containsPhrase(data.articles.get(result.ref), clause, language)) continue;
      scores.set(result.ref, result.score);
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function unionScores(list: readonly Scores[]): Scores {
  const union: Scores = new Map();
  for (const scores of list) for (const [id, score] of scores) union.set(id, Math.max(union.get(id) ?? 0, score));
  return union;
}

function intersectScores(list: readonly Scores[]): Scores {
  const [smallest, ...others] = [...list].sort((a, b) => a.size - b.size);
  const result: Scores = new Map();
  if (!smallest) return result;
  outer: for (const [id, score] of smallest) {
    let total = score;
    for (const scores of others) {
      const s = scores.get(id);
      if (s === undefined) continue outer;
      total += s;
    }
    result.set(id, total);
  }
  return result;
}

/** Articles matching some of the groups: more groups first, then score. */
function partialScores(list: readonly Scores[]): Scores {
  const matched = new Map<string, { groups: number; score: number }>();
  for (const scores of list) {
    for (const [id, score] of scores) {
      const entry = matched.get(id) ?? { groups: 0, score: 0 };
      entry.groups += 1;
      entry.score += score;
      matched.set(id, entry);
    }
  }
  // Groups matched dominate the score, so ranking by score ranks by groups first.
  return new Map([...matched].map(([id, e]) => [id, e.groups * 1000 + e.score]));
}

function memoize<K, V>(fn: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = fn(key);
      cache.set(key, value);
    }
    return value;
  };
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
  return filters.every((filter) => {
    let has: boolean;
    switch (filter.kind) {
      case 'source':
        has = article.source !== null && fold(article.source).includes(fold(filter.value));
        break;
      case 'author':
        has = article.author !== null && fold(article.author).includes(fold(filter.value));
        break;
      case 'lang':
        has = article.language === filter.value;
        break;
      case 'speaker':
        has = (data.quotesByArticle.get(article.id) ?? []).some((q) => speakerMatches(q.speaker, { value: filter.value, exclude: false }));
        break;
      case 'date': {
        const day = article.date?.slice(0, 10) ?? null;
        has = day !== null && day >= filter.from && day <= filter.to;
        break;
      }
    }
    return filter.exclude ? !has : has;
  });
}

/** True when a quote's own words satisfy every group and no excluded clause, and its speaker the filters. */
function quoteSatisfies(quote: Quote, parsed: ParsedQuery, language: LanguageProcessing): boolean {
  for (const filter of parsed.filters) {
    if (filter.kind === 'speaker' && !speakerMatches(quote.speaker, { value: filter.value, exclude: filter.exclude })) return false;
  }
  const { groups, excluded } = quoteMatchers(parsed, language);
  const text = quote.text.toLowerCase();
  for (const { clauses, matcher } of groups) {
    // Most quotes lack the words altogether: a substring test rules them out before any tokenizing.
    if (!clauses.some((c) => mayContain(text, c, language))) return false;
    if (!findMatches(quote.text, matcher).found.some(Boolean)) return false;
  }
  if (excluded !== null && findMatches(quote.text, excluded).found.some(Boolean)) return false;
  return true;
}

interface QuoteMatchers {
  /** One per group with words to find in a quote (title-only clauses cannot be). */
  groups: { clauses: TermClause[]; matcher: TextMatcher }[];
  excluded: TextMatcher | null;
}

const quoteMatcherCache = new WeakMap<ParsedQuery, Map<string, QuoteMatchers>>();

/** The matchers a query's quotes are tested with, compiled once per query and language, not per quote. */
function quoteMatchers(parsed: ParsedQuery, language: LanguageProcessing): QuoteMatchers {
  let byLanguage = quoteMatcherCache.get(parsed);
  if (!byLanguage) {
    byLanguage = new Map();
    quoteMatcherCache.set(parsed, byLanguage);
  }
  let matchers = byLanguage.get(language.code);
  if (!matchers) {
    matchers = {
      groups: parsed.groups
        .map((group) => group.filter((c) => !c.titleOnly))
        .filter((clauses) => clauses.length > 0)
        .map((clauses) => ({ clauses, matcher: compileMatcher(clauses, language) })),
      excluded: parsed.excluded.length > 0 ? compileMatcher(parsed.excluded, language) : null,
    };
    byLanguage.set(language.code, matchers);
  }
  return matchers;
}

/**
 * False only when `lowerText` cannot contain `clause`: it lacks the start that each word shares with its
 * stem (any form of the word begins so). Typo-tolerant clauses are always checked in full.
 */
function mayContain(lowerText: string, clause: TermClause, language: LanguageProcessing): boolean {
  if (clause.fuzzy > 0) return true;
  return clause.words.every((word) => {
    const start = stableStart(word, clause.prefix ? word : language.stem(word));
    return start === null || lowerText.includes(start);
  });
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
  const clauses = parsed.groups.flat();
  const title: TextMatcher = compileMatcher(clauses, language);
  const body: TextMatcher = compileMatcher(clauses.filter((c) => !c.titleOnly), language);
  return { titleHighlights: findMatches(article.title, title).ranges, highlights: findMatches(article.body, body).ranges };
}

function toHit(data: SearchData, article: Article, score: number, evaluation: Evaluation): SearchHit {
  const { titleHighlights, highlights } = highlightsOf(article, evaluation.parsed);
  const quotes = evaluation.quoteMatches
    ? (evaluation.quoteMatches.get(article.id) ?? [])
    : markQuotes(data.quotesByArticle.get(article.id) ?? [], highlights)
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
  if (sort === 'relevance') return (a, b) => b.score - a.score || byDate(b, a);
  return (a, b) => {
    if ((a.date === null) !== (b.date === null)) return a.date === null ? 1 : -1;
    return (sort === 'newest' ? byDate(b, a) : byDate(a, b)) || b.score - a.score;
  };
}

function sortRanked<T extends { article: Article; score: number }>(ranked: readonly T[], sort: SearchSort): T[] {
  const compare = compareForSort(sort);
  return [...ranked].sort((a, b) => compare({ date: a.article.date, score: a.score }, { date: b.article.date, score: b.score }));
}

/** Speakers of the quotes whose own words satisfy the query, with counts, most quoted first. */
function speakersOf(data: SearchData, articles: readonly Article[], parsed: ParsedQuery, limit: number): FacetValue[] {
  if (parsed.groups.length === 0) return [];
  const counts = new Map<string, number>();
  for (const article of articles) {
    const language = languageProcessing(article.language);
    for (const quote of data.quotesByArticle.get(article.id) ?? []) {
      if (quote.speaker !== null && quoteSatisfies(quote, parsed, language)) counts.set(quote.speaker, (counts.get(quote.speaker) ?? 0) + 1);
    }
  }
  return countsToValues(counts, limit);
}

/** Counted values, most frequent first (ties alphabetically), at most `limit`. */
export function countsToValues(counts: ReadonlyMap<string, number>, limit: number): FacetValue[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
    .slice(0, limit);
}

function facetsOf(articles: readonly Article[], limit: number): Facets {
  const count = (values: (string | null)[]): FacetValue[] => {
    const counts = new Map<string, number>();
    for (const v of values) if (v !== null && v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
    return countsToValues(counts, limit);
  };
  return {
    source: count(articles.map((a) => a.source)),
    year: count(articles.map((a) => a.date?.slice(0, 4) ?? null)),
    language: count(articles.map((a) => a.language)),
  };
}
