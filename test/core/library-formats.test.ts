// Issue 18: entries inside compressed files live like files: a watched change to a zip re-reads only that
// zip, the cache keeps them, duplicates across a zip and a folder are found. Runs the bundled engine and page threads.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startLibrary, type LibrarySession } from '../../main/core/library.js';
import { distDir, tempDir } from '../support/paths.js';
import { ensureBuilt } from '../support/run-cli.js';
import { writeZip } from '../support/write-zip.js';

let session: LibrarySession | null = null;
beforeAll(ensureBuilt);
afterEach(async () => {
  await session?.close();
  session = null;
});

const UPDATE = { timeout: 20_000, interval: 50 };
const workerScript = path.join(distDir, 'index-worker.cjs');
const harbour = 'Harbour reopens\n\n"We will rebuild the harbour," Mayor Ana Ruiz said.';
const bridge = (word: string) => `Bridge ${word}\n\nThe bridge ${word} for repairs.`;

async function writeArchive(archiveDir: string, bridgeWord: string): Promise<void> {
  await writeZip(path.join(archiveDir, 'dump.zip'), [
    { name: '2019/harbour.txt', data: Buffer.from(harbour) },
    { name: '2019/bridge.txt', data: Buffer.from(bridge(bridgeWord)) },
  ]);
}

describe('entries inside compressed files', () => {
  it('finds duplicates inside a zip, re-reads only a changed zip, and loads it from the cache next time', async () => {
    const archiveDir = tempDir();
    const cacheDir = tempDir();
    await writeArchive(archiveDir, 'closes');
    writeFileSync(path.join(archiveDir, 'ferry.txt.gz'), gzipSync('Ferry timetable changes\n\nThe ferry runs every two hours.'));
    writeFileSync(path.join(archiveDir, 'copy.txt'), harbour);
    const reads: { done: number; total: number }[] = [];
    session = startLibrary({ archiveDir, cacheDir, workerScript, watch: true, watchDelayMs: 100, onProgress: (p) => reads.push(p) });
    const library = await session.ready();
    const current = session;
    await vi.waitFor(() => expect(current.status().watching, 'the watcher started').toBe(true), UPDATE);
    expect(current.status()).toMatchObject({ articles: 3, problems: [] });
    // copy.txt holds the zip's harbour article: one of them is set aside as a duplicate.
    expect(library.duplicates).toEqual([{ path: 'dump.zip/2019/harbour.txt', duplicateOf: 'copy.txt' }]);
    expect((await library.search('harbour')).hits.map((h) => h.path)).toEqual(['copy.txt']);
    const ferry = await library.search('ferry');
    expect(ferry.hits.map((h) => h.path)).toEqual(['ferry.txt.gz']);

    reads.length = 0;
    await writeArchive(archiveDir, 'collapses');
    await vi.waitFor(async () => {
      const { total } = await (await current.ready()).search('collapses');
      expect(current.status().updating ? null : total, 'the zip\'s new entry is searchable').toBe(1);
    }, UPDATE);
    // Only the zip was read again, not the two files beside it.
    expect(reads.at(-1)).toEqual({ done: 1, total: 1 });
    const after = await (await current.ready()).search('collapses');
    expect(after.hits.map((h) => h.path)).toEqual(['dump.zip/2019/bridge.txt']);
    expect((await (await current.ready()).search('closes')).total).toBe(0);
    await session.close();

    session = startLibrary({ archiveDir, cacheDir, workerScript });
    const reopened = await session.ready();
    expect(reopened.cache).toBe('loaded');
    expect((await reopened.search('collapses')).hits.map((h) => h.path)).toEqual(['dump.zip/2019/bridge.txt']);
  }, 60_000);
});
