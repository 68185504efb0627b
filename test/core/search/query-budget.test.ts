// The query budget (issue 14 item 5): a query whose phrase checks outlast it answers with the matches it
// confirmed and a notice, never with an article that does not match; under it, nothing changes.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkArchive } from '../../../main/core/archive/walk-archive.js';
import { ShardEngine } from '../../../main/core/engine/shard-engine.js';
import { openLibrary, type Library } from '../../../main/core/library.js';
import { QueryBudget } from '../../../main/core/search/query-budget.js';
import { tempDir } from '../../support/paths.js';

describe('a query budget', () => {
  it('is not spent before its deadline, is spent within a few checks after it, and stays spent', () => {
    let now = 1000;
    const budget = new QueryBudget(100, () => now);
    for (let i = 0; i < 100; i += 1) expect(budget.spent()).toBe(false);
    expect(budget.notice).toBeUndefined();
    now = 1100;
    let checks = 1;
    while (!budget.spent()) checks += 1;
    expect(checks).toBeLessThanOrEqual(8);
    now = 0;
    expect(budget.spent()).toBe(true);
    expect(budget.notice).toBe('Stopped after 100 ms: results may be incomplete.');
  });
});

/** Articles of the phrase's worst case: every pair of words is a candidate for "a 2"; even ones hold it. */
const articles = 60;
let archiveDir: string;
let library: Library;
let hurried: Library;

beforeAll(async () => {
  archiveDir = tempDir();
  for (let i = 0; i < articles; i += 1) {
    const filler = Array.from({ length: 200 }, (_, k) => `a ${k + 3} b`).join(' ');
    writeFileSync(path.join(archiveDir, `${String(i).padStart(3, '0')}.txt`), `Report ${i}\n\nScores 2 and ${filler}${i % 2 === 0 ? ' ended a 2 draw' : ''}.\n`);
  }
  const cacheDir = tempDir();
  // A budget no machine runs out of here: this worst case takes longer than the default on a loaded one.
  library = await openLibrary({ archiveDir, cacheDir, queryBudgetMs: 600_000 });
  // Spent at the first clock reading: only the first few candidates are checked.
  hurried = await openLibrary({ archiveDir, cacheDir, queryBudgetMs: 0 });
}, 60_000);

afterAll(async () => {
  await library.close();
  await hurried.close();
});

const paths = (hits: readonly { path: string }[]): string[] => hits.map((h) => h.path).sort();
const holdingPhrase = Array.from({ length: articles / 2 }, (_, k) => `${String(k * 2).padStart(3, '0')}.txt`);

describe('a phrase query over its budget', () => {
  it.each(['"a 2"', 'a^2'])('answers %s with real matches only, fewer than all, and a notice', async (query) => {
    const reply = await hurried.search(query, { limit: 100 });
    expect(reply.incomplete).toBe('Stopped after 0 ms: results may be incomplete.');
    expect(reply.total).toBeGreaterThan(0);
    expect(reply.total).toBeLessThan(articles / 2);
    for (const path of paths(reply.hits)) expect(holdingPhrase).toContain(path);
  });

  it('excludes every candidate of an excluded phrase it had no time to check: nothing wrong is added', async () => {
    const reply = await hurried.search('scores -"a 2"', { limit: 100 });
    expect(reply.incomplete).toBeDefined();
    for (const path of paths(reply.hits)) expect(holdingPhrase).not.toContain(path);
  });

  it('goes on where the last one stopped when asked again, through the library as the app asks', async () => {
    const again = await openLibrary({ archiveDir, cacheDir: tempDir(), queryBudgetMs: 0 });
    try {
      const first = await again.search('"a 2"', { limit: 100 });
      const second = await again.search('"a 2"', { limit: 100 });
      expect(first.incomplete).toBeDefined();
      expect(second.total).toBeGreaterThan(first.total);
      for (const found of paths(second.hits)) expect(holdingPhrase).toContain(found);
    } finally {
      await again.close();
    }
  }, 60_000);

  it('says so in the quote list too', async () => {
    const reply = await hurried.quotes({ query: '"a 2"' });
    expect(reply.incomplete).toBe('Stopped after 0 ms: results may be incomplete.');
  });
});

describe('a phrase query within its budget', () => {
  it.each(['"a 2"', 'a^2'])('finds every article holding %s, and no notice', async (query) => {
    const reply = await library.search(query, { limit: 100 });
    expect(reply.incomplete).toBeUndefined();
    expect(paths(reply.hits)).toEqual(holdingPhrase);
  });

  it('leaves a query without phrases untouched by a spent budget', async () => {
    const [full, spent] = await Promise.all([library.search('scores draw', { limit: 100 }), hurried.search('scores draw', { limit: 100 })]);
    expect(spent.incomplete).toBeUndefined();
    expect({ ...spent, tookMs: 0 }).toEqual({ ...full, tookMs: 0 });
  });
});

describe('a phrase query asked again of the same engine', () => {
  it('goes on confirming after an answer its budget cut short, and is answered from what it kept once complete', async () => {
    const engine = new ShardEngine();
    const { files, problems } = await walkArchive(archiveDir);
    await engine.open([{ shard: 0, files, walkProblems: problems, cacheFile: path.join(tempDir(), 'shard-0-of-1.cache'), fingerprint: 'budget' }]);
    const cut = engine.search('"a 2"', { limit: 100, budgetMs: 0 });
    expect(cut.incomplete).toBeDefined();
    // Cut short again, it goes on where the last one stopped: more confirmed, each holding the phrase.
    const further = engine.search('"a 2"', { limit: 100, budgetMs: 0 });
    expect(further.incomplete).toBeDefined();
    expect(further.total).toBeGreaterThan(cut.total);
    for (const found of paths(further.hits)) expect(holdingPhrase).toContain(found);
    // Not kept cut short: this time every candidate is confirmed.
    const full = engine.search('"a 2"', { limit: 100, budgetMs: 600_000 });
    expect(full.incomplete).toBeUndefined();
    expect(paths(full.hits)).toEqual(holdingPhrase);
    // Kept complete: with no time at all (its next page, another sort), the same answer, in part or whole.
    const again = engine.search('"a 2" scores', { limit: 100, budgetMs: 0 });
    expect(again.incomplete).toBeUndefined();
    expect(paths(again.hits)).toEqual(holdingPhrase);
    const sorted = engine.search('"a 2"', { limit: 100, sort: 'newest', budgetMs: 0 });
    expect(sorted.incomplete).toBeUndefined();
    expect(sorted.total).toBe(full.total);
  });
});
