// The engines read an archive's caches while the main thread walks its folder (issue 19): the walk then
// decides which shards they keep. Kept or not, the archive answers as it would have.
import { copyFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../../main/core/library.js';
import { contentDir, distDir, tempDir } from '../../support/paths.js';
import { ensureBuilt } from '../../support/run-cli.js';

/** What a search answers once the quotes and their people are known, without its timing. */
async function answer(library: Library, query: string): Promise<unknown> {
  await library.quotesReady();
  await library.speakers({});
  const { tookMs: _tookMs, ...reply } = await library.search(query, { limit: 50 });
  return reply;
}

describe('caches read while the folder is walked', () => {
  it('are kept when the walk finds the files they were written for, and only the walk\'s shards are served', async () => {
    ensureBuilt();
    const cacheDir = path.join(tempDir(), 'cache');
    const options = { archiveDir: contentDir, cacheDir, workerScript: path.join(distDir, 'index-worker.cjs'), engines: 2 };
    const built = await openLibrary(options);
    const expected = await answer(built, 'Putin Trump');
    const articles = built.articleCount;
    await built.close();
    expect(built.cache).toBe('built');

    const warm = await openLibrary(options);
    expect(warm.cache).toBe('loaded');
    expect(await answer(warm, 'Putin Trump')).toEqual(expected);
    await warm.close();

    // Four shards' caches where the walk now makes two (as after files were removed): copies of the two.
    const [folder] = readdirSync(cacheDir);
    const at = (name: string): string => path.join(cacheDir, folder ?? '', name);
    for (const [from, to] of [['0-of-2', '0-of-4'], ['1-of-2', '1-of-4'], ['0-of-2', '2-of-4'], ['1-of-2', '3-of-4']]) copyFileSync(at(`shard-${from}.cache`), at(`shard-${to}.cache`));
    for (const shard of [0, 1]) rmSync(at(`shard-${shard}-of-2.cache`));
    const rebuilt = await openLibrary(options);
    expect(rebuilt.cache).toBe('built');
    // Served once each: the preloaded copies of the walk's shards are not served too.
    expect(rebuilt.articleCount).toBe(articles);
    expect(await answer(rebuilt, 'Putin Trump')).toEqual(expected);
    await rebuilt.close();
  }, 120_000);
});
