// Answers searches over a loaded archive: the search results (with snippets, highlights, matching quotes
// and facets), an opened article, and the quote list. The work is done by one module per concept
// (evaluate-query.ts runs a query); everything kept between searches is in the `SearchState` passed in.

import type { ArticleView, QuoteHit, QuotesReply, SearchReply, SearchSort } from '../../contract/api.js';
import { NotFoundError, QueryError } from '../errors.js';
import { languageProcessing } from '../index/languages.js';
import type { Article, Quote, QuoteKind, QuoteMatch, SearchHit } from '../../contract/model.js';
import { dropCommonWords, evaluate, newestArticles, type Evaluation } from './evaluate-query.js';
import { facetsOf, speakersOf } from './facets.js';
import { highlightsOf, quoteHighlights } from './highlights.js';
import { makeSnippet } from './make-snippet.js';
import { markSearchQuotes, quoteSatisfies } from './match-quotes.js';
import { parseQuery } from './parse-query.js';
import { QueryBudget } from './query-budget.js';
import { compareQuotePlaces } from './quote-order.js';
import { resultLimits } from '../result-limits.js';
import type { SearchState } from './search-state.js';
import { sortRanked } from './sort-results.js';
import { articlesOfSpeaker, articlesQuoting, speakerMatches } from './speaker-index.js';

// The main thread merges the answers of several engines with these (library.ts).
export { countsToValues } from './facets.js';
export { compareForSort } from './sort-results.js';

/** Values listed per facet. */
export const facetSize = 20;
/**
 * The speakers list looks at the quotes of this many best articles: enough to answer, cheap to count.
 * Split among the engines of a library, each counting its best share (see library.ts).
 */
export const speakerArticles = 500;

/**
 * Searches `state.data` for `queryText`. Every group of words must match (in title or body) unless no
 * article has them all: then the best partial matches are returned with `partial: true`. A query whose
 * phrase checks outlast `budgetMs` (query-budget.ts) answers with what it confirmed and `incomplete`.
 * @throws QueryError when the query is malformed (a field without a value, a date that is not one).
 */
export function searchArchive(
  state: SearchState,
  queryText: string,
  options: { limit?: number; sort?: SearchSort; facetLimit?: number; speakerArticles?: number; budgetMs?: number } = {},
): SearchReply {
  const started = performance.now();
  const evaluation = evaluate(state, parseQuery(queryText), { budget: new QueryBudget(options.budgetMs) });
  const sort = options.sort ?? 'relevance';
  // Evaluation ranks by relevance already.
  const ranked = sort === 'relevance' ? evaluation.ranked : sortRanked(evaluation.ranked, sort);
  const hits = ranked.slice(0, options.limit ?? resultLimits.search.default).map((r) => toHit(state, r.article, r.score, evaluation));
  const facets = facetsOf(evaluation.table, ranked, options.facetLimit ?? facetSize);
  const speakers = speakersOf(state, evaluation.table, ranked.slice(0, options.speakerArticles ?? speakerArticles), evaluation.parsed, options.facetLimit ?? facetSize);
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
    ...(evaluation.incomplete === undefined ? {} : { incomplete: evaluation.incomplete }),
  };
}

/** An article with the query's matches in its title and body, and its quotes, matching ones first. */
export function viewArticle(state: SearchState, id: string, queryText = ''): ArticleView {
  const { data } = state;
  const article = data.hidden.has(id) ? undefined : data.articles.get(id);
  if (!article) throw new NotFoundError(`no article with id "${id.slice(0, 40)}" in this archive`);
  const parsed = parseQuery(queryText);
  const { titleHighlights, highlights } = highlightsOf(state, article, parsed);
  const quotes = data.quotesOf(id);
  const satisfying: QuoteMatch[] | null =
    parsed.scope === 'quotes' ? quotes.map((q) => ({ ...q, matches: quoteSatisfies(state, q, parsed, languageProcessing(article.language)) })) : null;
  return {
    article,
    titleHighlights,
    highlights,
    quotes: satisfying === null ? markSearchQuotes(state, quotes, highlights, parsed) : [...satisfying.filter((q) => q.matches), ...satisfying.filter((q) => !q.matches)],
    // Copies are known across shards only: the library fills them in (library/open-archive.ts).
    copies: [],
  };
}

/**
 * Lists quotes across the archive whose own words satisfy `query` (all quotes when it is empty), by a
 * speaker `speaker` names (speaker-index.ts), or the person `speakerId` (once people are resolved), of the `kinds` asked for (all without); the first `limit` in the
 * list's one order, newest article first (quote-order.ts), as the main thread shows them. Over `budgetMs`, as
 * `searchArchive`.
 */
export function findQuotes(
  state: SearchState,
  options: { query?: string; speaker?: string; speakerId?: string; kinds?: readonly QuoteKind[]; limit?: number; budgetMs?: number } = {},
): QuotesReply {
  const queryText = options.query?.trim() ?? '';
  const parsed = parseQuery(queryText);
  if (parsed.error) throw new QueryError(parsed.error.message, parsed.error.start, parsed.error.end);
  if (options.kinds !== undefined && options.kinds.length > 0) parsed.filters.push({ kind: 'quote-kind', kinds: [...options.kinds], exclude: false, start: 0, end: 0 });
  // As in search: "the president" looks for quotes about presidents, not quotes containing "the".
  dropCommonWords(state, parsed);
  const speakerFilters: { value: string; exclude: boolean }[] = parsed.filters.flatMap((f) => (f.kind === 'speaker' ? [f] : []));
  if (options.speaker !== undefined && options.speaker.trim() !== '') speakerFilters.push({ value: options.speaker.trim(), exclude: false });
  // Only articles quoting the speaker can hold a quote by them (speaker-index.ts).
  const wanted = speakerFilters.find((f) => !f.exclude);
  const quoting =
    options.speakerId !== undefined
      ? new Set(articlesOfSpeaker(state, options.speakerId))
      : wanted === undefined
        ? null
        : articlesQuoting(state, { kind: 'speaker', value: wanted.value, exclude: false, start: 0, end: 0 });
  const evaluation =
    parsed.groups.length === 0 && parsed.excluded.length === 0 ? null : evaluate(state, parsed, { scope: 'quotes', allowPartial: false, budget: new QueryBudget(options.budgetMs) });
  const articles = evaluation === null ? newestArticles(state, parsed.filters.filter((f) => f.kind !== 'speaker'), quoting) : evaluation.ranked.map((r) => r.article);
  const limit = options.limit ?? resultLimits.quotes.default;
  // Without a query the articles come newest first: past `limit`, only quotes of the last kept one's date
  // can still come before it (by path), and the rest are only counted. Ranked articles are all kept.
  const newestFirst = evaluation === null;
  const kept: { article: Article; quote: Quote; date: string | null; path: string; start: number }[] = [];
  // Every quote of the articles counts (no speaker, kind or word to test them for): an article that comes after
  // the `limit`-th quote kept so far (by date, then path) shows none of its quotes, which are counted from the
  // cache's counts, not read (`verbatim quotes` at 10x BBC read all 98,840 quotes for a page of 20).
  const countsOnly = newestFirst && quoting === null && options.speakerId === undefined && speakerFilters.length === 0 && !parsed.filters.some((f) => f.kind === 'quote-kind');
  /** Whether `kept` is sorted and cut to `limit` since a quote was last added to it (see `countsOnly`). */
  let trimmed = true;
  let total = 0;
  for (const article of articles) {
    if (quoting !== null && !quoting.has(article.id)) continue;
    if (countsOnly && kept.length >= limit) {
      if (!trimmed) {
        kept.sort(compareQuotePlaces);
        kept.length = limit;
        trimmed = true;
      }
      const last = kept[limit - 1];
      const after = last !== undefined && compareQuotePlaces({ date: article.date, path: article.path, start: 0 }, { date: last.date, path: last.path, start: 0 }) > 0;
      const count = after ? (state.data.quoteCountOf?.(article.id) ?? null) : null;
      if (count !== null) {
        total += count;
        continue;
      }
    }
    const language = languageProcessing(article.language);
    for (const quote of state.data.quotesOf(article.id)) {
      if (options.speakerId !== undefined && quote.speakerId !== options.speakerId) continue;
      if (!speakerFilters.every((f) => speakerMatches(state, quote, f))) continue;
      if (!quoteSatisfies(state, quote, parsed, language)) continue;
      total += 1;
      if (countsOnly || !newestFirst || kept.length < limit || article.date === kept[kept.length - 1]?.date) {
        kept.push({ article, quote, date: article.date, path: article.path, start: quote.start });
        trimmed = false;
      }
    }
  }
  // In the list's one order (quote-order.ts), so that the next page (a larger limit) starts where this one ended.
  // Counted all, made only as many as asked for: listing every quote of a 10x BBC archive made 53,000.
  const found: QuoteHit[] = kept
    .sort(compareQuotePlaces)
    .slice(0, limit)
    .map(({ article, quote }) => ({
      ...quote,
      path: article.path,
      title: article.title,
      date: article.date,
      source: article.source,
      highlights: quoteHighlights(state, quote.text, languageProcessing(article.language), parsed),
    }));
  return { total, quotes: found, ...(evaluation?.incomplete === undefined ? {} : { incomplete: evaluation.incomplete }) };
}

/** A result as shown: its highlights, snippet and matching quotes, computed for the hits shown only. */
function toHit(state: SearchState, article: Article, score: number, evaluation: Evaluation): SearchHit {
  const { titleHighlights, highlights } = highlightsOf(state, article, evaluation.parsed);
  const quotes = evaluation.quoteMatches
    ? (evaluation.quoteMatches.get(article.id) ?? [])
    : markSearchQuotes(state, state.data.quotesOf(article.id), highlights, evaluation.parsed)
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
