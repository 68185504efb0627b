// A cached record's quotes and its articles' texts stay in the file until read (issue 19): a warm open reads no
// quote or text a request does not need, counts quotes without reading them, and writes unread ones back as they were.
import { existsSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import v8 from 'node:v8';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkArchive } from '../../../main/core/archive/walk-archive.js';
import { buildLibraryData, type FileRecord, type LibraryData } from '../../../main/core/index/build-library-data.js';
import { readCache, writeCache } from '../../../main/core/index/index-cache.js';
import { MemoryPostings, termPostings } from '../../../main/core/index/compact-index.js';
import { closeCacheFiles, forgetQuotes, quoteCountsOf, quotesMissing } from '../../../main/core/index/stored-records.js';
import { contentDir, repoRoot, tempDir } from '../../support/paths.js';

/** Whether `record`'s quotes are still serialized (read through an accessor on first use). */
const unread = (record: FileRecord): boolean => Object.getOwnPropertyDescriptor(record, 'quotes')?.get !== undefined;

async function cachedContent() {
  const listing = await walkArchive(contentDir);
  const built = buildLibraryData(listing.files, listing.problems);
  const file = path.join(tempDir(), 'shard-0-of-1.cache');
  await writeCache(file, 'fingerprint', built);
  const read = await readCache(file, 'fingerprint');
  if (!('data' in read)) throw new Error(`the cache was not read: ${read.reason}`);
  return { built, file, read: read.data };
}

/** V8's own answer to whether `value` keeps its properties in a hidden class (fast) rather than a hash table. */
function hasFastProperties(value: object): boolean {
  v8.setFlagsFromString('--allow-natives-syntax');
  // A constant source, in a test: V8's intrinsics are reachable only from code compiled after the flag is set.
  // eslint-disable-next-line no-restricted-syntax
  return (new Function('value', 'return %HasFastProperties(value)') as (value: object) => boolean)(value);
}

describe('quotes and texts in the index cache', () => {
  it('come with records and articles that keep fast properties (no hash table per record: 450 bytes each)', async () => {
    const { built, read } = await cachedContent();
    expect(read.files.length).toBeGreaterThan(10);
    for (const record of read.files) {
      expect(hasFastProperties(record)).toBe(true);
      for (const article of record.articles) expect(hasFastProperties(article)).toBe(true);
    }
    // Built articles too, once their texts are read from the cache written (their `body` an accessor then).
    await writeCache(path.join(tempDir(), 'shard-0-of-1.cache'), 'fingerprint', built, () => undefined);
    const articles = built.files.flatMap((record) => record.articles);
    expect(articles.every((article) => Object.getOwnPropertyDescriptor(article, 'body')?.get !== undefined)).toBe(true);
    for (const article of articles) expect(hasFastProperties(article)).toBe(true);
    // And built records, once their quotes are let go, read again, and let go again (their `quotes` stays last).
    for (const record of built.files) {
      forgetQuotes(record);
      expect(hasFastProperties(record)).toBe(true);
      expect(record.quotes).not.toBeNull();
      expect(forgetQuotes(record)).toBe(true);
      expect(hasFastProperties(record)).toBe(true);
    }
  });

  it('keep every article field, in the order it was built with, and fields only some articles have (a CSV row\'s `where`)', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'rows.csv'), 'title,date,text\nFloods,2024-03-01,"Rivers rose, the council said."\nDrought,,"Wells ran dry."\n');
    writeFileSync(path.join(dir, 'plain.txt'), 'Harbour reopens\n\nThe harbour reopened on Monday, officials said.\n');
    writeFileSync(path.join(dir, 'crawl.jsonl'), readFileSync(path.join(repoRoot, 'test', 'fixtures', 'formats', 'crawl.jsonl')));
    const listing = await walkArchive(dir);
    const built = buildLibraryData(listing.files, listing.problems);
    const keysOf = (data: LibraryData): string[][] => data.files.flatMap((record) => record.articles.map((article) => Object.keys(article)));
    const builtKeys = keysOf(built);
    // More than one kind of article, or this would test nothing.
    expect(new Set(builtKeys.map((keys) => keys.join())).size).toBeGreaterThan(1);
    expect(builtKeys.some((keys) => keys.includes('where'))).toBe(true);
    const file = path.join(tempDir(), 'shard-0-of-1.cache');
    await writeCache(file, 'fingerprint', built);
    const read = await readCache(file, 'fingerprint');
    if (!('data' in read)) throw new Error(`the cache was not read: ${read.reason}`);
    expect(keysOf(read.data)).toEqual(builtKeys);
    expect(read.data.files).toEqual(built.files);
    expect(read.data.files.map((record) => Object.keys(record))).toEqual(built.files.map((record) => Object.keys(record)));
  });

  it('are let go once a cache file holds them, and read from it again as new objects equal to them; never when another list was assigned since', async () => {
    const listing = await walkArchive(contentDir);
    const built = buildLibraryData(listing.files, listing.problems);
    const quoted = built.files.filter((record) => (record.quotes ?? []).length > 0);
    expect(quoted.length).toBeGreaterThan(10);
    // Held only: no file holds them yet.
    expect(built.files.some(forgetQuotes)).toBe(false);
    await writeCache(path.join(tempDir(), 'shard-0-of-1.cache'), 'fingerprint', built, () => undefined);
    const held = built.files.map((record) => record.quotes);
    expect(built.files.every(forgetQuotes)).toBe(true);
    expect(built.files.every(unread)).toBe(true);
    for (const record of built.files) expect(hasFastProperties(record)).toBe(true);
    const again = built.files.map((record) => record.quotes);
    expect(again).toEqual(held);
    const counted = (record: FileRecord) => record.articles.map((a) => (record.quotes ?? []).filter((q) => q.articleId === a.id).length);
    for (const record of built.files) expect(quoteCountsOf(record)).toEqual(counted(record));
    quoted.forEach((record) => expect(record.quotes).not.toBe(held[built.files.indexOf(record)]));
    for (const record of built.files) expect(hasFastProperties(record)).toBe(true);
    // Let go again once read again; but a list assigned since, read or not, is the only copy.
    const [first, second] = quoted as [FileRecord, FileRecord];
    first.quotes = [];
    expect(forgetQuotes(first)).toBe(false);
    expect(first.quotes).toEqual([]);
    expect(quoteCountsOf(first)).toEqual(first.articles.map(() => 0));
    expect(forgetQuotes(second)).toBe(true);
    second.quotes = [];
    expect(forgetQuotes(second)).toBe(false);
    expect(second.quotes).toEqual([]);
    // Records read from a cache: let go, read or not.
    const { read } = await cachedContent();
    expect(read.files.every(forgetQuotes)).toBe(true);
    const readQuoted = read.files.filter((record) => (record.quotes ?? []).length > 0);
    expect(readQuoted.length).toBe(quoted.length);
    expect(read.files.every(forgetQuotes)).toBe(true);
    expect(read.files.every(unread)).toBe(true);
  });

  it('are read on first use, equal to those written, and counted per article without being read', async () => {
    const { built, read } = await cachedContent();
    const quoted = built.files.filter((record) => (record.quotes ?? []).length > 0);
    expect(quoted.length).toBeGreaterThan(10);
    expect(read.files.every(unread)).toBe(true);
    read.files.forEach((record, i) => {
      const original = built.files[i] as FileRecord;
      expect(quotesMissing(record)).toBe(false);
      expect(quoteCountsOf(record)).toEqual(original.articles.map((a) => (original.quotes ?? []).filter((q) => q.articleId === a.id).length));
    });
    expect(read.files.every(unread)).toBe(true);
    expect(read.files.map((record) => record.quotes)).toEqual(built.files.map((record) => record.quotes));
    expect(read.files.some(unread)).toBe(false);
    // Read back to front (one text at a time) and in order (many at once, see CacheTexts): the same.
    const again = await cachedContent();
    expect([...again.read.files].reverse().map((record) => record.quotes)).toEqual([...built.files].reverse().map((record) => record.quotes));
  });

  it('give each article its text from the file when it is read, equal to the one written, and written back unread', async () => {
    const { built, file, read } = await cachedContent();
    const articles = read.files.flatMap((record) => record.articles);
    expect(articles.every((article) => Object.getOwnPropertyDescriptor(article, 'body')?.get !== undefined)).toBe(true);
    expect(articles.map((article) => article.body)).toEqual(built.files.flatMap((record) => record.articles.map((article) => article.body)));
    // As the worker threads send them: the text is there.
    expect(structuredClone(articles[0])).toEqual(built.files[0]?.articles[0]);
    await writeCache(file, 'fingerprint', read);
    const again = await readCache(file, 'fingerprint');
    if (!('data' in again)) throw new Error(`the cache was not read again: ${again.reason}`);
    expect(again.data.files.flatMap((record) => record.articles)).toEqual(built.files.flatMap((record) => record.articles));
  });

  it('give an index whose terms\' postings are read from the file when searched, equal to those built', async () => {
    const { built, read } = await cachedContent();
    expect(Object.keys(read.indexes)).toEqual(Object.keys(built.indexes));
    for (const [code, index] of Object.entries(built.indexes)) {
      const cached = read.indexes[code];
      if (cached === undefined) throw new Error(`no ${code} index was read`);
      expect(cached.postings).not.toBeInstanceOf(MemoryPostings);
      expect({ ...cached, postings: null }).toEqual({ ...index, postings: null });
      expect(cached.postings.count).toBe(index.terms.length);
      for (let n = 0; n < index.terms.length; n += 1) expect(termPostings(cached, n)).toEqual(termPostings(index, n));
    }
  });

  it('are read from the file once written, when asked: the data written holds its texts and postings no more', async () => {
    const listing = await walkArchive(contentDir);
    const built = buildLibraryData(listing.files, listing.problems);
    const expected = buildLibraryData(listing.files, listing.problems);
    const file = path.join(tempDir(), 'shard-0-of-1.cache');
    const damaged: string[] = [];
    await writeCache(file, 'fingerprint', built, (detail) => damaged.push(detail));
    const articles = built.files.flatMap((record) => record.articles);
    expect(articles.every((article) => Object.getOwnPropertyDescriptor(article, 'body')?.get !== undefined)).toBe(true);
    expect(articles).toEqual(expected.files.flatMap((record) => record.articles));
    for (const [code, index] of Object.entries(built.indexes)) {
      expect(index.postings).not.toBeInstanceOf(MemoryPostings);
      const original = expected.indexes[code];
      if (original === undefined) throw new Error(`no ${code} index was built`);
      for (let n = 0; n < index.terms.length; n += 1) expect(termPostings(index, n)).toEqual(termPostings(original, n));
    }
    // Written again from what it reads from the file, then read: the same.
    await writeCache(file, 'fingerprint', built);
    const read = await readCache(file, 'fingerprint');
    if (!('data' in read)) throw new Error(`the cache was not read: ${read.reason}`);
    expect(read.data.files.flatMap((record) => record.articles)).toEqual(expected.files.flatMap((record) => record.articles));
    expect(damaged).toEqual([]);
  });

  it('are read from a file opened for each read where an open file cannot be replaced (Windows), and from the file as it was read where it can', async () => {
    // A cache nothing has read yet: no descriptor of this process is its file.
    const listing = await walkArchive(contentDir);
    const built = buildLibraryData(listing.files, listing.problems);
    const file = path.join(tempDir(), 'shard-0-of-1.cache');
    await writeCache(file, 'fingerprint', built);
    const expected = built.files.flatMap((record) => record.articles.map((article) => article.body));
    const told: string[] = [];
    /** How many of this process's open files are `file` (on Linux, where /proc tells). */
    const openCount = (): number =>
      process.platform === 'linux'
        ? readdirSync('/proc/self/fd').filter((fd) => {
            try {
              return readlinkSync(`/proc/self/fd/${fd}`) === file;
            } catch {
              return false;
            }
          }).length
        : 0;
    expect(openCount()).toBe(0);
    const reopened = await readCache(file, 'fingerprint', (detail) => told.push(detail), 'reopened');
    const held = await readCache(file, 'fingerprint', () => undefined, 'held');
    if (!('data' in reopened) || !('data' in held)) throw new Error('the cache was not read');
    const bodies = (data: LibraryData): string[] => data.files.flatMap((record) => record.articles.map((article) => article.body));
    expect(bodies(reopened.data)).toEqual(expected);
    await new Promise((resolve) => setImmediate(resolve));
    // The held one's only: the reopened one is closed once its reads are done.
    if (process.platform === 'linux') expect(openCount()).toBe(1);
    // Another cache written over it: the file read from is gone. A held file still reads; a reopened one
    // finds another file, says so, shows no text, and leaves the new file alone.
    const other = buildLibraryData([], []);
    await writeCache(file, 'fingerprint', other);
    const quoted = built.files.findIndex((record) => (record.quotes ?? []).length > 0);
    expect(held.data.files[quoted]?.quotes).toEqual(built.files[quoted]?.quotes);
    expect(reopened.data.files[quoted]?.quotes).toEqual([]);
    expect(told).toEqual(['it was replaced since it was read']);
    expect(existsSync(file)).toBe(true);
  });

  it('whose quotes fail their checksum read as none, and are not written to a cache as none', async () => {
    const { built, file } = await cachedContent();
    const quoted = built.files.findIndex((record) => (record.quotes ?? []).length > 0);
    const bytes = readFileSync(file);
    const needle = v8.serialize(built.files[quoted]?.quotes);
    const at = bytes.indexOf(needle.subarray(needle.length - 40));
    expect(at).toBeGreaterThan(0);
    bytes[at] = (bytes[at] ?? 0) ^ 1;
    writeFileSync(file, bytes);
    const told: string[] = [];
    const read = await readCache(file, 'fingerprint', (detail) => told.push(detail));
    if (!('data' in read)) throw new Error(`the cache was not read: ${read.reason}`);
    expect(read.data.files[quoted]?.quotes).toEqual([]);
    expect(told).toEqual(['a text fails its checksum']);
    expect(existsSync(file)).toBe(false);
    await expect(writeCache(file, 'fingerprint', read.data)).rejects.toThrow(/cannot be read back/);
    expect(existsSync(file)).toBe(false);
  });

  it('close with their thread\'s cache files: a text then reads as unavailable, not as damage', async () => {
    const { file, read } = await cachedContent();
    const told: string[] = [];
    const again = await readCache(file, 'fingerprint', (detail) => told.push(detail));
    if (!('data' in again)) throw new Error(`the cache was not read: ${again.reason}`);
    closeCacheFiles();
    expect(again.data.files[0]?.articles[0]?.body).toBe('');
    expect(read.files[0]?.articles[0]?.body).toBe('');
    expect(told).toEqual([]);
    expect(existsSync(file)).toBe(true);
  });

  it('are written back without being read, and replaced by an assignment', async () => {
    const { built, file, read } = await cachedContent();
    await writeCache(file, 'fingerprint', read);
    expect(read.files.every(unread)).toBe(true);
    const again = await readCache(file, 'fingerprint');
    if (!('data' in again)) throw new Error(`the cache was not read again: ${again.reason}`);
    expect(again.data.files.map((record) => record.quotes)).toEqual(built.files.map((record) => record.quotes));

    const [first] = read.files;
    if (first === undefined) throw new Error('the bundled archive has no files');
    first.quotes = null;
    expect(quotesMissing(first)).toBe(true);
    expect(quoteCountsOf(first)).toBeNull();
  });
});
