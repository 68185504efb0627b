// Unpacks a gzip'd article file with Node's zlib, within the same size budget as any file: a bomb (1 GB
// of zeros in 1 MB) stops at the budget, a cut-off file is reported, neither costs more than the budget.

import { gunzipSync } from 'node:zlib';
import { ArticleParseError } from '../errors.js';

/** True when `bytes` start with gzip's magic number (RFC 1952). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * The unpacked bytes of the gzip data `bytes` of `path`, at most `limit` of them; throws
 * `ArticleParseError` when the data is not gzip, is cut off or corrupt, or unpacks to more than `limit`.
 * (Synchronous, as all reading in engine threads: zlib stops at `limit`, so memory stays bounded.)
 * @example gunzipBytes('ods/rt.csv.gz', bytes, 50 * 1024 * 1024)
 */
export function gunzipBytes(path: string, bytes: Uint8Array, limit: number): Buffer {
  if (!isGzip(bytes)) throw new ArticleParseError(path, 'named .gz, but it is not gzip data');
  try {
    return gunzipSync(bytes, { maxOutputLength: limit });
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ArticleParseError(path, `it unpacks to more than ${(limit / 1024 / 1024).toFixed(1)} MiB, more than Verbatim reads from one file (a zip bomb?)`);
    }
    if (code === 'Z_BUF_ERROR') throw new ArticleParseError(path, 'the gzip data is cut off (the file is truncated)');
    throw new ArticleParseError(path, `the gzip data is corrupt (${error instanceof Error ? error.message : String(error)})`);
  }
}
