// The cache folder after crashes and damage (issue 14): temporary files of writes that never finished are
// cleared, and what the user is told of a damaged or unwritable cache names the cause, never the bytes.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkArchive } from '../../../main/core/archive/walk-archive.js';
import { buildLibraryData, extractRecordQuotes } from '../../../main/core/index/build-library-data.js';
import { describeCacheMiss, describeUnsavedCache, readCache, readCacheSummary, removeStaleCaches, staleTempMs, writeCache } from '../../../main/core/index/index-cache.js';
import { summarizeShard } from '../../../main/core/index/shard-summary.js';
import { contentDir, tempDir } from '../../support/paths.js';

/** The pid of a process that has ended (the kernel does not hand it out again at once). */
function endedPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

/** An archive of no files: the smallest real cache. */
const emptyData = () => buildLibraryData([], []);

// eslint-disable-next-line no-control-regex -- the test looks for control characters
const control = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

describe('removeStaleCaches', () => {
  it('removes the caches and shingle files of other layouts and the temporary files of writers that are gone or long silent, and keeps a live writer\'s', async () => {
    const folder = tempDir();
    const now = Date.now();
    const names = {
      inUse: 'shard-0-of-1.cache',
      shinglesInUse: 'shard-0-of-1.shingles',
      oldLayout: 'shard-1-of-2.cache',
      oldShingles: 'shard-1-of-2.shingles',
      crashed: `shard-0-of-1.cache.${endedPid()}.${now}.tmp`,
      silent: `shard-0-of-1.cache.${process.pid}.${now - staleTempMs - 60_000}.tmp`,
      writing: `shard-0-of-1.cache.${process.pid}.${now}.tmp`,
      unknown: 'notes.tmp',
      other: 'README.txt',
    };
    for (const name of Object.values(names)) writeFileSync(path.join(folder, name), 'x');
    const longAgo = new Date(now - staleTempMs - 60_000);
    utimesSync(path.join(folder, names.silent), longAgo, longAgo);
    await removeStaleCaches(folder, [path.join(folder, names.inUse), path.join(folder, names.shinglesInUse)]);
    expect(readdirSync(folder).sort()).toEqual([names.inUse, names.shinglesInUse, names.other, names.unknown, names.writing].sort());
    // A temporary file without a writer's pid in its name goes once it is old.
    utimesSync(path.join(folder, names.unknown), longAgo, longAgo);
    await removeStaleCaches(folder, [path.join(folder, names.inUse)]);
    expect(existsSync(path.join(folder, names.unknown))).toBe(false);
    expect(existsSync(path.join(folder, names.writing))).toBe(true);
  });

  it('does nothing for a folder that does not exist', async () => {
    await expect(removeStaleCaches(path.join(tempDir(), 'absent'), [])).resolves.toBeUndefined();
  });
});

describe('a damaged cache', () => {
  const hostile = '\x1b]0;pwned\x07\x1b[2J\xff\xfe';
  it.each([
    ['a header that is not JSON', `garbage ${hostile}\nxx`, 'the header line is not JSON'],
    ['a header that is not an object', `"${'\\u001b'}[31m"\nxx`, 'the header line is not a JSON object'],
    ['a header of another program', `${JSON.stringify({ format: hostile })}\nxx`, 'not a Verbatim index cache'],
    ['no header line', hostile, 'no header line'],
  ])('with %s is described without its bytes', async (_name, content, detail) => {
    const file = path.join(tempDir(), 'shard-0-of-1.cache');
    writeFileSync(file, content, 'latin1');
    const miss = await readCache(file, 'fingerprint');
    expect(miss).toEqual({ reason: 'damaged', detail });
    const told = describeCacheMiss(file, miss as { reason: 'damaged'; detail: string }) ?? '';
    expect(told).toBe(`The index cache in ${path.dirname(file)} was damaged (${detail}) and is rebuilt.`);
    expect(told).not.toMatch(control);
    expect(told).not.toContain('pwned');
  });

  it('with a length that is not a number says so, without echoing it', async () => {
    const file = path.join(tempDir(), 'shard-0-of-1.cache');
    await writeCache(file, 'fingerprint', emptyData());
    const bytes = readFileSync(file);
    const newline = bytes.indexOf(0x0a);
    const header = { ...(JSON.parse(bytes.subarray(0, newline).toString('utf8')) as object), bytes: '\x1b[31mred' };
    writeFileSync(file, Buffer.concat([Buffer.from(JSON.stringify(header)), bytes.subarray(newline)]));
    expect(await readCache(file, 'fingerprint')).toEqual({ reason: 'damaged', detail: 'the header gives no length' });
  });
});

describe('a cache that cannot be saved', () => {
  it('is described by its folder and cause, the same for every shard file of the folder', async () => {
    const notAFolder = path.join(tempDir(), 'not-a-folder');
    writeFileSync(notAFolder, 'a file where the cache folder would go');
    const told = await Promise.all(
      ['shard-0-of-2.cache', 'shard-1-of-2.cache'].map(async (name) => {
        const file = path.join(notAFolder, 'archive-1f', name);
        const error: unknown = await writeCache(file, 'fingerprint', emptyData()).catch((e: unknown) => e);
        return describeUnsavedCache(file, error);
      }),
    );
    expect(told[0]).toBe(`The index cache in ${path.join(notAFolder, 'archive-1f')} could not be saved (ENOTDIR: not a directory); the next start rebuilds it.`);
    expect(told[1]).toBe(told[0]);
  });

  it('keeps the whole message of an error that is not about a file', () => {
    expect(describeUnsavedCache('/c/a/shard-0-of-1.cache', new Error('disk quota exceeded'))).toBe(
      'The index cache in /c/a could not be saved (disk quota exceeded); the next start rebuilds it.',
    );
  });
});

describe('the summary a cache stores (readCacheSummary)', () => {
  it('is there once every quote is extracted, as summarizeShard made it, and only for the fingerprint written', async () => {
    const { files, problems } = await walkArchive(contentDir);
    const file = path.join(tempDir(), 'shard-0-of-1.cache');
    const pending = buildLibraryData(files, problems, undefined, [], { quotes: false });
    await writeCache(file, 'fingerprint', pending);
    expect(summarizeShard(pending)).toBeNull();
    expect(await readCacheSummary(file, 'fingerprint')).toBeNull();

    for (const record of pending.files) extractRecordQuotes(record);
    await writeCache(file, 'fingerprint', pending);
    const summary = await readCacheSummary(file, 'fingerprint');
    expect(summary).toEqual(summarizeShard(pending));
    expect(summary?.ids.length).toBe(pending.files.reduce((n, f) => n + f.articles.length, 0));
    expect(summary?.quoteCounts.reduce((n, c) => n + c, 0)).toBe(pending.files.reduce((n, f) => n + (f.quotes?.length ?? 0), 0));
    expect(await readCacheSummary(file, 'another fingerprint')).toBeNull();
    // A byte of the summary changed: neither `verbatim index` nor an open takes the cache (it is rebuilt).
    const bytes = readFileSync(file);
    const changed = Buffer.from(bytes);
    changed[changed.length - 3] = (changed[changed.length - 3] ?? 0) ^ 0x01;
    writeFileSync(file, changed);
    expect(await readCacheSummary(file, 'fingerprint')).toBeNull();
    expect(await readCache(file, 'fingerprint')).toEqual({ reason: 'damaged', detail: 'its summary fails its checksum' });
    // Cut short: no summary, and the open says why.
    writeFileSync(file, bytes.subarray(0, -1));
    expect(await readCacheSummary(file, 'fingerprint')).toBeNull();
    expect(await readCache(file, 'fingerprint')).toMatchObject({ reason: 'damaged', detail: expect.stringMatching(/^truncated/) as unknown });
  });
});
