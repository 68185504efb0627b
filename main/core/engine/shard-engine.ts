// The search engine of one worker thread: it opens (from cache, or by building) the archive shards given
// to it, and answers searches, article views and quote lists over them. The main thread merges the
// answers of all workers (engine-pool.ts). It runs in-process too, for tests.
//
// A shard built from its files is searchable as soon as its index is: its cache is written, then its quotes
// are extracted in the background (slices of a few milliseconds between requests), and the cache written
// again with them. Quitting before then loses only the quotes: a cache without them is completed the same
// way when loaded. Until they are all found, the quotes of any article a request needs are extracted on the
// spot, so answers are the same as with every quote known; only a request over all quotes (a speaker
// filter, the quote list) waits for the rest.

import type { ArticleView, QuotesReply, SearchReply, SearchSort } from '../../contract/api.js';
import { ShingleIndexBuilder, type ShingleIndex } from '../verify/shingle-index.js';
import { readShingleFile, readShingleFileLater, shingleFileFor, writeShingleFile } from '../verify/shingle-file.js';
import { verifyClaim, type VerifyCandidate } from '../verify/verify-claim.js';
import type { ArchiveFile } from '../archive/walk-archive.js';
import { assembleArticles, assembleLibrary, buildLibraryData, extractRecordQuotes, readAsListed, type FileRecord, type LibraryData } from '../index/build-library-data.js';
import { forgetQuotes, quoteCountsOf, quotesMissing } from '../index/stored-records.js';
import { loadIndexes } from '../index/configure-lunr.js';
import { articleColumns } from '../index/shard-summary.js';
import { describeCacheMiss, describeDamagedText, describeUnloadableCache, describeUnsavedCache, readCache, writeCache } from '../index/index-cache.js';
import type { Article, Correction, ImportProblem, Quote, QuoteKind } from '../../contract/model.js';
import { correctQuotes, quoteCorrectionsByArticle, type QuoteCorrection } from '../corrections/apply-corrections.js';
import { extractQuotes } from '../quotes/extract-quotes.js';
import { findQuotes, searchArchive, viewArticle } from '../search/search-archive.js';
import { createSearchState, prepareSearch, withHidden, withPeople, type SearchIndex, type SearchState, type SpeakerIdRange } from '../search/search-state.js';
import { readPeopleList, readPeopleNames, type ShardMentions, type ShardPeople } from './people-wire.js';
import { digestQuotes, sharedIdentity, shardIdentity, type ShardIdentity } from './quotes-digest.js';
import { quotationWords } from '../verify/quote-clusters.js';
import { givePendingPeople, pendingPeople, pendingSpeakerIds, type PendingPeople } from './quote-people.js';
import { collectMentions, countSpeakers, personPart, type PersonPart, type SpeakerCount } from '../search/people-answers.js';
import { makePeopleTable, type PeopleTable, type PersonNames } from '../search/people-names.js';
import { speakersIndexed } from '../search/speaker-index.js';
import type lunr from 'lunr';

/** One shard of an archive: the files whose paths hash to it, and where its cache lives. */
export interface ShardSpec {
  shard: number;
  files: ArchiveFile[];
  /** Problems of the folder walk; given to shard 0 only, so they are reported once. */
  walkProblems: ImportProblem[];
  cacheFile: string;
  fingerprint: string;
}

/** What the main thread needs to know of an opened shard. */
export interface ShardSummary {
  shard: number;
  cache: 'built' | 'loaded';
  /**
   * Per article, in path order, duplicates within the shard included: its id, path, and a digest of headline
   * and text (to find duplicates across shards). Columns, not an object per article: at 50x BBC the main
   * thread holds 106,000 articles, and its garbage collector walks them all.
   */
  ids: string[];
  paths: string[];
  digests: string[];
  /** Quotes per article, in the order of `ids` (0 for a duplicate within the shard); all 0 while `quotesPending`. */
  quoteCounts: Int32Array;
  /** True when the shard was built and its quotes are still being extracted (see `QuotesReady`). */
  quotesPending: boolean;
  problems: ImportProblem[];
  /** Problems and notices that do not stop the shard (a damaged cache that was rebuilt). */
  notices: string[];
}

/** Told to the main thread when a shard built without its quotes has them all. */
export interface QuotesReady {
  shard: number;
  /** As in `ShardSummary`. */
  quoteCounts: Int32Array;
}

/** What an engine reports besides its answers. */
export interface EngineHooks {
  /** A file was read while building. */
  fileRead?: () => void;
  quotesReady?: (ready: QuotesReady) => void;
  /** Something the user should know that happened in the background (a cache that could not be written). */
  notice?: (message: string) => void;
  /**
   * Prepare between requests, once the shards are open, what requests would otherwise make on first use (an
   * engine thread of its own, which would otherwise idle): the speaker index; the quotes read from the cache,
   * with their people (up to `warmQuotesAtMost`); then each shard's shingle index of
   * `verify`. Without it, each is made when first needed. An engine in the caller's thread, or one of a
   * one-shot command, leaves them: its slices would hold up the one answer it gives.
   */
  warmAhead?: boolean;
}

interface OpenShard {
  spec: ShardSpec;
  data: LibraryData;
  /** The articles that are not exact duplicates of an earlier one in the shard. */
  articles: Article[];
  /**
   * Quotes by article id, of the articles in `articles`, as they are read: a record's quotes are deserialized
   * when one of its articles' is first asked for (index/stored-records.ts), or extracted while `pending`.
   */
  quotes: Map<string, Quote[]>;
  /** The record of each article in `articles`. */
  recordOf: Map<string, FileRecord>;
  /** The articles of the records that are not in `articles` (exact duplicates within the shard; nearly always none). */
  dropped: Set<Article>;
  /** People saved for the shard, given to its quotes as they are read; null when given to all (quote-people.ts). */
  people: PendingPeople | null;
  /** How many of `articles` have had their quotes read ahead of requests (see `warm`), and how many quotes that was. */
  warmed: number;
  warmedQuotes: number;
  /** Records whose quotes are still to be extracted, last first. */
  pending: FileRecord[];
  indexes: lunr.Index[];
  codes: string[];
  /**
   * The shingles of `articles`, in that order, for `verify` (issue 17): read from the shard's shingle file
   * (verify/shingle-file.ts) or built, in the background or when a claim comes first.
   */
  shingles: ShingleIndexBuilder;
  /** Whether the shingle file was looked for (once per open shard), and the background's read of it under way. */
  shinglesLooked: boolean;
  shinglesReading?: Promise<void>;
}

/** A background slice runs this long at most before letting requests in. */
const backgroundSliceMs = 3;

/**
 * The quotes an engine reads ahead of requests at most (see `warm`): every quote of a 10x BBC archive
 * (98,000), not all of a 50x one (490,000), where holding them made `serve` 1.7 GB instead of 1.25 GB and
 * spent half of the engine's time collecting garbage, for no search of the first 40 any faster (issue 19).
 */
const warmQuotesAtMost = 150_000;

export class ShardEngine {
  private readonly shards = new Map<number, OpenShard>();
  /** Shards opened by `preload` that no `open` has taken yet, and their summaries. */
  private readonly preloaded = new Map<number, ShardSummary>();
  /** Shards built but not yet saved to their cache files (see `save`). */
  private readonly unsaved = new Map<number, { spec: ShardSpec; data: LibraryData }>();
  private hidden: ReadonlySet<string> = new Set();
  /** The user's corrections of quotes, by article: every answer's quotes are corrected (see `corrected`). */
  private quoteCorrections = new Map<string, QuoteCorrection[]>();
  /** The same corrections as the engine was given them (JSON), for its shards' identities (see `identities`). */
  private correctionsText = '[]';
  /** The corrected quotes of each corrected article, and the extractor's list they were made from (see `corrected`). */
  private readonly correctedLists = new Map<string, { raw: readonly Quote[]; corrected: readonly Quote[] }>();
  /** What searches run over and keep between them; null after a change (see `state`). */
  private searchState: SearchState | null = null;
  private backgroundScheduled = false;
  /** The cache files a text of which read as empty (see `textsDamaged`). */
  private readonly damagedCaches = new Set<string>();
  /** Opens and updates under way: the shingle indexes wait for them (at 10x BBC they doubled a warm open's CPU). */
  private opening = 0;
  /** Cache writes, one after another. */
  private writing: Promise<unknown> = Promise.resolve();
  private writeQueued = false;
  /** The archive's people as the main thread last resolved them (issue 16); null before. */
  private people: PeopleTable | null = null;
  /**
   * How many quotes `warm` has read ahead of requests over the engine's life (see `warmQuotesAtMost`): a shard
   * opened again after a change once it is reached reads its quotes when asked for.
   */
  private quotesWarmed = 0;
  /** The token of the last `mentions()` lists, and the identities of the shards they list (see `setPeople`). */
  private listed: { token: number; identities: ShardIdentity[] } = { token: 0, identities: [] };

  constructor(private readonly hooks: EngineHooks = {}) {}

  /**
   * Opens `specs`, each from its cache when that matches, else by reading its files and building. A shard
   * preloaded from the cache file and fingerprint its spec names is kept as it is (see `preload`).
   */
  async open(specs: readonly ShardSpec[]): Promise<ShardSummary[]> {
    const summaries: ShardSummary[] = [];
    let opened = false;
    this.opening += 1;
    try {
      for (const spec of specs) {
        const preloaded = this.takePreloaded(spec);
        opened ||= preloaded === null;
        summaries.push(preloaded ?? (await this.openShard(spec, [])));
      }
    } finally {
      this.opening -= 1;
    }
    // Preloaded shards kept as they are: what was prepared for searches over them since goes on.
    if (opened) this.searchState = null;
    this.scheduleBackground();
    return summaries;
  }

  /**
   * Opens shard `shard` from its cache `cacheFile` before the folder's walk has said which files the shard
   * holds: the engines read the caches while the folder is walked (issue 19). Only a cache
   * this code wrote, undamaged and complete (every quote extracted, their digest kept): nothing is left to
   * build, extract or write. `open` keeps it when the walk's spec names this cache file and fingerprint, and
   * opens that spec anew otherwise. Returns the cache's fingerprint, or null when nothing was opened.
   */
  async preload(shard: number, cacheFile: string): Promise<string | null> {
    const cached = await readCache(cacheFile, null, (detail) => this.textsDamaged(cacheFile, detail));
    if (!('data' in cached) || cached.data.quotesDigest === undefined || cached.data.files.some(quotesMissing)) return null;
    let indexes: Map<string, lunr.Index>;
    try {
      indexes = loadIndexes(cached.data.indexes);
    } catch {
      return null; // `open` finds it unloadable again, tells why and rebuilds it.
    }
    // Its files are not known before the walk (nothing reads them: the shard is neither built nor written).
    const spec: ShardSpec = { shard, files: [], walkProblems: cached.data.walkProblems, cacheFile, fingerprint: cached.fingerprint };
    this.preloaded.set(shard, this.addShard(spec, cached.data, indexes, 'loaded', []));
    this.searchState = null;
    return cached.fingerprint;
  }

  /**
   * The summary of the shard preloaded for `spec` when it was preloaded from the cache file and fingerprint
   * `spec` names, which it now has as its spec; null otherwise (one preloaded from another is dropped).
   */
  private takePreloaded(spec: ShardSpec): ShardSummary | null {
    const summary = this.preloaded.get(spec.shard);
    if (summary === undefined) return null;
    this.preloaded.delete(spec.shard);
    const shard = this.shards.get(spec.shard);
    if (shard === undefined || shard.spec.cacheFile !== spec.cacheFile || shard.spec.fingerprint !== spec.fingerprint) {
      this.close(spec.shard);
      return null;
    }
    shard.spec = spec;
    return summary;
  }

  /** Re-opens one shard after its files changed, reading only the files that did (quotes included). */
  async update(spec: ShardSpec): Promise<ShardSummary> {
    this.giveAllPendingPeople();
    const previous = this.shards.get(spec.shard)?.data.files ?? [];
    this.opening += 1;
    let summary: ShardSummary;
    try {
      summary = await this.openShard(spec, previous, true);
    } finally {
      this.opening -= 1;
    }
    this.searchState = null;
    this.scheduleBackground();
    return summary;
  }

  /** Drops shards this engine no longer serves. */
  close(shard: number): void {
    this.giveAllPendingPeople();
    this.shards.delete(shard);
    this.preloaded.delete(shard);
    this.unsaved.delete(shard);
    this.searchState = null;
  }

  /** Sets the articles never to return: exact duplicates of a file in path order before them. */
  hide(ids: readonly string[]): void {
    // The same ones again (a refresh that found no new copy): nothing moves, and no quote need be read.
    const hidden = new Set(ids);
    if (hidden.size === this.hidden.size && ids.every((id) => this.hidden.has(id))) return;
    this.giveAllPendingPeople();
    this.hidden = hidden;
    // The same shards: what searches keep of the articles goes on (made ahead, see `warm`).
    if (this.searchState !== null) this.searchState = withHidden(this.searchState, hidden);
  }

  /**
   * Sets the user's corrections (all of them, oldest first): from now on every quote an answer holds is
   * corrected. Answers with the corrected quote counts of the shards whose quotes are all known (the others
   * report theirs, corrected, when they are: `QuotesReady`).
   */
  setCorrections(corrections: readonly Correction[]): QuotesReady[] {
    this.giveAllPendingPeople();
    this.quoteCorrections = quoteCorrectionsByArticle(corrections);
    this.correctionsText = JSON.stringify(corrections);
    this.correctedLists.clear();
    this.searchState = null;
    return [...this.shards.values()].filter((s) => s.pending.length === 0).map((s) => ({ shard: s.spec.shard, quoteCounts: this.countQuotes(s) }));
  }

  /**
   * An article's `quotes` as the user corrected them (`quotes` itself when they did not). The corrected list
   * is kept while the article's quotes are the same list: searches read it again and again, and the person
   * resolution sets the `speakerId` of the very quote objects every answer reads (r16-people).
   */
  private corrected(articleId: string, quotes: readonly Quote[]): readonly Quote[] {
    const corrections = this.quoteCorrections.get(articleId);
    if (corrections === undefined) return quotes;
    const known = this.correctedLists.get(articleId);
    if (known?.raw === quotes) return known.corrected;
    const corrected = correctQuotes(quotes, corrections);
    this.correctedLists.set(articleId, { raw: quotes, corrected });
    return corrected;
  }

  /**
   * How many quotes each article of `shard` has, corrected, in the order of `ShardSummary.ids` (0 for a
   * duplicate within the shard); while its quotes are pending, of those known. Counted without reading the
   * quotes of an article the user did not correct.
   */
  private countQuotes(shard: OpenShard): Int32Array {
    const counts: number[] = [];
    this.eachQuoteCount(shard, true, (_article, count) => counts.push(count));
    return Int32Array.from(counts);
  }

  /**
   * Calls `each` with each article of `shard` (duplicates within it too, as 0, when `all`) and its corrected
   * quote count, in the shard's order: that of `ShardSummary.ids`, and of `listQuotes` over its articles.
   * A loop, not a generator: at 50x BBC it runs over 111,250 articles twice in every open.
   */
  private eachQuoteCount(shard: OpenShard, all: boolean, each: (article: Article, count: number) => void): void {
    const pending = shard.pending.length > 0;
    const { files } = shard.data;
    for (let f = 0; f < files.length; f += 1) {
      const record = files[f] as FileRecord;
      const raw = pending ? null : quoteCountsOf(record);
      const { articles } = record;
      for (let i = 0; i < articles.length; i += 1) {
        const article = articles[i] as Article;
        // Not `recordOf.get(article.id) !== record`: a lookup by id per article was 40 ms of taking saved people at 50x.
        if (shard.dropped.size > 0 && shard.dropped.has(article)) {
          if (all) each(article, 0);
        } else if (raw === null || this.quoteCorrections.has(article.id)) {
          each(article, this.corrected(article.id, pending ? (shard.quotes.get(article.id) ?? []) : this.quotesOf(shard, article)).length);
        } else {
          each(article, raw[i] ?? 0);
        }
      }
    }
  }

  /**
   * Writes the cache files of the shards changed since they were last written, after extracting every
   * quote still pending when `finishQuotes` (the default); resolves when they are written, with a notice
   * per cache that could not be saved. Opening does not wait for this: the engine does it in the
   * background, and closing the pool asks for it.
   */
  async save(options: { finishQuotes?: boolean } = {}): Promise<string[]> {
    if (options.finishQuotes !== false) for (const shard of this.shards.values()) this.extractPending(shard, Number.POSITIVE_INFINITY);
    return this.writeCaches();
  }

  /** A text of the cache `cacheFile` read as empty (`detail`): the user is told, and no shingle index is saved from it. */
  private textsDamaged(cacheFile: string, detail: string): void {
    this.damagedCaches.add(cacheFile);
    this.hooks.notice?.(describeDamagedText(cacheFile, detail));
  }

  /** Writes the caches of the shards changed since they were last written, after any write under way. */
  private writeCaches(): Promise<string[]> {
    const run = this.writing.then(async () => {
      const notices: string[] = [];
      for (const [shard, { spec, data }] of this.unsaved) {
        this.unsaved.delete(shard);
        // A file changed while the shard was read: its cache would name a listing it does not hold.
        if (!readAsListed(data, spec.files)) continue;
        try {
          // The texts and postings written are read from the file from now on, not held; and its quotes.
          await writeCache(spec.cacheFile, spec.fingerprint, data, (detail) => this.textsDamaged(spec.cacheFile, detail));
          const open = this.shards.get(shard);
          if (open?.data === data) this.forgetQuotes(open);
        } catch (error) {
          notices.push(describeUnsavedCache(spec.cacheFile, error));
        }
      }
      return notices;
    });
    this.writing = run.catch(() => undefined);
    return run;
  }

  /**
   * Reads `shard`'s saved shingle index, the first time only; true when it was there. One that is absent,
   * another shard's or damaged is built instead (and saved, by `shinglesOf`).
   */
  private lookForShingles(shard: OpenShard): boolean {
    if (shard.shinglesLooked) return false;
    shard.shinglesLooked = true;
    let saved: ShingleIndex | null = null;
    try {
      saved = readShingleFile(shingleFileFor(shard.spec.cacheFile), shard.spec.fingerprint, shard.articles.length);
    } catch {
      // Built instead, as when absent: a claim never fails for a damaged file.
    }
    if (saved !== null) shard.shingles = ShingleIndexBuilder.of(saved);
    return saved !== null;
  }

  /**
   * The shard's shingle index: read, or built now (the rest of it) and then saved after the cache writes
   * under way. A file that cannot be written costs only the time to build it again next time.
   */
  private shinglesOf(shard: OpenShard): ShingleIndex {
    if (!shard.shingles.finished && !this.lookForShingles(shard)) {
      const built = shard.shingles.finish();
      const { cacheFile, fingerprint, files } = shard.spec;
      // As for the cache: not when a file changed while the shard was read (the fingerprint names another listing).
      // Nor when a text of the shard's cache read as empty (damaged): the index would miss its articles.
      if (readAsListed(shard.data, files) && !this.damagedCaches.has(cacheFile)) {
        this.writing = this.writing.then(() => writeShingleFile(shingleFileFor(cacheFile), fingerprint, built)).catch(() => undefined);
      }
    }
    return shard.shingles.finish();
  }

  /** Runs `backgroundSlice` soon, between requests. */
  private scheduleBackground(): void {
    if (this.backgroundScheduled) return;
    this.backgroundScheduled = true;
    setImmediate(() => {
      this.backgroundScheduled = false;
      this.backgroundSlice();
    });
  }

  /**
   * Writes the caches that changed (first: the index matters most), then extracts quotes for a few
   * milliseconds, and once they are all known, builds the shingle index of `verify` likewise.
   */
  private backgroundSlice(): void {
    if (this.unsaved.size > 0 && !this.writeQueued) {
      this.writeQueued = true;
      void this.writeCaches()
        .then((notices) => notices.forEach((n) => this.hooks.notice?.(n)))
        .finally(() => {
          this.writeQueued = false;
          if (this.unsaved.size > 0) this.scheduleBackground();
        });
    }
    const until = performance.now() + backgroundSliceMs;
    for (const shard of this.shards.values()) {
      if (!this.extractPending(shard, until)) {
        this.scheduleBackground();
        return;
      }
    }
    if (this.hooks.warmAhead !== true || this.opening > 0) return;
    if (!this.warm(until)) {
      this.scheduleBackground();
      return;
    }
    for (const shard of this.shards.values()) {
      if (shard.shingles.finished) continue;
      if (!shard.shinglesLooked) {
        // Read without holding requests up (18 MB a shard at 10x BBC); the slice after it goes on.
        shard.shinglesReading ??= readShingleFileLater(shingleFileFor(shard.spec.cacheFile), shard.spec.fingerprint, shard.articles.length)
          .catch(() => null)
          .then((saved) => {
            if (!shard.shinglesLooked && saved !== null) shard.shingles = ShingleIndexBuilder.of(saved);
            shard.shinglesLooked = true;
            this.scheduleBackground();
          });
        return;
      }
      if (!shard.shingles.advance(until) || performance.now() >= until) {
        // The last step (sorting into buckets) in a slice of its own.
        this.scheduleBackground();
        return;
      }
      this.shinglesOf(shard);
    }
  }

  /**
   * Makes until `until` what the first requests after an open would otherwise make (see `EngineHooks.warmAhead`);
   * true when it is all made (for now: the speaker index and the quotes wait for the people). At 10x BBC,
   * reading a record's quotes on first use made the first run of a query up to 200 ms and the first
   * `speaker:` search 900 ms (issue 19); past `warmQuotesAtMost` they are read when asked for, and kept.
   */
  private warm(until: number): boolean {
    // Cheapest first. The speaker index's keys are people once they are known, not before; with saved
    // people it is made from their lists without reading a quote (`speakerIdsOf` in `state`). Wildcard and
    // fuzzy terms need no token set made ahead (search/query-index.ts `intersectTerms`). First what every
    // search needs: the engine is idle while the main thread finds duplicates, before the first request.
    prepareSearch(this.state());
    if (performance.now() >= until) return false;
    // The rest once people are known (the main thread gives saved ones right after an open): quotes read
    // before would be let go when listed for a resolution (see `forgetQuotes`), and read again after it.
    if (this.people === null) return true;
    if (!speakersIndexed(this.state(), until)) return false;
    for (const shard of this.shards.values()) {
      while (shard.warmed < shard.articles.length && this.quotesWarmed < warmQuotesAtMost) {
        if (performance.now() >= until) return false;
        const article = shard.articles[shard.warmed] as Article;
        shard.warmed += 1;
        if (this.hidden.has(article.id)) continue;
        const count = this.answerQuotes(shard, article).length;
        shard.warmedQuotes += count;
        this.quotesWarmed += count;
      }
    }
    return true;
  }

  /**
   * Extracts the pending quotes of `shard` until `until` (a `performance.now()` time); true when none are
   * left. The last one done reports the shard's quote counts.
   */
  private extractPending(shard: OpenShard, until: number): boolean {
    if (shard.pending.length === 0) return true;
    while (shard.pending.length > 0) {
      if (performance.now() >= until) return false;
      const record = shard.pending.pop() as FileRecord;
      try {
        // A budget cut in (issue 14): the record's problems keep it for the next open; this one hears now.
        for (const problem of extractRecordQuotes(record, (article) => shard.quotes.get(article.id))) this.hooks.notice?.(`${problem.path}: ${problem.reason}`);
      } catch (error) {
        // Thrown here, it would end the worker, and the restarted one would try again, and again.
        record.quotes = [];
        this.hooks.notice?.(`The quotes of ${record.path} could not be extracted (${error instanceof Error ? error.message : String(error)}); it is searchable without them.`);
      }
      // Known from now on: a request for one of these articles need not extract its quotes again.
      for (const [id, quotes] of groupByArticle(record.quotes ?? [], record.articles)) if (!shard.quotes.has(id)) shard.quotes.set(id, quotes);
    }
    const assembled = assembleLibrary(shard.data);
    shard.quotes = groupByArticle(assembled.quotes, shard.articles);
    shard.data.quotesDigest = digestQuotes(shard.data);
    this.hooks.quotesReady?.({ shard: shard.spec.shard, quoteCounts: this.countQuotes(shard) });
    // Its cache again, now with the quotes.
    this.unsaved.set(shard.spec.shard, { spec: shard.spec, data: shard.data });
    this.scheduleBackground();
    return true;
  }

  /**
   * How many quotes article `id` of `shard` has, as `answerQuotes` gives them, counted without reading them
   * (from its record's counts in its cache, or of the list it holds); null while the shard's quotes are being
   * extracted, or when the article is corrected: those are counted by reading them.
   */
  private quoteCountOf(shard: OpenShard, id: string): number | null {
    if (shard.pending.length > 0 || this.quoteCorrections.has(id)) return null;
    const record = shard.recordOf.get(id);
    const counts = record === undefined ? null : quoteCountsOf(record);
    if (record === undefined || counts === null) return null;
    const i = record.articles.findIndex((article) => article.id === id);
    return i === -1 ? null : (counts[i] ?? null);
  }

  /**
   * The quotes of one article as extracted: read from its record (with those of the record's other articles)
   * on first use, or extracted now if its shard's turn has not come yet.
   */
  private quotesOf(shard: OpenShard, article: Article): readonly Quote[] {
    let quotes = shard.quotes.get(article.id);
    const record = shard.recordOf.get(article.id);
    if (quotes === undefined && record !== undefined && !quotesMissing(record)) {
      const articles = record.articles.filter((a) => shard.recordOf.get(a.id) === record);
      for (const [id, list] of groupByArticle(record.quotes ?? [], articles)) if (!shard.quotes.has(id)) shard.quotes.set(id, list);
      quotes = shard.quotes.get(article.id);
    }
    if (quotes === undefined) {
      try {
        quotes = shard.pending.length > 0 ? extractQuotes(article) : [];
      } catch {
        return []; // Not kept: the background meets the same error with its file, and reports it.
      }
      shard.quotes.set(article.id, quotes);
    }
    return quotes;
  }

  /** The quotes of an article as every answer shows them: corrected, with their people. */
  private answerQuotes(shard: OpenShard, article: Article): readonly Quote[] {
    const quotes = this.corrected(article.id, this.quotesOf(shard, article));
    if (shard.people !== null) givePendingPeople(shard.people, article.id, quotes);
    return quotes;
  }

  /** Gives every quote of the open shards the saved people still pending: before a change that moves them. */
  private giveAllPendingPeople(): void {
    for (const shard of this.shards.values()) {
      if (shard.people === null) continue;
      for (const article of shard.articles) if (shard.people.listed.has(article.id)) this.answerQuotes(shard, article);
      shard.people = null;
    }
  }

  search(query: string, options: { limit?: number; sort?: SearchSort; speakerArticles?: number; budgetMs?: number }): SearchReply {
    // Facets are not cut here: the main thread adds up the counts of every engine first.
    return searchArchive(this.state(), query, { ...options, facetLimit: Number.POSITIVE_INFINITY });
  }

  /** The article, or null when this engine does not hold it. */
  article(id: string, query?: string): ArticleView | null {
    const state = this.state();
    if (!state.data.articles.has(id) || state.data.hidden.has(id)) return null;
    return viewArticle(state, id, query);
  }

  quotes(options: { query?: string; speaker?: string; kinds?: readonly QuoteKind[]; limit?: number; budgetMs?: number }): QuotesReply {
    return findQuotes(this.state(), options);
  }

  /**
   * Per shard, every quote's speaker and words, in an order `setPeople` follows, and the shard's identity
   * for them (see `identities`); call once the quotes are all extracted.
   */
  mentions(): { token: number; lists: ShardMentions[] } {
    const state = this.state();
    const identities = this.identities();
    const lists = [...this.shards.values()].map((shard, i): ShardMentions => {
      const listed = collectMentions(state, shard.articles);
      const list = { ...(identities[i] as ShardIdentity), mentions: JSON.stringify(listed.mentions), quotations: JSON.stringify(listed.quotes.map(quotationWords)) };
      // Listed: read again when asked for, so that one shard's quotes are held at a time, not the engine's.
      this.forgetQuotes(shard);
      return list;
    });
    this.listed = { token: this.listed.token + 1, identities };
    return { token: this.listed.token, lists };
  }

  /**
   * What each shard's mentions are made from, as a digest (engine/quotes-digest.ts), in the order
   * `mentions` lists them: the same identity lists the same mentions in the same order, whichever engine
   * holds the shard. Null while the shard's quotes are still being extracted.
   */
  identities(): ShardIdentity[] {
    const shared = sharedIdentity(this.hidden, this.correctionsText);
    return [...this.shards.values()].map(({ spec, pending, data }) => ({
      shard: spec.shard,
      identity: pending.length > 0 || data.quotesDigest === undefined ? null : shardIdentity(spec.shard, data.quotesDigest, shared),
    }));
  }

  /**
   * Gives the quotes their speaker ids and clusters from people saved for each shard's identity, without
   * listing the mentions; false (nothing set) when a shard's identity is another, or a shard is missing.
   */
  applySavedPeople(lists: readonly (ShardPeople & { identity: string })[], names: string): boolean {
    const current = this.identities();
    if (lists.length !== current.length || !current.every((c, i) => c.shard === lists[i]?.shard && c.identity === lists[i]?.identity)) return false;
    let read: { people: PersonNames[]; pending: (PendingPeople | null)[] };
    try {
      // Per shard, its articles (in `listQuotes` order: duplicates left out) with their quote counts.
      const listed = [...this.shards.values()].map((shard) => {
        const ids: string[] = [];
        const counts: number[] = [];
        this.eachQuoteCount(shard, false, (article, count) => {
          if (this.hidden.has(article.id)) return;
          ids.push(article.id);
          counts.push(count);
        });
        return { ids, counts };
      });
      read = {
        people: readPeopleNames(names),
        pending: lists.map((list, i) => pendingPeople(readPeopleList(list.speakerIds, list.clusters), listed[i] ?? { ids: [], counts: [] })),
      };
    } catch {
      return false; // A damaged saved people file: the main thread resolves afresh.
    }
    if (read.pending.some((p) => p === null)) return false;
    [...this.shards.values()].forEach((shard, i) => {
      shard.people = read.pending[i] ?? null;
    });
    this.setPeopleTable(makePeopleTable(read.people));
    return true;
  }

  /**
   * Gives the quotes of the lists `token` their speaker ids and clusters (per shard, as listed), and the
   * people their names; false (nothing set) when the quotes changed since (a live update, other hidden
   * duplicates or corrections: the main thread resolves again). As saved people are given: each article's
   * quotes get theirs when next read, and the quotes read since the listing are let go.
   */
  setPeople(token: number, lists: readonly ShardPeople[], names: string): boolean {
    if (token !== this.listed.token) return false;
    const listed = this.listed.identities;
    if (lists.length !== listed.length) return false;
    const identified: (ShardPeople & { identity: string })[] = [];
    for (const [i, list] of lists.entries()) {
      const identity = listed[i]?.identity;
      if (identity === null || identity === undefined) return false;
      identified.push({ ...list, identity });
    }
    if (!this.applySavedPeople(identified, names)) return false;
    for (const shard of this.shards.values()) this.forgetQuotes(shard);
    return true;
  }

  /**
   * Lets the quotes of `shard` go where the cache file its records were last written to or read from holds
   * them (issue 19): they are read again when asked for, as after a warm open. A cold build held every quote
   * of the archive to the end (86 of the 158 MB an engine held after building 10x BBC). Not while they are
   * still being extracted, nor while people given to them could not be given again (after
   * `giveAllPendingPeople`, until people are set again).
   */
  private forgetQuotes(shard: OpenShard): void {
    if (shard.pending.length > 0 || (shard.people === null && this.people !== null)) return;
    let forgotten = 0;
    for (const record of shard.data.files) if (forgetQuotes(record)) forgotten += 1;
    if (forgotten === 0) return;
    shard.quotes = new Map();
    shard.people?.given.clear();
    this.quotesWarmed -= shard.warmedQuotes;
    shard.warmedQuotes = 0;
    shard.warmed = 0;
    // The searches' lists of quotes per article would hand out (and hold) the quotes let go.
    if (this.searchState !== null) this.searchState.quoteColumns = null;
  }

  private setPeopleTable(people: PeopleTable): void {
    this.people = people;
    if (this.searchState !== null) this.searchState = withPeople(this.searchState, this.people);
    // The speaker index is made ahead only once its keys, the people, are known (see `warm`).
    if (this.hooks.warmAhead === true) this.scheduleBackground();
  }

  speakerCounts(query: string, budgetMs?: number): SpeakerCount[] {
    return countSpeakers(this.state(), query, budgetMs);
  }

  person(id: string, options: { query?: string; limit: number; budgetMs?: number }): PersonPart {
    return personPart(this.state(), id, options);
  }

  /** The best candidates for a claim among this engine's articles (duplicates left out), best first. */
  verify(claim: string, limit: number): VerifyCandidate[] {
    const shards = [...this.shards.values()].map((shard) => ({
      articles: shard.articles,
      index: this.shinglesOf(shard),
      // The extractor's quotes, as verify always read them; those of an uncorrected article are the very
      // objects answers show, so they have their people too.
      quotesOf: (article: Article) => {
        if (this.hidden.has(article.id)) return [];
        this.answerQuotes(shard, article);
        return this.quotesOf(shard, article);
      },
    }));
    return verifyClaim(claim, shards, Number.POSITIVE_INFINITY).filter((c) => !this.hidden.has(c.matches[0]?.articleId ?? '')).slice(0, limit);
  }

  private async openShard(spec: ShardSpec, previous: readonly FileRecord[], forceBuild = false): Promise<ShardSummary> {
    const notices: string[] = [];
    let data: LibraryData | null = null;
    let cache: 'built' | 'loaded' = 'built';
    if (!forceBuild) {
      const cached = await readCache(spec.cacheFile, spec.fingerprint, (detail) => this.textsDamaged(spec.cacheFile, detail));
      if ('data' in cached) {
        data = cached.data;
        cache = 'loaded';
      } else {
        // Files added, removed or changed since the cache was written: only those are read (issue 19).
        if (cached.reason === 'stale' && previous.length === 0) previous = cached.files;
        const notice = describeCacheMiss(spec.cacheFile, cached);
        if (notice !== null) notices.push(notice);
      }
    }
    let indexes: Map<string, lunr.Index> | null = null;
    if (data !== null) {
      try {
        indexes = loadIndexes(data.indexes);
      } catch (error) {
        notices.push(describeUnloadableCache(spec.cacheFile, error));
        data = null;
        cache = 'built';
      }
    }
    if (data === null || indexes === null) {
      // A first build leaves the quotes for the background; an update (a few changed files) does them now.
      data = buildLibraryData(spec.files, spec.walkProblems, this.hooks.fileRead, previous, { quotes: forceBuild });
      indexes = loadIndexes(data.indexes);
      this.unsaved.set(spec.shard, { spec, data });
    }
    return this.addShard(spec, data, indexes, cache, notices);
  }

  /** Serves `data` (its lunr `indexes` loaded) as shard `spec.shard`, which it replaces. */
  private addShard(spec: ShardSpec, data: LibraryData, indexes: Map<string, lunr.Index>, cache: 'built' | 'loaded', notices: string[]): ShardSummary {
    const assembled = assembleArticles(data);
    const pending = data.files.filter(quotesMissing).reverse();
    if (pending.length === 0 && data.quotesDigest === undefined) {
      // Built with its quotes, or a cache written before digests were kept: written again with it.
      data.quotesDigest = digestQuotes(data);
      this.unsaved.set(spec.shard, { spec, data });
    }
    const kept = new Set(assembled.articles);
    const recordOf = new Map<string, FileRecord>();
    const dropped = new Set<Article>();
    for (let f = 0; f < data.files.length; f += 1) {
      const record = data.files[f] as FileRecord;
      for (let i = 0; i < record.articles.length; i += 1) {
        const article = record.articles[i] as Article;
        if (kept.has(article)) recordOf.set(article.id, record);
        else dropped.add(article);
      }
    }
    const shard: OpenShard = {
      spec,
      data,
      articles: assembled.articles,
      quotes: new Map(),
      recordOf,
      dropped,
      people: null,
      warmed: 0,
      warmedQuotes: 0,
      pending,
      indexes: [...indexes.values()],
      codes: [...indexes.keys()],
      // Texts are read from the cache only if the shingle index is built, not read from its file.
      shingles: new ShingleIndexBuilder(assembled.articles),
      shinglesLooked: false,
    };
    this.shards.set(spec.shard, shard);
    if (pending.length > 0 || this.unsaved.size > 0 || this.hooks.warmAhead === true) this.scheduleBackground();
    return {
      shard: spec.shard,
      cache,
      // Every article, duplicates within the shard included: the main thread decides globally which copy is first.
      ...articleColumns(data.files),
      quoteCounts: this.countQuotes(shard),
      quotesPending: pending.length > 0,
      problems: assembled.problems,
      notices,
    };
  }

  /** The search state over the combined data of every open shard, made again after a change. */
  private state(): SearchState {
    if (this.searchState !== null) return this.searchState;
    const articles = new Map<string, Article>();
    const shardOf = new Map<string, OpenShard>();
    const indexes: SearchIndex[] = [];
    for (const shard of this.shards.values()) {
      for (let i = 0; i < shard.articles.length; i += 1) {
        const article = shard.articles[i] as Article;
        articles.set(article.id, article);
        shardOf.set(article.id, shard);
      }
      shard.codes.forEach((code, i) => {
        const index = shard.indexes[i];
        // The compact form too: searches read postings and weights straight from its arrays.
        const compact = shard.data.indexes[code];
        if (index && compact) indexes.push({ code, index, compact });
      });
    }
    const quotesOf = (id: string): readonly Quote[] => {
      const shard = shardOf.get(id);
      const article = articles.get(id);
      return shard && article ? this.answerQuotes(shard, article) : [];
    };
    // The saved people's lists, while the quotes have not all been given theirs (see `answerQuotes`).
    const speakerIdsOf = (id: string): SpeakerIdRange | null => {
      const people = shardOf.get(id)?.people ?? null;
      return people === null ? null : pendingSpeakerIds(people, id);
    };
    const quoteCountOf = (id: string): number | null => {
      const shard = shardOf.get(id);
      return shard === undefined ? null : this.quoteCountOf(shard, id);
    };
    this.searchState = createSearchState({ indexes, articles, quotesOf, speakerIdsOf, quoteCountOf, hidden: this.hidden, people: this.people });
    return this.searchState;
  }
}

/** Quotes by article id, with an empty list for each of `articles` without any. */
function groupByArticle(quotes: readonly Quote[], articles: readonly Article[]): Map<string, Quote[]> {
  const byArticle = new Map<string, Quote[]>(articles.map((a) => [a.id, []]));
  for (const quote of quotes) byArticle.get(quote.articleId)?.push(quote);
  return byArticle;
}
