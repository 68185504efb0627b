// Reading a file that starts with a header line (the index caches, the people file) without reading the
// rest: the file opened for positioned reads, and its first line.

import { open, type FileHandle } from 'node:fs/promises';

/**
 * Runs `use` on `file` opened for reading and closes it; null when it cannot be opened, or `use` throws.
 * @example await withOpenFile(file, (handle) => readHeaderLine(handle, 4096)) // { line, rest } or null
 */
export async function withOpenFile<T>(file: string, use: (handle: FileHandle) => Promise<T | null>): Promise<T | null> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch {
    return null;
  }
  try {
    return await use(handle);
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

/** The first line of the file open as `handle` (without its newline) and where the rest starts; null when no line ends within `maxBytes`. */
export async function readHeaderLine(handle: FileHandle, maxBytes: number): Promise<{ line: Buffer; rest: number } | null> {
  const buffer = Buffer.alloc(maxBytes);
  const { bytesRead } = await handle.read(buffer, 0, maxBytes, 0);
  const newline = buffer.subarray(0, bytesRead).indexOf(0x0a);
  return newline === -1 ? null : { line: buffer.subarray(0, newline), rest: newline + 1 };
}
