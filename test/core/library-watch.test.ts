import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startLibrary, type LibrarySession } from '../../main/core/library.js';
import { tempDir } from '../support/paths.js';

let session: LibrarySession | null = null;

afterEach(async () => {
  await session?.close();
  session = null;
});

/** How long a watched change may take to show (the folder's events, the debounce, a re-read): generous for a busy CI machine. */
const UPDATE = { timeout: 10_000, interval: 50 };

/**
 * The number of hits for `query` once the update that produced them has ended: the engines answer from
 * changed files a moment before the status line counts them, and the test checks both.
 */
async function settledTotal(session: LibrarySession, query: string): Promise<number | null> {
  const { total } = await (await session.ready()).search(query);
  return session.status().updating ? null : total;
}

describe('a watched archive', () => {
  it('follows files added, changed and removed, re-reading only what changed', async () => {
    const archiveDir = tempDir();
    writeFileSync(path.join(archiveDir, 'harbour.txt'), 'Harbour reopens\n\n"We will rebuild the harbour," Mayor Ana Ruiz said.');
    writeFileSync(path.join(archiveDir, 'bridge.txt'), 'Bridge closes\n\nThe bridge closed for repairs.');
    const reads: { done: number; total: number }[] = [];
    session = startLibrary({ archiveDir, cacheDir: tempDir(), watch: true, watchDelayMs: 100, onProgress: (p) => reads.push(p) });
    await session.ready();
    const current = session;
    await vi.waitFor(() => expect(current.status().watching, 'the watcher started').toBe(true), UPDATE);
    expect(session.status()).toMatchObject({ generation: 0, articles: 2 });

    writeFileSync(path.join(archiveDir, 'ferry.txt'), 'Ferry timetable changes\n\nThe ferry runs every two hours.');
    reads.length = 0;
    await vi.waitFor(async () => expect(await settledTotal(current, 'ferry'), 'the new file is searchable').toBe(1), UPDATE);
    expect(current.status()).toMatchObject({ generation: 1, articles: 3, updating: false });
    // Only the new file was read: the two unchanged ones were not read again.
    expect(reads.at(-1)).toEqual({ done: 1, total: 1 });

    writeFileSync(path.join(archiveDir, 'bridge.txt'), 'Bridge reopens early\n\nThe bridge reopened a week early.');
    await vi.waitFor(async () => expect(await settledTotal(current, 'early'), 'the edit shows').toBe(1), UPDATE);
    expect((await (await current.ready()).search('closed')).total).toBe(0);

    rmSync(path.join(archiveDir, 'harbour.txt'));
    await vi.waitFor(async () => expect(await settledTotal(current, 'harbour'), 'the removal shows').toBe(0), UPDATE);
    expect(current.status()).toMatchObject({ articles: 2, quotes: 0 });
    expect(current.status().generation).toBeGreaterThanOrEqual(3);

    writeFileSync(path.join(archiveDir, 'broken.txt'), '');
    await vi.waitFor(() => expect(current.status().problems.map((p) => p.path), 'the broken file is reported').toContain('broken.txt'), UPDATE);
  });

  it('follows a new folder and the files later added to it, and a file changed in a folder below the archive', async () => {
    const archiveDir = tempDir();
    mkdirSync(path.join(archiveDir, 'city'));
    writeFileSync(path.join(archiveDir, 'city', 'bridge.txt'), 'Bridge closes\n\nThe bridge closed for repairs.');
    session = startLibrary({ archiveDir, cacheDir: tempDir(), watch: true, watchDelayMs: 100 });
    await session.ready();
    const current = session;
    await vi.waitFor(() => expect(current.status().watching, 'the watcher started').toBe(true), UPDATE);

    writeFileSync(path.join(archiveDir, 'city', 'bridge.txt'), 'Bridge reopens early\n\nThe bridge reopened a week early.');
    await vi.waitFor(async () => expect(await settledTotal(current, 'early'), 'the edit below the archive shows').toBe(1), UPDATE);

    mkdirSync(path.join(archiveDir, 'sport'));
    writeFileSync(path.join(archiveDir, 'sport', 'match.txt'), 'Cup final\n\nThe final was played in the rain.');
    await vi.waitFor(async () => expect(await settledTotal(current, 'rain'), 'the new folder is read').toBe(1), UPDATE);
    // The new folder is watched from then on.
    writeFileSync(path.join(archiveDir, 'sport', 'race.txt'), 'Marathon\n\nThe marathon ended in a sprint.');
    await vi.waitFor(async () => expect(await settledTotal(current, 'sprint'), 'a file added to the new folder shows').toBe(1), UPDATE);
  });

  it('stops watching when closed', async () => {
    const archiveDir = tempDir();
    writeFileSync(path.join(archiveDir, 'one.txt'), 'One\n\nText.');
    const closing = startLibrary({ archiveDir, cacheDir: tempDir(), watch: true, watchDelayMs: 50 });
    await closing.ready();
    await vi.waitFor(() => expect(closing.status().watching, 'the watcher started').toBe(true), UPDATE);
    await closing.close();
    expect(closing.status().watching).toBe(false);
    writeFileSync(path.join(archiveDir, 'two.txt'), 'Two\n\nText.');
    // Nothing to wait for: the test asserts that no update happens, so it gives a change far longer than
    // the 50 ms debounce (watchDelayMs) to show and checks that it did not.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(closing.status().generation).toBe(0);
  });
});
