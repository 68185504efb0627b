// Following an archive: `startLibrary` opens it in the background, reports its status meanwhile, and when
// asked to watch, re-reads the folder a moment after files change.

import path from 'node:path';
import type { LibraryStatus } from '../../contract/api.js';
import type { BuildProgress } from '../index/build-library-data.js';
import type { Library, LibrarySession, StartLibraryOptions } from '../library.js';
import { isSkippedName } from '../archive/walk-archive.js';
import { openArchive, type OpenArchive } from './open-archive.js';
import { FolderWatcher } from './watch-folders.js';

/** Starts opening `options.archiveDir` and returns at once; `status()` reports progress meanwhile. */
export function startLibrary(options: StartLibraryOptions): LibrarySession {
  const archiveDir = path.resolve(options.archiveDir);
  const status: LibraryStatus = {
    archiveDir,
    archiveName: path.basename(archiveDir),
    state: 'indexing',
    progress: { done: 0, total: 0 },
    articles: 0,
    quotes: 0,
    quotesPending: false,
    problems: [],
    duplicates: 0,
    cache: null,
    error: null,
    generation: 0,
    watching: false,
    updating: false,
  };
  let closed = false;
  const onProgress = (p: BuildProgress): void => {
    status.progress = { ...p };
    options.onProgress?.(p);
  };
  let timer: NodeJS.Timeout | null = null;
  let updating: Promise<void> | null = null;
  let again = false;

  let shown: Library | null = null;
  const show = (library: Library): void => {
    shown = library;
    Object.assign(status, {
      state: 'ready',
      progress: { done: status.progress.total, total: status.progress.total },
      articles: library.articleCount,
      quotes: library.quoteCount,
      problems: [...library.problems],
      duplicates: library.duplicates.length,
      error: null,
    });
  };

  // Watching starts with the open's walk, each folder just before it is listed: a change made after that is
  // seen (and re-read once the archive is open), and no second walk of the whole archive is needed after the
  // open to catch up. At 50x BBC that walk kept the main thread busy for 1.4 s under the first searches (issue 19).
  const scheduleUpdate = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      update();
    }, options.watchDelayMs ?? 500);
  };
  const watcher =
    options.watch === true
      ? new FolderWatcher(
          scheduleUpdate,
          (error: unknown) => options.onNotice?.(`Watching the archive failed: ${error instanceof Error ? error.message : String(error)}`),
          isSkippedName,
        )
      : null;
  const opening = openArchive({ ...options, onProgress, ...(watcher === null ? {} : { watchFolder: (folder: string | Buffer) => watcher.add(folder) }) });

  /** Re-reads what changed; one update at a time, and once more if changes came in meanwhile. */
  const update = (): void => {
    if (updating !== null) {
      again = true;
      return;
    }
    updating = (async () => {
      const archive = await opening;
      status.updating = true;
      const changed = await archive.refresh(onProgress);
      // Folders added or removed: watched, or no longer.
      watcher?.watch(archive.folders());
      if (changed) {
        show(archive.library);
        status.generation += 1;
      }
    })()
      .catch((error: unknown) => {
        // An open that failed is reported as such (`status().error`), not as a failed re-read.
        if (!closed && status.state !== 'failed') options.onNotice?.(`The archive could not be re-read after a change: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        status.updating = false;
        updating = null;
        if (again && !closed) {
          again = false;
          update();
        }
      });
  };

  const startWatching = (archive: OpenArchive): void => {
    if (watcher === null || closed) return;
    // The folders the open walked, watched since it listed them.
    watcher.watch(archive.folders());
    status.watching = true;
    // On macOS a folder's watch (FSEvents) starts a moment after it is asked for: a change made in that moment
    // would go unseen, so the archive is checked once more. Linux (inotify) and Windows start theirs at once.
    if (process.platform === 'darwin') update();
  };

  const first = opening.then(
    (archive) => {
      status.cache = archive.library.cache;
      show(archive.library);
      startWatching(archive);
      return archive.library;
    },
    (error: unknown) => {
      // Nothing to follow: the watches the walk started end here.
      if (timer !== null) clearTimeout(timer);
      timer = null;
      watcher?.close();
      status.state = 'failed';
      status.error = error instanceof Error ? error.message : String(error);
      throw error;
    },
  );
  // A failure is reported through status() and each ready() caller; this keeps it from being "unhandled".
  first.catch(() => undefined);
  return {
    status: () => {
      // Quotes extracted in the background after a build come in without any other change.
      if (shown !== null) Object.assign(status, { quotes: shown.quoteCount, quotesPending: shown.quotesPending });
      return structuredClone(status);
    },
    ready: () => first,
    close: async () => {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      status.watching = false;
      watcher?.close();
      await Promise.allSettled([updating]);
      const library = await first.catch(() => null);
      // A window closing does not wait for quotes still being extracted: the next open finishes them.
      await library?.close({ finishQuotes: false });
    },
  };
}
