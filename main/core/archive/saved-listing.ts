// The archive's last listing, saved with the times of its folders, so that a one-shot command need not state
// every file to know what changed (issue 19: at 10x BBC, stating 22,250 files was the walk's 160-200 ms, and
// the longest part of a search). A folder's modification time changes when an entry is added, removed or
// renamed in it, and its change time when its permissions change: while every folder's times are those saved,
// the folder holds the files it held. A file written over in place changes neither: `OpenArchive` states the
// files an answer shows, and walks the whole folder when one of them changed.
//
// A listing is saved only when folder times can stand for it: plain folders and files, no link followed, every
// name valid UTF-8, no problem met (`ArchiveListing.folderTimes`). A folder whose times fall within
// `coarseTimeMs` of the walk's start is not trusted: a file system that keeps times in seconds (or FAT's two
// seconds) gives an entry added right after the folder was listed the time the folder already had.

import { lstatSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';
import { crc32 } from 'node:zlib';
import { lowerBound } from '../util/lower-bound.js';
import { writeFileAtomic } from '../util/write-file-atomic.js';
import type { ArchiveFile, ArchiveListing, FolderTimes } from './walk-archive.js';

const format = 'verbatim-saved-listing';
const version = 1;

/** How far before a walk a folder's times must be for it to be trusted (see the top of this file). */
export const coarseTimeMs = 2_000;

/**
 * The listing as saved: the archive's real path, its folders' times, its files in columns. Paths are joined by
 * NUL, which no name holds: one string serializes and splits in a few milliseconds where 111,250 strings took
 * 60 ms to serialize (50x BBC).
 */
interface SavedListing {
  root: string;
  plan: ShardPlan | null;
  walkedAtMs: number;
  folders: string;
  folderMtimes: Float64Array;
  folderCtimes: Float64Array;
  paths: string;
  sizes: Float64Array;
  mtimes: Float64Array;
}

/** The columns of a saved listing, its paths split. */
type ListingColumns = Omit<SavedListing, 'folders' | 'paths'> & { folders: string[]; paths: string[] };

/**
 * What the listing's files were planned as when it was saved (library/shards.ts): the shards' fingerprints,
 * which take a while to compute (140 ms at 50x BBC) and are the same while the files are, under a `key` that
 * names how they were made (the shard count, the code's fingerprint of no file).
 */
export interface ShardPlan {
  key: string;
  fingerprints: string[];
}

/** A saved listing read back: the listing, and its plan when it was saved with one. */
export interface SavedListingRead {
  listing: ArchiveListing;
  plan: ShardPlan | null;
}

/** The file a cache folder keeps its archive's listing in. */
export function savedListingFileFor(cacheFolder: string): string {
  return path.join(cacheFolder, 'listing.saved');
}

/**
 * Saves `listing` of the archive whose real path is `root` to `file` when its folder times can stand for it,
 * and removes what `file` held otherwise (an older listing must not outlive a walk that could not be saved).
 * Never throws: a listing not saved costs the next command a walk.
 */
export async function saveListing(file: string, root: string, listing: ArchiveListing, plan: ShardPlan | null = null): Promise<void> {
  const times = listing.folderTimes ?? null;
  try {
    if (times === null) {
      await rm(file, { force: true });
      return;
    }
    const { files } = listing;
    // Loops, not `Float64Array.from(files, ...)`, which took 20-40 ms at 50x BBC through the iterator protocol.
    const sizes = new Float64Array(files.length);
    const mtimes = new Float64Array(files.length);
    for (let i = 0; i < files.length; i += 1) {
      const f = files[i] as ArchiveFile;
      sizes[i] = f.size;
      mtimes[i] = f.mtimeMs;
    }
    const saved: SavedListing = {
      root,
      plan,
      walkedAtMs: times.walkedAtMs,
      folders: times.paths.join('\0'),
      folderMtimes: Float64Array.from(times.mtimes),
      folderCtimes: Float64Array.from(times.ctimes),
      paths: files.map((f) => f.path).join('\0'),
      sizes,
      mtimes,
    };
    const payload = v8.serialize(saved);
    const header = JSON.stringify({ format, version, v8: process.versions.v8, bytes: payload.length, crc32: crc32(payload) });
    // Not flushed to the disk first: a listing cut by a crash fails its checksum, and costs a walk.
    await writeFileAtomic(file, [`${header}\n`, payload], { sync: false });
  } catch {
    await rm(file, { force: true }).catch(() => undefined);
  }
}

/**
 * The listing saved in `file` for the archive whose real path is `root`, when every folder it read still has
 * the times it had then (and had them a while before: see `coarseTimeMs`): what a walk would list now, but for
 * files written over in place. Null when there is none, it is damaged or of another archive, or a folder
 * changed. Never throws.
 */
export async function readSavedListing(file: string, root: string): Promise<SavedListingRead | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return null;
  }
  const saved = parseSaved(bytes);
  if (saved === null || saved.root !== root || !foldersUnchanged(saved)) return null;
  const fsPathOf = pathsUnder(root);
  const files: ArchiveFile[] = new Array<ArchiveFile>(saved.paths.length);
  for (let i = 0; i < files.length; i += 1) {
    const rel = saved.paths[i] as string;
    files[i] = { path: rel, absolutePath: fsPathOf(rel), size: saved.sizes[i] as number, mtimeMs: saved.mtimes[i] as number };
  }
  const folderTimes: FolderTimes = { walkedAtMs: saved.walkedAtMs, paths: saved.folders, mtimes: [...saved.folderMtimes], ctimes: [...saved.folderCtimes] };
  return { listing: { files, problems: [], folders: saved.folders.map(fsPathOf), folderTimes }, plan: saved.plan };
}

/** The path under `root` of a path relative to it, joined as the walk joins them (archive/walk-archive.ts `listFolder`). */
function pathsUnder(root: string): (rel: string) => string {
  const { sep } = path;
  const prefix = root.endsWith(sep) ? root : `${root}${sep}`;
  return (rel) => (rel === '' ? root : `${prefix}${sep === '/' ? rel : rel.split('/').join(sep)}`);
}

/** Whether every folder of `saved` is still a folder with the times it had, those well before the walk. */
function foldersUnchanged(saved: ListingColumns): boolean {
  const fsPathOf = pathsUnder(saved.root);
  const trustedBefore = saved.walkedAtMs - coarseTimeMs;
  for (let i = 0; i < saved.folders.length; i += 1) {
    const rel = saved.folders[i] as string;
    const mtime = saved.folderMtimes[i] as number;
    const ctime = saved.folderCtimes[i] as number;
    // Only the modification time need be that old: a change time follows a chmod (rare), and any `utimes`.
    if (mtime >= trustedBefore) return false;
    const info = lstatSync(fsPathOf(rel), { throwIfNoEntry: false });
    if (info === undefined || !info.isDirectory() || info.mtimeMs !== mtime || info.ctimeMs !== ctime) return false;
  }
  return true;
}

/**
 * The listing `bytes` hold when they are one this code saved, whole, and sound: columns of one length, paths
 * relative and sorted, each file in a folder listed, the archive's own folder first. Null otherwise.
 */
function parseSaved(bytes: Buffer): ListingColumns | null {
  const newline = bytes.indexOf(0x0a);
  if (newline <= 0 || newline > 1024) return null;
  let header: { format?: unknown; version?: unknown; v8?: unknown; bytes?: unknown; crc32?: unknown };
  try {
    header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as typeof header;
  } catch {
    return null;
  }
  const payload = bytes.subarray(newline + 1);
  if (header.format !== format || header.version !== version || header.v8 !== process.versions.v8) return null;
  if (header.bytes !== payload.length || header.crc32 !== crc32(payload)) return null;
  let value: unknown;
  try {
    value = v8.deserialize(payload);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<SavedListing>;
  if (typeof v.folders !== 'string' || typeof v.paths !== 'string') return null;
  // No file: one empty path, which `isSound` refuses.
  const columns = { ...v, folders: v.folders.split('\0'), paths: v.paths === '' ? [] : v.paths.split('\0') };
  return isSound(columns) ? columns : null;
}

function isSound(value: Partial<ListingColumns>): value is ListingColumns {
  const { root, plan, walkedAtMs, folders, folderMtimes, folderCtimes, paths, sizes, mtimes } = value;
  if (typeof root !== 'string' || !path.isAbsolute(root) || typeof walkedAtMs !== 'number' || !Number.isFinite(walkedAtMs)) return false;
  if (plan !== null && !isPlan(plan)) return false;
  if (!Array.isArray(folders) || !(folderMtimes instanceof Float64Array) || !(folderCtimes instanceof Float64Array)) return false;
  if (folders.length === 0 || folders[0] !== '' || folderMtimes.length !== folders.length || folderCtimes.length !== folders.length) return false;
  if (!Array.isArray(paths) || !(sizes instanceof Float64Array) || !(mtimes instanceof Float64Array) || sizes.length !== paths.length || mtimes.length !== paths.length) return false;
  const known = new Set<string>();
  for (let i = 0; i < folders.length; i += 1) {
    const rel = folders[i];
    if (typeof rel !== 'string' || (i > 0 && !isRelativePath(rel)) || known.has(rel)) return false;
    known.add(rel);
  }
  let previous = '';
  for (let i = 0; i < paths.length; i += 1) {
    const rel = paths[i];
    if (typeof rel !== 'string' || !isRelativePath(rel) || (i > 0 && rel <= previous)) return false;
    const slash = rel.lastIndexOf('/');
    if (!known.has(slash === -1 ? '' : rel.slice(0, slash))) return false;
    previous = rel;
  }
  return true;
}

function isPlan(value: unknown): value is ShardPlan {
  if (typeof value !== 'object' || value === null) return false;
  const { key, fingerprints } = value as Partial<ShardPlan>;
  return typeof key === 'string' && Array.isArray(fingerprints) && fingerprints.every((f) => typeof f === 'string');
}

/** A name that is empty, `.` or `..`, or a NUL: what no path the walk gives holds. */
const notAName = /(?:^|\/)\.{0,2}(?:\/|$)|\0/;

/** A path the walk gives: names joined by `/`, none empty, `.` or `..`, none holding NUL (or `\` on Windows). */
function isRelativePath(rel: string): boolean {
  return !notAName.test(rel) && !(path.sep === '\\' && rel.includes('\\'));
}

/**
 * Whether a file that one of `articlePaths` (articles' paths: a file's, or an entry's inside a `.zip`) was read
 * from differs from `listing` now: written over in place (another size or modification time), or gone. What
 * folder times cannot tell, checked for the few files an answer shows. Never throws.
 */
export function changedInPlace(listing: ArchiveListing, articlePaths: readonly string[]): boolean {
  for (const articlePath of new Set(articlePaths)) {
    const file = listedFileOf(listing.files, articlePath);
    if (file === undefined) return true;
    let info;
    try {
      info = lstatSync(typeof file.absolutePath === 'string' ? file.absolutePath : Buffer.from(file.absolutePath), { throwIfNoEntry: false });
    } catch {
      return true;
    }
    if (info === undefined || !info.isFile() || info.size !== file.size || info.mtimeMs !== file.mtimeMs) return true;
  }
  return false;
}

/** The file of `files` (sorted by path, as a walk gives them) an article at `articlePath` was read from. */
function listedFileOf(files: readonly ArchiveFile[], articlePath: string): ArchiveFile | undefined {
  for (let at = articlePath; ; ) {
    const found = files[lowerBound(files.length, (i) => (files[i] as ArchiveFile).path < at)];
    if (found?.path === at) return found;
    const slash = at.lastIndexOf('/');
    if (slash === -1) return undefined;
    at = at.slice(0, slash);
  }
}
