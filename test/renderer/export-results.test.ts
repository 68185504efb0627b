// Unit tests of the exports' requests and files (issue 15); the browser test saves them for real.

import { describe, expect, it } from 'vitest';
import type { QuotesRequest, QuotesReply, SearchReply, SearchRequest } from '../../main/contract/api.js';
import { exportHits, exportQuotes, fetchAllHits, fetchAllQuotes } from '../../renderer/export-results.js';

const reply: SearchReply = {
  query: 'peace, "talks"',
  total: 2,
  tookMs: 1,
  partial: false,
  notices: [],
  facets: { source: [], year: [], language: [] },
  speakers: [],
  hits: [
    {
      id: 'a1',
      path: 'world/talks.txt',
      title: 'Talks, "at last"',
      date: '2025-08-16',
      source: null,
      score: 1.5,
      hitCount: 3,
      titleHighlights: [],
      snippet: { text: 'The talks…', highlights: [] },
      quotes: [],
    },
  ],
};

describe('fetching every result', () => {
  it('asks page after page, in the order on show, until the total is reached', async () => {
    const asked: SearchRequest[] = [];
    const paged = async (request: SearchRequest) => {
      asked.push(request);
      // Two hits in all, one per page.
      return { ok: true as const, value: { ...reply, hits: (request.offset ?? 0) < 2 ? reply.hits : [] } };
    };
    const all = await fetchAllHits({ search: paged }, 'war', 'newest');
    expect(asked).toEqual([
      { query: 'war', sort: 'newest', limit: 500 },
      { query: 'war', sort: 'newest', limit: 500, offset: 1 },
    ]);
    expect(all.ok && all.value.hits).toHaveLength(2);
    asked.length = 0;
    await fetchAllHits({ search: paged }, 'war', 'relevance');
    expect(asked[0]).toEqual({ query: 'war', limit: 500 });
    const quotesAsked: QuotesRequest[] = [];
    const none: QuotesReply = { total: 0, quotes: [] };
    await fetchAllQuotes({ quotes: async (request) => (quotesAsked.push(request), { ok: true, value: none }) }, '');
    expect(quotesAsked).toEqual([{ query: '', limit: 1000 }]);
  });

  it('says the export is incomplete when any page stopped at its time budget', async () => {
    const notice = 'Stopped after 75 ms: results may be incomplete.';
    const all = await fetchAllHits(
      { search: async (request) => ({ ok: true, value: { ...reply, ...(request.offset === 1 ? { incomplete: notice } : {}) } }) },
      'war',
      'relevance',
    );
    expect(all.ok && all.value.incomplete).toBe(notice);
  });

  it('stops at an empty page even when the total promised more', async () => {
    let calls = 0;
    const all = await fetchAllHits({ search: async () => (calls++, { ok: true, value: { ...reply, hits: calls === 1 ? reply.hits : [] } }) }, 'war', 'relevance');
    expect(calls).toBe(2);
    expect(all.ok && all.value.hits).toHaveLength(1);
  });
});

describe('the exported files', () => {
  it('names the file after the query, and writes CSV with a BOM and escaped fields', () => {
    const csv = exportHits(reply, 'csv');
    expect(csv.name).toBe('verbatim-peace-talks-articles.csv');
    expect(csv.type).toBe('text/csv');
    expect(csv.text).toBe('\uFEFFtitle,date,source,path,score,hits,matching quotes,snippet\r\n"Talks, ""at last""",2025-08-16,,world/talks.txt,1.5,3,0,The talks…\r\n');
    expect({ count: csv.count, total: csv.total }).toEqual({ count: 1, total: 2 });
  });

  it('writes JSON in the shape of the command line', () => {
    const json = JSON.parse(exportHits(reply, 'json').text) as unknown;
    expect(json).toEqual({
      query: 'peace, "talks"',
      total: 2,
      hits: [{ id: 'a1', path: 'world/talks.txt', title: 'Talks, "at last"', date: '2025-08-16', source: null, score: 1.5, snippet: 'The talks…', quotes: [] }],
    });
  });

  it('calls an export of every quotation verbatim-quotes', () => {
    expect(exportQuotes('', { total: 0, quotes: [] }, 'json').name).toBe('verbatim-quotes.json');
    expect(exportQuotes('Путин', { total: 0, quotes: [] }, 'csv').name).toBe('verbatim-путин-quotes.csv');
  });
});
