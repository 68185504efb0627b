// The persisted index, all of it: where an archive's cache lives (a folder per archive, a file per shard),
// its fingerprint, reading and writing, and clearing out files no longer used. Each file has a header line
// (format, schema, lunr and V8 versions, fingerprint, checksum) and the library data in V8's serialization
// format: five times faster to write and twice as fast to read as JSON at 37 MB a shard (issue 6), and no
// string nears V8's length limit; its typed arrays follow the stream, read in place (aligned-serialization.ts).
// Any mismatch or damage means rebuild, never load-and-hope.

import { createHash } from 'node:crypto';
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
import { packRecord, unpackRecord, type StoredRecord } from './packed-quotes.js';

/**
 * Bump when the parsers, quote extraction or index layout change: old caches are then rebuilt.
 * 8: a file's quotes may be null (saved before they were extracted; see shard-engine.ts).
 * 10: Russian keys corrected and Kazakh stemmed (issue 15): other terms, a new shard code `kk`.
 * 11: .gz, .zip, .csv, .tsv and .pdf files are read (issue 18), and a CSV row's article has its `where`.
 * 12: every quote has `speakerId` (issue 16): as last resolved, or null; resolved again on every open.
 * 13: every quote has `clusterId` (issue 17): likewise.
 * 14: a record's quotes are packed apart, read on first use (index/packed-quotes.ts, issue 19).
 * 15: typed arrays in a region of their own after the stream, read in place (util/aligned-serialization.ts).
 */
export const cacheSchemaVersion = 15;
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
   * Caches written before 2026-12-07 have a SHA-256 instead (`sha256`), still read: at 10x BBC hashing the
   * four shards took 380 ms of a warm open's CPU, the CRC 35 ms.
   */
  crc32?: number;
  sha256?: string;
  /** The length of the data: V8's stream, then the region of its typed arrays (see `writeCache`). */
  bytes: number;
  /** The length of the stream. */
  stream: number;
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
  for (const f of files) hash.update(`${f.path}\0${f.size}\0${Math.round(f.mtimeMs)}\n`);
  return hash.digest('hex');
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
 * Loads the cache at `file` when it matches `fingerprint`; otherwise says why not, with the records of a
 * stale one (see `CacheMiss`). Never throws.
 */
export async function readCache(file: string, fingerprint: string): Promise<{ data: LibraryData } | CacheMiss> {
  let raw: Buffer;
  let dataCrc: number | null;
  try {
    ({ raw, dataCrc } = readWithCrc(file));
  } catch {
    return { reason: 'absent' };
  }
  try {
    const newline = raw.indexOf(0x0a);
    if (newline === -1) throw new Error('no header line');
    const header = parseHeader(raw.subarray(0, newline));
    if (header.format !== cacheFormat) throw new Error('not a Verbatim index cache');
    if (!isCurrentHeader(header, '')) return { reason: 'stale', files: [] };
    const payload = raw.subarray(newline + 1);
    if (typeof header.bytes !== 'number' || typeof header.stream !== 'number' || header.stream > header.bytes) throw new Error('the header gives no length');
    if (payload.length !== header.bytes) throw new Error(`truncated: ${payload.length} of ${header.bytes} bytes`);
    if (!checksumMatches(payload, header, dataCrc)) throw new Error('checksum mismatch');
    const stored = deserialize(payload.subarray(0, header.stream), payload.subarray(header.stream));
    if (!Array.isArray(stored.files) || !Array.isArray(stored.walkProblems) || typeof stored.indexes !== 'object' || stored.indexes === null || !['string', 'undefined'].includes(typeof stored.quotesDigest)) {
      throw new Error('missing parts');
    }
    const data: LibraryData = { ...stored, files: stored.files.map(unpackRecord) };
    return header.fingerprint === fingerprint ? { data } : { reason: 'stale', files: data.files };
  } catch (error) {
    return { reason: 'damaged', detail: error instanceof Error ? error.message : String(error) };
  }
}

/** Chunks a cache file is read in: each is checksummed while it is still in the processor's cache. */
const readChunkBytes = 4 * 1024 * 1024;

/**
 * The bytes of `file`, and the CRC-32 of those after its first line (null when the first chunk holds no
 * line end). Read in chunks, each checksummed as soon as it is read: checksumming the whole file after
 * reading it took a third as long again as the reading (90 ms of a 46 MB shard at 10x BBC, issue 19).
 * Synchronous: an engine has nothing else to do while it opens a shard.
 */
function readWithCrc(file: string): { raw: Buffer; dataCrc: number | null } {
  const fd = openSync(file, 'r');
  try {
    const raw = Buffer.allocUnsafeSlow(fstatSync(fd).size);
    let length = 0;
    /** Where the data starts: after the first chunk's line end; null without one (no header of ours). */
    let dataStart: number | null = null;
    let dataCrc = 0;
    while (length < raw.length) {
      const read = readSync(fd, raw, length, Math.min(readChunkBytes, raw.length - length), length);
      if (read === 0) break;
      if (length === 0) {
        const newline = raw.subarray(0, read).indexOf(0x0a);
        dataStart = newline === -1 ? null : newline + 1;
      }
      if (dataStart !== null) dataCrc = crc32(raw.subarray(Math.max(length, dataStart), length + read), dataCrc);
      length += read;
    }
    return { raw: raw.subarray(0, length), dataCrc: dataStart === null ? null : dataCrc };
  } finally {
    closeSync(fd);
  }
}

/** Whether `payload` has the checksum `header` gives (either kind: see `CacheHeader.crc32`); `payloadCrc` is its CRC-32 when known. */
function checksumMatches(payload: Buffer, header: Partial<CacheHeader>, payloadCrc: number | null): boolean {
  if (typeof header.crc32 === 'number') return (payloadCrc ?? crc32(payload)) === header.crc32;
  return typeof header.sha256 === 'string' && createHash('sha256').update(payload).digest('hex') === header.sha256;
}

/** Whether a cache's header names this schema, lunr and V8, and `fingerprint` (any one when it is ''). */
function isCurrentHeader(header: Partial<CacheHeader>, fingerprint: string): boolean {
  const sameCode = header.schema === cacheSchemaVersion && header.lunr === lunrVersion && header.v8 === process.versions.v8;
  return sameCode && (fingerprint === '' || header.fingerprint === fingerprint);
}

/**
 * How many bytes the cache files in `cacheFolder` hold (0 without any): before the folder is walked, how much
 * a warm open will load, whichever layout its shards have now. Never throws.
 */
export async function cachedBytesIn(cacheFolder: string): Promise<number> {
  try {
    const names = (await readdir(cacheFolder)).filter((name) => name.endsWith('.cache'));
    const sizes = await Promise.all(names.map((name) => stat(path.join(cacheFolder, name)).then((s) => s.size, () => 0)));
    return sizes.reduce((sum, size) => sum + size, 0);
  } catch {
    return 0;
  }
}

/** A header line longer than this is no header of ours (it is ~250 bytes). */
const maxHeaderBytes = 4096;

/**
 * The size of the data of the cache at `file` when it is there and its header matches `fingerprint`, else
 * null; from its header line alone (a few hundred bytes, not the shard): how a one-shot command decides,
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

/** The library data as a cache stores it: each record's quotes packed (see packed-quotes.ts). */
type StoredLibrary = Omit<LibraryData, 'files'> & { files: StoredRecord[] };

/** The data of a cache whose checksum matched (a file written by a V8 that serializes differently throws). */
function deserialize(stream: Buffer, region: Buffer): StoredLibrary {
  try {
    return deserializeAligned(stream, region) as StoredLibrary;
  } catch {
    throw new Error('its data cannot be deserialized');
  }
}

/** Writes the cache atomically: a temporary file, fsync, then rename over the old one. */
export async function writeCache(file: string, fingerprint: string, data: LibraryData): Promise<void> {
  const stored: StoredLibrary = { ...data, files: data.files.map(packRecord) };
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
  };
  // The header line ends in spaces that start the region at a multiple of 8 in the file, and so in the
  // buffer it is read into: its typed arrays are then read in place.
  const line = JSON.stringify(header);
  const padding = (8 - ((Buffer.byteLength(line) + 1 + stream.length) % 8)) % 8;
  await writeFileAtomic(file, [`${line}${' '.repeat(padding)}\n`, stream, ...region]);
}
