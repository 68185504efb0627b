// File records and indexes as the index cache stores them (issue 19). An open reads the part of a cache
// file that every search needs (the articles' fields, the index's terms); the texts of the articles, each
// record's quotes and each term's postings are in a section after it, each with its own CRC-32, read by
// position when something first asks for one. At 10x BBC the texts were 12 MB, the quotes 14 MB and the
// postings with the field vectors 18 MB of each 46 MB shard, read, checksummed and deserialized at every
// open though a search reads its terms' postings and the texts and quotes of the articles it shows.
// Article texts are read again when asked again (through a small cache), never all held: at 50x they were
// 250 MB of a serve's heap.

import v8 from 'node:v8';
import { closeSync, fstatSync, openSync, readSync, statSync, unlinkSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import type { Article, Quote } from '../../contract/model.js';
import { joinInChunks } from '../util/aligned-serialization.js';
import { Lru } from '../util/lru.js';
import type { FileRecord } from './build-library-data.js';
import type { CompactIndex, PostingBlocks } from './compact-index.js';

/** Where each text of the texts section ends (from the section's start), and its CRC-32, in text order. */
export interface TextTable {
  ends: Float64Array;
  crcs: Uint32Array;
}

/** A record's quotes as the cache stores them: their bytes are a text of their own (see `StoredRecord`). */
export interface PackedQuotes {
  /** How many of the quotes are of each of the record's articles, in the order of `articles`. */
  counts: number[];
}

/**
 * A file record as the cache stores it: its articles without their text, and `texts`, the number of its
 * first article's text in the texts section; the others follow, then the record's quotes (`v8.serialize` of
 * the list) unless they are still to be extracted (null).
 */
export type StoredRecord = Omit<FileRecord, 'quotes' | 'articles'> & { articles: Omit<Article, 'body'>[]; texts: number; quotes: PackedQuotes | null };

/** Collects the texts section of a cache being written. */
export class TextsWriter {
  private readonly parts: Uint8Array[] = [];
  private readonly ends: number[] = [];
  private readonly crcs: number[] = [];
  private length = 0;

  /** Adds `bytes`; returns its number. */
  add(bytes: Uint8Array): number {
    this.parts.push(bytes);
    this.length += bytes.byteLength;
    this.ends.push(this.length);
    this.crcs.push(crc32(bytes));
    return this.ends.length - 1;
  }

  get byteLength(): number {
    return this.length;
  }

  get count(): number {
    return this.ends.length;
  }

  table(): TextTable {
    return { ends: Float64Array.from(this.ends), crcs: Uint32Array.from(this.crcs) };
  }

  /** The section, in chunks of a few MB (one write each, not one per text). */
  chunks(): Uint8Array[] {
    return joinInChunks(this.parts);
  }
}

/** How far a read may start past the previous one's end and still count as reading in order (a record's texts between its quotes). */
const sequentialGap = 64 * 1024;
/** How much a read in order reads at once. */
const readAhead = 512 * 1024;
/**
 * Reads in order before the next one reads ahead: a search reads a few texts here and there, and two of them
 * close together are no scan. At 50x BBC, reading ahead on the second (512 KB, ~1.7 ms here, against ~0.05 ms
 * for the text itself) was 140 ms of a one-shot search's 400 (issue 19).
 */
const inOrderBeforeAhead = 2;

/**
 * Recently read article texts of every cache file of this thread, by file and number (see `CacheTexts.text`),
 * up to 16 million characters: a search reads the same ones for its hits, snippets and phrases. One budget
 * for the thread, not one per file: at 50x BBC, 4 million per shard file held 27 MB of texts after 40 searches,
 * and the more shards, the more (issue 19).
 */
const recentTexts = new Lru<number, string>(16 * 1024 * 1024);
let nextTextsId = 0;

/** The files held open in this thread, by descriptor (see `closeCacheFiles`). */
const heldFiles = new Map<number, WeakRef<CacheTexts>>();

/** Closes the file of a `CacheTexts` that nothing reads from any more. */
const openFiles = new FinalizationRegistry<number>((fd) => {
  heldFiles.delete(fd);
  try {
    closeSync(fd);
  } catch {
    // Closed already.
  }
});

/**
 * Closes every cache file this thread holds open: for an engine's worker thread about to be ended (its
 * descriptors would outlive it, and keep replaced caches on disk), never for a thread whose engines go on.
 */
export function closeCacheFiles(): void {
  for (const texts of heldFiles.values()) texts.deref()?.close();
  heldFiles.clear();
}

/**
 * How a `CacheTexts` reaches its file between reads. Where a file can be replaced while it is open (Linux,
 * macOS), it stays open: a cache written again meanwhile is a new file, and this one's bytes stay readable
 * until it is closed. Windows refuses to replace a file that is open (MoveFileEx), and an engine rewrites
 * the caches it reads from (after quotes are extracted, after an update): there the file is opened for each
 * read, checked to be the one read before, and closed right after.
 */
export type FileHolding = 'held' | 'reopened';
export const defaultHolding: FileHolding = process.platform === 'win32' ? 'reopened' : 'held';

/**
 * The texts section of a cache file, read by position (see `FileHolding`). A held file closes when nothing
 * reads from it any more.
 */
export class CacheTexts {
  /** This section's place among the thread's (see `recentTexts`). */
  private readonly id = nextTextsId++;
  private damaged = false;
  /** A reopened file found to be another (see `open`): its texts are not there any more. */
  private replaced = false;
  /** The last read could not open the file for a passing reason: no damage, and the next read tries again. */
  private unavailable = false;
  /** Closed for good (see `close`). */
  private closed = false;
  /** The bytes read ahead (see `read`), and where the last read ended. */
  private ahead: { from: number; bytes: Buffer } | null = null;
  private lastEnd: number | null = null;
  /** How many reads in a row started shortly after the previous one's end. */
  private inOrder = 0;
  private fd: number | null;

  /**
   * @param fd the open cache file, which this object now owns
   * @param start where the section starts in it
   * @param file its path: a text found damaged removes the file there (when it is still this one), to be rebuilt
   * @param onDamaged told once, when a text is found damaged or the file replaced
   * @param isSameFile whether a file opened at `file` is the one `fd` is (by its header)
   */
  constructor(
    fd: number,
    private readonly start: number,
    private readonly table: TextTable,
    private readonly file: string,
    private readonly onDamaged: (detail: string) => void,
    private readonly isSameFile: (fd: number) => boolean,
    private readonly holding: FileHolding = defaultHolding,
  ) {
    this.fd = fd;
    if (holding === 'held') {
      openFiles.register(this, fd, this);
      heldFiles.set(fd, new WeakRef(this));
    } else {
      this.releaseSoon();
    }
  }

  /** Closes the file: no text is read from it any more (each reads as unavailable, not as damage). */
  close(): void {
    this.closed = true;
    this.ahead = null;
    if (this.fd === null) return;
    openFiles.unregister(this);
    heldFiles.delete(this.fd);
    try {
      closeSync(this.fd);
    } catch {
      // Closed already.
    }
    this.fd = null;
  }

  /** The open file; a reopened one is opened again, checked, and closed once this turn of the event loop ends. */
  private open(): number | null {
    if (this.closed) {
      this.unavailable = true;
      return null;
    }
    if (this.fd !== null || this.replaced) return this.fd;
    let fd: number;
    try {
      fd = openSync(this.file, 'r');
    } catch (error) {
      // Gone: replaced by nothing. Anything else (a virus scanner holding it, too many open files) passes.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') this.markReplaced();
      else this.unavailable = true;
      return null;
    }
    if (!this.isSameFile(fd)) {
      closeSync(fd);
      this.markReplaced();
      return null;
    }
    this.fd = fd;
    this.releaseSoon();
    return fd;
  }

  private markReplaced(): void {
    this.replaced = true;
    this.onDamaged('it was replaced since it was read');
  }

  private releaseSoon(): void {
    setImmediate(() => {
      if (this.fd === null) return;
      try {
        closeSync(this.fd);
      } catch {
        // Closed already.
      }
      this.fd = null;
    });
  }

  get count(): number {
    return this.table.ends.length;
  }

  /** The bytes of text `n`; null when they cannot be read or fail their checksum (see `markDamaged`). */
  bytes(n: number): Buffer | null {
    const from = n === 0 ? 0 : (this.table.ends[n - 1] ?? Number.NaN);
    const to = this.table.ends[n] ?? Number.NaN;
    this.unavailable = false;
    try {
      if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) throw new Error('no such text');
      const bytes = this.read(from, to);
      if (bytes !== null && crc32(bytes) === this.table.crcs[n]) return bytes;
    } catch {
      // Unreadable: damaged too.
    }
    if (!this.replaced && !this.unavailable) this.markDamaged();
    return null;
  }

  /**
   * The section's bytes from `from` to `to` (a copy, never a view of the read-ahead); null when the file is
   * shorter. A read that starts shortly after the previous one's end, the last of `inOrderBeforeAhead` such
   * reads in a row (reading every record's quotes, or every article's text, in order), reads `readAhead`
   * bytes at once and takes the next texts from them: at
   * 50x BBC, reading every quote one text at a time made 111,250 reads, 2.3 s of a serve's first `speaker:`.
   */
  private read(from: number, to: number): Buffer | null {
    const ahead = this.ahead;
    if (ahead !== null && from >= ahead.from && to <= ahead.from + ahead.bytes.length) {
      this.lastEnd = to;
      return Buffer.from(ahead.bytes.subarray(from - ahead.from, to - ahead.from));
    }
    this.inOrder = this.lastEnd !== null && from >= this.lastEnd && from - this.lastEnd <= sequentialGap ? this.inOrder + 1 : 0;
    const sequential = this.inOrder >= inOrderBeforeAhead;
    this.lastEnd = to;
    const end = sequential ? Math.min(Math.max(to, from + readAhead), this.table.ends[this.table.ends.length - 1] ?? to) : to;
    const fd = this.open();
    if (fd === null) return null;
    const bytes = Buffer.allocUnsafe(end - from);
    let read = 0;
    while (read < bytes.length) {
      const got = readSync(fd, bytes, read, bytes.length - read, this.start + from + read);
      if (got === 0) return null;
      read += got;
    }
    if (!sequential) return bytes;
    this.ahead = { from, bytes };
    return Buffer.from(bytes.subarray(0, to - from));
  }

  /** Text `n` as a string ('' when it cannot be read). */
  text(n: number): string {
    const key = this.id * 2 ** 32 + n;
    const kept = recentTexts.get(key);
    if (kept !== undefined) return kept;
    const text = this.bytes(n)?.toString('utf8') ?? '';
    recentTexts.set(key, text, text.length);
    return text;
  }

  /**
   * A text that does not read back is damage the open's checksum could not see (it covers what an open
   * reads): the file is removed, when the path still names it, so that the next open rebuilds the shard.
   */
  private markDamaged(): void {
    if (this.damaged) return;
    this.damaged = true;
    this.onDamaged('a text fails its checksum');
    try {
      if (this.fd !== null) {
        const open = fstatSync(this.fd);
        const named = statSync(this.file);
        if (open.ino === named.ino && open.dev === named.dev) unlinkSync(this.file);
      } else {
        // A reopened file, closed since the read (its bytes came from the read-ahead): opened to check it is this one.
        const fd = openSync(this.file, 'r');
        const same = this.isSameFile(fd);
        closeSync(fd);
        if (same) unlinkSync(this.file);
      }
    } catch {
      // Gone already, or replaced by a newer cache.
    }
  }
}

/** Where the text of a cached article, or a cached record's quotes, are (see `unpackRecord`). */
interface TextAt {
  texts: CacheTexts;
  n: number;
}

/** The articles whose `body` is still in their cache file. */
const bodies = new WeakMap<object, TextAt>();

/** The packed quotes of records read from a cache that nothing has read yet. */
const unread = new WeakMap<FileRecord, TextAt & PackedQuotes>();

/**
 * Where the quotes of a record are in the cache file it was last written to or read from, read or not, and
 * the list read or written there: the engine lets them go once they are there (see `forgetQuotes`).
 */
const quotesAt = new WeakMap<FileRecord, TextAt & PackedQuotes>();
const listsAt = new WeakMap<FileRecord, readonly Quote[]>();

/** One getter for every cached article (per-object closures would give each its own hidden class). */
function readBody(this: object): string {
  const at = bodies.get(this);
  return at === undefined ? '' : at.texts.text(at.n);
}

/** Records whose quotes could not be read from their cache (damaged): never written to a cache as none. */
const lost = new WeakSet<FileRecord>();

/** One getter for every cached record's quotes; the first read replaces it with the list. */
function readQuotes(this: FileRecord): Quote[] {
  const at = unread.get(this);
  const bytes = at === undefined ? null : at.texts.bytes(at.n);
  const quotes = deserializeQuotes(bytes);
  setQuotes(this, quotes);
  if (bytes === null) lost.add(this);
  else listsAt.set(this, quotes);
  return quotes;
}

function assignQuotes(this: FileRecord, quotes: Quote[] | null): void {
  // Not the quotes of its cache file any more: never let go (see `forgetQuotes`).
  quotesAt.delete(this);
  listsAt.delete(this);
  setQuotes(this, quotes);
}

/**
 * `record` as the cache stores it, its texts and quotes added to `texts`: as they are (bytes read back
 * unchanged) when they were never read since the cache was. Throws when one of those cannot be read back
 * (its cache was damaged): the cache is then not written, and rebuilt by the next open.
 */
export function packRecord(record: FileRecord, texts: TextsWriter): StoredRecord {
  // Every field but the articles and the quotes, copied without reading the quotes (a spread would call their getter).
  const stored: Record<string, unknown> = {};
  for (const key of Object.keys(record)) if (key !== 'quotes' && key !== 'articles') stored[key] = (record as unknown as Record<string, unknown>)[key];
  stored.articles = record.articles.map((article) => {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(article)) if (key !== 'body') copy[key] = (article as unknown as Record<string, unknown>)[key];
    return copy;
  });
  const first = texts.count;
  for (const article of record.articles) {
    const at = bodies.get(article);
    texts.add(at === undefined ? Buffer.from(article.body, 'utf8') : readBack(at));
  }
  if (lost.has(record)) throw new Error('a text of the cache it was read from cannot be read back');
  const packed = unread.get(record);
  if (packed !== undefined) {
    texts.add(readBack(packed));
    stored.quotes = { counts: packed.counts };
  } else {
    const quotes = record.quotes;
    if (quotes !== null) texts.add(v8.serialize(quotes));
    stored.quotes = quotes === null ? null : { counts: countsOf(record.articles, quotes) };
  }
  stored.texts = first;
  return stored as StoredRecord;
}

function readBack(at: TextAt): Uint8Array {
  const bytes = at.texts.bytes(at.n);
  if (bytes === null) throw new Error('a text of the cache it was read from cannot be read back');
  return bytes;
}

/**
 * The record a cache stored, whose articles read their text from `texts` when asked and whose quotes are
 * deserialized on first read (an assignment replaces them). Throws when the record does not fit `texts`
 * or its quotes are not packed quotes of its articles (damage the checksum missed, or a bug).
 */
export function unpackRecord(stored: StoredRecord, texts: CacheTexts): FileRecord {
  const first = stored.texts;
  const packed = stored.quotes;
  const used = stored.articles.length + (packed === null ? 0 : 1);
  if (!Number.isInteger(first) || first < 0 || first + used > texts.count) throw new Error('a record lies outside the texts of its cache');
  if (packed !== null && !isPacked(packed, stored.articles.length)) throw new Error('a record has no readable quotes');
  stored.articles.forEach((article, i) => readBodyFrom(article, texts, first + i));
  // A new object, not the one deserialized: turning its `quotes` into an accessor (or deleting `texts`) put
  // every record in dictionary mode (a hash table of its properties, 450 bytes each, issue 19), and records of
  // one shape share one.
  const { path, size, mtimeMs, digests, problems } = stored;
  // Each has its `body` now (`readBodyFrom`).
  const articles = stored.articles as Article[];
  if (packed === null) return { path, size, mtimeMs, articles, digests, problems, quotes: null };
  const record = { path, size, mtimeMs, articles, digests, problems } as Omit<FileRecord, 'quotes'> as FileRecord;
  const at = { texts, n: first + stored.articles.length, counts: packed.counts };
  quotesAt.set(record, at);
  unread.set(record, at);
  Object.defineProperty(record, 'quotes', { configurable: true, enumerable: true, get: readQuotes, set: assignQuotes });
  return record;
}

/** A compact index as the cache stores it: its postings in the texts section, a text per term from `postings` on. */
export type StoredIndex = Omit<CompactIndex, 'postings'> & { postings: number };

/** `index` as the cache stores it, its postings added to `texts`. Throws when a term's cannot be read back (see `packRecord`). */
export function packIndex(index: CompactIndex, texts: TextsWriter): StoredIndex {
  const first = texts.count;
  for (let n = 0; n < index.postings.count; n += 1) {
    const block = index.postings.block(n);
    if (block === null) throw new Error('a term of the cache it was read from cannot be read back');
    texts.add(block);
  }
  return { ...index, postings: first };
}

/** The index a cache stored, each term's postings read from `texts` when asked. Throws when it does not fit `texts`. */
export function unpackIndex(stored: StoredIndex, texts: CacheTexts): CompactIndex {
  const first = stored.postings;
  const count = Array.isArray(stored.terms) ? stored.terms.length : -1;
  if (!Number.isInteger(first) || first < 0 || count < 0 || first + count > texts.count) throw new Error('an index lies outside the texts of its cache');
  return { ...stored, postings: new CachedPostings(texts, first, count) };
}

/** The postings of a cached index: term `n`'s are text `first + n` of its cache. */
class CachedPostings implements PostingBlocks {
  constructor(
    private readonly texts: CacheTexts,
    private readonly first: number,
    readonly count: number,
  ) {}

  block(n: number): Uint8Array | null {
    return n >= 0 && n < this.count ? this.texts.bytes(this.first + n) : null;
  }
}

/** Makes `article`'s `body` read text `n` of `texts` when asked. */
function readBodyFrom(article: object, texts: CacheTexts, n: number): void {
  bodies.set(article, { texts, n });
  // A built article's text is its last property (archive/read-archive.ts): deleted, then added back as an
  // accessor, the object keeps its hidden class; turned into an accessor in place, it became a hash table
  // (at 10x BBC, 20 MB more after a cold build).
  if (Object.hasOwn(article, 'body')) delete (article as { body?: string }).body;
  Object.defineProperty(article, 'body', { configurable: true, enumerable: true, get: readBody });
}

/**
 * Makes `record`, just written to a cache as `stored`, read its articles' texts (and its quotes, when they
 * are still unread) from `texts`, that cache: a shard built or updated no longer holds them (issue 19).
 * Quotes already read stay until the engine lets them go (`forgetQuotes`).
 */
export function readRecordFrom(record: FileRecord, stored: StoredRecord, texts: CacheTexts): void {
  record.articles.forEach((article, i) => readBodyFrom(article, texts, stored.texts + i));
  if (stored.quotes === null) return;
  const at = { texts, n: stored.texts + record.articles.length, counts: stored.quotes.counts };
  quotesAt.set(record, at);
  if (unread.has(record)) unread.set(record, at);
  else if (record.quotes !== null) listsAt.set(record, record.quotes);
}

/**
 * Lets `record`'s quotes go when the cache file it was last written to or read from holds them: the next
 * read deserializes them again (new objects, without the speaker ids given to the ones let go). False, and
 * nothing changes, when no cache holds them (not written yet, another list assigned since, or unreadable there).
 */
export function forgetQuotes(record: FileRecord): boolean {
  const at = quotesAt.get(record);
  if (at === undefined || lost.has(record)) return false;
  if (unread.has(record)) return true;
  if (listsAt.get(record) !== record.quotes) return false;
  listsAt.delete(record);
  unread.set(record, at);
  // Its last property (as unpackRecord and readFileRecord make records): deleted and added back, the record
  // keeps its hidden class (see `readBodyFrom`).
  delete (record as { quotes?: Quote[] | null }).quotes;
  Object.defineProperty(record, 'quotes', { configurable: true, enumerable: true, get: readQuotes, set: assignQuotes });
  return true;
}

/** Makes `index`, just written to a cache as `stored`, read its terms' postings from `texts`, that cache. */
export function readIndexFrom(index: CompactIndex, stored: StoredIndex, texts: CacheTexts): void {
  index.postings = new CachedPostings(texts, stored.postings, index.postings.count);
}

/**
 * How many quotes each article of `record` has (in the order of its articles) without deserializing them;
 * null while they are still to be extracted.
 */
export function quoteCountsOf(record: FileRecord): number[] | null {
  const kept = unread.get(record);
  if (kept !== undefined) return kept.counts;
  const quotes = record.quotes;
  if (quotes === null) return null;
  // Read from, or written to, its cache file: counted there (at 50x BBC, counting every record's again was a
  // tenth of an engine's taking saved people).
  return listsAt.get(record) === quotes ? (quotesAt.get(record)?.counts ?? countsOf(record.articles, quotes)) : countsOf(record.articles, quotes);
}

/** True when `record`'s quotes are still to be extracted (read without deserializing them). */
export function quotesMissing(record: FileRecord): boolean {
  return !unread.has(record) && record.quotes === null;
}

function setQuotes(record: FileRecord, quotes: Quote[] | null): void {
  unread.delete(record);
  lost.delete(record);
  // The accessor, its last property, replaced by the list: deleted and added back, as in `forgetQuotes`.
  delete (record as { quotes?: Quote[] | null }).quotes;
  Object.defineProperty(record, 'quotes', { value: quotes, configurable: true, enumerable: true, writable: true });
}

function countsOf(articles: readonly { id: string }[], quotes: readonly Quote[]): number[] {
  const at = new Map(articles.map((article, i) => [article.id, i]));
  const counts = articles.map(() => 0);
  for (const quote of quotes) {
    const i = at.get(quote.articleId);
    if (i !== undefined) counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

function isPacked(value: unknown, articles: number): value is PackedQuotes {
  if (typeof value !== 'object' || value === null) return false;
  const { counts } = value as Partial<PackedQuotes>;
  return Array.isArray(counts) && counts.length === articles && counts.every((n) => Number.isInteger(n) && n >= 0);
}

/** The quotes of packed bytes their checksum vouched for; none if they cannot be read. */
function deserializeQuotes(bytes: Uint8Array | null): Quote[] {
  if (bytes === null) return [];
  try {
    const quotes: unknown = v8.deserialize(bytes);
    return Array.isArray(quotes) ? (quotes as Quote[]) : [];
  } catch {
    return [];
  }
}
