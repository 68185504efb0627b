// Export of what a results view lists (issue 15): every article or quotation the query finds, not only
// the page on show, as CSV (UTF-8 with a byte-order mark, for Excel) or JSON (the shapes of the command
// line's `--json`), fetched page after page with the API's `offset`.

import type { QuotesReply, Result, ResultLimits, SearchReply, SearchSort, VerbatimApi } from '../main/contract/api.js';
import { quoteJson, searchHitJson } from '../main/common/result-json.js';
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
 * An export stops here, however many the query found (`ExportFile.total` then says how many there were). Each
 * page costs the engines every result before it (they rank, then skip), so pages of 500 cost the square of the
 * rows: 10,000 rows are 20 pages; the command line's `--all`, whose pages double, is for more.
 */
export const exportMaxRows = 10_000;

/** Every hit of `query` in `sort` order, page after page of the most one request gives (500). */
export async function fetchAllHits(api: Pick<VerbatimApi, 'search'>, query: string, sort: SearchSort): Promise<Result<SearchReply>> {
  const ask = (offset: number) => api.search({ query, ...(sort === 'relevance' ? {} : { sort }), limit: searchMax, ...(offset === 0 ? {} : { offset }) });
  return await allPages(ask, (reply) => reply.hits, (reply, hits) => ({ ...reply, hits }));
}

/** Every quotation matching `query`, page after page of the most one request gives (1000). */
export async function fetchAllQuotes(api: Pick<VerbatimApi, 'quotes'>, query: string): Promise<Result<QuotesReply>> {
  const ask = (offset: number) => api.quotes({ query, limit: quotesMax, ...(offset === 0 ? {} : { offset }) });
  return await allPages(ask, (reply) => reply.quotes, (reply, quotes) => ({ ...reply, quotes }));
}

/** Asks for pages from offset 0 until the reply's total is reached (or a page is empty, or `exportMaxRows`). */
async function allPages<R extends { total: number; incomplete?: string | undefined }, T>(ask: (offset: number) => Promise<Result<R>>, items: (reply: R) => T[], withItems: (reply: R, all: T[]) => R): Promise<Result<R>> {
  const first = await ask(0);
  if (!first.ok) return first;
  const all = [...items(first.value)];
  // Every page is a search of its own: one cut short by its time budget makes the export incomplete.
  let incomplete = first.value.incomplete;
  while (all.length < Math.min(first.value.total, exportMaxRows)) {
    const page = await ask(all.length);
    if (!page.ok) return page;
    incomplete ??= page.value.incomplete;
    const more = items(page.value);
    if (more.length === 0) break;
    all.push(...more);
  }
  const value = withItems(first.value, all.slice(0, exportMaxRows));
  return { ok: true, value: incomplete === undefined ? value : { ...value, incomplete } };
}

/** The articles of `reply` as a CSV or JSON file named after the query. */
export function exportHits(reply: SearchReply, format: ExportFormat): ExportFile {
  const base = { name: fileName(reply.query, 'articles', format), count: reply.hits.length, total: reply.total };
  if (format === 'json') {
    const hits = reply.hits.map(searchHitJson);
    return { ...base, type: 'application/json', text: `${JSON.stringify({ query: reply.query, total: reply.total, hits }, null, 2)}\n` };
  }
  const rows = reply.hits.map((hit) => [hit.title, hit.date, hit.source, hit.path, hit.score, hit.hitCount, hit.quotes.length, hit.snippet.text]);
  return { ...base, type: 'text/csv', text: utf8Bom + toCsv([['title', 'date', 'source', 'path', 'score', 'hits', 'matching quotes', 'snippet'], ...rows]) };
}

/** The quotations of `reply` (found for `query`) as a CSV or JSON file. */
export function exportQuotes(query: string, reply: QuotesReply, format: ExportFormat): ExportFile {
  const base = { name: fileName(query, 'quotes', format), count: reply.quotes.length, total: reply.total };
  if (format === 'json') {
    const quotes = reply.quotes.map(quoteJson);
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
