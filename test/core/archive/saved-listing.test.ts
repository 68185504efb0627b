// A one-shot command trusts the archive's last listing while its folders' times are those saved (issue 19):
// every way a folder's entries change makes the listing untrusted; a file written over in place does not, and
// is what `changedInPlace` finds for the files an answer shows.
import { chmodSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedInPlace, readSavedListing, saveListing, savedListingFileFor } from '../../../main/core/archive/saved-listing.js';
import { walkArchive } from '../../../main/core/archive/walk-archive.js';
import { tempDir } from '../../support/paths.js';

/** An archive of two folders and three files, every folder's times an hour back (well before any walk). */
function archive(): string {
  const dir = realpathSync(tempDir());
  writeFileSync(path.join(dir, 'a.txt'), 'Headline\n\nText.\n');
  mkdirSync(path.join(dir, 'sub'));
  writeFileSync(path.join(dir, 'sub', 'b.txt'), 'Other\n\nMore text.\n');
  writeFileSync(path.join(dir, 'sub', 'c.zip'), 'not really a zip');
  age(dir, 'sub');
  return dir;
}

/** Sets the times of the folders `dir` and `dir/sub` an hour back. */
function age(dir: string, ...subs: string[]): void {
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const folder of [dir, ...subs.map((s) => path.join(dir, s))]) utimesSync(folder, hourAgo, hourAgo);
}

/** A walk of `dir`, saved to a cache folder; the saved listing's file. */
async function walkAndSave(dir: string): Promise<{ file: string; walked: Awaited<ReturnType<typeof walkArchive>> }> {
  const walked = await walkArchive(dir);
  const file = savedListingFileFor(path.join(tempDir(), 'cache'));
  await saveListing(file, dir, walked);
  return { file, walked };
}

describe('the saved listing', () => {
  it('reads back as the walk that saved it while no folder changed', async () => {
    const dir = archive();
    const { file, walked } = await walkAndSave(dir);
    expect(walked.folderTimes?.paths).toEqual(['', 'sub']);
    const read = await readSavedListing(file, dir);
    expect(read?.listing).toEqual(walked);
    expect(read?.plan).toBeNull();
    expect(read?.listing.files.map((f) => f.absolutePath)).toEqual([path.join(dir, 'a.txt'), path.join(dir, 'sub', 'b.txt'), path.join(dir, 'sub', 'c.zip')]);
    // Of another archive (the cache folder of a moved one): not trusted.
    expect(await readSavedListing(file, path.join(dir, 'sub'))).toBeNull();
  });

  it('keeps the shard plan it was saved with', async () => {
    const dir = archive();
    const walked = await walkArchive(dir);
    const file = savedListingFileFor(path.join(tempDir(), 'cache'));
    const plan = { key: '2 abc', fingerprints: ['f0', 'f1'] };
    await saveListing(file, dir, walked, plan);
    expect(await readSavedListing(file, dir)).toEqual({ listing: walked, plan });
  });

  it.each([
    ['a file added', (dir: string) => writeFileSync(path.join(dir, 'sub', 'd.txt'), 'New\n\nText.\n')],
    ['a file removed', (dir: string) => rmSync(path.join(dir, 'sub', 'b.txt'))],
    ['a file renamed', (dir: string) => renameSync(path.join(dir, 'sub', 'b.txt'), path.join(dir, 'sub', 'e.txt'))],
    ['a folder added', (dir: string) => mkdirSync(path.join(dir, 'sub', 'deeper'))],
    ['a folder replaced by a link', (dir: string) => (rmSync(path.join(dir, 'sub'), { recursive: true }), symlinkSync(tempDir(), path.join(dir, 'sub')))],
    ['a folder given other permissions', (dir: string) => chmodSync(path.join(dir, 'sub'), 0o500)],
    ['a folder given other times', (dir: string) => utimesSync(path.join(dir, 'sub'), new Date(0), new Date(0))],
  ])('is not trusted after %s', async (_what, change) => {
    const dir = archive();
    const { file } = await walkAndSave(dir);
    change(dir);
    expect(await readSavedListing(file, dir)).toBeNull();
  });

  it('is not trusted when a folder changed shortly before the walk: a change right after may keep its time', async () => {
    const dir = archive();
    writeFileSync(path.join(dir, 'sub', 'd.txt'), 'New\n\nText.\n');
    const { file } = await walkAndSave(dir);
    expect(await readSavedListing(file, dir)).toBeNull();
  });

  it('is not saved, and an older one is removed, when the walk followed a link or met a problem', async () => {
    const dir = archive();
    const { file } = await walkAndSave(dir);
    expect(await readSavedListing(file, dir)).not.toBeNull();
    symlinkSync(path.join(dir, 'a.txt'), path.join(dir, 'link.txt'));
    age(dir);
    const linked = await walkArchive(dir);
    expect(linked.folderTimes).toBeNull();
    await saveListing(file, dir, linked);
    expect(await readSavedListing(file, dir)).toBeNull();
  });

  it('is not trusted when damaged: a changed byte, a cut, or columns that do not fit', async () => {
    const dir = archive();
    const { file } = await walkAndSave(dir);
    const whole = readFileSync(file);
    const flipped = Buffer.from(whole);
    flipped[flipped.length - 3] = (flipped[flipped.length - 3] ?? 0) ^ 0xff;
    writeFileSync(file, flipped);
    expect(await readSavedListing(file, dir)).toBeNull();
    writeFileSync(file, whole.subarray(0, whole.length - 10));
    expect(await readSavedListing(file, dir)).toBeNull();
    writeFileSync(file, 'not a listing');
    expect(await readSavedListing(file, dir)).toBeNull();
    writeFileSync(file, whole);
    expect(await readSavedListing(file, dir)).not.toBeNull();
  });

  it('finds a file written over in place, which leaves its folder as it was, among the files an answer shows', async () => {
    const dir = archive();
    const { file } = await walkAndSave(dir);
    const listing = (await readSavedListing(file, dir))?.listing ?? null;
    if (listing === null) throw new Error('expected the listing to be trusted');
    expect(changedInPlace(listing, ['a.txt', 'sub/b.txt', 'sub/c.zip/inside/x.json'])).toBe(false);
    writeFileSync(path.join(dir, 'sub', 'c.zip'), 'another zip, longer than the first');
    // The folders say nothing changed...
    expect(await readSavedListing(file, dir)).not.toBeNull();
    // ...the file an answer shows does: an entry of the zip names it.
    expect(changedInPlace(listing, ['a.txt', 'sub/c.zip/inside/x.json'])).toBe(true);
    expect(changedInPlace(listing, ['a.txt', 'sub/b.txt'])).toBe(false);
    // A path the listing does not hold: asked again after a walk.
    expect(changedInPlace(listing, ['elsewhere.txt'])).toBe(true);
  });
});
