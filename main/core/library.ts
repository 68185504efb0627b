// The core's facade: opens an archive and keeps it searchable. The archive is split into shards by path;
// engines in worker threads (see engineCount) load each shard from its cache, or read and index it, in
// parallel; searches go to every engine and their answers are merged here. The folder can be followed:
// changed files are re-read and only their shards rebuilt.

import { readdir, realpath, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { ArticleView, FacetValue, Facets, LibraryStatus, QuoteHit, QuotesReply, SearchReply, SearchSort } from '../contract/api.js';
import { compareProblems } from './archive/compare-problems.js';
import { isSkippedName, walkArchive, type ArchiveFile, type ArchiveListing } from './archive/walk-archive.js';
import { EnginePool, requestTimeoutMs } from './engine/engine-pool.js';
import type { QuotesReady, ShardSpec, ShardSummary } from './engine/shard-engine.js';
import { ArchiveError, NotFoundError } from './errors.js';
import type { BuildProgress } from './index/build-library-data.js';
import { cacheFolderFor, fingerprintArchive } from './index/index-cache.js';
import type { ImportProblem, QuoteKind } from './model.js';
import { parseQuery } from './search/parse-query.js';
import { compareForSort, countsToValues, defaultQuotesLimit, defaultSearchLimit, facetSize, speakerArticles } from './search/search-archive.js';

export interface OpenLibraryOptions {
  archiveDir: string;
  /** Root folder for index caches; each archive gets its own subfolder. */
  cacheDir: string;
  /** The bundled `index-worker.cjs`; without it one engine runs in this thread (tests). */
  workerScript?: string;
  /** Engine threads (default: `engineCount('search')`). */
  engines?: number;
  onProgress?: (progress: BuildProgress) => void;
  /** Called with things the user should know that do not stop the archive opening (a damaged cache). */
  onNotice?: (message: string) => void;
}

/** An open archive, ready to search. Call `close()` to end its engine threads. */
export interface Library {
  readonly archiveDir: string;
  readonly articleCount: number;
  /** Quotes found so far: of the shards whose quotes are all extracted (see `quotesPending`). */
  readonly quoteCount: number;
  /**
   * True after a fresh build until every quote is extracted (in the background: the archive is searchable
   * before; the quotes of the results shown are found at once, and speaker filters and the quote list
   * wait for the rest).
   */
  readonly quotesPending: boolean;
  /** Resolves when `quotesPending` is false (at once when it is), or the library is closed. */
  quotesReady(): Promise<void>;
  /** Exact duplicates set aside: each file's path and the path of the first copy. */
  readonly duplicates: readonly { path: string; duplicateOf: string }[];
  readonly problems: readonly ImportProblem[];
  /** `loaded` when every shard came from the cache. */
  readonly cache: 'built' | 'loaded';
  /** @throws QueryError for a malformed query. */
  search(query: string, options?: { limit?: number; sort?: SearchSort }): Promise<SearchReply>;
  /** @throws NotFoundError for an unknown id. */
  article(id: string, query?: string): Promise<ArticleView>;
  /** Lists quotes; waits for `quotesReady()` first. */
  quotes(options?: { query?: string; speaker?: string; kinds?: QuoteKind[]; limit?: number }): Promise<QuotesReply>;
  /**
   * Ends the engines once their caches are written; unless `finishQuotes` is false, after extracting the
   * quotes still pending (a command's last act), otherwise leaving them for the next open (a window closing).
   */
  close(options?: { finishQuotes?: boolean }): Promise<void>;
}

/** An archive being opened and followed: its status at any moment, and the library once ready. */
export interface LibrarySession {
  status(): LibraryStatus;
  /** The library; waits for the first open. It stays the same object across live updates. */
  ready(): Promise<Library>;
  /** Stops watching and ends the engines. */
  close(): Promise<void>;
}

export interface StartLibraryOptions extends OpenLibraryOptions {
  /** Follow the folder: files added, changed or removed are searchable within seconds. */
  watch?: boolean;
  /** Quiet time after the last change before the archive is re-read, in ms (default 500). */
  watchDelayMs?: number;
}

/** Files per shard: small enough that no shard's cache nears V8's string limit, large enough to be few. */
export const filesPerShard = 8000;

/**
 * How many engine threads to run. Building is fastest on every core, but searching is faster with one core
 * left to the main thread and to V8's compiler and garbage-collector threads: on 2 cores, at 10x BBC, the
 * searches right after a warm open took twice as long with two engines as with one (p95 28-35 ms against
 * 12-15 ms; each engine's code warms up on its own, and both compete with V8's threads), while opening was
 * 1.3-1.4x faster with two. So an archive kept open to be searched (the app, `verbatim serve`) runs one
 * engine per core but one, and commands that open, answer once and exit (`verbatim index`, `search`,
 * `quotes`) as many as `shardUnits`: two on 2 cores, one per core but one on more.
 */
export function engineCount(use: 'search' | 'once', cores = os.availableParallelism()): number {
  return use === 'once' ? Math.min(Math.max(1, cores), shardUnits(cores)) : Math.max(1, cores - 1);
}

/**
 * Shards come in multiples of this: every engine of the app (one per core but one) and of a command (two
 * on 2 cores) gets the same share, and both find the same cache files.
 */
export function shardUnits(cores = os.availableParallelism()): number {
  return Math.max(2, cores - 1);
}

/** How many shards an archive of `fileCount` files is split into: a multiple of `units` (see shardUnits). */
export function shardCountFor(fileCount: number, units: number): number {
  return units * Math.max(1, Math.ceil(fileCount / filesPerShard / units));
}

/**
 * The shard of a file: a stable hash of its path (32-bit FNV-1a), so adding files never moves others.
 * Not a cryptographic hash: SHA-1 per path cost the main thread 40 ms at 21,000 files (issue 6's stall).
 */
export function shardOf(filePath: string, shardCount: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < filePath.length; i += 1) {
    hash ^= filePath.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shardCount;
}

/**
 * Opens `archiveDir`.
 * @example
 * const library = await openLibrary({ archiveDir: 'content', cacheDir: '/tmp/verbatim-cache' });
 * (await library.search('Putin Trump Alaska')).hits[0]?.title;
 * await library.close();
 */
export async function openLibrary(options: OpenLibraryOptions): Promise<Library> {
  return (await openArchive(options)).library;
}

interface OpenArchive {
  library: Library;
  /** Re-walks the folder and re-opens the shards whose files changed; true when anything changed. */
  refresh(onProgress: (p: BuildProgress) => void): Promise<boolean>;
}

async function openArchive(options: OpenLibraryOptions): Promise<OpenArchive> {
  const archiveDir = await resolveArchive(options.archiveDir);
  const cacheFolder = cacheFolderFor(options.cacheDir, archiveDir);
  const engines = options.workerScript ? (options.engines ?? engineCount('search')) : 1;
  // In this thread (tests), one shard unless the archive is large.
  const units = options.workerScript ? shardUnits() : 1;
  let progress = { done: 0, total: 0 };
  let report = options.onProgress ?? (() => undefined);
  // Quotes extracted in the background, by shard, until their summary is there to take them (see applyQuotes).
  const readyQuotes = new Map<number, QuotesReady>();
  let applyQuotes = (): void => undefined;
  const pool = new EnginePool({
    workerScript: options.workerScript,
    count: engines,
    onFilesRead: (count) => {
      progress = { done: Math.min(progress.total, progress.done + count), total: progress.total };
      report(progress);
    },
    onNotice: (message) => options.onNotice?.(message),
    onQuotesReady: (ready) => {
      readyQuotes.set(ready.shard, ready);
      applyQuotes();
    },
  });

  // Start the engine threads (loading their code takes a while) while this thread walks the folder.
  const warming = pool.broadcast({ type: 'hide', ids: [] }).catch(() => undefined);
  let listing: ArchiveListing;
  try {
    [listing] = await Promise.all([walkArchive(archiveDir), warming]);
  } catch (error) {
    await pool.close({ finishQuotes: false });
    throw error;
  }
  let shardCount = shardCountFor(listing.files.length, units);
  let specs = await planShards(listing, shardCount, cacheFolder);
  const summaries = new Map<number, ShardSummary>();
  let state = await deduplicate([]);

  const notice = (list: readonly ShardSummary[]): void => {
    for (const s of list) for (const n of s.notices) options.onNotice?.(n);
  };
  // While duplicates are found (which yields to the event loop), quotes that come in wait: counted into the
  // state being replaced, they would be lost.
  let settling = false;
  const settle = async (): Promise<void> => {
    settling = true;
    try {
      state = await deduplicate([...summaries.values()]);
    } finally {
      settling = false;
    }
    applyQuotes();
    await pool.broadcast({ type: 'hide', ids: state.hiddenIds });
  };
  let quotesWaiting: (() => void)[] = [];
  const quotesPending = (): boolean => [...summaries.values()].some((s) => s.quotesPending);
  const wakeQuotesWaiting = (): void => {
    for (const resolve of quotesWaiting) resolve();
    quotesWaiting = [];
  };
  applyQuotes = () => {
    if (settling) return;
    for (const [shard, ready] of readyQuotes) {
      const summary = summaries.get(shard);
      if (summary === undefined) continue; // Its open is not answered yet.
      readyQuotes.delete(shard);
      if (!summary.quotesPending) continue; // Rebuilt by an engine restart: the counts are known.
      summary.quoteCounts = ready.quoteCounts;
      summary.quotesPending = false;
      state.quoteCount += countQuotes(summary, state.hidden);
    }
    if (!quotesPending()) wakeQuotesWaiting();
  };

  try {
    progress = { done: 0, total: listing.files.length };
    report(progress);
    // One request per shard: each engine opens its shards in turn, and each answer is one shard's summary
    // (one message for all of an engine's shards took the main thread 50 ms to receive at 50x).
    // Posting a shard's file list copies it (8 ms for 8,000 files): the main thread yields between shards.
    const opening: Promise<ShardSummary[]>[] = [];
    for (const spec of specs) {
      const reply = pool.engineFor(spec.shard).request({ type: 'open', shards: [spec] }) as Promise<ShardSummary[]>;
      reply.catch(() => undefined); // Handled below, by Promise.all; this keeps an early failure from being "unhandled".
      opening.push(reply);
      await yieldToEventLoop();
    }
    const opened = await Promise.all(opening);
    for (const summary of opened.flat()) summaries.set(summary.shard, summary);
    notice(opened.flat());
    await settle();
    await removeStaleCaches(cacheFolder, specs);
  } catch (error) {
    await pool.close({ finishQuotes: false });
    throw error;
  }
  const cache: 'built' | 'loaded' = [...summaries.values()].every((s) => s.cache === 'loaded') ? 'loaded' : 'built';

  const library: Library = {
    archiveDir,
    get articleCount() {
      return state.articleCount;
    },
    get quoteCount() {
      return state.quoteCount;
    },
    get quotesPending() {
      return quotesPending();
    },
    quotesReady: () => (quotesPending() ? new Promise<void>((resolve) => quotesWaiting.push(resolve)) : Promise.resolve()),
    get duplicates() {
      return state.duplicates;
    },
    get problems() {
      return state.problems;
    },
    cache,
    async search(query, searchOptions = {}) {
      const started = performance.now();
      const limit = searchOptions.limit ?? defaultSearchLimit;
      const sort = searchOptions.sort ?? 'relevance';
      // A speaker filter or `in:quotes` reads every article's quotes: not inside one request, which has
      // a time limit, while the engines are still extracting them.
      if (quotesPending() && needsAllQuotes(query)) await library.quotesReady();
      // Each engine counts the speakers of its share of the best articles: the same in all, whatever their number.
      const share = Math.ceil(speakerArticles / pool.engines.length);
      const replies = await pool.broadcast<SearchReply>({ type: 'search', query, limit, sort, speakerArticles: share }, requestTimeoutMs);
      return { ...mergeSearch(replies, limit, sort), query, tookMs: Math.round((performance.now() - started) * 10) / 10 };
    },
    async article(id, query) {
      const views = await pool.broadcast<ArticleView | null>({ type: 'article', id, ...(query === undefined ? {} : { query }) }, requestTimeoutMs);
      const view = views.find((v): v is ArticleView => v !== null);
      if (!view) throw new NotFoundError(`no article with id "${id.slice(0, 40)}" in this archive`);
      return { ...view, copies: state.copies.get(view.article.path) ?? [] };
    },
    async quotes(quoteOptions = {}) {
      await library.quotesReady();
      const limit = quoteOptions.limit ?? defaultQuotesLimit;
      const replies = await pool.broadcast<QuotesReply>({ type: 'quotes', ...quoteOptions, limit }, requestTimeoutMs);
      const quotes = replies.flatMap((r) => r.quotes).sort(byNewestThenPath);
      return { total: replies.reduce((n, r) => n + r.total, 0), quotes: quotes.slice(0, limit) };
    },
    close: async (closeOptions = {}) => {
      await pool.close({ finishQuotes: closeOptions.finishQuotes !== false });
      // No engine is left to say when the quotes are done.
      wakeQuotesWaiting();
    },
  };

  const refresh = async (onProgress: (p: BuildProgress) => void): Promise<boolean> => {
    const next = await walkArchive(archiveDir);
    const nextCount = shardCountFor(next.files.length, units);
    const nextSpecs = await planShards(next, nextCount, cacheFolder);
    const changed =
      nextCount !== shardCount ? nextSpecs : nextSpecs.filter((spec) => spec.fingerprint !== specs[spec.shard]?.fingerprint || JSON.stringify(spec.walkProblems) !== JSON.stringify(specs[spec.shard]?.walkProblems));
    if (changed.length === 0) return false;
    report = onProgress;
    const known = new Map(specs.flatMap((spec) => spec.files).map((f) => [f.path, f]));
    const toRead = changed.flatMap((spec) => spec.files).filter((f) => {
      const old = known.get(f.path);
      return nextCount !== shardCount || old === undefined || old.size !== f.size || Math.round(old.mtimeMs) !== Math.round(f.mtimeMs);
    });
    progress = { done: 0, total: toRead.length };
    report(progress);
    if (nextCount !== shardCount) {
      for (const old of specs) await pool.engineFor(old.shard).request({ type: 'close', shard: old.shard });
      summaries.clear();
    }
    try {
      const updated = await Promise.all(changed.map((spec) => pool.engineFor(spec.shard).request({ type: 'update', shard: spec }) as Promise<ShardSummary>));
      for (const summary of updated) summaries.set(summary.shard, summary);
      notice(updated);
      shardCount = nextCount;
      specs = nextSpecs;
      await settle();
    } finally {
      // Waiters on shards that are gone, or done, hear of it even when the update failed.
      applyQuotes();
    }
    await removeStaleCaches(cacheFolder, specs);
    return true;
  };
  return { library, refresh };
}

/**
 * Splits the listing into shards; walk problems go with shard 0 so they are reported once. Yields to the
 * event loop between shards: fingerprinting 100,000 files at once would stall the main thread.
 */
async function planShards(listing: ArchiveListing, shardCount: number, cacheFolder: string): Promise<ShardSpec[]> {
  const files: ArchiveFile[][] = Array.from({ length: shardCount }, () => []);
  for (const file of listing.files) files[shardOf(file.path, shardCount)]?.push(file);
  const specs: ShardSpec[] = [];
  for (const [shard, shardFiles] of files.entries()) {
    if (shard > 0) await yieldToEventLoop();
    const walkProblems = shard === 0 ? listing.problems : [];
    specs.push({
      shard,
      files: shardFiles,
      walkProblems,
      cacheFile: path.join(cacheFolder, `shard-${shard}-of-${shardCount}.cache`),
      fingerprint: fingerprintArchive(shardFiles, `${shard}/${shardCount}\n${JSON.stringify(walkProblems)}`),
    });
  }
  return specs;
}

/** Deletes cache files of shard layouts no longer in use (the archive grew past a shard boundary), and the JSON caches of earlier versions. */
async function removeStaleCaches(cacheFolder: string, specs: readonly ShardSpec[]): Promise<void> {
  const keep = new Set(specs.map((s) => path.basename(s.cacheFile)));
  let names: string[];
  try {
    names = await readdir(cacheFolder);
  } catch {
    return;
  }
  await Promise.all(names.filter((n) => /\.(cache|json)$/.test(n) && !keep.has(n)).map((n) => rm(path.join(cacheFolder, n), { force: true })));
}

/** Lets the event loop run: long loops over a large archive yield between shards. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Finds exact duplicates across all shards: of articles with the same headline and text, the first in path
 * order is kept and the others are hidden. One pass with a map from digest to the article's place in flat
 * lists (no object per article: at 50x there are 106,000), yielding between shards: sorting 100,000
 * articles by path at once stalled the main thread.
 */
async function deduplicate(summaries: readonly ShardSummary[]) {
  const ids: string[] = [];
  const paths: string[] = [];
  const digests: string[] = [];
  /** Each article's place in its shard's list, which keeps the articles of one file in order. */
  const orders: number[] = [];
  const first = new Map<string, number>();
  const later: number[] = [];
  const byPathThenOrder = (a: number, b: number): number => {
    const pa = paths[a] ?? '';
    const pb = paths[b] ?? '';
    return pa < pb ? -1 : pa > pb ? 1 : (orders[a] ?? 0) - (orders[b] ?? 0);
  };
  for (const summary of summaries) {
    summary.ids.forEach((id, order) => {
      const at = ids.length;
      const digest = summary.digests[order] ?? '';
      ids.push(id);
      paths.push(summary.paths[order] ?? '');
      digests.push(digest);
      orders.push(order);
      const seen = first.get(digest);
      if (seen === undefined) first.set(digest, at);
      else if (byPathThenOrder(at, seen) < 0) {
        later.push(seen);
        first.set(digest, at);
      } else later.push(at);
    });
    await yieldToEventLoop();
  }
  later.sort(byPathThenOrder);
  const hiddenIds = later.map((at) => ids[at] ?? '');
  const duplicates: { path: string; duplicateOf: string }[] = [];
  const copies = new Map<string, string[]>();
  for (const at of later) {
    const original = paths[first.get(digests[at] ?? '') ?? -1] ?? '';
    const copy = paths[at] ?? '';
    duplicates.push({ path: copy, duplicateOf: original });
    copies.set(original, [...(copies.get(original) ?? []), copy]);
  }
  const hidden = new Set(hiddenIds);
  let quoteCount = 0;
  for (const summary of summaries) {
    quoteCount += countQuotes(summary, hidden);
    await yieldToEventLoop();
  }
  const problems = summaries.flatMap((s) => s.problems).sort(compareProblems);
  return { hiddenIds, hidden, duplicates, copies, articleCount: ids.length - hiddenIds.length, quoteCount, problems };
}

/** The quotes of a shard's articles that are not hidden duplicates. */
function countQuotes(summary: ShardSummary, hidden: ReadonlySet<string>): number {
  let count = 0;
  summary.ids.forEach((id, i) => {
    if (!hidden.has(id)) count += summary.quoteCounts[i] ?? 0;
  });
  return count;
}

/** Merges the engines' answers: strict matches win over partial ones; facet counts add up. */
function mergeSearch(replies: readonly SearchReply[], limit: number, sort: SearchSort): Omit<SearchReply, 'query' | 'tookMs'> {
  const strict = replies.filter((r) => !r.partial && r.total > 0);
  const used = strict.length > 0 ? strict : replies.filter((r) => r.partial);
  const hits = used.flatMap((r) => r.hits).sort(compareForSort(sort)).slice(0, limit);
  const addUp = (pick: (f: Facets, reply: SearchReply) => FacetValue[]): FacetValue[] => {
    const counts = new Map<string, number>();
    for (const reply of used) for (const { value, count } of pick(reply.facets, reply)) counts.set(value, (counts.get(value) ?? 0) + count);
    return countsToValues(counts, facetSize);
  };
  return {
    total: used.reduce((n, r) => n + r.total, 0),
    partial: strict.length === 0 && used.some((r) => r.total > 0),
    notices: replies[0]?.notices ?? [],
    facets: { source: addUp((f) => f.source), year: addUp((f) => f.year), language: addUp((f) => f.language) },
    speakers: addUp((_f, reply) => reply.speakers),
    hits,
  };
}

/** Whether a search reads the quotes of every article: a speaker filter, or `in:quotes`. */
function needsAllQuotes(query: string): boolean {
  const parsed = parseQuery(query);
  return parsed.scope === 'quotes' || parsed.filters.some((f) => f.kind === 'speaker');
}

function byNewestThenPath(a: QuoteHit, b: QuoteHit): number {
  const da = a.date ?? '';
  const db = b.date ?? '';
  if (da !== db) return da < db ? 1 : -1;
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return a.start - b.start;
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
  let watcher: FSWatcher | null = null;
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

  const opening = openArchive({ ...options, onProgress });

  /** Re-reads what changed; one update at a time, and once more if changes came in meanwhile. */
  const update = (): void => {
    if (updating !== null) {
      again = true;
      return;
    }
    updating = (async () => {
      const archive = await opening;
      status.updating = true;
      if (await archive.refresh(onProgress)) {
        show(archive.library);
        status.generation += 1;
      }
    })()
      .catch((error: unknown) => {
        if (!closed) options.onNotice?.(`The archive could not be re-read after a change: ${error instanceof Error ? error.message : String(error)}`);
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

  const startWatching = (): void => {
    if (options.watch !== true || closed) return;
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
      if (closed) return;
      status.watching = true;
      // Anything that changed between the first walk and the watcher's start is caught by one check.
      update();
    });
  };

  const first = opening.then(
    (archive) => {
      status.cache = archive.library.cache;
      show(archive.library);
      startWatching();
      return archive.library;
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
      await watcher?.close();
      await Promise.allSettled([updating]);
      const library = await first.catch(() => null);
      // A window closing does not wait for quotes still being extracted: the next open finishes them.
      await library?.close({ finishQuotes: false });
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
