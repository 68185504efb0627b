// The core's facade: opens an archive (from the cache when it is current, else by building the index in a
// worker thread), then answers searches, article views and quote lists.

import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ArticleView, LibraryStatus, QuotesReply, SearchReply } from '../contract/api.js';
import { walkArchive } from './archive/walk-archive.js';
import { ArchiveError } from './errors.js';
import { buildLibraryData, type BuildProgress, type LibraryData } from './index/build-library-data.js';
import { loadIndex } from './index/configure-lunr.js';
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
  /** Called when a cache was found damaged and set aside, with the reason. */
  onNotice?: (message: string) => void;
  /** Aborting stops a build under way (its worker is terminated); the open then rejects. */
  signal?: AbortSignal;
}

/** An open archive, ready to search. */
export interface Library {
  readonly archiveDir: string;
  readonly articleCount: number;
  readonly quoteCount: number;
  readonly problems: readonly ImportProblem[];
  readonly cache: 'built' | 'loaded';
  search(query: string, options?: { limit?: number }): SearchReply;
  article(id: string, query?: string): ArticleView;
  quotes(options?: { query?: string; speaker?: string; limit?: number }): QuotesReply;
}

/** An archive being opened: its status at any moment, and the library once ready. */
export interface LibrarySession {
  status(): LibraryStatus;
  ready(): Promise<Library>;
  /** Stops indexing if it is still under way (at quit); the library stays usable if it was ready. */
  close(): Promise<void>;
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

  const data = options.workerScript
    ? await buildInWorker(options.workerScript, { files: listing.files, problems: listing.problems }, options.onProgress, options.signal)
    : await buildLibraryData(listing.files, listing.problems, options.onProgress);
  const library = createLibrary(archiveDir, data, 'built');
  try {
    await writeCache(cacheFile, fingerprint, data);
  } catch (error) {
    options.onNotice?.(`The index cache could not be saved (${error instanceof Error ? error.message : String(error)}); the next start rebuilds it.`);
  }
  return library;
}

/** Starts opening `options.archiveDir` and returns at once; `status()` reports progress meanwhile. */
export function startLibrary(options: OpenLibraryOptions): LibrarySession {
  const archiveDir = path.resolve(options.archiveDir);
  const status: LibraryStatus = {
    archiveDir,
    archiveName: path.basename(archiveDir),
    state: 'indexing',
    progress: { done: 0, total: 0 },
    articles: 0,
    quotes: 0,
    problems: [],
    cache: null,
    error: null,
  };
  const abort = new AbortController();
  const ready = openLibrary({
    ...options,
    signal: abort.signal,
    onProgress: (p) => {
      status.progress = { ...p };
      options.onProgress?.(p);
    },
  }).then(
    (library) => {
      Object.assign(status, {
        state: 'ready',
        progress: { done: status.progress.total, total: status.progress.total },
        articles: library.articleCount,
        quotes: library.quoteCount,
        problems: [...library.problems],
        cache: library.cache,
      });
      return library;
    },
    (error: unknown) => {
      status.state = 'failed';
      status.error = error instanceof Error ? error.message : String(error);
      throw error;
    },
  );
  // A failure is reported through status() and each ready() caller; this keeps it from being "unhandled".
  ready.catch(() => undefined);
  return {
    status: () => structuredClone(status),
    ready: () => ready,
    close: async () => {
      abort.abort();
      await ready.then(
        () => undefined,
        () => undefined,
      );
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
  const articles = new Map<string, Article>(data.articles.map((a) => [a.id, a]));
  const quotesByArticle = new Map<string, Quote[]>();
  for (const quote of data.quotes) {
    const list = quotesByArticle.get(quote.articleId);
    if (list) list.push(quote);
    else quotesByArticle.set(quote.articleId, [quote]);
  }
  const searchData: SearchData = { index: loadIndex(data.index), articles, quotesByArticle };
  return {
    archiveDir,
    articleCount: articles.size,
    quoteCount: data.quotes.length,
    problems: data.problems,
    cache,
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
