// One open archive at a time, switchable: the IPC handlers are built once over `session`, an object that
// forwards to whichever archive's library session is current, and opening another archive closes the old
// session, starts the new one and records it in the settings (current archive and recent list).

import path from 'node:path';
import type { LibrarySession, StartLibraryOptions } from '../core/library.js';
import { isDirectory as isDirectoryOnDisk } from './is-directory.js';
import { addRecentArchive, removeRecentArchive } from './recent-archives.js';
import { writeSettings, type Settings } from './settings.js';

export interface LibrarySwitcherOptions {
  startLibrary: (options: StartLibraryOptions) => LibrarySession;
  /** What every session is started with besides its folder: the cache folder, the worker, watching. */
  libraryOptions: Omit<StartLibraryOptions, 'archiveDir'>;
  /** The archive to open first, and whether to record it (see `chooseStartupArchive`). */
  first: { archiveDir: string; record: boolean };
  /** The settings as read at start; the switcher keeps them up to date and saves every change. */
  settings: Settings;
  settingsFile: string;
  /** Called after the archive or the recent list changed (to retitle the window and rebuild the menu). */
  onChange?: () => void;
  isDirectory?: (dir: string) => Promise<boolean>;
  /** Where failures that do not stop the app go (a settings file that cannot be written). */
  log?: (message: string) => void;
}

/** What `open` did: switched, found the folder already open (it moves to the top of the recent list), or found no folder. */
export type OpenOutcome = 'opened' | 'already-open' | 'missing';

export interface LibrarySwitcher {
  /** Forwards `status`, `ready` and `close` to the current archive's session; build the API handlers on it. */
  readonly session: LibrarySession;
  /** The current archive folder (absolute). */
  readonly archiveDir: string;
  /** The recent archives, most recent first (missing folders included: see `existingRecentArchives`). */
  readonly recent: readonly string[];
  /**
   * Opens `archiveDir` in place of the current archive and records it. Calls run one after another, in the
   * order made. A folder that does not exist (or is a file) is not opened and leaves the recent list.
   */
  open(archiveDir: string): Promise<OpenOutcome>;
  /** Empties the recent list (the current archive stays open and remembered). */
  clearRecent(): Promise<void>;
  /** Resolves once every settings change made so far is on disk (or has failed and been logged). */
  saved(): Promise<void>;
}

/**
 * Starts the first archive's session and returns the switcher around it.
 * @example
 * const switcher = createLibrarySwitcher({ startLibrary, libraryOptions: { cacheDir }, first, settings, settingsFile });
 * registerApiIpc(ipcMain, createApiHandlers(switcher.session));
 * await switcher.open('/data/news'); // the same handlers now answer from /data/news
 */
export function createLibrarySwitcher(options: LibrarySwitcherOptions): LibrarySwitcher {
  const isDirectory = options.isDirectory ?? isDirectoryOnDisk;
  const log = options.log ?? ((message: string) => console.error(message));
  let settings: Settings = { archive: options.settings.archive, recent: [...options.settings.recent] };
  let currentDir = path.resolve(options.first.archiveDir);
  let current = options.startLibrary({ ...options.libraryOptions, archiveDir: currentDir });
  /** Sessions switched away from whose `close()` has not finished yet. */
  const closing = new Set<Promise<void>>();
  let queue: Promise<unknown> = Promise.resolve();
  let saving: Promise<void> = Promise.resolve();

  const save = (): void => {
    const snapshot: Settings = { archive: settings.archive, recent: [...settings.recent] };
    saving = saving.then(() =>
      writeSettings(options.settingsFile, snapshot).catch((error: unknown) =>
        log(`Verbatim could not save its settings to ${options.settingsFile}: ${error instanceof Error ? error.message : String(error)}`),
      ),
    );
  };

  const record = (archiveDir: string): void => {
    settings = { archive: archiveDir, recent: addRecentArchive(settings.recent, archiveDir) };
    save();
  };

  const closeQuietly = (session: LibrarySession): void => {
    const closed = session
      .close()
      .catch((error: unknown) => log(`Verbatim could not close the previous archive: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => closing.delete(closed));
    closing.add(closed);
  };

  /** Runs `work` after every earlier call has finished, so two quick opens end with the later one. */
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  if (options.first.record) record(currentDir);

  const session: LibrarySession = {
    status: () => current.status(),
    ready: () => current.ready(),
    close: async () => {
      await Promise.all([current.close(), ...closing]);
    },
  };

  return {
    session,
    get archiveDir() {
      return currentDir;
    },
    get recent() {
      return settings.recent;
    },
    open: (archiveDir) =>
      serially(async () => {
        const target = path.resolve(archiveDir);
        if (!(await isDirectory(target))) {
          const recent = removeRecentArchive(settings.recent, target);
          if (recent.length !== settings.recent.length) {
            settings = { ...settings, recent };
            save();
            options.onChange?.();
          }
          return 'missing';
        }
        record(target);
        // Opening the open archive again only retries it when it failed (e.g. it was unreadable).
        if (target === currentDir && current.status().state !== 'failed') {
          options.onChange?.();
          return 'already-open';
        }
        const previous = current;
        current = options.startLibrary({ ...options.libraryOptions, archiveDir: target });
        currentDir = target;
        closeQuietly(previous);
        options.onChange?.();
        return 'opened';
      }),
    clearRecent: () =>
      serially(async () => {
        settings = { ...settings, recent: [] };
        save();
        options.onChange?.();
      }),
    saved: () => saving,
  };
}
