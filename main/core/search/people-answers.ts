// What an engine answers about the archive's people (issue 16): each quote's speaker as a mention for the
// main thread to resolve, the speakers of the articles a query matches, and its share of a person page.

import type { QuotesReply } from '../../contract/api.js';
import type { Article, Quote } from '../../contract/model.js';
import { QueryError } from '../errors.js';
import type { SpeakerMention } from '../quotes/people/resolve-people.js';
import { evaluate, newestArticles } from './evaluate-query.js';
import { parseQuery } from './parse-query.js';
import { QueryBudget } from './query-budget.js';
import { findQuotes } from './search-archive.js';
import type { SearchState } from './search-state.js';
import { articlesOfSpeaker } from './speaker-index.js';

/** One speaker's quotes in some articles: how many, in how many articles, and the dates of the first and last. */
export interface SpeakerCount {
  id: string;
  quotes: number;
  articles: number;
  first: string | null;
  last: string | null;
}

/** An engine's share of a person page: the main thread adds the shares up (library/people.ts). */
export interface PersonPart {
  quotes: QuotesReply;
  articles: { id: string; path: string; title: string; date: string | null; source: string | null; quotes: number }[];
  /** Other speakers' ids, with how many of the person's articles quote them. */
  quotedWith: [string, number][];
  /** Quotes per month (`2005-03`), dated quotes only. */
  months: [string, number][];
}

/**
 * Every quote of `articles` (by default every article searches return) in a fixed order, duplicates left
 * out: the order of `collectMentions`, which saved people follow (`ShardEngine.applySavedPeople`).
 */
export function listQuotes(state: SearchState, articles: Iterable<Article> = state.data.articles.values()): Quote[] {
  const quotes: Quote[] = [];
  for (const article of articles) {
    if (state.data.hidden.has(article.id)) continue;
    for (const quote of state.data.quotesOf(article.id)) quotes.push(quote);
  }
  return quotes;
}

/** The quotes `listQuotes` lists, each with what resolution needs. */
export function collectMentions(state: SearchState, articles?: Iterable<Article>): { mentions: SpeakerMention[]; quotes: Quote[] } {
  const quotes = listQuotes(state, articles);
  const mentions = quotes.map((quote): SpeakerMention => {
    const article = state.data.articles.get(quote.articleId);
    return {
      articleId: quote.articleId,
      quoteId: quote.id,
      speaker: quote.speaker,
      description: quote.description,
      speakerFound: quote.speakerFound,
      date: article?.date ?? null,
      source: article?.source ?? null,
      language: article?.language ?? null,
    };
  });
  return { mentions, quotes };
}

/**
 * The speakers quoted in the articles matching `query` (every article when it is empty), with their counts there.
 * @throws QueryError when the query is malformed.
 */
export function countSpeakers(state: SearchState, query: string, budgetMs?: number): SpeakerCount[] {
  const parsed = parseQuery(query);
  if (parsed.error) throw new QueryError(parsed.error.message, parsed.error.start, parsed.error.end);
  const articles: Article[] =
    parsed.groups.length === 0 && parsed.excluded.length === 0
      ? newestArticles(state, parsed.filters, null)
      : evaluate(state, parsed, { allowPartial: false, budget: new QueryBudget(budgetMs) }).ranked.map((r) => r.article);
  const counts = new Map<string, SpeakerCount & { lastArticle: string }>();
  for (const article of articles) {
    const date = article.date === null ? null : article.date.slice(0, 10);
    for (const quote of state.data.quotesOf(article.id)) {
      if (quote.speakerId === null) continue;
      let count = counts.get(quote.speakerId);
      if (count === undefined) counts.set(quote.speakerId, (count = { id: quote.speakerId, quotes: 0, articles: 0, first: null, last: null, lastArticle: '' }));
      count.quotes += 1;
      if (count.lastArticle !== article.id) {
        count.articles += 1;
        count.lastArticle = article.id;
      }
      if (date !== null && (count.first === null || date < count.first)) count.first = date;
      if (date !== null && (count.last === null || date > count.last)) count.last = date;
    }
  }
  return [...counts.values()].map(({ lastArticle: _last, ...count }) => count);
}

/** This engine's share of the person `id`'s page: their quotes matching `query` (newest first, at most `limit`), articles, company, months. */
export function personPart(state: SearchState, id: string, options: { query?: string; limit: number; budgetMs?: number }): PersonPart {
  const quotes = findQuotes(state, { speakerId: id, limit: options.limit, ...(options.query === undefined ? {} : { query: options.query }), ...(options.budgetMs === undefined ? {} : { budgetMs: options.budgetMs }) });
  const articles: PersonPart['articles'] = [];
  const quotedWith = new Map<string, number>();
  const months = new Map<string, number>();
  for (const articleId of articlesOfSpeaker(state, id)) {
    const article = state.data.articles.get(articleId);
    if (article === undefined || state.data.hidden.has(articleId)) continue;
    let theirs = 0;
    const others = new Set<string>();
    for (const quote of state.data.quotesOf(articleId)) {
      if (quote.speakerId === id) theirs += 1;
      else if (quote.speakerId !== null) others.add(quote.speakerId);
    }
    articles.push({ id: article.id, path: article.path, title: article.title, date: article.date, source: article.source, quotes: theirs });
    for (const other of others) quotedWith.set(other, (quotedWith.get(other) ?? 0) + 1);
    const month = article.date?.slice(0, 7) ?? null;
    if (month !== null && /^\d{4}-\d{2}$/.test(month)) months.set(month, (months.get(month) ?? 0) + theirs);
  }
  return { quotes, articles, quotedWith: [...quotedWith], months: [...months] };
}
