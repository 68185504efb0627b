// Lists an archive's article files: recursive, with lstat and a visited set (symlink loops), hidden
// files skipped, nothing ever written.

import { lstatSync, type Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ImportProblem } from '../model.js';

/** A file found in the archive, with what the cache fingerprint needs. */
export interface ArchiveFile {
  /** Relative to the archive, `/`-separated. */
  path: string;
  absolutePath: string;
  size: number;
  mtimeMs: number;
}

export interface ArchiveListing {
  files: ArchiveFile[];
  problems: ImportProblem[];
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

/**
 * Walks `archiveDir` and returns its files sorted by path. Unreadable folders and symlink loops become
 * problems; the walk goes on.
 */
export async function walkArchive(archiveDir: string): Promise<ArchiveListing> {
  const files: ArchiveFile[] = [];
  const problems: ImportProblem[] = [];
  const visited = new Set<string>();
  const root = await realpath(archiveDir);
  visited.add(root);
  let sinceYield = 0;

  async function visit(dir: string, rel: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ path: rel || '.', reason: `the folder cannot be read (${describeFsError(error)})` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (isSkippedName(entry.name)) continue;
      const absolutePath = path.join(dir, entry.name);
      let info: Stats | { error: unknown };
      try {
        info = lstatSync(absolutePath);
      } catch (error) {
        info = { error };
      }
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      // Plain files, nearly every entry, without a promise each.
      if (!('error' in info) && info.isFile()) files.push({ path: relPath, absolutePath, size: info.size, mtimeMs: info.mtimeMs });
      else await visitEntry(absolutePath, relPath, info);
      sinceYield += 1;
      if (sinceYield >= statsPerYield) {
        sinceYield = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }

  async function visitEntry(absolutePath: string, relPath: string, stated: Stats | { error: unknown }): Promise<void> {
    try {
      if ('error' in stated) throw stated.error;
      let info = stated;
      if (info.isSymbolicLink()) {
        const target = await realpath(absolutePath);
        info = await stat(target);
        if (info.isDirectory()) {
          if (visited.has(target)) {
            problems.push({ path: relPath, reason: 'skipped: the link points back into a folder already read (a loop)' });
            return;
          }
          visited.add(target);
          await visit(target, relPath);
          return;
        }
      } else if (info.isDirectory()) {
        visited.add(absolutePath);
        await visit(absolutePath, relPath);
        return;
      }
      if (info.isFile()) files.push({ path: relPath, absolutePath, size: info.size, mtimeMs: info.mtimeMs });
    } catch (error) {
      problems.push({ path: relPath, reason: `the file cannot be read (${describeFsError(error)})` });
    }
  }

  await visit(root, '');
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, problems };
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
