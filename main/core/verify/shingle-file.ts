// A shard's shingle index saved beside its cache (issue 19): building it took one thread 3.2 s after every
// warm open at 10x BBC, while the first searches waited on its slices. Kept in a file of its own, not in the
// shard's cache: an open does not read it (19 MB a shard at 10x); the background reads it instead of
// building, and a claim reads it if it comes first. A header line (padded so the arrays that follow start
// 4-byte aligned), then the offsets, keys and owners as little-endian 32-bit words.

import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { crc32 } from 'node:zlib';
import { writeFileAtomic } from '../util/write-file-atomic.js';
import { isShingleIndex, type ShingleIndex } from './shingle-index.js';

const shingleFormat = 'verbatim-shingles';
/** Bump when the shingles themselves change (shingle-hash.ts, verify-words.ts's folding, the word pattern). */
const shingleVersion = 1;

interface ShingleHeader {
  format: typeof shingleFormat;
  version: typeof shingleVersion;
  /** The shard's fingerprint (its files, the cache schema and lunr's version): another one means build again. */
  fingerprint: string;
  articles: number;
  bits: number;
  entries: number;
  /** The CRC-32 of the arrays' bytes. */
  crc32: number;
}

/** The shingle file of the shard whose cache file is `cacheFile`. */
export function shingleFileFor(cacheFile: string): string {
  return cacheFile.replace(/\.cache$/, '') + '.shingles';
}

/** Writes `index` of the shard with `fingerprint` to `file`, atomically. */
export async function writeShingleFile(file: string, fingerprint: string, index: ShingleIndex): Promise<void> {
  if (os.endianness() !== 'LE') return; // Read back as little-endian words: not worth saving elsewhere.
  const arrays = [index.offsets, index.keys, index.owners].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  let check = 0;
  // Not over an empty array: zlib takes its null data pointer as "give the initial value" and answers 0.
  for (const bytes of arrays) if (bytes.length > 0) check = crc32(bytes, check);
  const header: ShingleHeader = { format: shingleFormat, version: shingleVersion, fingerprint, articles: index.articles, bits: index.bits, entries: index.keys.length, crc32: check };
  const line = JSON.stringify(header);
  // Spaces before the newline bring the arrays to a multiple of 4 bytes.
  const padded = `${line}${' '.repeat((4 - ((Buffer.byteLength(line) + 1) % 4)) % 4)}\n`;
  await writeFileAtomic(file, [padded, ...arrays]);
}

/**
 * The shingle index saved in `file` for the shard with `fingerprint` and `articles` articles, or null when
 * there is none, it is another shard's or older, or damaged (then the caller builds it, and saves it again).
 */
export function readShingleFile(file: string, fingerprint: string, articles: number): ShingleIndex | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  return parseShingleFile(bytes, fingerprint, articles);
}

/** As `readShingleFile`, reading without holding the thread (the engines' background). */
export async function readShingleFileLater(file: string, fingerprint: string, articles: number): Promise<ShingleIndex | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return null;
  }
  return parseShingleFile(bytes, fingerprint, articles);
}

function parseShingleFile(bytes: Buffer, fingerprint: string, articles: number): ShingleIndex | null {
  if (os.endianness() !== 'LE') return null;
  const newline = bytes.subarray(0, 4096).indexOf(0x0a);
  if (newline === -1 || (newline + 1) % 4 !== 0) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8', 0, newline));
  } catch {
    return null;
  }
  // `null`, a number or a list parse too.
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const header = parsed as Partial<ShingleHeader>;
  if (header.format !== shingleFormat || header.version !== shingleVersion || header.fingerprint !== fingerprint || header.articles !== articles) return null;
  const { bits, entries } = header;
  if (typeof bits !== 'number' || !Number.isInteger(bits) || bits < 4 || bits > 24 || typeof entries !== 'number' || !Number.isInteger(entries) || entries < 0) return null;
  const words = (1 << bits) + 1 + 2 * entries;
  const body = bytes.subarray(newline + 1);
  if (body.length !== words * 4 || crc32(body) !== header.crc32) return null;
  // Views on the file's own bytes when they are 4-byte aligned (a large file is read into a buffer of its
  // own), else on a copy (a small one may share Node's buffer pool).
  const all = (body.byteOffset & 3) === 0 ? new Uint32Array(body.buffer, body.byteOffset, words) : new Uint32Array(new Uint8Array(body).buffer);
  const index = { articles, bits, offsets: all.subarray(0, (1 << bits) + 1), keys: all.subarray((1 << bits) + 1, (1 << bits) + 1 + entries), owners: all.subarray((1 << bits) + 1 + entries) };
  return isShingleIndex(index, articles) ? index : null;
}
