import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { itWithCorpora } from '../support/corpora.js';
import { bbcDir, distDir, tempDir } from '../support/paths.js';
import { ensureBuilt, runCli } from '../support/run-cli.js';

let cacheDir: string;

beforeAll(() => {
  ensureBuilt();
  cacheDir = tempDir();
});

const json = (stdout: string): Record<string, unknown> => JSON.parse(stdout) as Record<string, unknown>;

describe('the command line\'s bundle', () => {
  it('leaves the readers of article files to a bundle of their own, loaded when a file is first read (the searches below build their cache with it)', () => {
    const cli = readFileSync(path.join(distDir, 'cli.cjs'), 'utf8');
    const readers = readFileSync(path.join(distDir, 'read-archive.cjs'), 'utf8');
    expect(cli).toContain('read-archive.cjs');
    for (const library of ['node_modules/linkedom', 'node_modules/yaml', 'node_modules/papaparse', 'node_modules/franc']) {
      expect(cli).not.toContain(library);
      expect(readers).toContain(library);
    }
  });
});

describe('verbatim search', () => {
  it('finds the seed article first in the bundled archive, with a quote by Maigeldinov', () => {
    const run = runCli(['search', 'Putin Trump Alaska', '--json', '--cache-dir', cacheDir]);
    expect(run.status).toBe(0);
    const reply = json(run.stdout) as { total: number; hits: { path: string; title: string; snippet: string; quotes: { speaker: string | null; text: string }[]; date: unknown; source: unknown; score: number; id: string }[] };
    expect(reply).toMatchObject({ query: 'Putin Trump Alaska' });
    expect(typeof (reply as unknown as { tookMs: unknown }).tookMs).toBe('number');
    const first = reply.hits[0];
    expect(first?.path).toBe('kazinform-putin-trump-alaska.txt');
    expect(first?.quotes.some((q) => q.speaker === 'Kazbek Maigeldinov')).toBe(true);
    expect(Object.keys(first ?? {}).sort()).toEqual(['date', 'id', 'path', 'quotes', 'score', 'snippet', 'source', 'title']);
  });

  itWithCorpora('searches another archive given with --archive, with snippets', () => {
    const run = runCli(['search', 'mobile phone', '--archive', bbcDir, '--json', '--limit', '5'], { VERBATIM_CACHE_DIR: cacheDir });
    expect(run.status).toBe(0);
    const reply = json(run.stdout) as { total: number; hits: { path: string; snippet: string }[] };
    expect(reply.hits).toHaveLength(5);
    expect(reply.total).toBeGreaterThan(20);
    for (const hit of reply.hits) {
      expect(hit.path).toMatch(/^(business|entertainment|politics|sport|tech)\/\d+\.txt$/);
      expect(hit.snippet.toLowerCase()).toMatch(/mobile|phone/);
    }
    // A cold open of 2,225 files: runCli's own 120 s bounds it (the default 30 s failed on a loaded machine).
  }, 120_000);

  it('prints readable results without --json', () => {
    const run = runCli(['search', 'Alaska', '--cache-dir', cacheDir]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^1 article for "Alaska"/);
    expect(run.stdout).toContain('[Alaska]');
    expect(run.stdout).toContain('— Kazbek Maigeldinov');
  });

  it('exits 2 with a reason for bad usage', () => {
    const run = runCli(['search', '--json', '--cache-dir', cacheDir]);
    expect(run.status).toBe(2);
    expect(json(run.stdout)).toEqual({ error: { code: 'usage', message: expect.stringMatching(/needs a QUERY/) } });
    expect(run.stderr).toMatch(/^verbatim: search needs a QUERY/);
    expect(runCli(['search', 'x', '--limit', 'lots']).status).toBe(2);
    expect(runCli(['frobnicate']).status).toBe(2);
    expect(runCli(['index', '--archive', '/nonexistent/archive', '--cache-dir', cacheDir]).status).toBe(2);
  });
});

describe('the query language on the command line', () => {
  it('exits 2 with the reason and the place for a malformed query', () => {
    const run = runCli(['search', 'putin title:', '--json', '--cache-dir', cacheDir]);
    expect(run.status).toBe(2);
    expect(json(run.stdout)).toEqual({ error: { code: 'bad-query', message: expect.stringMatching(/title: needs a word/), start: 6, end: 12 } });
    expect(run.stderr).toMatch(/^verbatim: title: needs a word.*\(characters 7-12 of the query\)/);
  });

  it('sorts by date and reports notices and facets', () => {
    const run = runCli(['search', 'the president', '--sort', 'oldest', '--json', '--limit', '50', '--cache-dir', cacheDir]);
    const reply = json(run.stdout) as { notices: string[]; facets: { year: unknown[] }; hits: { date: string | null }[] };
    const dates = reply.hits.map((h) => h.date).filter((d): d is string => d !== null);
    expect(dates).toEqual([...dates].sort());
    expect(reply.notices).toEqual(['Ignored common words: the.']);
    expect(reply.facets.year.length).toBeGreaterThan(1);
    expect(runCli(['search', 'x', '--sort', 'sideways']).status).toBe(2);
  });
});

describe('verbatim quotes', () => {
  it('lists quotes by speaker with their offsets and parts', () => {
    const run = runCli(['quotes', '--speaker', 'Maigeldinov', '--json', '--cache-dir', cacheDir]);
    expect(run.status).toBe(0);
    const reply = json(run.stdout) as { total: number; quotes: { articleId: string; path: string; text: string; speaker: string; start: number; end: number; parts: { text: string; start: number; end: number }[] }[] };
    expect(reply.total).toBeGreaterThanOrEqual(2);
    for (const quote of reply.quotes) {
      expect(quote.speaker).toBe('Kazbek Maigeldinov');
      expect(quote.path).toBe('kazinform-putin-trump-alaska.txt');
      expect(quote.parts.length).toBeGreaterThan(0);
      expect(quote.start).toBe(quote.parts[0]?.start);
      expect(quote.end).toBe(quote.parts.at(-1)?.end);
      expect(Object.keys(quote).sort()).toEqual(['articleId', 'cluster', 'clusterId', 'correction', 'date', 'end', 'id', 'kind', 'mention', 'parts', 'path', 'source', 'speaker', 'speakerFound', 'speakerId', 'start', 'text', 'title', 'verb']);
    }
  });

  it('lists each kind of quote, and only the kinds asked for with --kind', () => {
    type Listed = { kind: string; text: string; speaker: string | null; verb: string | null; mention: { start: number; end: number } | null };
    const all = json(runCli(['quotes', '--json', '--limit', '10000', '--cache-dir', cacheDir]).stdout) as { total: number; quotes: Listed[] };
    expect(new Set(all.quotes.map((q) => q.kind))).toEqual(new Set(['direct', 'partial', 'indirect']));
    const run = runCli(['quotes', '--kind', 'indirect', '--speaker', 'Maigeldinov', '--json', '--cache-dir', cacheDir]);
    expect(run.status).toBe(0);
    const reported = json(run.stdout) as { total: number; quotes: Listed[] };
    expect(reported.quotes.map((q) => [q.kind, q.text.slice(0, 29), q.verb])).toEqual([
      ['indirect', 'Second, for the United States', 'added'],
      ['indirect', 'the talks lasted nearly three', 'noted'],
    ]);
    const quoted = json(runCli(['quotes', '--kind', 'direct,partial', '--json', '--limit', '10000', '--cache-dir', cacheDir]).stdout) as { total: number };
    expect(quoted.total + all.quotes.filter((q) => q.kind === 'indirect').length).toBe(all.total);
    const wrong = runCli(['quotes', '--kind', 'rumour', '--json', '--cache-dir', cacheDir]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/--kind must be direct, partial or indirect/);
  });

  it('finds quotes whose words match a query', () => {
    const run = runCli(['quotes', 'conflict', '--json', '--cache-dir', cacheDir]);
    const reply = json(run.stdout) as { quotes: { text: string; speaker: string | null }[] };
    expect(reply.quotes.length).toBeGreaterThanOrEqual(3);
    expect(reply.quotes.filter((q) => q.speaker === 'Kazbek Maigeldinov')).toHaveLength(2);
    for (const quote of reply.quotes) expect(quote.text.toLowerCase()).toMatch(/conflict/);
  });
});

describe('verbatim index', () => {
  itWithCorpora('lists the exact duplicates of the BBC corpus with the file each duplicates', () => {
    const reply = json(runCli(['index', '--archive', bbcDir, '--json', '--cache-dir', cacheDir]).stdout) as {
      articles: number;
      duplicates: { path: string; duplicateOf: string }[];
      problems: unknown[];
    };
    expect(reply.articles).toBe(2127);
    expect(reply.duplicates).toHaveLength(98);
    expect(reply.problems).toEqual([]);
    for (const d of reply.duplicates) expect(d.duplicateOf < d.path).toBe(true);
  });

  it('builds, then loads from the cache, and reports problems', () => {
    const fresh = tempDir();
    const first = json(runCli(['index', '--json', '--cache-dir', fresh]).stdout);
    const second = json(runCli(['index', '--json', '--cache-dir', fresh]).stdout);
    expect(first).toMatchObject({ articles: 63, cache: 'built', problems: [] });
    expect(second).toMatchObject({ articles: 63, cache: 'loaded', problems: [] });
    expect(second.quotes).toBe(first.quotes);
    expect(first.quotes).toBeGreaterThan(100);
  });
});

describe('a query over its time budget (issue 14)', () => {
  /** An archive where every article is a candidate for "a 2", and VERBATIM_QUERY_BUDGET_MS=0 to stop at once. */
  const hurried = (): { archive: string; env: NodeJS.ProcessEnv } => {
    const archive = tempDir();
    for (let i = 0; i < 20; i += 1) writeFileSync(path.join(archive, `${i}.txt`), `Match ${i}\n\nScores 2 and ${Array.from({ length: 50 }, (_, k) => `a ${k + 3}`).join(' ')} and a 2 draw.\n`);
    return { archive, env: { VERBATIM_CACHE_DIR: cacheDir, VERBATIM_QUERY_BUDGET_MS: '0' } };
  };

  it('prints what it found and the notice on stderr', () => {
    const { archive, env } = hurried();
    const run = runCli(['search', '"a 2"', '--archive', archive], env);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\d+ articles? for ""a 2""/);
    expect(run.stderr).toContain('verbatim: Stopped after 0 ms: results may be incomplete.');
    const quotes = runCli(['quotes', '"a 2"', '--archive', archive], env);
    expect(quotes.stderr).toContain('verbatim: Stopped after 0 ms: results may be incomplete.');
  });

  it('carries the notice in JSON as incomplete, null when the answer is complete', () => {
    const { archive, env } = hurried();
    const stopped = json(runCli(['search', '"a 2"', '--archive', archive, '--json'], env).stdout) as { total: number; incomplete: string | null };
    expect(stopped.incomplete).toBe('Stopped after 0 ms: results may be incomplete.');
    expect(stopped.total).toBeLessThan(20);
    const complete = json(runCli(['search', '"a 2"', '--archive', archive, '--json'], { VERBATIM_CACHE_DIR: cacheDir, VERBATIM_QUERY_BUDGET_MS: '600000' }).stdout) as { total: number; incomplete: string | null };
    expect(complete).toMatchObject({ total: 20, incomplete: null });
  });

  it('exits 2 when VERBATIM_QUERY_BUDGET_MS is not a number', () => {
    const run = runCli(['search', 'x', '--cache-dir', cacheDir], { VERBATIM_QUERY_BUDGET_MS: 'soon' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/VERBATIM_QUERY_BUDGET_MS must be a number of milliseconds/);
  });
});
