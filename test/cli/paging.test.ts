import { beforeAll, describe, expect, it } from 'vitest';
import { readPages } from '../../main/cli/paging.js';
import { itWithCorpora } from '../support/corpora.js';
import { bbcDir, tempDir } from '../support/paths.js';
import { ensureBuilt, runCli } from '../support/run-cli.js';

let cacheDir: string;

beforeAll(() => {
  ensureBuilt();
  cacheDir = tempDir();
});

type Hits = { total: number; hits: { id: string }[] };
type Quotes = { total: number; quotes: { path: string; start: number }[] };
const parse = <T>(stdout: string): T => JSON.parse(stdout) as T;
const lines = <T>(stdout: string): T[] => stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as T);

describe('paging on the command line (the bundled archive)', () => {
  it('--offset skips results in search and quotes', () => {
    const first = parse<Hits>(runCli(['search', 'said', '--json', '--limit', '10', '--cache-dir', cacheDir]).stdout);
    const later = parse<Hits>(runCli(['search', 'said', '--json', '--limit', '4', '--offset', '6', '--cache-dir', cacheDir]).stdout);
    expect(later.hits.map((h) => h.id)).toEqual(first.hits.slice(6, 10).map((h) => h.id));
    expect(later.total).toBe(first.total);
    const quotes = parse<Quotes>(runCli(['quotes', '--json', '--limit', '10', '--cache-dir', cacheDir]).stdout);
    const laterQuotes = parse<Quotes>(runCli(['quotes', '--json', '--limit', '5', '--offset', '5', '--cache-dir', cacheDir]).stdout);
    expect(laterQuotes.quotes).toEqual(quotes.quotes.slice(5));
  });

  it('numbers the readable list from the offset', () => {
    const run = runCli(['search', 'said', '--limit', '2', '--offset', '3', '--cache-dir', cacheDir]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^4\. /m);
    expect(run.stdout).not.toMatch(/^1\. /m);
  });

  it('--all --json lists every result, and --jsonl the same one a line', () => {
    const all = parse<Hits>(runCli(['search', 'said', '--all', '--json', '--cache-dir', cacheDir]).stdout);
    expect(all.total).toBeGreaterThan(20);
    expect(all.hits).toHaveLength(all.total);
    const streamed = lines<{ id: string }>(runCli(['search', 'said', '--all', '--jsonl', '--cache-dir', cacheDir]).stdout);
    expect(streamed).toEqual(all.hits);
    const quotes = parse<Quotes>(runCli(['quotes', '--all', '--json', '--cache-dir', cacheDir]).stdout);
    // More than the command's default of 50.
    expect(quotes.total).toBeGreaterThan(50);
    expect(quotes.quotes).toHaveLength(quotes.total);
    expect(lines(runCli(['quotes', '--all', '--jsonl', '--cache-dir', cacheDir]).stdout)).toEqual(quotes.quotes);
    expect(lines(runCli(['quotes', '--jsonl', '--limit', '3', '--cache-dir', cacheDir]).stdout)).toEqual(quotes.quotes.slice(0, 3));
  });

  it.each([
    [['--all'], /--all needs --json or --jsonl/],
    [['--all', '--json', '--limit', '5'], /--all and --limit cannot be used together/],
    [['--json', '--jsonl'], /--json and --jsonl cannot be used together/],
    [['--offset=-1'], /--offset must be a whole number/],
    [['--offset', 'many'], /--offset must be a whole number/],
  ])('exits 2 for search with %j', (extra, reason) => {
    const run = runCli(['search', 'said', ...extra, '--cache-dir', cacheDir]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(reason);
  });
});

describe('reading every page', () => {
  it('asks for pages that double until the results run out, from the offset', async () => {
    const asked: [number, number][] = [];
    const results = Array.from({ length: 23 }, (_, i) => i);
    const reply = await readPages({ offset: 2, limit: null, jsonl: false }, 3, async (offset, limit) => {
      asked.push([offset, limit]);
      return { total: results.length, items: results.slice(offset, offset + limit) };
    });
    expect(asked).toEqual([[2, 3], [5, 6], [11, 12]]);
    expect(reply.items).toEqual(results.slice(2));
  });

  it('stops at the limit, and hands each page on as it comes', async () => {
    const pages: number[][] = [];
    const reply = await readPages<number, { total: number; items: number[] }>(
      { offset: 0, limit: 10, jsonl: true },
      4,
      async (offset, limit) => ({ total: 100, items: Array.from({ length: limit }, (_, i) => offset + i) }),
      (items) => void pages.push([...items]),
    );
    expect(pages).toEqual([[0, 1, 2, 3], [4, 5, 6, 7, 8, 9]]);
    // Streamed, not kept.
    expect(reply.items).toEqual([]);
  });

  it('is incomplete when any page stopped at its time budget, not only the first', async () => {
    const notice = 'Stopped after 75 ms: results may be incomplete.';
    const reply = await readPages({ offset: 0, limit: null, jsonl: false }, 2, async (offset, limit) => ({
      total: 6,
      items: Array.from({ length: Math.min(limit, 6 - offset) }, (_, i) => offset + i),
      ...(offset === 2 ? { incomplete: notice } : {}),
    }));
    expect(reply.items).toHaveLength(6);
    expect(reply.incomplete).toBe(notice);
  });
});

describe('paging on the command line (BBC)', () => {
  // Issue 15: `govern*` has 510 hits on BBC, more than --limit allows (500).
  itWithCorpora('exports all 510 hits of govern* with --all, as one document and one a line', () => {
    const all = parse<Hits>(runCli(['search', 'govern*', '--archive', bbcDir, '--all', '--json', '--cache-dir', cacheDir]).stdout);
    expect(all.total).toBe(510);
    expect(new Set(all.hits.map((h) => h.id)).size).toBe(510);
    const streamed = lines<{ id: string }>(runCli(['search', 'govern*', '--archive', bbcDir, '--all', '--jsonl', '--cache-dir', cacheDir]).stdout);
    expect(streamed.map((h) => h.id)).toEqual(all.hits.map((h) => h.id));
    const rest = parse<Hits>(runCli(['search', 'govern*', '--archive', bbcDir, '--offset', '500', '--json', '--cache-dir', cacheDir]).stdout);
    expect(rest.hits.map((h) => h.id)).toEqual(all.hits.slice(500).map((h) => h.id));
  }, 240_000);
});
