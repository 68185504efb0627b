// The core's facade: opens an archive (from the cache when it is current, else by building the index in a
// worker thread), answers searches, article views and quote lists, and follows changes to the folder.

import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ArticleView, LibraryStatus, QuotesReply, SearchReply, SearchSort } from '../contract/api.js';
import { watch, type FSWatcher } from 'chokidar';
import { isSkippedName, walkArchive, type ArchiveListing } from './archive/walk-archive.js';
import { ArchiveError } from './errors.js';
import {
  assembleLibrary,
  buildLibraryData,
  isCurrent,
  type BuildProgress,
  type FileRecord,
  type LibraryData,
} from './index/build-library-data.js';
import { loadIndexes } from './index/configure-lunr.js';
import { cacheFileFor, fingerprintArchive, readCache, writeCache } from './index/index-cache.js';
import type { IndexWorkerInput } from './index/index-worker.js';
import type { Article, ImportProblem, Quote } from './model.js';
import { findQuotes, searchArchive, viewArticle, type SearchData } from './search/search-archive.js';

export interface OpenLibraryOptions {
  archiveDir: string;
  /** Root folder for index caches; each archive gets its own subfolder. */
  cacheDir: string;
  /** The bundled `index-worker.cjs`; without it the index is built in this thread (tests). */
  workerScript?: string;
  onProgress?: (progress: BuildProgress) => void;
  /** Called with things the user should know that do not stop the archive opening (a damaged cache). */
  onNotice?: (message: string) => void;
  /** Aborting stops a build under way (its worker is terminated); the open then rejects. */
  signal?: AbortSignal;
}

/** An open archive, ready to search. */
export interface Library {
  readonly archiveDir: string;
  readonly articleCount: number;
  readonly quoteCount: number;
  /** Exact duplicates set aside: each file's path and the path of the first copy. */
  readonly duplicates: readonly { path: string; duplicateOf: string }[];
  readonly problems: readonly ImportProblem[];
  readonly cache: 'built' | 'loaded';
  /** What the library was built from; an update reuses the records of unchanged files. */
  readonly data: LibraryData;
  /** @throws QueryError for a malformed query. */
  search(query: string, options?: { limit?: number; sort?: SearchSort }): SearchReply;
  article(id: string, query?: string): ArticleView;
  quotes(options?: { query?: string; speaker?: string; limit?: number }): QuotesReply;
}

/** An archive being opened and followed: its status at any moment, and the current library once ready. */
export interface LibrarySession {
  status(): LibraryStatus;
  /** The library as it is now (after any live updates); waits for the first build. */
  ready(): Promise<Library>;
  /** Stops watching, and indexing if it is still under way; the library stays usable if it was ready. */
  close(): Promise<void>;
}

export interface StartLibraryOptions extends OpenLibraryOptions {
  /** Follow the folder: files added, changed or removed are searchable within seconds. */
  watch?: boolean;
  /** Quiet time after the last change before the archive is re-read, in ms (default 500). */
  watchDelayMs?: number;
}

/**
 * Opens `archiveDir`.
 * @example
 * const library = await openLibrary({ archiveDir: 'content', cacheDir: '/tmp/verbatim-cache' });
 * library.search('Putin Trump Alaska').hits[0]?.title;
 */
export async function openLibrary(options: OpenLibraryOptions): Promise<Library> {
  const archiveDir = await resolveArchive(options.archiveDir);
  const listing = await walkArchive(archiveDir);
  const fingerprint = fingerprintArchive(listing.files);
  const cacheFile = cacheFileFor(options.cacheDir, archiveDir);

  const cached = await readCache(cacheFile, fingerprint);
  if ('data' in cached) {
    try {
      return createLibrary(archiveDir, cached.data, 'loaded');
    } catch (error) {
      options.onNotice?.(`The index cache could not be loaded and is rebuilt (${String(error)}).`);
    }
  } else if (cached.reason === 'damaged') {
    options.onNotice?.(`The index cache at ${cacheFile} was damaged (${cached.detail}) and is rebuilt.`);
  }
  return buildAndSave(archiveDir, listing, options, []);
}

async function buildAndSave(
  archiveDir: string,
  listing: ArchiveListing,
  options: OpenLibraryOptions,
  previous: readonly FileRecord[],
): Promise<Library> {
  const input = { files: listing.files, problems: listing.problems, previous: [...previous] };
  const data = options.workerScript
    ? await buildInWorker(options.workerScript, input, options.onProgress, options.signal)
    : await buildLibraryData(input.files, input.problems, options.onProgress, input.previous);
  const library = createLibrary(archiveDir, data, 'built');
  try {
    await writeCache(cacheFileFor(options.cacheDir, archiveDir), fingerprintArchive(listing.files), data);
  } catch (error) {
    options.onNotice?.(`The index cache could not be saved (${error instanceof Error ? error.message : String(error)}); the next start rebuilds it.`);
  }
  return library;
}

/** True when `listing` differs from what `data` was built from (a file added, removed or changed). */
function hasChanged(data: LibraryData, listing: ArchiveListing): boolean {
  if (data.files.length !== listing.files.length) return true;
  if (JSON.stringify(data.walkProblems) !== JSON.stringify(listing.problems)) return true;
  return listing.files.some((file, i) => {
    const record = data.files[i];
    return record === undefined || record.path !== file.path || !isCurrent(record, file);
  });
}

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
    problems: [],
    duplicates: 0,
    cache: null,
    error: null,
    generation: 0,
    watching: false,
    updating: false,
  };
  const abort = new AbortController();
  const onProgress = (p: BuildProgress): void => {
    status.progress = { ...p };
    options.onProgress?.(p);
  };
  let current: Library | null = null;
  let watcher: FSWatcher | null = null;
  let timer: NodeJS.Timeout | null = null;
  let updating: Promise<void> | null = null;
  let again = false;

  const show = (library: Library): void => {
    current = library;
    Object.assign(status, {
      state: 'ready',
      progress: { done: status.progress.total, total: status.progress.total },
      articles: library.articleCount,
      quotes: library.quoteCount,
      problems: [...library.problems],
      duplicates: library.duplicates.length,
      cache: library.cache,
      error: null,
    });
  };

  /** Re-reads what changed; runs one at a time, and once more if changes came in meanwhile. */
  const update = (): void => {
    if (updating !== null) {
      again = true;
      return;
    }
    updating = (async () => {
      const before = current;
      if (before === null) return;
      const resolved = await resolveArchive(archiveDir);
      const listing = await walkArchive(resolved);
      if (!hasChanged(before.data, listing)) return;
      status.updating = true;
      status.progress = { done: 0, total: listing.files.length };
      show(await buildAndSave(resolved, listing, { ...options, onProgress, signal: abort.signal }, before.data.files));
      status.generation += 1;
    })()
      .catch((error: unknown) => {
        if (!abort.signal.aborted) options.onNotice?.(`The archive could not be re-read after a change: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        status.updating = false;
        updating = null;
        if (again && !abort.signal.aborted) {
          again = false;
          update();
        }
      });
  };

  const startWatching = (): void => {
    if (options.watch !== true || abort.signal.aborted) return;
    const delay = options.watchDelayMs ?? 500;
    watcher = watch(archiveDir, {
      ignoreInitial: true,
      ignored: (file: string) => file !== archiveDir && isSkippedName(path.basename(file)),
    });
    watcher.on('all', () => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        update();
      }, delay);
    });
    watcher.on('error', (error: unknown) => options.onNotice?.(`Watching the archive failed: ${String(error)}`));
    watcher.once('ready', () => {
      if (abort.signal.aborted) return;
      status.watching = true;
      // Anything that changed between the first walk and the watcher's start is caught by one check.
      update();
    });
  };

  const first = openLibrary({ ...options, signal: abort.signal, onProgress }).then(
    (library) => {
      show(library);
      startWatching();
      return library;
    },
    (error: unknown) => {
      status.state = 'failed';
      status.error = error instanceof Error ? error.message : String(error);
      throw error;
    },
  );
  // A failure is reported through status() and each ready() caller; this keeps it from being "unhandled".
  first.catch(() => undefined);
  return {
    status: () => structuredClone(status),
    ready: () => first.then((library) => current ?? library),
    close: async () => {
      abort.abort();
      if (timer !== null) clearTimeout(timer);
      status.watching = false;
      await watcher?.close();
      await Promise.allSettled([first, updating]);
    },
  };
}

async function resolveArchive(archiveDir: string): Promise<string> {
  let resolved: string;
  try {
    resolved = await realpath(archiveDir);
  } catch {
    throw new ArchiveError(`the archive folder ${archiveDir} does not exist`);
  }
  if (!(await stat(resolved)).isDirectory()) throw new ArchiveError(`the archive ${archiveDir} is not a folder`);
  return resolved;
}

function createLibrary(archiveDir: string, data: LibraryData, cache: 'built' | 'loaded'): Library {
  const assembled = assembleLibrary(data);
  const articles = new Map<string, Article>(assembled.articles.map((a) => [a.id, a]));
  const quotesByArticle = new Map<string, Quote[]>();
  for (const quote of assembled.quotes) {
    const list = quotesByArticle.get(quote.articleId);
    if (list) list.push(quote);
    else quotesByArticle.set(quote.articleId, [quote]);
  }
  const copiesByPath = new Map<string, string[]>();
  for (const [copy, original] of assembled.duplicates) copiesByPath.set(original, [...(copiesByPath.get(original) ?? []), copy]);
  const searchData: SearchData = { indexes: loadIndexes(data.indexes), articles, quotesByArticle, copiesByPath };
  return {
    archiveDir,
    articleCount: articles.size,
    quoteCount: assembled.quotes.length,
    duplicates: [...assembled.duplicates].map(([copy, original]) => ({ path: copy, duplicateOf: original })),
    problems: assembled.problems,
    cache,
    data,
    search: (query, options) => searchArchive(searchData, query, options),
    article: (id, query) => viewArticle(searchData, id, query),
    quotes: (options) => findQuotes(searchData, options),
  };
}

type WorkerMessage =
  | ({ type: 'progress' } & BuildProgress)
  | { type: 'done'; data: LibraryData }
  | { type: 'error'; message: string };

/** Builds in a worker thread with a heap cap, so an out-of-memory ends the worker, not the app. */
function buildInWorker(
  workerScript: string,
  input: IndexWorkerInput,
  onProgress?: (progress: BuildProgress) => void,
  signal?: AbortSignal,
): Promise<LibraryData> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new Error('indexing was stopped'));
      return;
    }
    const worker = new Worker(workerScript, { workerData: input, resourceLimits: { maxOldGenerationSizeMb: 8192 } });
    let settled = false;
    signal?.addEventListener('abort', () => {
      if (settled) return;
      settled = true;
      reject(new Error('indexing was stopped'));
      void worker.terminate();
    });
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress?.({ done: message.done, total: message.total });
      else {
        settled = true;
        if (message.type === 'done') resolve(message.data);
        else reject(new Error(`indexing failed: ${message.message}`));
        void worker.terminate();
      }
    });
    worker.on('error', (error) => {
      settled = true;
      reject(new Error(`indexing failed: ${error.message}`));
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`indexing stopped unexpectedly (worker exit code ${code})`));
    });
  });
}
