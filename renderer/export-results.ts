// Export of what a results view lists (issue 15): every article or quotation the query finds, not only
// the page on show, as CSV (UTF-8 with a byte-order mark, for Excel) or JSON (the shapes of the command
// line's `--json`). Fetching is one function per view, so that paging through the API replaces it alone.

import type { QuotesReply, Result, ResultLimits, SearchReply, SearchSort, VerbatimApi } from '../main/contract/api.js';
import { toCsv, utf8Bom } from './csv.js';

export type ExportFormat = 'csv' | 'json';

/** A file to offer for download. */
export interface ExportFile {
  name: string;
  text: string;
  type: string;
  /** How many rows it holds, and how many the query found (more when the API's limit cut it). */
  count: number;
  total: number;
}

// The most one request may ask for (typed against the contract's table, so they cannot drift).
const searchMax: ResultLimits['search']['max'] = 500;
const quotesMax: ResultLimits['quotes']['max'] = 1000;

/**
 * Every hit of `query` in `sort` order. The API has no `offset` yet, so "every" is one request for the
 * most it gives (500); `ExportFile.total` tells the caller when that is fewer than the query found.
 */
export async function fetchAllHits(api: Pick<VerbatimApi, 'search'>, query: string, sort: SearchSort): Promise<Result<SearchReply>> {
  return await api.search(sort === 'relevance' ? { query, limit: searchMax } : { query, sort, limit: searchMax });
}

/** Every quotation matching `query` (as `fetchAllHits`: one request for the most the API gives, 1000). */
export async function fetchAllQuotes(api: Pick<VerbatimApi, 'quotes'>, query: string): Promise<Result<QuotesReply>> {
  return await api.quotes({ query, limit: quotesMax });
}

/** The articles of `reply` as a CSV or JSON file named after the query. */
export function exportHits(reply: SearchReply, format: ExportFormat): ExportFile {
  const base = { name: fileName(reply.query, 'articles', format), count: reply.hits.length, total: reply.total };
  if (format === 'json') {
    const hits = reply.hits.map((hit) => ({
      id: hit.id,
      path: hit.path,
      title: hit.title,
      date: hit.date,
      source: hit.source,
      score: hit.score,
      snippet: hit.snippet.text,
      quotes: hit.quotes.map((quote) => ({ text: quote.text, speaker: quote.speaker })),
    }));
    return { ...base, type: 'application/json', text: `${JSON.stringify({ query: reply.query, total: reply.total, hits }, null, 2)}\n` };
  }
  const rows = reply.hits.map((hit) => [hit.title, hit.date, hit.source, hit.path, hit.score, hit.hitCount, hit.quotes.length, hit.snippet.text]);
  return { ...base, type: 'text/csv', text: utf8Bom + toCsv([['title', 'date', 'source', 'path', 'score', 'hits', 'matching quotes', 'snippet'], ...rows]) };
}

/** The quotations of `reply` (found for `query`) as a CSV or JSON file. */
export function exportQuotes(query: string, reply: QuotesReply, format: ExportFormat): ExportFile {
  const base = { name: fileName(query, 'quotes', format), count: reply.quotes.length, total: reply.total };
  if (format === 'json') {
    const quotes = reply.quotes.map((quote) => ({
      articleId: quote.articleId,
      path: quote.path,
      title: quote.title,
      date: quote.date,
      source: quote.source,
      text: quote.text,
      speaker: quote.speaker,
      kind: quote.kind,
      verb: quote.verb,
      start: quote.start,
      end: quote.end,
      parts: quote.parts,
    }));
    return { ...base, type: 'application/json', text: `${JSON.stringify({ query, total: reply.total, quotes }, null, 2)}\n` };
  }
  const rows = reply.quotes.map((quote) => [quote.speaker, quote.kind, quote.verb, quote.text, quote.title, quote.date, quote.source, quote.path]);
  return { ...base, type: 'text/csv', text: utf8Bom + toCsv([['speaker', 'kind', 'verb', 'text', 'title', 'date', 'source', 'path'], ...rows]) };
}

/** `verbatim-ukraine-talks-articles.csv`: the query's letters and digits, so any system accepts the name. */
function fileName(query: string, what: string, format: ExportFormat): string {
  const words = query.toLowerCase().normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return `verbatim-${words === '' ? what : `${words}-${what}`}.${format}`;
}
