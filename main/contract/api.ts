// THE typed API between the renderer and the main side. Types only: the Electron preload, the HTTP
// server and the renderer's fetch client all implement or call exactly this.

import type { Article, Correction, CorrectionChange, ImportProblem, MatchRange, Quote, QuoteKind, QuoteMatch, SearchHit, Speaker } from './model.js';

export type { Article, Correction, CorrectionChange, ImportProblem, Speaker, SpeakerKind, SpeakerRole, MatchRange, Quote, QuoteKind, QuoteMatch, SearchHit, Snippet, SpeakerFound, QuotePart } from './model.js';

/**
 * Every stable code of an expected failure, wherever it is raised: the core's typed errors, the engines, the
 * transports and the CLI.
 */
export type ErrorCode =
  | 'bad-query'
  | 'not-found'
  | 'invalid-argument'
  | 'archive'
  | 'unreadable-file'
  /** A search engine thread stopped (out of memory, a runaway query) and is being restarted. */
  | 'engine-restarted'
  /** A request ran past its time limit. */
  | 'timeout'
  /** The archive was closed while the request waited. */
  | 'closed'
  /** A caller that is not the app. */
  | 'forbidden'
  /** The renderer could not reach main. */
  | 'transport'
  /** Bad command-line usage. */
  | 'usage'
  | 'internal';

/** An expected failure, as a value: Electron passes only `message` of a thrown error. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  /** For `bad-query`: where in the query the problem is. */
  start?: number;
  end?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface StatusRequest {
  /** Reserved; send `{}`. */
  readonly [key: string]: never;
}

export interface LibraryStatus {
  /** Absolute path of the archive folder. */
  archiveDir: string;
  /** The folder's name, for display. */
  archiveName: string;
  state: 'indexing' | 'ready' | 'failed';
  /** Articles processed so far, of `total` files found; both 0 before the walk ends. */
  progress: { done: number; total: number };
  articles: number;
  /** Quotes found so far; final once `quotesPending` is false. */
  quotes: number;
  /**
   * True after a fresh build while quotes are still being extracted in the background. The archive is
   * searchable meanwhile: the quotes of the results shown are found at once; speaker filters and the quote
   * list wait for the rest.
   */
  quotesPending: boolean;
  problems: ImportProblem[];
  /** Exact duplicates (same headline and text as an earlier file), left out of results. */
  duplicates: number;
  /** `loaded` when the index came from the cache, `built` when it was built this run. */
  cache: 'built' | 'loaded' | null;
  /**
   * Goes up each time the searchable content changes (files added, changed or removed while open).
   * A renderer that sees it change should re-run its search and refresh the open article.
   */
  generation: number;
  /** True while the archive folder is watched for changes. */
  watching: boolean;
  /** True while changed files are being read and the index rebuilt; searches meanwhile use the previous index. */
  updating: boolean;
  /** Why opening failed, when `state` is `failed`. */
  error: string | null;
}

export type SearchSort = 'relevance' | 'newest' | 'oldest';

/**
 * The one table of result limits: how many results a request gets when it names no `limit` (`default`) and
 * the most it may ask for (`max`), over IPC and HTTP; and the same for the command line, which shows fewer
 * in a terminal and lets a script list every quote. Literal types, so the values the core checks against
 * (`resultLimits`) cannot drift from this table.
 */
export interface ResultLimits {
  search: { default: 50; max: 500; cliDefault: 20; cliMax: 500 };
  quotes: { default: 100; max: 1000; cliDefault: 50; cliMax: 10_000 };
  speakers: { default: 100; max: 1000; cliDefault: 50; cliMax: 100_000 };
}

export interface SearchRequest {
  query: string;
  /** At most this many hits (default 50, at most 500: see `ResultLimits`). */
  limit?: number;
  /** Skip this many hits first (default 0): the next page starts where the last one ended. */
  offset?: number;
  /** Default `relevance`; articles without a date come last when sorting by date. */
  sort?: SearchSort;
}

/** One value of a facet and how many matching articles have it. */
export interface FacetValue {
  value: string;
  count: number;
  /** In `SearchReply.speakers`: the speaker's `Speaker.id`, once the archive's people are resolved (issue 16). */
  id?: string;
}

/** Counts over all matching articles (not only the hits returned), most frequent first. */
export interface Facets {
  source: FacetValue[];
  year: FacetValue[];
  language: FacetValue[];
}

export interface SearchReply {
  query: string;
  /** Articles matching, before `offset` and `limit`. */
  total: number;
  tookMs: number;
  /** True when no article matched every word and these are the best partial matches. */
  partial: boolean;
  /** What the search changed or ignored in the query ("Ignored common words: the, of"). */
  notices: string[];
  facets: Facets;
  /**
   * Who is quoted on the query: speakers of the quotations whose own words match it, with how many such
   * quotations each has, over the best 500 matching articles (the best 500/N of each of the N search
   * engines: exact with one engine, the app's number on 2 cores); most quoted first (empty for no words).
   * Once the archive's people are resolved, one entry per person (its `id` set, `value` its name), whatever
   * form of the name each quote used.
   */
  speakers: FacetValue[];
  hits: SearchHit[];
  /**
   * Set when the query ran out of its time budget before every candidate was checked (a phrase of very
   * common words, such as "a 2"): the notice to show ("Stopped after 75 ms: results may be incomplete.").
   * The hits are real matches; some matches may be missing. Absent for a complete answer.
   */
  incomplete?: string;
}

export interface ArticleRequest {
  id: string;
  /** Highlight this query's matches and put its matching quotes first. */
  query?: string;
}

export interface ArticleView {
  article: Article;
  /** Matches of the query in `article.title`. */
  titleHighlights: MatchRange[];
  /** Matches of the query in `article.body`, in order. */
  highlights: MatchRange[];
  /** Every quote of the article; those matching the query first, each in text order. */
  quotes: QuoteMatch[];
  /** Paths of exact duplicates of this article elsewhere in the archive. */
  copies: string[];
}

export interface QuotesRequest {
  /** Only quotes whose words match this query (all quotes when empty). */
  query?: string;
  /** Only quotes by a speaker whose name contains this (case-insensitive). */
  speaker?: string;
  /** Only quotes of these kinds (all kinds when absent). */
  kinds?: QuoteKind[];
  /** At most this many quotes (default 100, at most 1000: see `ResultLimits`). */
  limit?: number;
  /** Skip this many quotes first (default 0): the next page starts where the last one ended. */
  offset?: number;
}

/** A quote found across the archive, with where it comes from. */
export interface QuoteHit extends Quote {
  path: string;
  title: string;
  date: string | null;
  source: string | null;
  /** Matches of the query's words in `text` (empty without a query), for the Quotes view to mark. */
  highlights: MatchRange[];
}

export interface QuotesReply {
  total: number;
  quotes: QuoteHit[];
  /** As `SearchReply.incomplete`. */
  incomplete?: string;
}

/** What `showFile` does with an article's file: open it in its application, or show it in its folder. */
export type FileAction = 'open' | 'reveal';

export interface ShowFileRequest {
  /** The article whose file it is; main finds the file from the id, never from a path the renderer sends. */
  id: string;
  action: FileAction;
}

/** Issue 16: the people quoted in the archive, or in the articles matching `query`; most quoted first. */
export interface SpeakersRequest {
  query?: string;
  /** At most this many (default 100, at most 1000). */
  limit?: number;
  offset?: number;
}

export interface SpeakersReply {
  /** Speakers in all, before `offset` and `limit`. */
  total: number;
  speakers: Speaker[];
  /** As `SearchReply.incomplete`. */
  incomplete?: string;
}

export interface PersonRequest {
  /** A `Speaker.id`. */
  id: string;
  /** Only their quotes whose words match this query (all of them when empty). */
  query?: string;
}

/** Another speaker quoted in the same articles, and in how many of them. */
export interface QuotedWith {
  id: string;
  name: string;
  articles: number;
}

/** How many of a speaker's quotes fall in one month (`2005-03`), for the person page's timeline. */
export interface MonthCount {
  month: string;
  quotes: number;
}

/** A person page: who they are, their quotes (newest first), the articles, who else is quoted with them. */
export interface PersonView {
  speaker: Speaker;
  quotes: QuoteHit[];
  articles: { id: string; path: string; title: string; date: string | null; source: string | null; quotes: number }[];
  quotedWith: QuotedWith[];
  /** Every month from the first to the last quote, zeros included; undated quotes are not counted. */
  months: MonthCount[];
}

export interface CorrectionsRequest {
  /** Reserved; send `{}`. */
  readonly [key: string]: never;
}

export interface CorrectionsReply {
  /** Every correction in force, oldest first. */
  corrections: Correction[];
}

export interface CorrectRequest {
  change: CorrectionChange;
}

export interface UndoCorrectionRequest {
  /** A `Correction.id`. */
  id: string;
}

/** Issue 17: how a claim stands against the archive (see `VerifyReply`). */
export type VerifyVerdict = 'verbatim' | 'altered' | 'not-found';

/**
 * One step of a claim's word-level difference from the original: `equal` words; `insert`, words of the claim
 * the original does not have; `delete`, words of the original the claim leaves out; `replace`, claim words
 * standing where the original has others. `claim` and `original` are the words as written (empty for none).
 */
export interface WordChange {
  op: 'equal' | 'insert' | 'delete' | 'replace';
  claim: string;
  original: string;
}

/** Where a match was found: in a quotation of that kind, or in the article's own text (`text`). */
export type VerifyMatchKind = QuoteKind | 'text';

/** A place in the archive whose words are near-verbatim to (a part of) a claim. */
export interface VerifyMatch {
  articleId: string;
  path: string;
  title: string;
  date: string | null;
  source: string | null;
  /** Who the archive says said it (the quotation's speaker), or null. */
  speaker: string | null;
  /** The quotation's `speakerId` as the quote carries it (issue 16), or null. */
  speakerId: string | null;
  kind: VerifyMatchKind;
  /** The original: the whole quotation, or the sentences of the article holding the match. */
  text: string;
  /** Offsets of `text` in the article's body (a quotation in parts: start of the first to end of the last). */
  start: number;
  end: number;
  /** Of the claim's words this match accounts for, the share standing in the original in order (0 to 1). */
  similarity: number;
  /** The claim part against the whole original, in order: words left out of it are `delete`. */
  changes: WordChange[];
  /** Words of the original the claim leaves out (a shortened quote). */
  omitted: number;
  /** The part of the claim this match accounts for (UTF-16 offsets into `claim`): all of it, or one piece of a splice. */
  claimStart: number;
  claimEnd: number;
}

export interface VerifyRequest {
  /** What someone is said to have said: 3 to 500 words. */
  claim: string;
  /** Who the claim names as the speaker; the reply says when the archive names someone else. */
  speaker?: string;
  /** At most this many matches (default 10, at most 50). */
  limit?: number;
}

export interface VerifyReply {
  claim: string;
  /**
   * `verbatim`: every word of the claim stands in one original in order (it may leave words out at either end,
   * or where the claim has an ellipsis); `altered`: near-verbatim with changes, or spliced from two places (each
   * a match); `not-found`: nothing in the archive is close.
   */
  verdict: VerifyVerdict;
  /** The places, best first; the same words in several articles: earliest first. Empty for `not-found`. */
  matches: VerifyMatch[];
  /** For `not-found`: the closest candidates, which do not match (may be empty). */
  closest: VerifyMatch[];
  /** With `speaker`: whether the archive agrees ("You said Blair; the archive says Liam Fox."). */
  attribution?: string;
  tookMs: number;
}

/** Every call the renderer can make. Each method takes one request object and never rejects. */
export interface VerbatimApi {
  status(request: StatusRequest): Promise<Result<LibraryStatus>>;
  search(request: SearchRequest): Promise<Result<SearchReply>>;
  article(request: ArticleRequest): Promise<Result<ArticleView>>;
  quotes(request: QuotesRequest): Promise<Result<QuotesReply>>;
  /** Issue 16: the people quoted in the archive (or in the articles matching a query), most quoted first. */
  speakers(request: SpeakersRequest): Promise<Result<SpeakersReply>>;
  /** Issue 16: one person's page; `not-found` for an unknown id. */
  person(request: PersonRequest): Promise<Result<PersonView>>;
  /**
   * Opens the article's original file, or shows it in its folder. The app only: `verbatim serve` answers
   * `forbidden` (a page in a browser has no business opening files on the machine).
   */
  showFile(request: ShowFileRequest): Promise<Result<null>>;
  speakers(request: SpeakersRequest): Promise<Result<SpeakersReply>>;
  person(request: PersonRequest): Promise<Result<PersonView>>;
  /** The user's corrections in force, oldest first. */
  corrections(request: CorrectionsRequest): Promise<Result<CorrectionsReply>>;
  /**
   * Saves a correction next to the index cache and applies it to every answer from now on; answers with it
   * (its `id` undoes it). `not-found` when a quote correction names a quote the archive does not have.
   */
  correct(request: CorrectRequest): Promise<Result<Correction>>;
  /** Undoes a correction; answers with the correction undone (`not-found` for an unknown id). */
  undoCorrection(request: UndoCorrectionRequest): Promise<Result<Correction>>;
  /** Issue 17: where a claim's words stand in the archive, and what was changed. */
  verify(request: VerifyRequest): Promise<Result<VerifyReply>>;
}

export type ApiMethod = keyof VerbatimApi;
