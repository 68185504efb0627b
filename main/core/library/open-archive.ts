// An archive open in its engines: the shards planned from the folder, what the engines answered of them,
// the duplicates set aside, the quotes still being extracted, and the `Library` that searches it all.
// `refresh` re-walks the folder and re-opens only the shards whose files changed. The user's corrections
// are read before the shards open and given to every engine, so every answer and count is corrected.

import { realpath, stat } from 'node:fs/promises';
import type { ArticleView, PersonRequest, PersonView, QuotesReply, QuotesRequest, SearchReply, SpeakersReply, SpeakersRequest, VerifyReply, VerifyRequest } from '../../contract/api.js';
import { correctionsFileFor } from '../corrections/corrections-store.js';
import { claimWords } from '../verify/verify-claim.js';
import { mergeVerify } from './merge-verify.js';
import { walkArchive, type ArchiveListing, type FsPath } from '../archive/walk-archive.js';
import { walkInThread } from '../archive/walk-in-thread.js';
import { changedInPlace, readSavedListing, saveListing, savedListingFileFor, type ShardPlan } from '../archive/saved-listing.js';
import { EnginePool, requestTimeoutMs } from '../engine/engine-pool.js';
import { peopleFileFor } from '../engine/saved-people.js';
import { shingleFileFor } from '../verify/shingle-file.js';
import type { QuotesReady, ShardSpec, ShardSummary } from '../engine/shard-engine.js';
import { ArchiveError, NotFoundError } from '../errors.js';
import type { BuildProgress } from '../index/build-library-data.js';
import { cacheFolderFor, cachedBytesIn, cachedLayoutIn, currentCacheBytes, fingerprintArchive, type CachedLayout, readCacheSummary, removeStaleCaches } from '../index/index-cache.js';
import type { Library, OpenLibraryOptions, SearchOptions } from '../library.js';
import type { WorkerSettings } from '../engine/index-worker.js';
import { resultLimits } from '../result-limits.js';
import type { PeopleCorrections } from '../quotes/people/resolve-people.js';
import { parseQuery, type ParsedQuery } from '../search/parse-query.js';
import { speakerArticles } from '../search/search-archive.js';
import { ArchiveCorrections } from './archive-corrections.js';
import { assemblePerson, listSpeakers, loadSavedPeople, resolveArchivePeople, type ArchivePeople } from './archive-people.js';
import { countQuotes, deduplicate, noArticles, type Deduplicated } from './duplicates.js';
import { mergeQuotes, mergeSearch } from './merge-replies.js';
import { changedShards, engineCount, planShards, shardCountFor, shardUnits } from './shards.js';
import { yieldToEventLoop } from './yield-to-event-loop.js';

/**
 * The people being resolved: `given` once every engine has their ids (people saved for the shards as they
 * are, see `loadSavedPeople`, or resolved now); `applied()` with the people's list too; `listed()` as soon as
 * the list is known (the saved one, before the engines have the ids). `settled()` once all that was started ends.
 */
interface PeopleResolution {
  given: Promise<void>;
  applied: () => Promise<ArchivePeople>;
  listed: () => Promise<ArchivePeople>;
  settled: () => Promise<void>;
}

/** Opens `options.archiveDir` in its engines; on failure, the engines are ended before the error is thrown. */
export async function openArchive(options: OpenLibraryOptions): Promise<OpenArchive> {
  const archive = new OpenArchive(await resolveArchive(options.archiveDir), options);
  await archive.open();
  return archive;
}

/** What `indexArchive` tells of an archive: its counts, duplicates and problems, and whether it was built. */
export type IndexedArchive = Pick<Library, 'archiveDir' | 'articleCount' | 'quoteCount' | 'duplicates' | 'problems' | 'cache' | 'close'>;

/**
 * Brings `options.archiveDir`'s index up to date, quotes included (`verbatim index`). When nothing changed
 * since its caches were written (each current and complete, see `OpenArchive.summarize`), it is counted from
 * their summaries and no shard is opened; otherwise it is opened (built where needed) and its quotes are
 * extracted, and `close()` ends the engines once the caches are written.
 */
export async function indexArchive(options: OpenLibraryOptions): Promise<IndexedArchive> {
  const archive = new OpenArchive(await resolveArchive(options.archiveDir), options);
  const counted = await archive.summarize();
  if (counted !== null) {
    const { articleCount, quoteCount, duplicates, problems } = counted;
    // No engine to end: closing waits for the walk's listing to be saved (see `OpenArchive.plan`).
    return { archiveDir: archive.archiveDir, articleCount, quoteCount, duplicates, problems, cache: 'loaded', close: () => archive.listingSaved() };
  }
  await archive.open();
  await archive.library.quotesReady();
  return archive.library;
}

/** One open archive, for as long as it is open; its state lives here rather than in one long closure. */
export class OpenArchive {
  /** The archive's face to its callers; the same object for as long as the archive is open. */
  readonly library: Library;
  /** `loaded` when every shard came from the cache; set once, by `open`. */
  cache: 'built' | 'loaded' = 'built';
  /** The user's corrections, in the file next to the index cache (library/archive-corrections.ts). */
  readonly corrections: ArchiveCorrections;
  /** The engines; worker threads, or one in this thread (tests, and a one-shot command on a warm cache). */
  private pool: EnginePool;
  private readonly cacheFolder: string;
  /** Shards come in multiples of this (see shardUnits); in this thread (tests), one unless the archive is large. */
  private readonly units: number;
  private specs: ShardSpec[] = [];
  /** The folders of the last walk (see `folders`). */
  private walkedFolders: readonly FsPath[] = [];
  private readonly summaries = new Map<number, ShardSummary>();
  private deduplicated: Deduplicated = noArticles();
  private progress = { done: 0, total: 0 };
  private report: (progress: BuildProgress) => void;
  /** Quotes extracted in the background, by shard, until their summary is there to take them (see applyQuotes). */
  private readonly readyQuotes = new Map<number, QuotesReady>();
  /** True while duplicates are found (see settle). */
  private settling = false;
  private quotesWaiting: (() => void)[] = [];
  /** The notices told since the archive was opened or last updated (see tell). */
  private readonly told = new Set<string>();
  /**
   * The user's merges and splits of people (issue 16), applied at every resolution: whoever changes them
   * calls `refreshPeople()` after.
   */
  peopleCorrections: PeopleCorrections = { merges: [], splits: [] };
  /** The archive's people, resolved once every quote is known; null until asked for, and after a change. */
  private resolving: PeopleResolution | null = null;
  /** A resolution that was under way when the people went out of date: the next one starts after it. */
  private forgotten: Promise<void> | null = null;
  /** Quotes all in while opening (their shards' summaries not all known) or closing start no resolution. */
  private phase: 'opening' | 'open' | 'closing' = 'opening';
  /** The walk and shards of `summarize`, for the open that follows it. */
  private walked: { listing: ArchiveListing; specs: ShardSpec[] } | null = null;
  /** Where the archive's last listing is saved (archive/saved-listing.ts). */
  private readonly listingFile: string;
  /**
   * The saved listing a one-shot command opened with instead of a walk (see `open`), until a walk: the files
   * its answers show are stated, in case one was written over in place (see `fresh`).
   */
  private savedListing: ArchiveListing | null = null;
  /** The shard plan saved with `savedListing`. */
  private savedPlan: ShardPlan | null = null;
  /** The last walk's listing until it is planned, and then saved (see `plan`). */
  private walkedListing: ArchiveListing | null = null;
  /** The listings being saved, one after another (see `plan`). */
  private saving: Promise<void> = Promise.resolve();

  constructor(
    readonly archiveDir: string,
    private readonly options: OpenLibraryOptions,
  ) {
    this.cacheFolder = cacheFolderFor(options.cacheDir, archiveDir);
    this.listingFile = savedListingFileFor(this.cacheFolder);
    this.units = options.workerScript ? shardUnits() : 1;
    this.report = options.onProgress ?? (() => undefined);
    this.pool = this.createPool(options.workerScript, options.workerScript ? (options.engines ?? engineCount('search')) : 1);
    this.corrections = new ArchiveCorrections(correctionsFileFor(this.cacheFolder), {
      // A getter: a one-shot command on a warm cache swaps the pool for engines in this thread (see open).
      pool: () => this.pool,
      article: (id) => this.article(id),
      counted: (ready) => this.counted(ready),
      peopleChanged: (people, opening) => this.peopleChanged(people, opening),
      tell: (message) => this.tell(message),
    });
    this.library = createLibrary(this);
  }

  /** `count` engines: in worker threads running `workerScript`, or in this thread without it. */
  private createPool(workerScript: string | undefined, count: number): EnginePool {
    return new EnginePool({
      workerScript,
      // A one-shot command answers once: what engines prepare ahead of requests (every quote, the shingle index
      // of `verify`) would only delay it; at 10x BBC, the shingle index alone cost each worker 130 ms (issue 19).
      workerData: { warmAhead: this.options.inProcessWhenCached !== true } satisfies WorkerSettings,
      count,
      onFilesRead: (count) => {
        this.progress = { done: Math.min(this.progress.total, this.progress.done + count), total: this.progress.total };
        this.report(this.progress);
      },
      onNotice: (message) => this.tell(message),
      onQuotesReady: (ready) => {
        this.readyQuotes.set(ready.shard, ready);
        this.applyQuotes();
      },
      // A restarted engine has its quotes' ids no more: the next request that needs people resolves them again.
      onRestarted: () => {
        this.forgetPeople();
      },
    });
  }

  /** Walks the folder and opens every shard; on failure, ends the engines. */
  async open(): Promise<void> {
    try {
      if (this.options.inProcessWhenCached === true) {
        const layout = await cachedLayoutIn(this.cacheFolder);
        // A one-shot command trusts the last listing while the folders' times are those saved (archive/saved-listing.ts).
        const read = this.walked === null ? await readSavedListing(this.listingFile, this.archiveDir) : null;
        const saved = read?.listing ?? null;
        this.savedListing = saved;
        this.savedPlan = read?.plan ?? null;
        if (await this.openWhileWalking(layout, saved)) return this.opened();
        // More cache than one thread loads fast: the worker threads load their code and read the caches while
        // the folder is walked (130 ms each at 10x BBC to load, issue 19).
        const preloading = (await cachedBytesIn(this.cacheFolder)) > inThisThreadMaxBytes ? this.preloadInEngines(layout) : null;
        const { listing, specs } = await this.walkAndPlan(saved);
        // Every shard will load from its cache, and little of it: one answer is not worth starting worker threads for, each
        // loading its own copy of the code (issue 19). A cache damaged past its header is rebuilt here too.
        // As many engines as the workers would be, each with the same shards: hits of equal score and date
        // come in the same order, so a page asked of the next command continues this one's.
        const preloaded = preloading === null ? 0 : await preloading;
        if (loadsInThisThread(await Promise.all(specs.map((spec) => currentCacheBytes(spec.cacheFile, spec.fingerprint))))) {
          if (preloading !== null) await this.pool.close({ finishQuotes: false });
          this.pool = this.createPool(undefined, this.options.engines ?? engineCount('search'));
          // The corrections reach the engines before the shards: their quote counts are counted corrected.
          await this.corrections.load();
          await this.openShards(listing, specs);
        } else {
          // Engines that preloaded have them already.
          if (preloading === null) await this.corrections.load();
          await this.openShards(listing, specs, preloaded);
        }
      } else {
        // Start the engine threads (loading their code takes a while), and have them read the caches there, while
        // this thread walks the folder.
        const [{ listing, specs }, preloaded] = await Promise.all([this.walkAndPlan(), cachedLayoutIn(this.cacheFolder).then((layout) => this.preloadInEngines(layout))]);
        await this.openShards(listing, specs, preloaded);
      }
    } catch (error) {
      await this.pool.close({ finishQuotes: false });
      throw error;
    }
    this.opened();
  }

  /**
   * For a one-shot command (`inProcessWhenCached`) over caches that are one whole layout small enough to load
   * in this thread: this thread reads them into its engines while another walks the folder (`walkScript`),
   * unless the listing `saved` stands for a walk, and keeps them when the listing names the files they were
   * written for (issue 19: at 10x BBC the walk was 180 ms of a 1.2 s search, reading the caches 450 ms). True
   * when the archive is open; false, with nothing open and the listing kept for `open` to go on with, when a
   * cache is not there for the files listed (a file added, removed or changed, a damaged cache).
   */
  private async openWhileWalking(layout: CachedLayout | null, saved: ArchiveListing | null): Promise<boolean> {
    const { walkScript, watchFolder } = this.options;
    if (watchFolder !== undefined || layout === null || layout.bytes > inThisThreadMaxBytes) return false;
    const walked = this.walked;
    this.walked = null;
    let listing: Promise<ArchiveListing>;
    if (walked !== null) listing = Promise.resolve(walked.listing);
    else if (saved !== null) listing = Promise.resolve(saved);
    else if (walkScript !== undefined) listing = walkInThread(walkScript, this.archiveDir).then((found) => this.listed(found), () => this.walk());
    else {
      this.walked = walked;
      return false;
    }
    const workers = this.pool;
    // As many engines as `open` gives a warm cache in this thread (see there).
    this.pool = this.createPool(undefined, this.options.engines ?? engineCount('search'));
    // The corrections reach the engines before the shards: their quote counts are counted corrected.
    await this.corrections.load();
    const fingerprints: (string | null)[] = [];
    for (const [shard, cacheFile] of layout.files.entries()) fingerprints.push(await this.pool.engineFor(shard).request({ type: 'preload', shard, cacheFile }));
    const found = await listing;
    const specs = walked?.specs ?? (await this.plan(found));
    if (specs.length === layout.files.length && specs.every((spec, i) => spec.cacheFile === layout.files[i] && spec.fingerprint === fingerprints[i])) {
      await this.openShards(found, specs);
      return true;
    }
    await this.pool.close({ finishQuotes: false });
    this.pool = workers;
    this.walked = { listing: found, specs };
    return false;
  }

  /**
   * Starts the engines and has them read the caches of the archive's last `layout` (`cachedLayoutIn`) while this
   * thread walks the folder (`ShardEngine.preload`): `open` keeps each shard the walk names with the same cache
   * file and fingerprint, and opens the others as before (at 50x BBC, reading the caches took an engine
   * 0.7 s, the walk 0.8 s; issue 19). The corrections reach the engines first: quote counts are counted
   * corrected. Resolves, once the engines have read them (or failed to), with how many shards were preloaded.
   */
  private async preloadInEngines(layout: CachedLayout | null): Promise<number> {
    // Loading their code takes a while: every engine starts now, with or without caches to read.
    await this.pool.broadcast({ type: 'hide', ids: [] }).catch(() => undefined);
    await this.corrections.load();
    if (layout === null) return 0;
    const reading = layout.files.map((cacheFile, shard) => this.pool.engineFor(shard).request({ type: 'preload', shard, cacheFile }).catch(() => null));
    await Promise.all(reading);
    return layout.files.length;
  }

  /** What an open ends with, its shards open. */
  private opened(): void {
    this.cache = [...this.summaries.values()].every((s) => s.cache === 'loaded') ? 'loaded' : 'built';
    this.phase = 'open';
    // Quotes extracted while the shards were built are all in already: their people are new too. An archive
    // kept open (the app, `verbatim serve`) also reads its saved people now, not on the first request that
    // needs them: at 50x BBC the first search waited 1.5 s for them (issue 19). A one-shot command does not.
    if (this.cache === 'built' || this.options.inProcessWhenCached !== true) this.resolveAhead();
  }

  /** The archive's files and shards as they are now: those `summarize` found, when it ran, else `saved` or a walk's. */
  private async walkAndPlan(saved: ArchiveListing | null = null): Promise<{ listing: ArchiveListing; specs: ShardSpec[] }> {
    const walked = this.walked;
    this.walked = null;
    if (walked !== null) return walked;
    const listing = saved ?? (await this.walk());
    return { listing, specs: await this.plan(listing) };
  }

  /**
   * The archive counted from its caches' summaries (index/shard-summary.ts), without opening a shard: when
   * every shard's cache is there, current (its files' sizes and times as the walk found them), complete (every
   * quote extracted) and undamaged, and no correction removes a quote (counts are of corrected quotes). Null
   * otherwise; `open()` then uses this walk. The duplicates and counts are `deduplicate`'s, as an open's.
   */
  async summarize(): Promise<Deduplicated | null> {
    const { listing, specs } = await this.walkAndPlan();
    this.walked = { listing, specs };
    if ((await this.corrections.read()).some((c) => c.change.type === 'not-quote')) return null;
    const summaries: ShardSummary[] = [];
    for (const spec of specs) {
      const summary = await readCacheSummary(spec.cacheFile, spec.fingerprint);
      if (summary === null) return null;
      summaries.push({ shard: spec.shard, cache: 'loaded', ...summary, quotesPending: false, notices: [] });
    }
    this.walked = null;
    this.specs = specs;
    const counted = await deduplicate(summaries);
    await removeStaleCaches(this.cacheFolder, this.filesInUse());
    return counted;
  }

  /**
   * The shards of `listing`, their fingerprints those saved with it when it is the saved listing (and the
   * shard count and code the same). A walk's listing is then saved with them, for the next one-shot command
   * (or the older one removed: archive/saved-listing.ts), when this thread next has a moment, after the listings
   * before it (`close` waits for it): saving 111,250 files took 60 ms (50x BBC).
   */
  private async plan(listing: ArchiveListing): Promise<ShardSpec[]> {
    const count = shardCountFor(listing.files.length, this.units);
    // The shard count, and how this code fingerprints (the fingerprint of no file).
    const key = `${count} ${fingerprintArchive([])}`;
    const known = listing === this.savedListing && this.savedPlan?.key === key ? this.savedPlan.fingerprints : undefined;
    const specs = await planShards(listing, count, this.cacheFolder, known);
    if (listing === this.walkedListing) {
      this.walkedListing = null;
      const plan: ShardPlan = { key, fingerprints: specs.map((spec) => spec.fingerprint) };
      this.saving = this.saving.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(() => saveListing(this.listingFile, this.archiveDir, listing, plan));
    }
    return specs;
  }

  /** Opens `specs`; `preloaded`: how many shards the engines preloaded (those the specs do not name are closed). */
  private async openShards(listing: ArchiveListing, specs: ShardSpec[], preloaded = 0): Promise<void> {
    this.walkedFolders = listing.folders;
    this.specs = specs;
    this.progress = { done: 0, total: listing.files.length };
    this.report(this.progress);
    // One request per shard: each engine opens its shards in turn, and each answer is one shard's summary
    // (one message for all of an engine's shards took the main thread 50 ms to receive at 50x).
    // Posting a shard's file list copies it (8 ms for 8,000 files): the main thread yields between shards.
    const opening: Promise<ShardSummary[]>[] = [];
    for (const spec of this.specs) {
      const reply = this.pool.engineFor(spec.shard).request({ type: 'open', shards: [spec] });
      reply.catch(() => undefined); // Handled below, by Promise.all; this keeps an early failure from being "unhandled".
      opening.push(reply);
      await yieldToEventLoop();
    }
    const opened = (await Promise.all(opening)).flat();
    // A layout of more shards than the walk's (files removed since): the engines serve none of the rest.
    for (let shard = specs.length; shard < preloaded; shard += 1) await this.pool.engineFor(shard).request({ type: 'close', shard });
    for (const summary of opened) this.summaries.set(summary.shard, summary);
    this.notice(opened);
    await this.settle();
    await removeStaleCaches(this.cacheFolder, this.filesInUse());
  }

  /**
   * The archive's files as they are now, every one stated; each folder is shown to `watchFolder` before it is
   * listed. The listing is saved for the next one-shot command (see `listed`).
   */
  private async walk(): Promise<ArchiveListing> {
    const { watchFolder } = this.options;
    return this.listed(await walkArchive(this.archiveDir, watchFolder === undefined ? {} : { beforeList: watchFolder }));
  }

  /** `listing`, a walk's: saved once planned (see `plan`); the open no longer trusts a saved one. */
  private listed(listing: ArchiveListing): ArchiveListing {
    this.savedListing = null;
    this.walkedListing = listing;
    return listing;
  }

  /** Resolves once the listings of the walks so far are saved (or could not be: archive/saved-listing.ts). */
  listingSaved(): Promise<void> {
    return this.saving;
  }

  /** Every folder the last walk (the open's, or a refresh's) read: what a watcher of the archive watches. */
  folders(): readonly FsPath[] {
    return this.walkedFolders;
  }

  /** Re-walks the folder and re-opens the shards whose files changed; true when anything changed. */
  async refresh(onProgress: (progress: BuildProgress) => void): Promise<boolean> {
    const next = await this.walk();
    this.walkedFolders = next.folders;
    const nextSpecs = await this.plan(next);
    const changed = changedShards(this.specs, nextSpecs);
    if (changed.shards.length === 0) return false;
    this.told.clear();
    this.report = onProgress;
    this.progress = { done: 0, total: changed.filesToRead.length };
    this.report(this.progress);
    if (nextSpecs.length !== this.specs.length) {
      for (const old of this.specs) await this.pool.engineFor(old.shard).request({ type: 'close', shard: old.shard });
      this.summaries.clear();
    }
    try {
      const updated = await Promise.all(changed.shards.map((spec) => this.pool.engineFor(spec.shard).request({ type: 'update', shard: spec })));
      for (const summary of updated) this.summaries.set(summary.shard, summary);
      this.notice(updated);
      this.specs = nextSpecs;
      await this.settle();
      // The quotes changed: the next request that needs people resolves them again.
      this.forgetPeople();
    } finally {
      // Waiters on shards that are gone, or done, hear of it even when the update failed.
      this.applyQuotes();
    }
    await removeStaleCaches(this.cacheFolder, this.filesInUse());
    return true;
  }

  /** The cache folder's files in use: the shards' caches and shingles, the corrections and the people (stale clean-up keeps these). */
  private filesInUse(): string[] {
    return [...this.specs.flatMap((s) => [s.cacheFile, shingleFileFor(s.cacheFile)]), this.corrections.file, peopleFileFor(this.cacheFolder)];
  }

  /** Takes the engines' corrected quote counts (after a correction) and counts the archive's quotes again. */
  private counted(ready: readonly QuotesReady[]): void {
    for (const { shard, quoteCounts } of ready) {
      const summary = this.summaries.get(shard);
      if (summary !== undefined && !summary.quotesPending) summary.quoteCounts = quoteCounts;
    }
    // While duplicates are being found, `settle` counts the summaries as they are now.
    if (!this.settling) this.deduplicated.quoteCount = [...this.summaries.values()].reduce((n, s) => n + countQuotes(s, this.deduplicated.hidden), 0);
  }

  /**
   * The user's merges and splits changed, or a correction changed a quote's speaker: the people are resolved
   * again; while quotes are still being extracted (or the archive is opening), by the first request that needs them.
   */
  private async peopleChanged(people: PeopleCorrections, opening: boolean): Promise<void> {
    this.peopleCorrections = people;
    if (opening) return;
    const refreshing = this.refreshPeople();
    if (this.quotesPending()) refreshing.catch(() => undefined);
    else await refreshing;
  }

  /** The archive as it is now: duplicates set aside, articles and quotes counted. */
  get state(): Deduplicated {
    return this.deduplicated;
  }

  private notice(summaries: readonly ShardSummary[]): void {
    for (const s of summaries) for (const n of s.notices) this.tell(n);
  }

  /**
   * Passes `message` on unless it was told since the archive was opened or last updated: each shard, and
   * each of its writes, reports a cause shared by all (a cache folder that cannot be written), and the
   * user was told it three times (issue 14).
   */
  private tell(message: string): void {
    if (this.told.has(message)) return;
    this.told.add(message);
    this.options.onNotice?.(message);
  }

  /**
   * Finds the duplicates across the shards as they are now, and tells the engines to hide them. Quotes that
   * come in meanwhile (finding duplicates yields to the event loop) wait: counted into the state being
   * replaced, they would be lost.
   */
  private async settle(): Promise<void> {
    this.settling = true;
    try {
      this.deduplicated = await deduplicate([...this.summaries.values()]);
    } finally {
      this.settling = false;
    }
    this.applyQuotes();
    await this.pool.broadcast({ type: 'hide', ids: this.deduplicated.hiddenIds });
  }

  /** Counts the quotes of the shards that have them all now, and wakes `quotesReady()` when none is left. */
  private applyQuotes(): void {
    if (this.settling) return;
    for (const [shard, ready] of this.readyQuotes) {
      const summary = this.summaries.get(shard);
      if (summary === undefined) continue; // Its open is not answered yet.
      this.readyQuotes.delete(shard);
      if (!summary.quotesPending) continue; // Rebuilt by an engine restart: the counts are known.
      summary.quoteCounts = ready.quoteCounts;
      summary.quotesPending = false;
      this.deduplicated.quoteCount += countQuotes(summary, this.deduplicated.hidden);
    }
    if (this.quotesPending()) return;
    this.wakeQuotesWaiting();
    this.resolveAhead();
  }

  /**
   * Resolves (and saves, engine/saved-people.ts) the people once the last quote is in, not on the next
   * request: every search resolves them anyway once quotes are known, and the next open finds them saved.
   * Issue 16's target (`speakers` under 100 ms after a warm open at 10x) was missed on the first warm open
   * after a build. Not while opening (the shards' summaries are not all known) or closing.
   */
  private resolveAhead(): void {
    if (this.resolving === null && this.phase === 'open' && !this.quotesPending()) this.people().catch(() => undefined);
  }

  quotesPending(): boolean {
    return [...this.summaries.values()].some((s) => s.quotesPending);
  }

  quotesReady(): Promise<void> {
    return this.quotesPending() ? new Promise<void>((resolve) => this.quotesWaiting.push(resolve)) : Promise.resolve();
  }

  private wakeQuotesWaiting(): void {
    for (const resolve of this.quotesWaiting) resolve();
    this.quotesWaiting = [];
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchReply> {
    return this.fresh(
      () => this.searchOnce(query, options),
      (reply) => reply.hits.map((hit) => hit.path),
    );
  }

  /**
   * `answer()`, asked again after a walk (and the shards it finds changed opened again) when one of the files
   * it shows (`paths`) is no longer as the saved listing the archive was opened with says: written over in
   * place, which leaves its folder's times as they were (archive/saved-listing.ts).
   */
  private async fresh<T>(answer: () => Promise<T>, paths: (reply: T) => readonly string[]): Promise<T> {
    const reply = await answer();
    const saved = this.savedListing;
    if (saved === null || !changedInPlace(saved, paths(reply))) return reply;
    await this.refresh(this.report);
    return answer();
  }

  private async searchOnce(query: string, options: SearchOptions): Promise<SearchReply> {
    const started = performance.now();
    const limit = options.limit ?? resultLimits.search.default;
    const offset = options.offset ?? 0;
    const sort = options.sort ?? 'relevance';
    // A speaker filter or `in:quotes` reads every article's quotes: not inside one request, which has
    // a time limit, while the engines are still extracting them.
    if (this.quotesPending() && needsAllQuotes(query)) await this.quotesReady();
    // Once every quote is known, searches answer with people (ids in quotes, `speaker:` by person).
    if (!this.quotesPending() && (options.people !== false || findsSpeakers(parseQuery(query)))) await this.peopleGiven();
    // Each engine counts the speakers of its share of the best articles: the same in all, whatever their number.
    const share = options.speakers === false ? 0 : Math.ceil(speakerArticles / this.pool.engines.length);
    // Any engine may hold every hit of the page: each returns the first offset + limit, the merge skips the offset.
    const replies = await this.pool.broadcast({ type: 'search', query, limit: offset + limit, sort, speakerArticles: share, ...this.budget() }, requestTimeoutMs);
    return { ...mergeSearch(replies, { offset, limit }, sort), query, tookMs: Math.round((performance.now() - started) * 10) / 10 };
  }

  article(id: string, query?: string): Promise<ArticleView> {
    return this.fresh(
      () => this.articleOnce(id, query),
      (view) => [view.article.path],
    );
  }

  private async articleOnce(id: string, query?: string): Promise<ArticleView> {
    // As in search: once every quote is known, the article's quotes carry their people and clusters.
    if (!this.quotesPending()) await this.peopleGiven();
    const views = await this.pool.broadcast({ type: 'article', id, ...(query === undefined ? {} : { query }) }, requestTimeoutMs);
    const view = views.find((v) => v !== null);
    if (!view) throw new NotFoundError(`no article with id "${id.slice(0, 40)}" in this archive`);
    return { ...view, copies: this.deduplicated.copies.get(view.article.path) ?? [] };
  }

  quotes(options: QuotesRequest = {}): Promise<QuotesReply> {
    return this.fresh(
      () => this.quotesOnce(options),
      (reply) => reply.quotes.map((quote) => quote.path),
    );
  }

  private async quotesOnce(options: QuotesRequest): Promise<QuotesReply> {
    await this.peopleGiven();
    const { offset = 0, limit = resultLimits.quotes.default, ...filters } = options;
    // As in search: each engine lists the first offset + limit, the merge skips the offset.
    const replies = await this.pool.broadcast({ type: 'quotes', ...filters, limit: offset + limit, ...this.budget() }, requestTimeoutMs);
    return mergeQuotes(replies, { offset, limit });
  }

  verify(request: VerifyRequest): Promise<VerifyReply> {
    return this.fresh(
      () => this.verifyOnce(request),
      (reply) => [...reply.matches, ...reply.closest].map((match) => match.path),
    );
  }

  private async verifyOnce(request: VerifyRequest): Promise<VerifyReply> {
    const started = performance.now();
    // Refused here, once, before any engine works on it (too few or too many words).
    const words = claimWords(request.claim).length;
    const limit = request.limit ?? verifyLimits.default;
    const replies = await this.pool.broadcast({ type: 'verify', claim: request.claim, limit }, requestTimeoutMs);
    const merged = mergeVerify(request.claim, words, replies, { limit, ...(request.speaker === undefined ? {} : { speaker: request.speaker }) });
    return { ...merged, tookMs: Math.round((performance.now() - started) * 10) / 10 };
  }

  /** The query budget the library was opened with, for a request; none for the engines' default. */
  private budget(): { budgetMs?: number } {
    return this.options.queryBudgetMs === undefined ? {} : { budgetMs: this.options.queryBudgetMs };
  }

  /**
   * The archive's people: resolved once every quote is extracted, then kept until the archive changes or
   * `refreshPeople()` is called.
   */
  people(): Promise<ArchivePeople> {
    return this.startPeople().applied();
  }

  /** Resolves once every engine has the people's ids (searches, articles and quote lists need no more). */
  private peopleGiven(): Promise<void> {
    return this.startPeople().given;
  }

  /** Starts resolving the people when they are not known (see `PeopleResolution`). */
  private startPeople(): PeopleResolution {
    if (this.resolving === null) {
      // After a resolution still running ends: two at once would each refuse the other's lists in the engines.
      const before = this.forgotten ?? Promise.resolve();
      this.forgotten = null;
      const file = peopleFileFor(this.cacheFolder);
      const saved = before
        .then(() => this.quotesReady())
        .then(() => loadSavedPeople(this.pool.engines, this.peopleCorrections, file, requestTimeoutMs))
        .catch(() => null);
      // Whether every engine took the saved people's ids; null until known.
      let took: boolean | null = null;
      const taken = saved
        .then((found) => found?.applied ?? false)
        .catch(() => false)
        .then((ok) => (took = ok));
      let resolved: Promise<ArchivePeople> | null = null;
      // Started by `given`, or by `applied()` when the saved list is damaged. A request that reads this
      // resolution's list after it was forgotten may still start it: it resolves with the current corrections,
      // and an engine refuses the lists of whichever of two resolutions at once is older (both retry). Asking
      // the current resolution instead would wait for this one to settle, and so for itself.
      const resolve = (): Promise<ArchivePeople> => (resolved ??= resolveArchivePeople(this.pool.engines, this.peopleCorrections, file, requestTimeoutMs));
      let applied: Promise<ArchivePeople> | null = null;
      // A failed resolution (an engine restarting) is tried again by the next request.
      const forgetOnFailure = (error: unknown): never => {
        if (this.resolving === resolving) this.resolving = null;
        throw error;
      };
      const resolving: PeopleResolution = {
        given: taken.then((ok) => (ok ? undefined : resolve().then(() => undefined))).catch(forgetOnFailure),
        applied: () =>
          (applied ??= saved
            .then(async (found) => {
              // Read while the engines take the ids.
              const people = found?.people() ?? Promise.resolve(null);
              const list = (await taken) ? await people : null;
              // None saved, or an engine refused them, or the saved list is damaged: resolved now (and saved).
              return list ?? resolve();
            })
            .catch(forgetOnFailure)),
        listed: () =>
          saved.then(async (found) => {
            // The saved list, before the engines have the ids; once one refused them, the one resolved now.
            const list = found === null ? null : await found.people();
            return list !== null && took !== false ? list : resolving.applied();
          }),
        settled: () => Promise.allSettled([resolving.given, applied]).then(() => undefined),
      };
      resolving.given.catch(() => undefined);
      this.resolving = resolving;
    }
    return this.resolving;
  }

  /** Collects the quotes' speakers again and resolves them with `peopleCorrections` (after a correction changed them). */
  async refreshPeople(): Promise<void> {
    this.forgetPeople();
    await this.people();
  }

  /** The people are out of date: the next request resolves them again, once a resolution under way has ended. */
  private forgetPeople(): void {
    if (this.resolving !== null) this.forgotten = this.resolving.settled();
    this.resolving = null;
  }

  /** The people quoted in the archive, or in the articles matching `query`; most quoted first. */
  async speakers(request: SpeakersRequest = {}): Promise<SpeakersReply> {
    const query = request.query?.trim() ?? '';
    // The whole list needs no engine: it is answered as soon as the people are known.
    const people = await (query === '' ? this.startPeople().listed() : this.people());
    const counts = query === '' ? null : await this.pool.broadcast({ type: 'speakerCounts', query, ...this.budget() }, requestTimeoutMs);
    return listSpeakers(people, counts, { offset: request.offset ?? 0, limit: request.limit ?? resultLimits.speakers.default });
  }

  /** A person page: the speaker, their quotes matching `query` (newest first), articles, company and months. */
  async person(request: PersonRequest): Promise<PersonView> {
    const people = await this.people();
    if (!people.byId.has(request.id)) throw new NotFoundError(`no speaker with id "${request.id.slice(0, 60)}" in this archive`);
    const limit = resultLimits.quotes.max;
    const query = request.query?.trim() ?? '';
    const parts = await this.pool.broadcast({ type: 'person', id: request.id, limit, ...(query === '' ? {} : { query }), ...this.budget() }, requestTimeoutMs);
    return assemblePerson(people, request.id, parts, limit);
  }

  async close(options: { finishQuotes?: boolean } = {}): Promise<void> {
    this.phase = 'closing';
    // A resolution under way is finished and saved: the next open uses it. One still waiting for quotes
    // would wait for ever: they are finished by the engines' close, below.
    if (!this.quotesPending()) await this.resolving?.settled();
    await this.pool.close({ finishQuotes: options.finishQuotes !== false });
    // No engine is left to say when the quotes are done.
    this.wakeQuotesWaiting();
    await this.listingSaved();
  }
}

/** The `Library` over `archive`: a plain object whose counts follow the archive as it changes. */
function createLibrary(archive: OpenArchive): Library {
  return {
    archiveDir: archive.archiveDir,
    get articleCount() {
      return archive.state.articleCount;
    },
    get quoteCount() {
      return archive.state.quoteCount;
    },
    get quotesPending() {
      return archive.quotesPending();
    },
    quotesReady: () => archive.quotesReady(),
    get duplicates() {
      return archive.state.duplicates;
    },
    get problems() {
      return archive.state.problems;
    },
    get cache() {
      return archive.cache;
    },
    search: (query, options) => archive.search(query, options),
    article: (id, query) => archive.article(id, query),
    quotes: (options) => archive.quotes(options),
    speakers: (request) => archive.speakers(request),
    person: (request) => archive.person(request),
    corrections: () => archive.corrections.list,
    correct: (change) => archive.corrections.correct(change),
    undoCorrection: (id) => archive.corrections.undo(id),
    verify: (request) => archive.verify(request),
    close: (options) => archive.close(options),
  };
}

/** How many matches `verify` answers with when the request names no limit, and the most it may ask for. */
export const verifyLimits = { default: 10, max: 50 } as const;

/** Whether a search reads the quotes of every article: a speaker filter, or `in:quotes`. */
function needsAllQuotes(query: string): boolean {
  const parsed = parseQuery(query);
  return parsed.scope === 'quotes' || findsSpeakers(parsed);
}

/** Whether a query has a `speaker:` filter. */
function findsSpeakers(parsed: ParsedQuery): boolean {
  return parsed.filters.some((f) => f.kind === 'speaker');
}

/** The real path of the archive folder; `ArchiveError` when it is missing or not a folder. */
export async function resolveArchive(archiveDir: string): Promise<string> {
  let resolved: string;
  try {
    resolved = await realpath(archiveDir);
  } catch {
    throw new ArchiveError(`the archive folder ${archiveDir} does not exist`);
  }
  if (!(await stat(resolved)).isDirectory()) throw new ArchiveError(`the archive ${archiveDir} is not a folder`);
  return resolved;
}

/**
 * Past this much cache data, a one-shot command loads its shards in worker threads after all: each shard
 * takes about 0.7 s to read and deserialize per 46 MB (BBC 10x, issue 19's profile), and two workers load
 * two at once, which outweighs their start-up (70-120 ms each); below it (BBC: 19 MB) this thread is faster.
 */
const inThisThreadMaxBytes = 64 * 1024 * 1024;

/** Whether a one-shot command loads shards whose caches hold `bytes` (null: not current) in its own thread. */
function loadsInThisThread(bytes: readonly (number | null)[]): boolean {
  let total = 0;
  for (const size of bytes) {
    if (size === null) return false;
    total += size;
  }
  return total <= inThisThreadMaxBytes;
}
