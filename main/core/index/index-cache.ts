// The persisted index, all of it: where an archive's cache lives (a folder per archive, a file per shard),
// its fingerprint, reading and writing, and clearing out files no longer used. Each file has a header line
// (format, schema, lunr and V8 versions, fingerprint, checksum) and the library data in V8's serialization
// format: five times faster to write and twice as fast to read as JSON at 37 MB a shard (issue 6), and no
// string nears V8's length limit; its typed arrays follow the stream, read in place (aligned-serialization.ts).
// Any mismatch or damage means rebuild, never load-and-hope.

import { createHash } from 'node:crypto';
import v8 from 'node:v8';
import { crc32 } from 'node:zlib';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ArchiveFile } from '../archive/walk-archive.js';
import type { FileRecord, LibraryData } from './build-library-data.js';
import { writeFileAtomic } from '../util/write-file-atomic.js';
import { readHeaderLine, withOpenFile } from '../util/read-header-line.js';
import { lunrVersion } from './configure-lunr.js';
import { deserializeAligned, serializeAligned } from '../util/aligned-serialization.js';
import { isCacheSummary, summarizeShard, type CacheSummary } from './shard-summary.js';
import { CacheTexts, defaultHolding, packFiles, packIndex, packRecord, readIndexFrom, readRecordFrom, TextsWriter, unpackFiles, unpackIndex, type FileHolding, type StoredFiles, type StoredIndex, type StoredRecord, type TextTable } from './stored-records.js';

/**
 * Bump when the parsers, quote extraction or index layout change: old caches are then rebuilt.
 * 8: a file's quotes may be null (saved before they were extracted; see shard-engine.ts).
 * 10: Russian keys corrected and Kazakh stemmed (issue 15): other terms, a new shard code `kk`.
 * 11: .gz, .zip, .csv, .tsv and .pdf files are read (issue 18), and a CSV row's article has its `where`.
 * 12: every quote has `speakerId` (issue 16): as last resolved, or null; resolved again on every open.
 * 13: every quote has `clusterId` (issue 17): likewise.
 * 14: a record's quotes are packed apart, read on first use (index/stored-records.ts, issue 19).
 * 15: typed arrays in a region of their own after the stream, read in place (util/aligned-serialization.ts).
 * 16: articles' texts, records' quotes and terms' postings in a section after the data, read when asked
 *     (index/stored-records.ts); postings hold their weights, and lunr's field vectors are no longer stored.
 * 17: the shard's summary at the end (index/shard-summary.ts), read alone by `verbatim index`.
 * 18: file records in columns (index/stored-records.ts `StoredFiles`).
 */
export const cacheSchemaVersion = 18;
const cacheFormat = 'verbatim-index-cache';

interface CacheHeader {
  format: string;
  schema: number;
  lunr: string;
  /** The V8 that serialized the data: another one may not read it (the app and the CLI run different V8s). */
  v8: string;
  fingerprint: string;
  /**
   * The CRC-32 of the data: a check against damage (a disk error, a file cut short), not against tampering.
   * (A SHA-256 until 2026-12-07: at 10x BBC hashing the four shards took 380 ms of a warm open's CPU, the CRC 35 ms.)
   */
  crc32: number;
  /** The length of the data an open reads: V8's stream, then the region of its typed arrays (see `writeCache`). */
  bytes: number;
  /** The length of the stream. */
  stream: number;
  /** The length of the texts section after the data, read by position (see stored-records.ts). */
  texts: number;
  /** The length of the shard's summary after the texts (0 while its quotes are pending: none), and its CRC-32. */
  summary: number;
  summaryCrc32: number;
}

/** The cache folder of the archive at `archiveRealPath` inside `cacheDir` (one file per shard in it). */
export function cacheFolderFor(cacheDir: string, archiveRealPath: string): string {
  const key = createHash('sha256').update(archiveRealPath).digest('hex').slice(0, 16);
  return path.join(cacheDir, `${path.basename(archiveRealPath).replace(/[^\w.-]/g, '_').slice(0, 40)}-${key}`);
}

/** The cache file of shard `shard` of `shardCount` in an archive's `cacheFolder`. */
export function cacheFileFor(cacheFolder: string, shard: number, shardCount: number): string {
  return path.join(cacheFolder, `shard-${shard}-of-${shardCount}.cache`);
}

/**
 * A temporary file untouched for this long is left over even when a process with its writer's pid runs
 * (a reused pid): a write refreshes its file's time with every chunk, and no fsync takes this long.
 */
export const staleTempMs = 10 * 60_000;

/**
 * Deletes the files of `cacheFolder` other than `inUse`: the caches (and shingle files) of shard layouts no
 * longer used (the archive grew past a shard boundary), the JSON caches of earlier versions, and the temporary files of
 * writes that never finished (a crash, `kill -9`: issue 14) whose writer is gone or that are older than
 * `staleTempMs`. A temporary file being written by a live process is left alone.
 */
export async function removeStaleCaches(cacheFolder: string, inUse: readonly string[]): Promise<void> {
  const keep = new Set(inUse.map((file) => path.basename(file)));
  let names: string[];
  try {
    names = await readdir(cacheFolder);
  } catch {
    return;
  }
  const stale = await Promise.all(
    names.map(async (n) => (/\.(cache|json|shingles)$/.test(n) ? !keep.has(n) : n.endsWith('.tmp') && (await isLeftOverTemp(path.join(cacheFolder, n))))),
  );
  await Promise.all(names.filter((_, i) => stale[i]).map((n) => rm(path.join(cacheFolder, n), { force: true })));
}

/** Whether the temporary file `file` (named by `writeCache`: `<cache>.<pid>.<ms>.tmp`) is no longer written. */
async function isLeftOverTemp(file: string): Promise<boolean> {
  let modified: number;
  try {
    modified = (await stat(file)).mtimeMs;
  } catch {
    return false; // Renamed or removed meanwhile.
  }
  if (Date.now() - modified > staleTempMs) return true;
  const pid = /\.(\d+)\.\d+\.tmp$/.exec(file)?.[1];
  return pid !== undefined && !isRunning(Number(pid));
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0); // Signal 0 only checks that the process exists.
    return true;
  } catch (error) {
    // EPERM: it exists, as another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A digest of files (paths, sizes, modification times), of how they are read, and of `context`. */
export function fingerprintArchive(files: readonly ArchiveFile[], context = ''): string {
  const hash = createHash('sha256').update(`schema ${cacheSchemaVersion}\nlunr ${lunrVersion}\n${context}\n`);
  // A few hundred files' lines per update: one call per file was most of planning a one-shot command (issue 19).
  let lines = '';
  for (let i = 0; i < files.length; i += 1) {
    const f = files[i] as ArchiveFile;
    lines += `${f.path}\0${f.size}\0${Math.round(f.mtimeMs)}\n`;
    if (lines.length > 16_384) {
      hash.update(lines);
      lines = '';
    }
  }
  return hash.update(lines).digest('hex');
}

/**
 * Why a cache file was not used. A stale one (written for another listing of its shard) hands back its file
 * records when this schema, lunr and V8 wrote it, so that only the files added or changed since are read
 * again (issue 19); none otherwise.
 */
export type CacheMiss = { reason: 'absent' } | { reason: 'stale'; files: readonly FileRecord[] } | { reason: 'damaged'; detail: string };

/**
 * What the user is told of a cache that was not used: nothing when it was absent or out of date. Worded
 * per folder, not per shard file, so that the library tells it once however many shards were damaged alike.
 */
export function describeCacheMiss(file: string, miss: CacheMiss): string | null {
  return miss.reason === 'damaged' ? `The index cache in ${path.dirname(file)} was damaged (${miss.detail}) and is rebuilt.` : null;
}

/**
 * What the user is told of a cache found damaged after it was loaded: a text read when asked for failed its
 * checksum (`detail`). The file is gone by then, so the next open rebuilds it; until then that text is empty.
 */
export function describeDamagedText(file: string, detail: string): string {
  return `The index cache in ${path.dirname(file)} was damaged (${detail}); an article shows no text until the next start rebuilds it.`;
}

/** What the user is told of a cache whose data could not be loaded into an index (`error`). */
export function describeUnloadableCache(file: string, error: unknown): string {
  return `The index cache in ${path.dirname(file)} could not be loaded (${String(error)}) and is rebuilt.`;
}

/**
 * What the user is told of the cache `file` that could not be written (`error`): the folder and the cause,
 * without the file's name, so that one cause is told once however many shards (and writes) it stopped.
 * @example describeUnsavedCache('/c/a-1f/shard-0-of-2.cache', enotdir) // "The index cache in /c/a-1f could not be saved (ENOTDIR: not a directory); ..."
 */
export function describeUnsavedCache(file: string, error: unknown): string {
  return `The index cache in ${path.dirname(file)} could not be saved (${causeOf(error)}); the next start rebuilds it.`;
}

/** An error's message without the path a file system error ends with ("ENOSPC: no space left on device, write '/c/x.tmp'"). */
function causeOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const syscall = (error as NodeJS.ErrnoException).syscall;
  const at = syscall === undefined ? -1 : error.message.indexOf(`, ${syscall}`);
  return at === -1 ? error.message : error.message.slice(0, at);
}

/**
 * Loads the cache at `file` when it matches `fingerprint` (any, when null: a cache read before the folder's
 * walk says what it should be), with the fingerprint it was written for; otherwise says why not, with the
 * records of a stale one (see `CacheMiss`). Reads the part every open needs; the records' texts and quotes
 * are read from the file when first asked for (stored-records.ts), and `onDamaged` is told of one that fails
 * its checksum. Never throws.
 */
export async function readCache(
  file: string,
  fingerprint: string | null,
  onDamaged: (detail: string) => void = () => undefined,
  holding: FileHolding = defaultHolding,
): Promise<{ data: LibraryData; fingerprint: string } | CacheMiss> {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return { reason: 'absent' };
  }
  /** Whether the file is now the texts' to read from (and close). */
  let kept = false;
  try {
    const { line, dataStart, fileBytes } = readHead(fd);
    const header = parseHeader(line);
    if (header.format !== cacheFormat) throw new Error('not a Verbatim index cache');
    if (!isCurrentHeader(header, '')) return { reason: 'stale', files: [] };
    const { bytes, stream, texts: textBytes } = layoutOf(header, dataStart, fileBytes);
    // Checked here too (it is small): a damaged summary would otherwise make every `verbatim index` open the archive.
    if (!summaryIntact(fd, dataStart + bytes + textBytes, header)) throw new Error('its summary fails its checksum');
    const { streamBytes, region, crc } = readData(fd, dataStart, stream, bytes);
    if (crc !== header.crc32) throw new Error('checksum mismatch');
    const { texts: table, ...stored } = deserialize(streamBytes, region);
    if (!Array.isArray(stored.walkProblems) || typeof stored.indexes !== 'object' || stored.indexes === null || !['string', 'undefined'].includes(typeof stored.quotesDigest)) {
      throw new Error('missing parts');
    }
    if (!isTextTable(table, textBytes)) throw new Error('its table of texts is damaged');
    const texts = new CacheTexts(fd, dataStart + bytes, table, file, onDamaged, sameHeader(header), holding);
    kept = true;
    const indexes = Object.fromEntries(Object.entries(stored.indexes).map(([code, index]) => [code, unpackIndex(index, texts)]));
    const data: LibraryData = { ...stored, files: unpackFiles(stored.files, texts), indexes };
    const written = header.fingerprint;
    return typeof written === 'string' && (fingerprint === null || written === fingerprint) ? { data, fingerprint: written } : { reason: 'stale', files: data.files };
  } catch (error) {
    return { reason: 'damaged', detail: error instanceof Error ? error.message : String(error) };
  } finally {
    if (!kept) closeSync(fd);
  }
}

/** Whether `value` is a length in bytes. */
function isLength(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/**
 * The lengths `header` gives its parts, checked, and that a file of `fileBytes` whose data start at
 * `dataStart` holds just them; throws, naming what is wrong, otherwise.
 */
function layoutOf(header: Partial<CacheHeader>, dataStart: number, fileBytes: number): { bytes: number; stream: number; texts: number; summary: number } {
  const { bytes, stream, texts, summary } = header;
  if (!isLength(bytes) || !isLength(stream) || !isLength(texts) || !isLength(summary) || stream > bytes) throw new Error('the header gives no length');
  const expected = bytes + texts + summary;
  if (fileBytes !== dataStart + expected) throw new Error(`truncated: ${fileBytes - dataStart} of ${expected} bytes`);
  return { bytes, stream, texts, summary };
}

/**
 * The summary stored at the end of the cache at `file` (index/shard-summary.ts) when the cache is current
 * (this code, `fingerprint`), complete (no quote pending) and undamaged: its data are checksummed as an open
 * would (read in chunks, never deserialized), so that a damaged cache is not reported as loaded but opened, and
 * rebuilt. Null otherwise; never throws. The texts section is not read: an open does not check it either.
 */
export async function readCacheSummary(file: string, fingerprint: string): Promise<CacheSummary | null> {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const { line, dataStart, fileBytes } = readHead(fd);
    const header = parseHeader(line);
    if (header.format !== cacheFormat || !isCurrentHeader(header, fingerprint)) return null;
    const { bytes, texts } = layoutOf(header, dataStart, fileBytes);
    const stored = readSummaryBytes(fd, dataStart + bytes + texts, header);
    if (stored === null) return null;
    if ((await checksumOf(fd, dataStart, bytes)) !== header.crc32) return null;
    const value: unknown = v8.deserialize(stored);
    return isCacheSummary(value) ? value : null;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/**
 * The summary of the cache open as `fd`, at `start`, read and checked against `header`; null when it has none or
 * it fails its checksum. With `checkOnly`, read into the scratch buffer (see `scratchBytes`): valid until the next read.
 */
function readSummaryBytes(fd: number, start: number, header: Partial<CacheHeader>, checkOnly = false): Buffer | null {
  const length = header.summary ?? 0;
  const stored = checkOnly ? scratchBytes(length) : Buffer.allocUnsafe(length);
  return length > 0 && readSync(fd, stored, 0, length, start) === length && crc32(stored) === header.summaryCrc32 ? stored : null;
}

/** Whether the cache open as `fd` has no summary, or one that passes its checksum. */
function summaryIntact(fd: number, start: number, header: Partial<CacheHeader>): boolean {
  return header.summary === 0 || readSummaryBytes(fd, start, header, true) !== null;
}

/** The CRC-32 of the `length` bytes at `start` of the file open as `fd`, read in chunks into one buffer; yields between chunks. */
async function checksumOf(fd: number, start: number, length: number): Promise<number> {
  const chunk = Buffer.allocUnsafe(Math.min(readChunkBytes, length));
  let crc = 0;
  for (let at = 0; at < length; ) {
    const read = readSync(fd, chunk, 0, Math.min(chunk.length, length - at), start + at);
    if (read === 0) return Number.NaN;
    crc = crc32(chunk.subarray(0, read), crc);
    at += read;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return crc;
}

/** Whether a cache file opened as `fd` has `header`'s data (see `sameData`). */
function sameHeader(header: Partial<CacheHeader>): (fd: number) => boolean {
  return (fd) => {
    try {
      return sameData(parseHeader(readHead(fd).line), header);
    } catch {
      return false;
    }
  };
}

/** Whether two cache headers give the same data (checksum and lengths): the same file, as far as reading its texts goes. */
function sameData(a: Partial<CacheHeader>, b: Partial<CacheHeader>): boolean {
  return a.crc32 === b.crc32 && a.bytes === b.bytes && a.texts === b.texts;
}

/** Whether `table` is a table of texts filling a section of `bytes` bytes. */
function isTextTable(table: unknown, bytes: number): table is TextTable {
  if (typeof table !== 'object' || table === null) return false;
  const { ends, crcs } = table as Partial<TextTable>;
  if (!(ends instanceof Float64Array) || !(crcs instanceof Uint32Array) || ends.length !== crcs.length) return false;
  // An indexed loop: this runs once per open, before V8 optimizes it, and an iterator was 25 ms at 10x BBC.
  let previous = 0;
  for (let i = 0; i < ends.length; i += 1) {
    const end = ends[i] as number;
    if (!(end >= previous)) return false;
    previous = end;
  }
  return previous === bytes;
}

/** Chunks a cache file is read in: each is checksummed while it is still in the processor's cache. */
const readChunkBytes = 4 * 1024 * 1024;

/** The header line of the cache file open as `fd`, where its data starts, and the file's length. */
function readHead(fd: number): { line: Buffer; dataStart: number; fileBytes: number } {
  const fileBytes = fstatSync(fd).size;
  const first = Buffer.alloc(Math.min(maxHeaderBytes, fileBytes));
  const read = readSync(fd, first, 0, first.length, 0);
  const newline = first.subarray(0, read).indexOf(0x0a);
  if (newline === -1) throw new Error('no header line');
  return { line: first.subarray(0, newline), dataStart: newline + 1, fileBytes };
}

/**
 * The data at `start` of the file open as `fd`: its first `stream` bytes (V8's stream, read into `scratch`: valid
 * until the next read, the deserializer copies what it keeps), the `length - stream` bytes of the region after
 * them (in a buffer of their own, at its start: the region's typed arrays lie at multiples of 8 in it and become
 * views of it), and the CRC-32 of the whole. Each chunk is checksummed as soon as it is read: checksumming the
 * whole data after reading it took a third as long again as the reading (90 ms of a 46 MB shard at 10x BBC,
 * issue 19). The stream is not kept: reading every shard's into memory of its own, kept with the region, was
 * 1.6 MB of fresh memory per shard, and fresh memory costs 3-4 ms per MB to touch on these machines (issue 19).
 * Synchronous: an engine has nothing else to do while it opens a shard, and the scratch is read and used in one go.
 */
function readData(fd: number, start: number, stream: number, length: number): { streamBytes: Buffer; region: Buffer; crc: number } {
  const streamBytes = scratchBytes(stream);
  const region = Buffer.allocUnsafeSlow(length - stream);
  const crc = readInto(fd, region, start + stream, readInto(fd, streamBytes, start, 0, length), length);
  return { streamBytes, region, crc };
}

/** Where the streams of caches are read (see `readData`), and summaries only checked; grown to the largest, kept for the next. */
let scratch = Buffer.alloc(0);

/** The first `length` bytes of the scratch buffer, grown to hold them. */
function scratchBytes(length: number): Buffer {
  if (scratch.length < length) scratch = Buffer.allocUnsafeSlow(length);
  return scratch.subarray(0, length);
}

/**
 * Fills `target` from the file open as `fd` at `position`, in chunks, continuing `crc` over them; the CRC.
 * `total`: the length of the data `target` is part of, for the error of a file cut short.
 */
function readInto(fd: number, target: Buffer, position: number, crc: number, total: number): number {
  let at = 0;
  let sum = crc;
  while (at < target.length) {
    const read = readSync(fd, target, at, Math.min(readChunkBytes, target.length - at), position + at);
    if (read === 0) throw new Error(`truncated: the data ends before its ${total} bytes`);
    sum = crc32(target.subarray(at, at + read), sum);
    at += read;
  }
  return sum;
}

/** Whether a cache's header names this schema, lunr and V8, and `fingerprint` (any one when it is ''). */
function isCurrentHeader(header: Partial<CacheHeader>, fingerprint: string): boolean {
  const sameCode = header.schema === cacheSchemaVersion && header.lunr === lunrVersion && header.v8 === process.versions.v8;
  return sameCode && (fingerprint === '' || header.fingerprint === fingerprint);
}

/**
 * How many bytes an open of the cache files in `cacheFolder` reads (0 without any; their texts are read when
 * asked): before the folder is walked, how much a warm open will load, whichever layout its shards have now.
 * Never throws.
 */
export async function cachedBytesIn(cacheFolder: string): Promise<number> {
  try {
    const names = (await readdir(cacheFolder)).filter((name) => shardCacheName.test(name));
    const sizes = await Promise.all(names.map((name) => currentCacheBytes(path.join(cacheFolder, name), '')));
    return sizes.reduce<number>((sum, size) => sum + (size ?? 0), 0);
  } catch {
    return 0;
  }
}

/** The name `cacheFileFor` gives a shard's cache, with the layout's shard count. */
const shardCacheName = /^shard-\d+-of-(\d+)\.cache$/;

/** The shard cache files of one layout, by shard, and the bytes an open reads of them. */
export interface CachedLayout {
  files: string[];
  bytes: number;
}

/**
 * The shard caches in `cacheFolder` when they are one whole layout (`shard-i-of-n.cache` for every i below
 * one n, as `cacheFileFor` names them) and this code wrote each, by shard, with the bytes an open reads of them;
 * null otherwise. From their header lines alone: what a one-shot command reads before the folder is walked.
 * Never throws.
 */
export async function cachedLayoutIn(cacheFolder: string): Promise<CachedLayout | null> {
  let names: string[];
  try {
    names = (await readdir(cacheFolder)).filter((name) => shardCacheName.test(name));
  } catch {
    return null;
  }
  const count = Number(shardCacheName.exec(names[0] ?? '')?.[1]);
  if (!Number.isInteger(count) || count < 1 || names.length !== count) return null;
  const files = Array.from({ length: count }, (_, shard) => cacheFileFor(cacheFolder, shard, count));
  const known = new Set(names);
  if (!files.every((file) => known.has(path.basename(file)))) return null;
  const sizes = await Promise.all(files.map((file) => currentCacheBytes(file, '')));
  let bytes = 0;
  for (const size of sizes) {
    if (size === null) return null;
    bytes += size;
  }
  return { files, bytes };
}

/** A header line longer than this is no header of ours (it is ~250 bytes). */
const maxHeaderBytes = 4096;

/**
 * The size of the data an open reads of the cache at `file` when it is there and its header names this code
 * and `fingerprint` (any fingerprint when it is ''), else null; from its header line alone (a few hundred bytes, not the shard): how a one-shot command decides,
 * before starting any engine, that every shard will load rather than build, and how much loading that is.
 * Its data may still turn out damaged; `readCache` checks that. Never throws.
 */
export function currentCacheBytes(file: string, fingerprint: string): Promise<number | null> {
  return withOpenFile(file, async (handle) => {
    const read = await readHeaderLine(handle, maxHeaderBytes);
    if (read === null) return null;
    const header = parseHeader(read.line);
    return header.format === cacheFormat && isCurrentHeader(header, fingerprint) && typeof header.bytes === 'number' ? header.bytes : null;
  });
}

/**
 * The header line of a cache file. Its errors name what is wrong, never the bytes: JSON.parse's own message
 * quotes the text it choked on, which a damaged file fills with anything (issue 14).
 */
function parseHeader(line: Buffer): Partial<CacheHeader> {
  let header: unknown;
  try {
    header = JSON.parse(line.toString('utf8'));
  } catch {
    throw new Error('the header line is not JSON');
  }
  if (typeof header !== 'object' || header === null) throw new Error('the header line is not a JSON object');
  return header as Partial<CacheHeader>;
}

/** The library data as a cache stores it: its records without their texts and quotes, and where those are (see stored-records.ts). */
type StoredLibrary = Omit<LibraryData, 'files' | 'indexes'> & { files: StoredFiles; indexes: Record<string, StoredIndex>; texts: TextTable };

/** The data of a cache whose checksum matched (a file written by a V8 that serializes differently throws). */
function deserialize(stream: Buffer, region: Buffer): StoredLibrary {
  try {
    return deserializeAligned(stream, region) as StoredLibrary;
  } catch {
    throw new Error('its data cannot be deserialized');
  }
}

/**
 * Writes the cache atomically: a temporary file, fsync, then rename over the old one. With `readBack`, `data`
 * then reads its texts and postings from the file written (see `readFromWritten`).
 */
export async function writeCache(file: string, fingerprint: string, data: LibraryData, readBack?: (detail: string) => void): Promise<void> {
  const made = summarizeShard(data);
  const summary = made === null ? Buffer.alloc(0) : v8.serialize(made);
  const texts = new TextsWriter();
  const records = data.files.map((record) => packRecord(record, texts));
  const indexes = Object.fromEntries(Object.entries(data.indexes).map(([code, index]) => [code, packIndex(index, texts)]));
  const stored: StoredLibrary = { ...data, files: packFiles(records), indexes, texts: texts.table() };
  const { stream, region } = serializeAligned(stored);
  let regionBytes = 0;
  let checksum = crc32(stream);
  for (const chunk of region) {
    regionBytes += chunk.byteLength;
    checksum = crc32(chunk, checksum);
  }
  const header: CacheHeader = {
    format: cacheFormat,
    schema: cacheSchemaVersion,
    lunr: lunrVersion,
    v8: process.versions.v8,
    fingerprint,
    crc32: checksum,
    bytes: stream.length + regionBytes,
    stream: stream.length,
    texts: texts.byteLength,
    summary: summary.length,
    summaryCrc32: crc32(summary),
  };
  // The header line ends in spaces that start the region at a multiple of 8 in the file, and so in the
  // buffer it is read into: its typed arrays are then read in place.
  const line = JSON.stringify(header);
  const padding = (8 - ((Buffer.byteLength(line) + 1 + stream.length) % 8)) % 8;
  await writeFileAtomic(file, [`${line}${' '.repeat(padding)}\n`, stream, ...region, ...texts.chunks(), summary]);
  if (readBack !== undefined) readFromWritten(file, header, data, { records, indexes, texts: stored.texts }, readBack);
}

/**
 * Makes `data`'s article texts and index postings read from the cache `file` just written (`header`,
 * `stored`) instead of being held: at 50x BBC a shard's texts and postings are 30 MB. Nothing changes when
 * the file there is not that one any more (another process wrote it since); `onDamaged` as in `readCache`.
 */
function readFromWritten(
  file: string,
  header: CacheHeader,
  data: LibraryData,
  stored: { records: StoredRecord[]; indexes: Record<string, StoredIndex>; texts: TextTable },
  onDamaged: (detail: string) => void,
): void {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return;
  }
  let kept = false;
  try {
    const head = readHead(fd);
    if (!sameData(parseHeader(head.line), header)) return;
    // Throws, caught below, when the file is not as long as the one written.
    layoutOf(header, head.dataStart, head.fileBytes);
    const texts = new CacheTexts(fd, head.dataStart + header.bytes, stored.texts, file, onDamaged, sameHeader(header));
    kept = true;
    data.files.forEach((record, i) => {
      const packed = stored.records[i];
      if (packed !== undefined) readRecordFrom(record, packed, texts);
    });
    for (const [code, index] of Object.entries(data.indexes)) {
      const packed = stored.indexes[code];
      if (packed !== undefined) readIndexFrom(index, packed, texts);
    }
  } catch {
    // Unreadable just after it was written: the data stays held.
  } finally {
    if (!kept) closeSync(fd);
  }
}
