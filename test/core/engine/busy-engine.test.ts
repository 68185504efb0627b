// An engine busy with a pathological query (issue 14 item 5: `"a 2"` held a 10x archive's engine for 16 s)
// stops it at its budget and goes on to the next search: in a real worker thread (the built dist/ worker).

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../../main/core/library.js';
import { distDir, tempDir } from '../../support/paths.js';

let library: Library;

beforeAll(async () => {
  const archiveDir = tempDir();
  // Every pair of words is a candidate for "a 2"; half the articles hold it.
  for (let i = 0; i < 200; i += 1) {
    const filler = Array.from({ length: 300 }, (_, k) => `a ${k + 3}`).join(' ');
    writeFileSync(path.join(archiveDir, `${String(i).padStart(3, '0')}.txt`), `Match ${i}\n\nScores 2 and ${filler}${i % 2 === 0 ? ' and a 2 draw' : ''}${i === 7 ? ' with a penguin' : ''}.\n`);
  }
  // A spent budget forces the stop whatever the machine's speed; the default (75 ms) stops it the same way.
  library = await openLibrary({ archiveDir, cacheDir: tempDir(), workerScript: path.join(distDir, 'index-worker.cjs'), engines: 1, queryBudgetMs: 0 });
}, 60_000);

afterAll(async () => {
  await library.close();
});

describe('a search sent while a pathological one runs', () => {
  it('is answered in full after the pathological one stops at its budget with what it has', async () => {
    const pathological = library.search('"a 2"', { limit: 5 });
    const ordinary = library.search('penguin', { limit: 5 });
    const [slow, next] = await Promise.all([pathological, ordinary]);
    expect(slow.incomplete).toBe('Stopped after 0 ms: results may be incomplete.');
    expect(slow.total).toBeLessThan(100);
    expect(next.incomplete).toBeUndefined();
    expect(next.hits.map((h) => h.path)).toEqual(['007.txt']);
  });

  it('is not held up by a run of superseded keystrokes: each stops at its budget', async () => {
    const typed = ['"a', '"a 2', '"a 2"', 'a^2'].map((query) => library.search(query, { limit: 5 }));
    const last = library.search('penguin', { limit: 5 });
    expect((await last).hits.map((h) => h.path)).toEqual(['007.txt']);
    for (const reply of await Promise.all(typed.slice(1))) expect(reply.incomplete).toBeDefined();
  });
});
