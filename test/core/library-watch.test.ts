import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startLibrary, type LibrarySession } from '../../main/core/library.js';
import { tempDir } from '../support/paths.js';

let session: LibrarySession | null = null;

afterEach(async () => {
  await session?.close();
  session = null;
});

/** Waits until `check` holds, polling; fails with `what` after 10 s. */
async function waitFor(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

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
    await waitFor('the watcher to start', () => current.status().watching);
    expect(session.status()).toMatchObject({ generation: 0, articles: 2 });

    writeFileSync(path.join(archiveDir, 'ferry.txt'), 'Ferry timetable changes\n\nThe ferry runs every two hours.');
    reads.length = 0;
    await waitFor('the new file to be searchable', async () => (await settledTotal(current, 'ferry')) === 1);
    expect(current.status()).toMatchObject({ generation: 1, articles: 3, updating: false });
    // Only the new file was read: the two unchanged ones were not read again.
    expect(reads.at(-1)).toEqual({ done: 1, total: 1 });

    writeFileSync(path.join(archiveDir, 'bridge.txt'), 'Bridge reopens early\n\nThe bridge reopened a week early.');
    await waitFor('the edit to show', async () => (await settledTotal(current, 'early')) === 1);
    expect((await (await current.ready()).search('closed')).total).toBe(0);

    rmSync(path.join(archiveDir, 'harbour.txt'));
    await waitFor('the removal to show', async () => (await settledTotal(current, 'harbour')) === 0);
    expect(current.status()).toMatchObject({ articles: 2, quotes: 0 });
    expect(current.status().generation).toBeGreaterThanOrEqual(3);

    writeFileSync(path.join(archiveDir, 'broken.txt'), '');
    await waitFor('the broken file to be reported', () => current.status().problems.some((p) => p.path === 'broken.txt'));
  });

  it('stops watching when closed', async () => {
    const archiveDir = tempDir();
    writeFileSync(path.join(archiveDir, 'one.txt'), 'One\n\nText.');
    const closing = startLibrary({ archiveDir, cacheDir: tempDir(), watch: true, watchDelayMs: 50 });
    await closing.ready();
    await waitFor('the watcher to start', () => closing.status().watching);
    await closing.close();
    expect(closing.status().watching).toBe(false);
    writeFileSync(path.join(archiveDir, 'two.txt'), 'Two\n\nText.');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(closing.status().generation).toBe(0);
  });
});
