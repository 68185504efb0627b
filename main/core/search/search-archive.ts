// Answers searches over a loaded archive: lunr finds and ranks candidates, the text confirms phrases and
// gives the highlight ranges, snippets and matching quotes of the few hits shown.

import lunr from 'lunr';
import type { ArticleView, QuoteHit, QuotesReply, SearchReply } from '../../contract/api.js';
import { NotFoundError } from '../errors.js';
import { isStopWord } from '../index/configure-lunr.js';
import type { Article, MatchRange, Quote, QuoteMatch, SearchHit } from '../model.js';
import { makeSnippet } from './make-snippet.js';
import { compileMatcher, findMatches, type TextMatcher } from './match-text.js';
import { parseQuery, type ParsedQuery, type QueryClause } from './parse-query.js';

/** What a search runs over: the index and the articles and quotes it was built from. */
export interface SearchData {
  index: lunr.Index;
  articles: ReadonlyMap<string, Article>;
  quotesByArticle: ReadonlyMap<string, readonly Quote[]>;
  /** Path of an article -> paths of its exact duplicates, which are not indexed. */
  copiesByPath: ReadonlyMap<string, readonly string[]>;
}

export const defaultSearchLimit = 50;
export const defaultQuotesLimit = 100;

interface Candidate {
  article: Article;
  score: number;
}

interface RankedQuery {
  parsed: ParsedQuery;
  matcher: TextMatcher;
  candidates: Candidate[];
  partial: boolean;
}

/**
 * Searches `data` for `queryText`. Every word must match (in title or body) unless no article has them
 * all: then the best partial matches are returned with `partial: true`.
 */
export function searchArchive(data: SearchData, queryText: string, options: { limit?: number } = {}): SearchReply {
  const started = performance.now();
  const limit = options.limit ?? defaultSearchLimit;
  const ranked = rankArticles(data, queryText);
  const hits = ranked.candidates.slice(0, limit).map((c) => toHit(data, c, ranked.matcher));
  return {
    query: queryText,
    total: ranked.candidates.length,
    tookMs: Math.round((performance.now() - started) * 10) / 10,
    partial: ranked.partial,
    hits,
  };
}

/** An article with the query's matches in its title and body, and its quotes, matching ones first. */
export function viewArticle(data: SearchData, id: string, queryText = ''): ArticleView {
  const article = data.articles.get(id);
  if (!article) throw new NotFoundError(`no article with id "${id.slice(0, 40)}" in this archive`);
  const matcher = compileMatcher(includedClauses(parseQuery(queryText)));
  const highlights = findMatches(article.body, matcher).ranges;
  const quotes = markQuotes(data.quotesByArticle.get(id) ?? [], highlights);
  return {
    article,
    titleHighlights: findMatches(article.title, matcher).ranges,
    highlights,
    quotes: [...quotes.filter((q) => q.matches), ...quotes.filter((q) => !q.matches)],
    copies: [...(data.copiesByPath.get(article.path) ?? [])],
  };
}

/**
 * Lists quotes across the archive: those whose own words contain every word of `query` (all quotes when
 * the query is empty), by a speaker whose name contains `speaker`, newest article first.
 */
export function findQuotes(
  data: SearchData,
  options: { query?: string; speaker?: string; limit?: number } = {},
): QuotesReply {
  const limit = options.limit ?? defaultQuotesLimit;
  const speaker = options.speaker?.trim().toLowerCase() ?? '';
  const queryText = options.query?.trim() ?? '';
  let articles: Article[];
  let matcher: TextMatcher | null = null;
  if (queryText === '') {
    articles = [...data.articles.values()];
  } else {
    const ranked = rankArticles(data, queryText, { allowPartial: false });
    articles = ranked.candidates.map((c) => c.article);
    matcher = ranked.matcher;
  }
  const found: QuoteHit[] = [];
  for (const article of articles) {
    for (const quote of data.quotesByArticle.get(article.id) ?? []) {
      if (speaker !== '' && !(quote.speaker ?? '').toLowerCase().includes(speaker)) continue;
      if (matcher && findMatches(quote.text, matcher).clausesFound < matcher.clauses.length) continue;
      found.push({ ...quote, path: article.path, title: article.title, date: article.date, source: article.source });
    }
  }
  if (matcher === null) found.sort(byNewestThenPath);
  return { total: found.length, quotes: found.slice(0, limit) };
}

function byNewestThenPath(a: QuoteHit, b: QuoteHit): number {
  const da = a.date ?? '';
  const db = b.date ?? '';
  if (da !== db) return da < db ? 1 : -1;
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return a.start - b.start;
}

function includedClauses(parsed: ParsedQuery): QueryClause[] {
  return parsed.clauses.filter((c) => !c.exclude);
}

/** Runs the query through lunr, built in code (user text never reaches `index.search`), then verifies. */
function rankArticles(data: SearchData, queryText: string, options: { allowPartial?: boolean } = {}): RankedQuery {
  const parsed = parseQuery(queryText);
  const included = includedClauses(parsed);
  const matcher = compileMatcher(included);
  if (included.length === 0) return { parsed, matcher, candidates: [], partial: false };

  const strict = runLunr(data, parsed, lunr.Query.presence.REQUIRED);
  const verified = strict.filter((c) => passesPhrases(c.article, parsed));
  if (verified.length > 0 || options.allowPartial === false) {
    return { parsed, matcher, candidates: verified, partial: false };
  }
  const loose = runLunr(data, parsed, lunr.Query.presence.OPTIONAL).filter((c) => !hasExcludedPhrase(c.article, parsed));
  return { parsed, matcher, candidates: loose, partial: loose.length > 0 };
}

function runLunr(data: SearchData, parsed: ParsedQuery, presence: lunr.Query.presence): Candidate[] {
  const results = data.index.query((q) => {
    for (const clause of parsed.clauses) {
      if (clause.exclude) {
        // An excluded phrase is checked against the text; excluding its words one by one would be too broad.
        if (!clause.phrase) q.term(clause.words[0] ?? '', { presence: lunr.Query.presence.PROHIBITED });
        continue;
      }
      for (const word of clause.words) {
        if (clause.phrase && isStopWord(word)) continue;
        q.term(word, {
          presence,
          usePipeline: !clause.prefix,
          wildcard: clause.prefix ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE,
        });
      }
    }
  });
  const candidates: Candidate[] = [];
  for (const result of results) {
    const article = data.articles.get(result.ref);
    if (article) candidates.push({ article, score: result.score });
  }
  return candidates;
}

function passesPhrases(article: Article, parsed: ParsedQuery): boolean {
  for (const clause of parsed.clauses) {
    if (!clause.phrase) continue;
    const found = containsClause(article, clause);
    if (found === clause.exclude) return false;
  }
  return true;
}

function hasExcludedPhrase(article: Article, parsed: ParsedQuery): boolean {
  return parsed.clauses.some((c) => c.phrase && c.exclude && containsClause(article, c));
}

function containsClause(article: Article, clause: QueryClause): boolean {
  const matcher = compileMatcher([clause]);
  return findMatches(article.title, matcher).clausesFound > 0 || findMatches(article.body, matcher).clausesFound > 0;
}

function toHit(data: SearchData, candidate: Candidate, matcher: TextMatcher): SearchHit {
  const { article } = candidate;
  const titleHighlights = findMatches(article.title, matcher).ranges;
  const bodyMatches = findMatches(article.body, matcher).ranges;
  const quotes = markQuotes(data.quotesByArticle.get(article.id) ?? [], bodyMatches)
    .filter((q) => q.matches)
    .map(({ matches: _matches, ...quote }) => quote);
  return {
    id: article.id,
    path: article.path,
    title: article.title,
    date: article.date,
    source: article.source,
    score: Math.round(candidate.score * 1000) / 1000,
    hitCount: bodyMatches.length,
    titleHighlights,
    snippet: makeSnippet(article.body, bodyMatches),
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
