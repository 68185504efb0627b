import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { walkArchive } from '../../main/core/archive/walk-archive.js';
import { startLibrary, type LibrarySession } from '../../main/core/library.js';
import { FolderWatcher } from '../../main/core/library/watch-folders.js';
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

  it('sees a file added while the archive is being opened, after its folder was listed', async () => {
    const archiveDir = tempDir();
    mkdirSync(path.join(archiveDir, 'city'));
    writeFileSync(path.join(archiveDir, 'city', 'bridge.txt'), 'Bridge closes\n\nThe bridge closed for repairs.');
    writeFileSync(path.join(archiveDir, 'harbour.txt'), 'Harbour reopens\n\nThe harbour reopened.');
    let added = false;
    // Files are read after the walk listed every folder: a file added now is in no listing of the open.
    const onProgress = (): void => {
      if (added) return;
      added = true;
      writeFileSync(path.join(archiveDir, 'city', 'ferry.txt'), 'Ferry timetable changes\n\nThe ferry runs every two hours.');
    };
    session = startLibrary({ archiveDir, cacheDir: tempDir(), watch: true, watchDelayMs: 100, onProgress });
    const library = await session.ready();
    expect(added).toBe(true);
    const current = session;
    await vi.waitFor(async () => expect(await settledTotal(current, 'ferry'), 'the file added during the open is searchable').toBe(1), UPDATE);
    expect((await library.search('bridge')).total).toBe(1);
  });
});

/** A watcher of a new folder holding `folders`, counting changes and keeping errors, closed after `use`. */
async function withWatcher(
  folders: readonly string[],
  use: (watching: { watcher: FolderWatcher; at: (...parts: string[]) => string; errors: unknown[]; changes: () => number }) => Promise<void>,
): Promise<void> {
  const dir = tempDir();
  const at = (...parts: string[]): string => path.join(dir, ...parts);
  for (const folder of folders) mkdirSync(at(folder));
  const errors: unknown[] = [];
  let changes = 0;
  const watcher = new FolderWatcher(
    () => (changes += 1),
    (error) => errors.push(error),
  );
  try {
    await use({ watcher, at, errors, changes: () => changes });
  } finally {
    watcher.close();
  }
}

describe('watching folders as a walk lists them', () => {
  it('shows each folder before listing it, so that a change made from then on is in the listing or seen', async () => {
    const archiveDir = tempDir();
    mkdirSync(path.join(archiveDir, 'city', 'port'), { recursive: true });
    writeFileSync(path.join(archiveDir, 'city', 'port', 'ship.txt'), 'Ship\n\nText.');
    const shown: string[] = [];
    const listing = await walkArchive(archiveDir, {
      beforeList: (folder) => {
        const relative = path.relative(archiveDir, folder.toString());
        shown.push(relative);
        // Not listed yet: a file written here now is in the listing.
        writeFileSync(path.join(folder.toString(), `new-in-${relative.replace(/\W/g, '-') || 'root'}.txt`), 'New\n\nText.');
      },
    });
    expect(shown).toEqual(['', 'city', path.join('city', 'port')]);
    expect(listing.files.map((f) => f.path)).toEqual(['city/new-in-city.txt', 'city/port/new-in-city-port.txt', 'city/port/ship.txt', 'new-in-root.txt']);
  });

  it('tells nothing of folders a walk shows it that cannot be watched, and keeps only the walk\'s folders after it', async () => {
    await withWatcher(['kept', 'gone'], async ({ watcher, at, errors, changes }) => {
      // A folder the walk will not be able to list either: that is its own problem, told by the walk.
      watcher.add(at('missing'));
      watcher.add(at('kept'));
      watcher.add(at('gone'));
      expect(errors).toEqual([]);
      // The walk found only `kept`: `gone` is watched no longer.
      watcher.watch([at('kept')]);
      expect(errors).toEqual([]);
      writeFileSync(at('gone', 'a.txt'), 'A');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(changes()).toBe(0);
      writeFileSync(at('kept', 'b.txt'), 'B');
      await vi.waitFor(() => expect(changes()).toBeGreaterThan(0), UPDATE);
    });
  });

  it('watches every folder it is given though one before them cannot be watched, and tells it once', async () => {
    await withWatcher(['first', 'second'], async ({ watcher, at, errors, changes }) => {
      watcher.watch([at('missing-one'), at('first'), at('missing-two'), at('second')]);
      expect(errors).toHaveLength(1);
      writeFileSync(at('second', 'b.txt'), 'B');
      await vi.waitFor(() => expect(changes()).toBeGreaterThan(0), UPDATE);
      const before = changes();
      writeFileSync(at('first', 'a.txt'), 'A');
      await vi.waitFor(() => expect(changes()).toBeGreaterThan(before), UPDATE);
    });
  });
});
