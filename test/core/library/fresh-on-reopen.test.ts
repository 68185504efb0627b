// Freshness of a reopened archive (issue 19): files added, changed or removed since the cache was written are
// seen, and only they are read again; the unchanged ones come from the stale cache.
import { appendFileSync, cpSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary, type OpenLibraryOptions } from '../../../main/core/library.js';
import { contentDir, tempDir } from '../../support/paths.js';

/** Opens `options`, reports how many files it read and what `queries` find, and closes it. */
async function reopen(options: OpenLibraryOptions, queries: string[]): Promise<{ read: number; articles: number; totals: number[] }> {
  let read = 0;
  const library = await openLibrary({ ...options, onProgress: (p) => (read = p.done) });
  const totals = [];
  for (const query of queries) totals.push((await library.search(query)).total);
  await library.close();
  return { read, articles: library.articleCount, totals };
}

describe('a reopened archive', () => {
  it('reads only the files added or changed since its cache was written, and forgets the removed ones', async () => {
    const dir = tempDir();
    const archiveDir = path.join(dir, 'archive');
    cpSync(contentDir, archiveDir, { recursive: true });
    const options = { archiveDir, cacheDir: path.join(dir, 'cache') };
    const files = readdirSync(archiveDir).filter((name) => name.endsWith('.md')).sort();
    const first = await reopen(options, ['zebra', 'quokka']);
    expect(first.read).toBe(files.length);
    expect(first.totals).toEqual([0, 0]);

    writeFileSync(path.join(archiveDir, 'zebra-crossing.txt'), 'Zebra crossings return\n\nThe council said zebra crossings will return to the high street.\n');
    appendFileSync(path.join(archiveDir, files[0] as string), '\nA quokka was seen in the press gallery.\n');
    rmSync(path.join(archiveDir, files[1] as string));
    const second = await reopen(options, ['zebra', 'quokka']);
    expect(second.read).toBe(2);
    expect(second.totals).toEqual([1, 1]);
    expect(second.articles).toBe(first.articles);

    // Nothing changed since: nothing is read.
    expect((await reopen(options, ['zebra'])).read).toBe(0);
  });
});
