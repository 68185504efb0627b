// Issue 14, items 1 and 4: one file costs only itself. Its size is checked on what is read, a saved page
// past the element budget never reaches Readability, and a page parser that runs past its time is stopped.
// Every file is made in a temp folder; a hang fails the test by its timeout, never by a timed assertion.
import { appendFileSync, existsSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { maxFileBytes, readArticleFile } from '../../../main/core/archive/read-archive.js';
import { walkArchive } from '../../../main/core/archive/walk-archive.js';
import { ShardEngine } from '../../../main/core/engine/shard-engine.js';
import { readCache } from '../../../main/core/index/index-cache.js';
import { tempDir } from '../../support/paths.js';

const story = (headline: string): string => `${headline}\n\nThe council met on Tuesday.\n`;

describe('the size cap, on what is read', () => {
  it('reports a file that grew past the cap after the walk', async () => {
    const dir = tempDir();
    const grown = path.join(dir, 'grown.txt');
    writeFileSync(grown, story('Small at first'));
    const [listed] = (await walkArchive(dir)).files;
    truncateSync(grown, maxFileBytes + 4096); // a sparse file: no disk used
    const read = readArticleFile(listed!);
    expect(read.articles).toEqual([]);
    expect(read.problems).toEqual([{ path: 'grown.txt', reason: 'the file grew to more than 50.0 MiB after the archive was listed; Verbatim reads files up to 50.0 MiB' }]);
    expect(read.changed?.size).toBe(maxFileBytes + 4096);
  });

  it('reads a file that changed after the walk as it is, and says so', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'edited.txt');
    writeFileSync(file, story('Before the edit'));
    const [listed] = (await walkArchive(dir)).files;
    appendFileSync(file, '\nA paragraph added later.\n');
    const read = readArticleFile(listed!);
    expect(read.articles[0]?.body).toContain('A paragraph added later.');
    expect(read.changed?.size).toBeGreaterThan(listed!.size);
    expect(readArticleFile((await walkArchive(dir)).files[0]!).changed).toBeUndefined();
  });

  it('never caches a shard under the fingerprint of a listing it does not hold; the next open reads it again', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'steady.txt'), story('Steady headline'));
    writeFileSync(path.join(dir, 'grown.txt'), story('Small at first'));
    const { files } = await walkArchive(dir);
    truncateSync(path.join(dir, 'grown.txt'), maxFileBytes + 1);
    const cacheFile = path.join(tempDir(), 'shard.cache');
    const engine = new ShardEngine();
    const [summary] = await engine.open([{ shard: 0, files, walkProblems: [], cacheFile, fingerprint: 'listing' }]);
    expect(summary?.problems.map((p) => p.path)).toEqual(['grown.txt']);
    expect(engine.search('steady', {}).hits.map((h) => h.path)).toEqual(['steady.txt']);
    expect(await engine.save()).toEqual([]);
    expect(existsSync(cacheFile)).toBe(false);
    expect(await readCache(cacheFile, 'listing')).toEqual({ reason: 'absent' });
  });

  it('caches a shard whose files were read as listed', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'steady.txt'), story('Steady headline'));
    const { files } = await walkArchive(dir);
    const cacheFile = path.join(tempDir(), 'shard.cache');
    const engine = new ShardEngine();
    await engine.open([{ shard: 0, files, walkProblems: [], cacheFile, fingerprint: 'listing' }]);
    await engine.save();
    expect('data' in (await readCache(cacheFile, 'listing'))).toBe(true);
  });
});
