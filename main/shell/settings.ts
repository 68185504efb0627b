// What the app remembers between launches (`settings.json` in the user-data folder): the archive open last
// and the recently opened ones. Read tolerantly (a missing or damaged file means the defaults), written
// atomically (a temporary file renamed over the old one), so a crash never leaves half a file.

import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { maxRecentArchives, normalizeRecentArchives } from './recent-archives.js';

/** The file's name inside `app.getPath('userData')`. */
export const settingsFileName = 'settings.json';

export interface Settings {
  /** Absolute path of the archive opened last (by menu, Open Recent, drop or `--archive`), or null. */
  archive: string | null;
  /** Recently opened archives, absolute paths, most recent first, at most `maxRecentArchives`. */
  recent: string[];
}

/** Longest path accepted from the file; anything longer is not a path this app wrote. */
const maxPathLength = 4096;

/** The settings of a first launch. */
export function defaultSettings(): Settings {
  return { archive: null, recent: [] };
}

/**
 * Reads settings from the file's text. Never throws: text that is not JSON, or not an object, gives the
 * defaults; fields of the wrong type are dropped one by one (a bad `recent` entry does not lose `archive`).
 * Only absolute paths are kept; the recent list is de-duplicated and capped.
 * @example
 * parseSettings('{"archive":"/data/news","recent":["/data/news",42]}'); // { archive: '/data/news', recent: ['/data/news'] }
 * parseSettings('{ truncated');                                        // { archive: null, recent: [] }
 */
export function parseSettings(text: string): Settings {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return defaultSettings();
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return defaultSettings();
  const fields = data as Record<string, unknown>;
  const archive = Object.hasOwn(fields, 'archive') && isAbsolutePath(fields['archive']) ? fields['archive'] : null;
  const recent = Object.hasOwn(fields, 'recent') && Array.isArray(fields['recent']) ? fields['recent'].filter(isAbsolutePath) : [];
  return { archive, recent: normalizeRecentArchives(recent).slice(0, maxRecentArchives) };
}

/** The file's text for `settings`: pretty JSON with exactly the two fields, and a final newline. */
export function serializeSettings(settings: Settings): string {
  return `${JSON.stringify({ archive: settings.archive, recent: settings.recent }, null, 2)}\n`;
}

/** Reads `file`; a missing, unreadable or damaged file gives the defaults (the next save overwrites it). */
export async function readSettings(file: string): Promise<Settings> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return defaultSettings();
  }
  return parseSettings(text);
}

/**
 * Writes `settings` to `file` atomically: into a temporary file beside it, flushed to disk, then renamed
 * over `file`. On failure the temporary file is removed and the error thrown; `file` is then unchanged.
 */
export async function writeSettings(file: string, settings: Settings): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(temporary, 'w', 0o600);
    try {
      await handle.writeFile(serializeSettings(settings), 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

function isAbsolutePath(value: unknown): value is string {
  return typeof value === 'string' && value.length <= maxPathLength && !value.includes('\0') && path.isAbsolute(value);
}
