import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { QuotesReply, SearchReply } from '../../main/contract/api.js';
import { ensureBuilt } from '../support/run-cli.js';
import { contentDir, distDir, tempDir } from '../support/paths.js';
import { useApiSession, value } from '../support/api-session.js';

// Two engines: each holds part of the archive, so a page is right only if every engine answers up to its end.
const api = useApiSession(() => {
  ensureBuilt();
  return { archiveDir: contentDir, cacheDir: tempDir(), workerScript: path.join(distDir, 'index-worker.cjs'), engines: 2 };
});

describe('paging through the API', () => {
  it.each(['relevance', 'newest', 'oldest'] as const)('pages of search results sorted by %s follow on from each other', async (sort) => {
    const all = value(await api.search({ query: 'said', sort, limit: 500 }));
    expect(all.total).toBeGreaterThan(20);
    const pages: SearchReply[] = [];
    for (let offset = 0; offset < all.total; offset += 7) pages.push(value(await api.search({ query: 'said', sort, limit: 7, offset })));
    expect(pages.flatMap((p) => p.hits.map((h) => h.id))).toEqual(all.hits.map((h) => h.id));
    expect(pages.every((p) => p.total === all.total)).toBe(true);
  });

  it('pages of quotes follow on from each other, with and without a query', async () => {
    for (const query of [undefined, 'government']) {
      const request = query === undefined ? {} : { query };
      const all = value(await api.quotes({ ...request, limit: 1000 }));
      expect(all.total).toBeGreaterThan(9);
      const pages: QuotesReply[] = [];
      for (let offset = 0; offset < all.total; offset += 9) pages.push(value(await api.quotes({ ...request, limit: 9, offset })));
      expect(pages.flatMap((p) => p.quotes.map((q) => `${q.path}@${q.start}`))).toEqual(all.quotes.map((q) => `${q.path}@${q.start}`));
    }
  });

  it('answers an offset past the end with no results and the total', async () => {
    const reply = value(await api.search({ query: 'said', offset: 100_000 }));
    expect(reply.hits).toEqual([]);
    expect(reply.total).toBeGreaterThan(20);
  });

  it.each([-1, 1.5, '3', Number.MAX_SAFE_INTEGER])('refuses the offset %s as invalid-argument', async (offset) => {
    expect(await api.search({ query: 'said', offset })).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/^offset must be a whole number/) } });
    expect(await api.quotes({ offset })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
});
