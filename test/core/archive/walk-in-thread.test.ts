// A one-shot command walks the archive in a thread of its own while it reads its caches (issue 19): the
// listing it gets is the one a walk in its own thread makes, names that are not valid UTF-8 included.
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { walkArchive } from '../../../main/core/archive/walk-archive.js';
import { walkInThread } from '../../../main/core/archive/walk-in-thread.js';
import { distDir, tempDir } from '../../support/paths.js';
import { ensureBuilt } from '../../support/run-cli.js';

const walkScript = path.join(distDir, 'walk-worker.cjs');

describe('a walk in a thread of its own', () => {
  beforeAll(() => ensureBuilt(), 120_000);

  it('lists what a walk in this thread lists: files, folders, problems, and paths as bytes', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.txt'), 'Headline\n\nText.\n');
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', 'b.txt'), 'Other\n\nMore text.\n');
    // A folder named in Latin-1: its path is bytes, which the thread's message turns into a Uint8Array.
    const folder = Buffer.concat([Buffer.from(`${dir}/`), Buffer.from('caf\xe9', 'latin1')]);
    mkdirSync(folder);
    writeFileSync(Buffer.concat([folder, Buffer.from('/c.txt')]), 'Third\n\nText.\n');
    symlinkSync('/nowhere-at-all', path.join(dir, 'dangling.txt'));
    // A link to a file inside the archive: read at its target, under the link's path.
    symlinkSync(path.join(dir, 'sub', 'b.txt'), path.join(dir, 'link.txt'));

    const inThread = await walkInThread(walkScript, dir);
    expect(inThread).toEqual(await walkArchive(dir));
    expect(inThread.files.map((f) => f.path)).toEqual(['a.txt', 'caf\uFFFD/c.txt', 'link.txt', 'sub/b.txt']);
    expect(inThread.files[2]?.absolutePath).toBe(realpathSync(path.join(dir, 'sub', 'b.txt')));
    expect(inThread.problems).toHaveLength(1);
    expect(Buffer.isBuffer(inThread.files[1]?.absolutePath)).toBe(true);
    expect(inThread.folders.some((f) => Buffer.isBuffer(f))).toBe(true);
  });

  it('fails, for the caller to walk in its own thread, when the folder is gone or the script is missing', async () => {
    await expect(walkInThread(walkScript, path.join(tempDir(), 'gone'))).rejects.toThrow(/ENOENT/);
    await expect(walkInThread(path.join(tempDir(), 'no-such-worker.cjs'), tempDir())).rejects.toThrow();
  });
});
