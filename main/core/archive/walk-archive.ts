// Lists an archive's article files: recursive, with lstat and a visited set (symlink loops), hidden
// files skipped, nothing ever written. Links are followed only while they stay inside the archive; FIFOs,
// sockets and devices are reported, never opened; names that are not valid UTF-8 are kept as bytes.

import { isUtf8 } from 'node:buffer';
import { lstatSync, readdirSync, type Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ImportProblem } from '../../contract/model.js';
import { notRegularReason } from './regular-file.js';

/** A file found in the archive, with what the cache fingerprint needs. */
export interface ArchiveFile {
  /** Relative to the archive, `/`-separated; a name that is not valid UTF-8 shows U+FFFD for its bad bytes. */
  path: string;
  /**
   * Where to read it: a string, or the path's bytes when a name on the way is not valid UTF-8 (SECURITY.md:
   * such a name has no string form the file system accepts). A Buffer here arrives as a Uint8Array in a worker.
   */
  absolutePath: string | Uint8Array;
  size: number;
  mtimeMs: number;
}

export interface ArchiveListing {
  files: ArchiveFile[];
  problems: ImportProblem[];
  /** Every folder read, the archive's own first, by the path it was read at (what a watcher watches). */
  folders: FsPath[];
  /**
   * The times of every folder read, for a later command to trust the listing while they stay the same
   * (archive/saved-listing.ts); null when the listing is not one that folder times can stand for: a link
   * was followed, a name is not valid UTF-8, or the walk met a problem.
   */
  folderTimes?: FolderTimes | null;
}

/**
 * Each folder's modification and change times (`mtimeMs`, `ctimeMs`) as stated before it was listed, by its
 * path relative to the archive (`''` for the archive's own), in the order the folders were read; and when
 * the walk started.
 */
export interface FolderTimes {
  walkedAtMs: number;
  paths: string[];
  mtimes: number[];
  ctimes: number[];
}

/** Conventional non-article files (any extension, any case): documentation of the folder, not news. */
const metadataNames = new Set(['readme', 'license', 'licence', 'attribution', 'source', 'copying', 'changelog', 'notice']);

/** True for names Verbatim passes over: hidden files and folders, and the folder's own documentation. */
export function isSkippedName(name: string): boolean {
  if (name.startsWith('.')) return true;
  const stem = name.toLowerCase().replace(/\.[^.]*$/, '');
  return metadataNames.has(stem);
}

/**
 * Entries stated between yields to the event loop. Stating synchronously is 5x faster than through the
 * thread pool (BBC's 2,225 files: 6 ms against 57; 10x: 40 ms against 234), and this many take ~2 ms.
 */
const statsPerYield = 500;

/** A path the file system accepts: a string, or bytes for names that are not valid UTF-8. */
/** A path as read from the disk: a Buffer when a name in it is not valid UTF-8. */
export type FsPath = string | Buffer;

/** A folder entry: its name for paths and messages, and the path that opens it. */
interface FolderEntry {
  name: string;
  fsPath: FsPath;
}

/**
 * Walks `archiveDir` and returns its files sorted by path. Unreadable folders, symlink loops, links that
 * leave the archive and files that are not regular files become problems; the walk goes on. A link whose
 * real path is inside the archive is followed (its target is read under the link's path). `beforeList` is
 * called with each folder just before it is listed: a watcher started there misses no later change.
 */
export async function walkArchive(archiveDir: string, { beforeList }: { beforeList?: (folder: FsPath) => void } = {}): Promise<ArchiveListing> {
  const files: ArchiveFile[] = [];
  const problems: ImportProblem[] = [];
  const folders: FsPath[] = [];
  const visited = new Set<string>();
  const times: FolderTimes = { walkedAtMs: Date.now(), paths: [], mtimes: [], ctimes: [] };
  /** Whether the listing holds plain folders and files only (see `ArchiveListing.folderTimes`). */
  let plain = true;
  const root = await realpath(archiveDir);
  const rootBytes = Buffer.from(root);
  visited.add(visitKey(root));
  let sinceYield = 0;
  const timed = (rel: string, info: Stats): void => {
    times.paths.push(rel);
    times.mtimes.push(info.mtimeMs);
    times.ctimes.push(info.ctimeMs);
  };

  async function visit(dir: FsPath, rel: string): Promise<void> {
    let entries;
    beforeList?.(dir);
    try {
      entries = listFolder(dir);
    } catch (error) {
      problems.push({ path: rel || '.', reason: `the folder cannot be read (${describeFsError(error)})` });
      return;
    }
    folders.push(dir);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const { name, fsPath } of entries) {
      if (isSkippedName(name)) continue;
      if (typeof fsPath !== 'string') plain = false;
      let info: Stats | { error: unknown };
      try {
        info = lstatSync(fsPath);
      } catch (error) {
        info = { error };
      }
      const relPath = rel ? `${rel}/${name}` : name;
      // Plain files, nearly every entry, without a promise each.
      if (!('error' in info) && info.isFile()) files.push({ path: relPath, absolutePath: fsPath, size: info.size, mtimeMs: info.mtimeMs });
      else await visitEntry(fsPath, relPath, info);
      sinceYield += 1;
      if (sinceYield >= statsPerYield) {
        sinceYield = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }

  async function visitEntry(fsPath: FsPath, relPath: string, stated: Stats | { error: unknown }): Promise<void> {
    try {
      if ('error' in stated) throw stated.error;
      let info = stated;
      let target = fsPath;
      if (info.isSymbolicLink()) {
        plain = false;
        const real = await linkTarget(fsPath);
        if (real === null) {
          problems.push({ path: relPath, reason: 'skipped: the link points to nothing (its target does not exist)' });
          return;
        }
        if (!isInside(rootBytes, real)) {
          problems.push({ path: relPath, reason: `skipped: the link points outside the archive (to ${real.toString()})` });
          return;
        }
        target = isUtf8(real) ? real.toString() : real;
        info = await stat(target);
        if (info.isDirectory() && visited.has(visitKey(target))) {
          problems.push({ path: relPath, reason: 'skipped: the link points back into a folder already read (a loop)' });
          return;
        }
      }
      if (info.isDirectory()) {
        visited.add(visitKey(target));
        timed(relPath, info);
        await visit(target, relPath);
        return;
      }
      const notRegular = notRegularReason(info);
      if (notRegular !== null) problems.push({ path: relPath, reason: notRegular });
      else files.push({ path: relPath, absolutePath: target, size: info.size, mtimeMs: info.mtimeMs });
    } catch (error) {
      problems.push({ path: relPath, reason: `the file cannot be read (${describeFsError(error)})` });
    }
  }

  try {
    timed('', lstatSync(root));
  } catch {
    plain = false; // The listing below says why.
  }
  await visit(root, '');
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, problems, folders, folderTimes: plain && problems.length === 0 ? times : null };
}

/**
 * The entries of a folder. Node decodes names as UTF-8 and puts U+FFFD where a name is not valid UTF-8,
 * which then names no file ("it no longer exists"); such a folder is listed again as bytes, and those
 * entries are opened by their bytes (SECURITY.md). Listed synchronously, as files are stated (see
 * `statsPerYield`): through the thread pool, the main thread of a one-shot command idled 60 ms of a 10x walk.
 */
function listFolder(dir: FsPath): FolderEntry[] {
  if (typeof dir === 'string') {
    // Joined by hand: `dir` is a real path (normalized) and a listed name holds no separator, so `path.join`'s
    // normalizing of every path was only cost (35 ms of a 50x walk).
    const prefix = dir.endsWith(path.sep) ? dir : `${dir}${path.sep}`;
    const names = readdirSync(dir);
    if (!names.some((name) => name.includes('\uFFFD'))) return names.map((name) => ({ name, fsPath: `${prefix}${name}` }));
  }
  const raw = readdirSync(dir, { encoding: 'buffer' });
  return raw.map((bytes) => {
    const name = bytes.toString();
    const fsPath = typeof dir === 'string' && isUtf8(bytes) ? path.join(dir, name) : Buffer.concat([Buffer.from(dir), Buffer.from(path.sep), bytes]);
    return { name, fsPath };
  });
}

/** The real path (as bytes) of the link at `fsPath`, or null when it leads nowhere. */
async function linkTarget(fsPath: FsPath): Promise<Buffer | null> {
  try {
    return await realpath(fsPath, { encoding: 'buffer' });
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'ENOENT') return null;
    throw error;
  }
}

/** True when `candidate` is `root` or below it (byte-wise: names need not be valid UTF-8). */
function isInside(root: Buffer, candidate: Buffer): boolean {
  if (candidate.equals(root)) return true;
  const prefix = root.at(-1) === path.sep.charCodeAt(0) ? root : Buffer.concat([root, Buffer.from(path.sep)]);
  return candidate.length > prefix.length && candidate.subarray(0, prefix.length).equals(prefix);
}

/** A lossless key for the visited set, strings and bytes alike. */
function visitKey(fsPath: FsPath): string {
  return Buffer.from(fsPath).toString('latin1');
}

/** A short, user-facing description of a file-system error. */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'it no longer exists';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EISDIR':
      return 'it is a folder';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
