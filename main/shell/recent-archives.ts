// The recent-archives list behind File > Open Recent: most recent first, no duplicates, at most ten.

import path from 'node:path';

/** How many archives Open Recent offers. */
export const maxRecentArchives = 10;

/**
 * The list after opening `archiveDir`: it moves to the front (or is added there), and the list is cut to
 * `max` entries.
 * @example
 * addRecentArchive(['/a', '/b'], '/b'); // ['/b', '/a']
 */
export function addRecentArchive(recent: readonly string[], archiveDir: string, max = maxRecentArchives): string[] {
  const added = path.resolve(archiveDir);
  return normalizeRecentArchives([added, ...recent]).slice(0, max);
}

/** The list without `archiveDir` (for a folder found missing when chosen). */
export function removeRecentArchive(recent: readonly string[], archiveDir: string): string[] {
  const removed = path.resolve(archiveDir);
  return recent.filter((dir) => path.resolve(dir) !== removed);
}

/** Resolves each path (`/a/b/` and `/a/b` are one folder) and keeps the first of each, in order. */
export function normalizeRecentArchives(recent: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const dir of recent) {
    const resolved = path.resolve(dir);
    if (seen.has(resolved)) continue;
    seen.add(resolved);
    result.push(resolved);
  }
  return result;
}

/**
 * The entries to show in the menu: those that are still folders, in order, at most `max`. Missing ones stay
 * in the settings (an unplugged drive comes back) but are not offered.
 */
export async function existingRecentArchives(
  recent: readonly string[],
  isDirectory: (dir: string) => Promise<boolean>,
  max = maxRecentArchives,
): Promise<string[]> {
  const exists = await Promise.all(recent.map((dir) => isDirectory(dir).catch(() => false)));
  return recent.filter((_dir, i) => exists[i] === true).slice(0, max);
}
