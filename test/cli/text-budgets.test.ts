// Issue 14, items 2 and 3 through the command line, each archive made in a temp folder and every run bounded
// by runCli's timeout: a 10-million-letter word no longer sinks the archive, a flood of quotes stops at the
// budget with a notice, and a query holding a long word still finds it. Peak memory is measured apart (README).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { maxQuotesPerArticle, maxRunLength } from '../../main/core/util/text-budgets.js';
import { tempDir } from '../support/paths.js';
import { ensureBuilt, runCli } from '../support/run-cli.js';

const good = 'Good headline\n\nThe mayor said the bridge will reopen in spring.\n';

function archiveOf(files: Record<string, string>): (...args: string[]) => ReturnType<typeof runCli> {
  const archive = tempDir();
  const cacheDir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(archive, name), text);
  return (...args) => runCli([...args, '--archive', archive, '--cache-dir', cacheDir]);
}

beforeAll(() => ensureBuilt());

/** Each test indexes a 10-45 MB file, some several times: on a loaded 2-core machine that passed 30 s. */
const budgetTestTimeoutMs = 120_000;

describe('a 10-million-letter word', () => {
  const hash = 'q'.repeat(maxRunLength * 3 + 17);
  let run: ReturnType<typeof archiveOf>;
  beforeAll(() => {
    run = archiveOf({ 'good.txt': good, 'big.txt': `Big headline\n\nA hash ${hash} and ${'a'.repeat(10_000_000)}\n` });
  });

  it('leaves the archive open and the good file searchable', () => {
    const { status, stdout, stderr } = run('search', 'bridge', '--json');
    expect(stderr).not.toContain('Maximum call stack size exceeded');
    expect(status).toBe(0);
    expect(JSON.parse(stdout).hits.map((h: { path: string }) => h.path)).toEqual(['good.txt']);
  }, budgetTestTimeoutMs);

  it('is found by a query holding a long word, and a cache hit answers the same', () => {
    for (const cache of ['built', 'loaded']) {
      const { status, stdout } = run('search', hash, '--json');
      expect(status, cache).toBe(0);
      expect(JSON.parse(stdout).hits.map((h: { path: string }) => h.path), cache).toEqual(['big.txt']);
    }
  }, budgetTestTimeoutMs);
});

describe('a flood of quotes', () => {
  it('yields at most the budget, with a notice and then a problem', () => {
    const run = archiveOf({ 'good.txt': good, 'flood.txt': `Flood\n\n${'"Yes," he said. '.repeat(maxQuotesPerArticle * 2)}\n` });
    const reason = `flood.txt: only its first ${maxQuotesPerArticle.toLocaleString('en')} quotes are kept`;
    const first = run('index', '--json');
    expect(first.status).toBe(0);
    expect(first.stderr).toContain(reason);
    expect(JSON.parse(first.stdout).quotes).toBeLessThanOrEqual(maxQuotesPerArticle + 1);
    // The cache keeps the record's problem: the next open lists it.
    const again = run('index', '--json');
    expect(JSON.parse(again.stdout).problems.map((p: { path: string; reason: string }) => `${p.path}: ${p.reason}`)).toContain(reason);
    const quotes = run('quotes', '--json', '--limit', String(maxQuotesPerArticle * 2));
    expect(JSON.parse(quotes.stdout).total).toBe(maxQuotesPerArticle + 1);
    // In text, a file read only in part is listed as a problem, not as a file that "could not be read".
    const text = run('index');
    expect(text.stdout).toContain(`1 problem reading the archive:\n  ${reason}`);
  }, budgetTestTimeoutMs);
});
