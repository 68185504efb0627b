// The entries of a .zip read with yauzl, by streaming, in batches of bounded size, within limits against
// zip bombs (entry count, total and per-entry size, compression ratio, nesting). Runs in the page thread
// (page-worker.ts): yauzl is asynchronous, and archives are read synchronously in engine threads.

import { closeSync, constants, fstatSync, openSync } from 'node:fs';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { isSkippedName } from './walk-archive.js';

/** The limits a zip is read within; each broken one is a problem with its reason, never a crash or a hang. */
export interface ZipLimits {
  /** The most bytes one entry may unpack to (the archive's per-file budget). */
  entryBytes: number;
  /** The most bytes all entries together may unpack to. */
  totalBytes: number;
  /** The most entries read from one zip. */
  entries: number;
  /** An entry packed tighter than this (unpacked / packed) is refused: news text packs 3-10x, a bomb 1000x. */
  ratio: number;
  /** The most unpacked bytes one batch carries back to the engine thread. */
  batchBytes: number;
}

export const zipLimits: ZipLimits = {
  entryBytes: 50 * 1024 * 1024,
  totalBytes: 2 * 1024 * 1024 * 1024,
  entries: 100_000,
  ratio: 200,
  batchBytes: 32 * 1024 * 1024,
};

/** Entries smaller than this are never refused for their ratio: a short repetitive file packs tight too. */
const ratioFloorBytes = 1024 * 1024;

/** One batch: entries with their bytes, entries refused with a reason, and where the next batch starts. */
export interface ZipBatch {
  entries: { name: string; bytes: Uint8Array }[];
  problems: { name: string; reason: string }[];
  /** The index of the first entry of the next batch, or null when the zip is read. */
  next: number | null;
  /** The zip's size and modification time when it was opened (a cache files what was read under them). */
  size: number;
  mtimeMs: number;
}

/** Thrown for a zip that cannot be read at all; the reason is the user's. */
export class ZipError extends Error {}

/**
 * Reads the entries of the zip at `fsPath`, from entry `from` on, until `limits.batchBytes` are gathered.
 * Folders, hidden and metadata files are passed over; a nested archive, an entry over a limit, or a
 * corrupt one is a problem named by its path inside. Throws `ZipError` when the zip itself is unreadable.
 */
export async function readZipEntries(fsPath: string | Uint8Array, from: number, limits: ZipLimits = zipLimits): Promise<ZipBatch> {
  // O_NONBLOCK: a FIFO swapped in after the walk is refused at once, never waited on (regular-file.ts).
  const fd = openSync(typeof fsPath === 'string' ? fsPath : Buffer.from(fsPath), constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  const info = fstatSync(fd);
  if (!info.isFile()) {
    closeSync(fd);
    throw new ZipError('not a regular file');
  }
  let zip: ZipFile;
  try {
    // yauzl owns the descriptor from here: `zip.close()` closes it.
    zip = await yauzl.fromFdPromise(fd, { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true });
  } catch (error) {
    closeSync(fd);
    throw new ZipError(`not a readable zip archive (${error instanceof Error ? error.message : String(error)})`);
  }
  const batch: ZipBatch = { entries: [], problems: [], next: null, size: info.size, mtimeMs: info.mtimeMs };
  try {
    if (zip.entryCount > limits.entries) {
      batch.problems.push({ name: '', reason: `the zip holds ${zip.entryCount.toLocaleString('en')} entries; only the first ${limits.entries.toLocaleString('en')} are read` });
    }
    await readBatch(zip, from, limits, batch);
  } finally {
    zip.close();
  }
  return batch;
}

/** Archives inside a zip: not opened, and named together in one problem (42.zip nests thousands). */
const nestedArchive = /\.(zip|gz|tgz|7z|rar|bz2|xz)$/i;

async function readBatch(zip: ZipFile, from: number, limits: ZipLimits, batch: ZipBatch): Promise<void> {
  const nested: string[] = [];
  try {
    await readEntries(zip, from, limits, batch, nested);
  } catch (error) {
    // A list of entries broken part way: the entries before the break are kept.
    if (!(error instanceof ZipError)) throw error;
    batch.problems.push({ name: '', reason: `${error.message}; the entries after the break are not read` });
    batch.next = null;
  } finally {
    if (nested.length > 0) {
      const shown = nested.slice(0, 5).join(', ') + (nested.length > 5 ? `, and ${nested.length - 5} more` : '');
      batch.problems.push({ name: '', reason: `${nested.length === 1 ? 'an archive' : `${nested.length} archives`} inside it not opened (${shown}): archives nest at most one level, as zip bombs such as 42.zip nest` });
    }
  }
}

async function readEntries(zip: ZipFile, from: number, limits: ZipLimits, batch: ZipBatch, nested: string[]): Promise<void> {
  let index = 0;
  let declaredTotal = 0;
  let carried = 0;
  for (let entry = await nextEntry(zip); entry !== null; entry = await nextEntry(zip), index += 1) {
    if (index >= limits.entries) return;
    declaredTotal += entry.uncompressedSize;
    if (index < from || isFolderOrSkipped(entry.fileName)) continue;
    if (carried >= limits.batchBytes) {
      batch.next = index;
      return;
    }
    const name = entry.fileName;
    if (declaredTotal > limits.totalBytes) {
      batch.problems.push({ name, reason: `the zip unpacks to more than ${formatMiB(limits.totalBytes)} in all; this entry and the rest are not read (a zip bomb?)` });
      return;
    }
    if (nestedArchive.test(name)) {
      nested.push(name);
      continue;
    }
    const refused = refusedReason(entry, limits);
    if (refused !== null) {
      batch.problems.push({ name, reason: refused });
      continue;
    }
    try {
      const bytes = await entryBytes(zip, entry, limits.entryBytes);
      carried += bytes.length;
      batch.entries.push({ name, bytes });
    } catch (error) {
      batch.problems.push({ name, reason: `the entry cannot be unpacked (${error instanceof Error ? error.message : String(error)})` });
    }
  }
}

/** Why `entry` is not read without unpacking it, or null. */
function refusedReason(entry: Entry, limits: ZipLimits): string | null {
  if (entry.isEncrypted()) return 'the entry is encrypted';
  if (entry.uncompressedSize > limits.entryBytes) return `the entry unpacks to ${formatMiB(entry.uncompressedSize)}; Verbatim reads files up to ${formatMiB(limits.entryBytes)}`;
  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (entry.uncompressedSize > ratioFloorBytes && ratio > limits.ratio) return `the entry is packed ${Math.round(ratio)} to 1; Verbatim refuses more than ${limits.ratio} to 1 (a zip bomb?)`;
  return null;
}

function isFolderOrSkipped(name: string): boolean {
  return name.endsWith('/') || name.split('/').some((part) => part !== '' && isSkippedName(part)) || name.startsWith('__MACOSX/');
}

function nextEntry(zip: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      zip.removeListener('entry', onEntry);
      zip.removeListener('end', onEnd);
      zip.removeListener('error', onError);
    };
    const onEntry = (entry: Entry): void => (cleanup(), resolve(entry));
    const onEnd = (): void => (cleanup(), resolve(null));
    const onError = (error: Error): void => (cleanup(), reject(new ZipError(`the zip's list of entries is corrupt (${error.message})`)));
    zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
    zip.readEntry();
  });
}

/** The unpacked bytes of `entry`, streamed and stopped past `limit` (its declared size may lie). */
async function entryBytes(zip: ZipFile, entry: Entry, limit: number): Promise<Buffer> {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > limit) {
      stream.destroy();
      throw new Error(`it unpacks to more than ${formatMiB(limit)}`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, length);
}

function formatMiB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
