// The core's facade: opens an archive and keeps it searchable. The archive is split into shards by path
// (library/shards.ts); engines in worker threads load each shard from its cache, or read and index it, in
// parallel; searches go to every engine and their answers are merged (library/open-archive.ts). The folder
// can be followed: changed files are re-read and only their shards rebuilt (library/watch-archive.ts).

import type { ArticleView, LibraryStatus, PersonRequest, PersonView, QuotesReply, QuotesRequest, SearchReply, SearchRequest, SpeakersReply, SpeakersRequest, VerifyReply, VerifyRequest } from '../contract/api.js';
import type { BuildProgress } from './index/build-library-data.js';
import { openArchive } from './library/open-archive.js';
import type { Correction, CorrectionChange, ImportProblem } from '../contract/model.js';

export { engineCount, shardCountFor, shardOf, shardUnits } from './library/shards.js';
export { startLibrary } from './library/watch-archive.js';
export { openCorrections } from './library/open-corrections.js';
export { verifyLimits, indexArchive, type IndexedArchive } from './library/open-archive.js';

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
  /** A query's time budget in each engine (default `queryBudgetMs`, search/query-budget.ts); tests shorten it. */
  queryBudgetMs?: number;
  /**
   * For a command that opens, answers once and exits: when every shard's cache is there and current (by its
   * header), the engine runs in this thread, with no worker threads to start; otherwise the archive opens in
   * `workerScript`'s threads as usual. The shards and cache files are the same either way.
   */
  inProcessWhenCached?: boolean;
  /**
   * The bundled `walk-worker.cjs`: with `inProcessWhenCached`, the folder is walked in a thread running it
   * while this one reads the caches; without it, walked first, in this thread.
   */
  walkScript?: string;
  /**
   * Called with each folder of the archive just before a walk (the open's, or a refresh's) lists it: a
   * watcher started there sees every later change (library/watch-archive.ts).
   */
  watchFolder?: (folder: string | Buffer) => void;
}

/** A search request's options, and what only callers in this process choose. */
export type SearchOptions = Omit<SearchRequest, 'query'> & {
  /**
   * False: no speakers list (`speakers` is empty), for a caller that does not show it (the command line's text
   * and JSON-lines output): it reads the quotes of the 500 best articles, 40 of a one-shot search's 100 ms at 10x BBC.
   */
  speakers?: boolean;
  /**
   * False: the hits' quotes need not carry their people (`speakerId`, clusters), for a caller that shows neither
   * (the command line's text output): the engines are not given the saved people for it (65 ms
   * of a one-shot search at 10x BBC), and a speakers list, when asked for, may count names as written. A query
   * with a `speaker:` filter still waits for them: it finds people.
   */
  people?: boolean;
};

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
  search(query: string, options?: SearchOptions): Promise<SearchReply>;
  /** @throws NotFoundError for an unknown id. */
  article(id: string, query?: string): Promise<ArticleView>;
  /** Lists quotes; waits for `quotesReady()` and the archive's people first. */
  quotes(options?: QuotesRequest): Promise<QuotesReply>;
  /** The people quoted (issue 16), most quoted first; waits for every quote. @throws QueryError for a malformed query. */
  speakers(request?: SpeakersRequest): Promise<SpeakersReply>;
  /** A person page. @throws NotFoundError for an unknown speaker id. */
  person(request: PersonRequest): Promise<PersonView>;
  /** The user's corrections in force, oldest first (library/open-archive.ts applies them to every answer). */
  corrections(): readonly Correction[];
  /**
   * Saves a correction (in the file next to the index cache) and applies it to every answer from now on.
   * @throws NotFoundError when a quote correction names a quote the archive does not have.
   */
  correct(change: CorrectionChange): Promise<Correction>;
  /** Undoes a correction; the extractor's answer is back. @throws NotFoundError for an unknown id. */
  undoCorrection(id: string): Promise<Correction>;
  /**
   * Where a claim's words stand in the archive, and what was changed (issue 17).
   * @throws InvalidArgumentError for a claim of fewer than 3 or more than 500 words.
   * @example
   * (await library.verify({ claim: 'we will rebuild this town' })).verdict; // 'verbatim'
   */
  verify(request: VerifyRequest): Promise<VerifyReply>;
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
