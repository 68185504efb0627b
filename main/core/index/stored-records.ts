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
import type { Article, ImportProblem, Quote } from '../../contract/model.js';
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

/** Where the text of a cached article, or a cached record's quotes, are (see `unpackFiles`). */
interface TextAt {
  texts: CacheTexts;
  n: number;
}

/**
 * Where an article's text is in its cache file, and what a record knows of its quotes' place in one, are kept
 * in the object itself, under a symbol that no copy, clone, JSON or listing of its keys sees: at 10x BBC,
 * WeakMaps over 22,250 records and their articles took 70 ms of a warm open to fill (issue 19), and every
 * collection time to trace.
 */
const bodyAt = Symbol('where the text is');
const quotesPlace = Symbol('where the quotes are');

/** What a record knows of its quotes' place in the cache file it was last written to or read from. */
interface QuotesPlace {
  /** Where they are there, read or not; null when no cache holds them (another list assigned since). */
  at: (TextAt & PackedQuotes) | null;
  /** Not read yet: the record's `quotes` is the accessor that reads them. */
  unread: boolean;
  /** The list read or written there, while it is the record's: the engine lets it go (see `forgetQuotes`). */
  list: readonly Quote[] | null;
  /** They could not be read (damaged): never written to a cache as none. */
  lost: boolean;
}

type Placed = { [quotesPlace]?: QuotesPlace };

function placeOf(record: FileRecord): QuotesPlace | undefined {
  return (record as Placed)[quotesPlace];
}

/**
 * `record`'s place, made when it has none: added before its `quotes`, which must stay its last property (see
 * `setQuotes`), so `quotes` is taken out and put back after it (without calling its getter).
 */
function placeFor(record: FileRecord): QuotesPlace {
  const known = placeOf(record);
  if (known !== undefined) return known;
  const place: QuotesPlace = { at: null, unread: false, list: null, lost: false };
  const quotes = Object.getOwnPropertyDescriptor(record, 'quotes');
  if (quotes !== undefined) delete (record as { quotes?: Quote[] | null }).quotes;
  Object.defineProperty(record, quotesPlace, { value: place });
  if (quotes !== undefined) Object.defineProperty(record, 'quotes', quotes);
  return place;
}

/** One getter for every cached article (per-object closures would give each its own hidden class). */
function readBody(this: { [bodyAt]?: TextAt }): string {
  const at = this[bodyAt];
  return at === undefined ? '' : at.texts.text(at.n);
}

/** One getter for every cached record's quotes; the first read replaces it with the list. */
function readQuotes(this: FileRecord): Quote[] {
  const place = placeOf(this);
  const at = place?.unread === true ? place.at : null;
  const bytes = at === null ? null : at.texts.bytes(at.n);
  const quotes = deserializeQuotes(bytes);
  setQuotes(this, quotes);
  if (place !== undefined) {
    if (bytes === null) place.lost = true;
    else place.list = quotes;
  }
  return quotes;
}

function assignQuotes(this: FileRecord, quotes: Quote[] | null): void {
  // Not the quotes of its cache file any more: never let go (see `forgetQuotes`).
  const place = placeOf(this);
  if (place !== undefined) {
    place.at = null;
    place.list = null;
  }
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
    const at = (article as { [bodyAt]?: TextAt })[bodyAt];
    texts.add(at === undefined ? Buffer.from(article.body, 'utf8') : readBack(at));
  }
  const place = placeOf(record);
  if (place?.lost === true) throw new Error('a text of the cache it was read from cannot be read back');
  const packed = place?.unread === true ? place.at : null;
  if (packed !== null) {
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
 * A shard's file records as the cache stores them: in columns, not an object per record and per article.
 * V8's deserializer makes objects slowly (every property's name read and looked up again) and makes them
 * large: at 10x BBC, 22,250 records took 240 ms to deserialize and 34 MB, in columns 130 ms and 19 MB with
 * the records made (issue 19). Articles keep their fields' order (`shapes`), as built.
 */
export interface StoredFiles {
  /** Per record. */
  paths: string[];
  sizes: Float64Array;
  mtimes: Float64Array;
  articleCounts: Uint32Array;
  /** 1 where a record's quotes are packed (a text after its articles' texts), 0 where they are still to be extracted. */
  quotesPacked: Uint8Array;
  /** The records that have problems (few have any), by number, with theirs. */
  problems: [number, ImportProblem[]][];
  /** Per article, in the order of the records. */
  digests: string[];
  quoteCounts: Uint32Array;
  /** The distinct lists of the articles' field names but `body`, in their order (nearly always one). */
  shapes: string[][];
  /** Which of `shapes` each article has. */
  shapeOf: Uint16Array;
  /** Each field's value for each article (null where its shape has no such field). */
  fields: Record<string, unknown[]>;
}

/**
 * Records packed by `packRecord` into one `texts` section, in order, as columns. Throws when their texts do not
 * follow one another from the section's first (a bug).
 */
export function packFiles(records: readonly StoredRecord[]): StoredFiles {
  const articles = records.flatMap((record) => record.articles);
  const shapes: string[][] = [];
  const shapeIds = new Map<string, number>();
  const shapeOf = new Uint16Array(articles.length);
  articles.forEach((article, i) => {
    const keys = Object.keys(article);
    const key = keys.join('\0');
    let shape = shapeIds.get(key);
    if (shape === undefined) {
      shape = shapes.length;
      if (shape > 0xffff) throw new Error('too many kinds of article');
      shapes.push(keys);
      shapeIds.set(key, shape);
    }
    shapeOf[i] = shape;
  });
  const fields: Record<string, unknown[]> = {};
  for (const name of new Set(shapes.flat())) fields[name] = articles.map((article) => (Object.hasOwn(article, name) ? (article as Record<string, unknown>)[name] : null));
  const problems: [number, ImportProblem[]][] = [];
  const quoteCounts = new Uint32Array(articles.length);
  let text = 0;
  let article = 0;
  records.forEach((record, i) => {
    if (record.texts !== text) throw new Error('the texts of the records are not in order');
    text += record.articles.length + (record.quotes === null ? 0 : 1);
    if (record.problems.length > 0) problems.push([i, record.problems]);
    record.quotes?.counts.forEach((count, j) => (quoteCounts[article + j] = count));
    article += record.articles.length;
  });
  return {
    paths: records.map((record) => record.path),
    sizes: Float64Array.from(records, (record) => record.size),
    mtimes: Float64Array.from(records, (record) => record.mtimeMs),
    articleCounts: Uint32Array.from(records, (record) => record.articles.length),
    quotesPacked: Uint8Array.from(records, (record) => (record.quotes === null ? 0 : 1)),
    problems,
    digests: records.flatMap((record) => record.digests),
    quoteCounts,
    shapes,
    shapeOf,
    fields,
  };
}

/**
 * The records `packFiles` stored, whose articles read their text from `texts` when asked and whose quotes
 * are deserialized on first read (an assignment replaces them). Throws when the columns do not fit one another or
 * `texts` (damage the checksum missed, or a bug).
 */
export function unpackFiles(stored: unknown, texts: CacheTexts): FileRecord[] {
  if (!isStoredFiles(stored)) throw new Error('its file records are damaged');
  const { paths, sizes, mtimes, articleCounts, quotesPacked, digests, quoteCounts, shapes, shapeOf, fields } = stored;
  const columns = shapes.map((keys) => keys.map((key) => fields[key] as unknown[]));
  const problems = new Map(stored.problems);
  const records: FileRecord[] = new Array<FileRecord>(paths.length);
  let text = 0;
  let article = 0;
  for (let i = 0; i < paths.length; i += 1) {
    const count = articleCounts[i] ?? 0;
    const packed = quotesPacked[i] === 1;
    if (text + count + (packed ? 1 : 0) > texts.count) throw new Error('a record lies outside the texts of its cache');
    const articles = new Array<Article>(count);
    const counts = new Array<number>(count);
    for (let j = 0; j < count; j += 1, article += 1) {
      const shape = shapeOf[article] ?? 0;
      const keys = shapes[shape] as string[];
      const values = columns[shape] as unknown[][];
      const made: Record<string, unknown> = {};
      for (let k = 0; k < keys.length; k += 1) made[keys[k] as string] = (values[k] as unknown[])[article];
      readBodyFrom(made, texts, text + j);
      articles[j] = made as unknown as Article;
      counts[j] = quoteCounts[article] ?? 0;
    }
    const record = {
      path: paths[i] as string,
      size: sizes[i] as number,
      mtimeMs: mtimes[i] as number,
      articles,
      digests: digests.slice(article - count, article),
      problems: problems.get(i) ?? [],
    } as Omit<FileRecord, 'quotes'> as FileRecord;
    if (packed) {
      const place: QuotesPlace = { at: { texts, n: text + count, counts }, unread: true, list: null, lost: false };
      Object.defineProperty(record, quotesPlace, { value: place });
      Object.defineProperty(record, 'quotes', { configurable: true, enumerable: true, get: readQuotes, set: assignQuotes });
    } else {
      record.quotes = null;
    }
    records[i] = record;
    text += count + (packed ? 1 : 0);
  }
  return records;
}

/** Whether `value` has the columns of `StoredFiles`, of lengths that fit one another. */
function isStoredFiles(value: unknown): value is StoredFiles {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<StoredFiles>;
  const { paths, sizes, mtimes, articleCounts, quotesPacked, problems, digests, quoteCounts, shapes, shapeOf, fields } = v;
  if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string')) return false;
  const records = paths.length;
  if (!(sizes instanceof Float64Array) || !(mtimes instanceof Float64Array) || !(articleCounts instanceof Uint32Array) || !(quotesPacked instanceof Uint8Array)) return false;
  if (sizes.length !== records || mtimes.length !== records || articleCounts.length !== records || quotesPacked.length !== records) return false;
  let articles = 0;
  for (let i = 0; i < records; i += 1) articles += articleCounts[i] as number;
  if (!Array.isArray(digests) || digests.length !== articles || !(quoteCounts instanceof Uint32Array) || quoteCounts.length !== articles) return false;
  if (!(shapeOf instanceof Uint16Array) || shapeOf.length !== articles || !Array.isArray(shapes) || typeof fields !== 'object' || fields === null) return false;
  const shapesFit = shapes.every((keys) => Array.isArray(keys) && keys.every((key) => typeof key === 'string' && key !== 'body' && key !== '__proto__' && Array.isArray(fields[key]) && fields[key].length === articles));
  if (!shapesFit) return false;
  for (let i = 0; i < articles; i += 1) if ((shapeOf[i] as number) >= shapes.length) return false;
  return Array.isArray(problems) && problems.every((entry) => Array.isArray(entry) && Number.isInteger(entry[0]) && entry[0] >= 0 && entry[0] < records && Array.isArray(entry[1]));
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
  // A built article's text is its last property (archive/read-archive.ts): deleted, then added back as an
  // accessor, the object keeps its hidden class; turned into an accessor in place, it became a hash table
  // (at 10x BBC, 20 MB more after a cold build). Where it is goes before it, the first time.
  if (Object.hasOwn(article, 'body')) delete (article as { body?: string }).body;
  const at: TextAt = { texts, n };
  if (Object.hasOwn(article, bodyAt)) (article as { [bodyAt]: TextAt })[bodyAt] = at;
  else Object.defineProperty(article, bodyAt, { value: at, writable: true });
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
  const place = placeFor(record);
  place.at = { texts, n: stored.texts + record.articles.length, counts: stored.quotes.counts };
  if (!place.unread && record.quotes !== null) place.list = record.quotes;
}

/**
 * Lets `record`'s quotes go when the cache file it was last written to or read from holds them: the next
 * read deserializes them again (new objects, without the speaker ids given to the ones let go). False, and
 * nothing changes, when no cache holds them (not written yet, another list assigned since, or unreadable there).
 */
export function forgetQuotes(record: FileRecord): boolean {
  const place = placeOf(record);
  if (place === undefined || place.at === null || place.lost) return false;
  if (place.unread) return true;
  if (place.list === null || place.list !== record.quotes) return false;
  place.list = null;
  place.unread = true;
  // Its last property (as unpackFiles and readFileRecord make records): deleted and added back, the record
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
  const place = placeOf(record);
  if (place?.unread === true && place.at !== null) return place.at.counts;
  const quotes = record.quotes;
  if (quotes === null) return null;
  // Read from, or written to, its cache file: counted there (at 50x BBC, counting every record's again was a
  // tenth of an engine's taking saved people).
  return place !== undefined && place.list === quotes && place.at !== null ? place.at.counts : countsOf(record.articles, quotes);
}

/** True when `record`'s quotes are still to be extracted (read without deserializing them). */
export function quotesMissing(record: FileRecord): boolean {
  return placeOf(record)?.unread !== true && record.quotes === null;
}

function setQuotes(record: FileRecord, quotes: Quote[] | null): void {
  const place = placeOf(record);
  if (place !== undefined) {
    place.unread = false;
    place.lost = false;
  }
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
