// Which files the archive reader opens: regular files only. A FIFO, a socket or a device is named in
// the report instead, and a read never waits on one (opening a FIFO for reading blocks until a writer comes).

import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { ArticleParseError } from '../errors.js';

/**
 * Why a file of this kind is not read, or null for a regular file (and a folder, which the walk enters).
 * @example notRegularReason(lstatSync('news/pipe.txt')) // 'not a regular file: FIFO (a named pipe)'
 */
export function notRegularReason(info: Stats): string | null {
  if (info.isFile() || info.isDirectory()) return null;
  if (info.isFIFO()) return 'not a regular file: FIFO (a named pipe)';
  if (info.isSocket()) return 'not a regular file: socket';
  if (info.isCharacterDevice()) return 'not a regular file: character device';
  if (info.isBlockDevice()) return 'not a regular file: block device';
  return 'not a regular file';
}

// O_NONBLOCK: if a regular file is swapped for a FIFO after the walk, the open returns at once and
// fstat refuses it. O_NOCTTY: a terminal device must never become this process's terminal. (Neither
// exists on Windows, where neither matters.)
const openFlags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** What was read of a regular file, and its size and modification time when it was opened. */
export interface RegularFileBytes {
  /** At most `limit + 1` bytes: more than `limit` means the file is over it. */
  bytes: Buffer;
  size: number;
  mtimeMs: number;
}

/**
 * At most `limit + 1` bytes of the regular file at `fsPath` (bytes when its name is not valid UTF-8):
 * the cap holds on what is read, not on the size the walk saw, so a file that grows after the walk
 * costs no more (issue 14: a file grown to 124 MB was read whole). Throws `ArticleParseError` for
 * `relPath` when it is not a regular file, and the file system's error when it cannot be opened.
 */
export function readRegularFile(fsPath: string | Uint8Array, relPath: string, limit: number): RegularFileBytes {
  const fd = openSync(typeof fsPath === 'string' ? fsPath : Buffer.from(fsPath), openFlags);
  try {
    const info = fstatSync(fd);
    const reason = notRegularReason(info);
    if (reason !== null) throw new ArticleParseError(relPath, reason);
    return { bytes: readUpTo(fd, Math.min(info.size, limit) + 1, limit + 1), size: info.size, mtimeMs: info.mtimeMs };
  } finally {
    closeSync(fd);
  }
}

/** Reads `fd` to its end or to `most` bytes, starting with a buffer of `guess` bytes (the size at open). */
function readUpTo(fd: number, guess: number, most: number): Buffer {
  let buffer = Buffer.allocUnsafe(guess);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length >= most) break;
      // The file grew while it was read: keep reading, up to `most`.
      const bigger = Buffer.allocUnsafe(Math.min(most, buffer.length * 2));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) break;
    length += read;
  }
  return buffer.subarray(0, length);
}
