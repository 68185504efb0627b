// Which files the archive reader opens: regular files only. A FIFO, a socket or a device is named in
// the report instead, and a read never waits on one (opening a FIFO for reading blocks until a writer comes).

import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
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

/**
 * The bytes of the regular file at `fsPath` (bytes when its name is not valid UTF-8); throws
 * `ArticleParseError` for `relPath` when it is anything else, and the file system's error when it
 * cannot be opened.
 */
export function readRegularFile(fsPath: string | Uint8Array, relPath: string): Buffer {
  const fd = openSync(typeof fsPath === 'string' ? fsPath : Buffer.from(fsPath), openFlags);
  try {
    const reason = notRegularReason(fstatSync(fd));
    if (reason !== null) throw new ArticleParseError(relPath, reason);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}
