// Quote provenance (issue 17) through `verbatim quotes --json`: the same quotation in several articles, word for
// word or near-verbatim, shares a `clusterId`, on a hand-made archive and on the BBC corpus.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { itWithCorpora } from '../support/corpora.js';
import { bbcDir, tempDir } from '../support/paths.js';
import { ensureBuilt, runCli } from '../support/run-cli.js';

const clustersDir = path.resolve(import.meta.dirname, '../fixtures/quote-clusters');

interface QuoteJson {
  articleId: string;
  path: string;
  text: string;
  clusterId: string | null;
  cluster: { articles: number; first: { articleId: string; date: string | null; source: string | null } } | null;
}

let cacheDir: string;

beforeAll(() => {
  ensureBuilt();
  cacheDir = tempDir();
});

function quotes(archive: string, ...args: string[]): QuoteJson[] {
  const result = runCli(['quotes', ...args, '--archive', archive, '--json', '--cache-dir', cacheDir]);
  expect(result.status, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { quotes: QuoteJson[] }).quotes;
}

describe('quote clusters', () => {
  it('gives a quotation retyped and shortened in other articles one clusterId, with its first appearance', () => {
    const all = quotes(clustersDir, '--all');
    const promise = all.filter((q) => /ferry every two hours/i.test(q.text));
    expect(promise.map((q) => q.path).sort()).toEqual(['a.txt', 'b.txt', 'c.txt']);
    const first = promise.find((q) => q.path === 'a.txt');
    expect(first?.clusterId).toMatch(/\S/);
    for (const quote of promise) {
      expect(quote.clusterId).toBe(first?.clusterId);
      expect(quote.cluster).toEqual({ articles: 3, first: { articleId: first?.articleId, date: '2024-03-02', source: 'Harbour Gazette' } });
    }
  });

  it('leaves short fragments and different words out of every cluster', () => {
    const others = quotes(clustersDir, '--all').filter((q) => !/ferry every two hours/i.test(q.text));
    expect(others.map((q) => q.text.replace(/\W+$/, '')).sort()).toEqual([
      'The council will look at the budget again',
      'The council will look at the timetable again',
      'We are very sorry indeed',
      'We are very sorry indeed',
    ]);
    expect(others.map((q) => [q.clusterId, q.cluster])).toEqual(others.map(() => [null, null]));
  });

  itWithCorpora(
    'on the BBC corpus, gives a quotation repeated in four articles one clusterId, and a one-off quotation none',
    () => {
      const repeated = quotes(bbcDir, '"nothing you could ever say to me now"', '--all');
      expect(repeated.map((q) => q.path).sort()).toEqual(['politics/099.txt', 'politics/225.txt', 'politics/260.txt', 'politics/262.txt']);
      const ids = new Set(repeated.map((q) => q.clusterId));
      expect(ids.size).toBe(1);
      expect([...ids][0]).not.toBeNull();
      expect(repeated.every((q) => q.cluster?.articles === 4)).toBe(true);
      // Most quotations stand in one article only (the first 500 listed; all of them overflow a test's pipe).
      const listed = quotes(bbcDir, '--limit', '500');
      expect(listed).toHaveLength(500);
      expect(listed.filter((q) => q.clusterId === null).length).toBeGreaterThan(450);
    },
    120_000,
  );
});
