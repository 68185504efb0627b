// The engine protocol, declared once: each method's request and reply, the messages that carry them between
// the main thread and an engine (a worker thread, or in-process in tests), and the handler that runs them.
// Like `VerbatimApi` for the renderer: adding a method makes the compiler point at every place to change.

import type { ApiError, ArticleView, Correction, QuotesReply, QuotesRequest, SearchReply, SearchRequest } from '../../contract/api.js';
import type { PeopleCorrections } from '../quotes/people/resolve-people.js';
import type { PersonPart, SpeakerCount } from '../search/people-answers.js';
import { resolveMentionLists, type ResolvedLists, type ShardMentions, type ShardPeople } from './people-wire.js';
import type { ShardIdentity } from './quotes-digest.js';
import { readSavedLists, resolveSavedMentionLists, type SavedPeople } from './saved-people.js';
import type { VerifyCandidate } from '../verify/verify-claim.js';
import type { QuotesReady, ShardEngine, ShardSpec, ShardSummary } from './shard-engine.js';

/** Every method an engine answers: the fields of its request and the value of its reply. */
export interface EngineMethods {
  /** Opens shards, each from its cache or by building it. */
  open: { request: { shards: ShardSpec[] }; reply: ShardSummary[] };
  /**
   * Opens a shard from its cache before the walk names its files (`ShardEngine.preload`): the cache's
   * fingerprint, or null when it was not opened. `open` then keeps it when its spec names the same.
   */
  preload: { request: { shard: number; cacheFile: string }; reply: string | null };
  /** Re-opens one shard whose files changed. */
  update: { request: { shard: ShardSpec }; reply: ShardSummary };
  /** Drops a shard the engine no longer serves. */
  close: { request: { shard: number }; reply: null };
  /** Sets the articles never to return (exact duplicates). */
  hide: { request: { ids: string[] }; reply: null };
  /**
   * Sets the user's corrections (all of them): every later answer's quotes are corrected. Answers with the
   * corrected quote counts of the shards whose quotes are all known.
   */
  corrections: { request: { corrections: Correction[] }; reply: QuotesReady[] };
  /**
   * Writes the caches of shards changed since the last save, after extracting every pending quote when
   * `finishQuotes`; answers with notices of failures.
   */
  /** Saves what is unsaved; `ending`: the engine is ended next (its worker closes its cache files). */
  save: { request: { finishQuotes: boolean; ending?: boolean }; reply: string[] };
  /**
   * A search as the API takes it, with the main thread's defaults applied; `speakerArticles`: the speakers
   * list counts the quotes of this many of the engine's best articles; `budgetMs`: the query's time budget
   * (search/query-budget.ts; its default when absent). No offset: the engine returns the first offset + limit
   * hits and the main thread, merging every engine's, skips the offset.
   */
  search: { request: Required<Omit<SearchRequest, 'offset'>> & { speakerArticles?: number; budgetMs?: number }; reply: SearchReply };
  /** The article, or null when this engine does not hold it. */
  article: { request: { id: string; query?: string }; reply: ArticleView | null };
  /** The main thread applies the default limit, and skips the offset after merging (as for search). */
  quotes: { request: Omit<QuotesRequest, 'offset'> & { limit: number; budgetMs?: number }; reply: QuotesReply };
  /**
   * Per shard, every quote's speaker (the JSON of `SpeakerMention[]`, see people-wire.ts), for resolving
   * people (issue 16), and in the same order the words each quotation clusters by (the JSON of
   * `(string | null)[]`, issue 17), with the shard's identity (null while quotes are being extracted);
   * `token` names these lists, and `people` applies ids in their order only while the engine's quotes are
   * still the ones listed.
   */
  mentions: { request: Record<never, never>; reply: { token: number; lists: ShardMentions[] } };
  /** What each shard's mentions are made from (`ShardEngine.identities`), without listing them. */
  identities: { request: Record<never, never>; reply: ShardIdentity[] };
  /**
   * Resolves every shard's mention list into people: pure work, done in an engine so that the main thread
   * (the app's, which answers the window) is not held for it. With `saved`, people resolved are saved in its
   * file, and (when `reuse`) people saved there for the same lists and corrections are reused (saved-people.ts).
   */
  resolvePeople: { request: { lists: string[]; quotations: string[]; corrections: PeopleCorrections; saved?: SavedPeople }; reply: ResolvedLists };
  /**
   * Sets each listed quote's `speakerId` and cluster (per shard, in the order `mentions` listed them), and
   * the people's names (JSON, from `resolvePeople`); false when the lists are stale.
   */
  people: { request: { token: number; lists: ShardPeople[]; names: string }; reply: boolean };
  /**
   * Reads its shards' ids and clusters and the names from the people saved in `file` under `key`
   * (engine/saved-people.ts) and sets them when each shard's identity is still the one given; false when
   * one is another, or the file no longer holds them.
   */
  savedPeople: { request: { file: string; key: string; identities: { shard: number; identity: string }[] }; reply: boolean };
  /** The speakers of the articles matching `query`, with their counts there. */
  speakerCounts: { request: { query: string; budgetMs?: number }; reply: SpeakerCount[] };
  /** The engine's share of a person page. */
  person: { request: { id: string; query?: string; limit: number; budgetMs?: number }; reply: PersonPart };
  /** A claim's best candidates among the engine's articles (issue 17); the main thread merges and judges them. */
  verify: { request: { claim: string; limit: number }; reply: VerifyCandidate[] };
}

export type EngineMethod = keyof EngineMethods;

/** A request: its method as `type`, and that method's fields. */
export type EngineRequest<M extends EngineMethod = EngineMethod> = M extends EngineMethod ? { type: M } & EngineMethods[M]['request'] : never;

/** What a request of method `M` is answered with. */
export type EngineReply<M extends EngineMethod> = EngineMethods[M]['reply'];

/** Main thread to engine: a request and the id its answer carries. */
export interface EngineMessage {
  id: number;
  request: EngineRequest;
}

/** Engine to main thread: an answer (errors as values, see `toErrorValue`), or news between answers. */
export type WorkerMessage =
  | { id: number; ok: true; value: EngineReply<EngineMethod> }
  | { id: number; ok: false; error: ApiError }
  /** Files read since the last progress message. */
  | { type: 'progress'; files: number }
  | { type: 'notice'; message: string }
  /** A shard opened with `quotesPending` has all its quotes now. */
  | { type: 'quotes'; ready: QuotesReady };

type Handlers = { [M in EngineMethod]: (engine: ShardEngine, request: EngineRequest<M>) => EngineReply<M> | Promise<EngineReply<M>> };

const handlers: Handlers = {
  open: (engine, request) => engine.open(request.shards),
  preload: (engine, request) => engine.preload(request.shard, request.cacheFile),
  update: (engine, request) => engine.update(request.shard),
  close: (engine, request) => {
    engine.close(request.shard);
    return null;
  },
  hide: (engine, request) => {
    engine.hide(request.ids);
    return null;
  },
  corrections: (engine, request) => engine.setCorrections(request.corrections),
  save: (engine, request) => engine.save({ finishQuotes: request.finishQuotes }),
  search: (engine, { type: _type, query, ...options }) => engine.search(query, options),
  article: (engine, request) => engine.article(request.id, request.query),
  quotes: (engine, { type: _type, ...options }) => engine.quotes(options),
  mentions: (engine) => engine.mentions(),
  identities: (engine) => engine.identities(),
  resolvePeople: (_engine, request) =>
    request.saved === undefined
      ? resolveMentionLists(request.lists, request.quotations, request.corrections)
      : resolveSavedMentionLists(request.lists, request.quotations, request.corrections, request.saved),
  people: (engine, request) => engine.setPeople(request.token, request.lists, request.names),
  savedPeople: async (engine, { file, key, identities }) => {
    const saved = await readSavedLists(file, key, identities.map((i) => i.shard));
    return saved !== null && engine.applySavedPeople(saved.lists.map((list, i) => ({ ...list, identity: identities[i]?.identity ?? '' })), saved.names);
  },
  speakerCounts: (engine, request) => engine.speakerCounts(request.query, request.budgetMs),
  person: (engine, { type: _type, id, ...options }) => engine.person(id, options),
  verify: (engine, request) => engine.verify(request.claim, request.limit),
};

/** Runs one request on `engine`. */
export async function handleEngineRequest<M extends EngineMethod>(engine: ShardEngine, request: EngineRequest<M>): Promise<EngineReply<M>> {
  // TypeScript cannot tie a handler to its request through the union; `Handlers` ties them for each method.
  const handler = handlers[request.type] as (engine: ShardEngine, request: EngineRequest<M>) => EngineReply<M> | Promise<EngineReply<M>>;
  return handler(engine, request);
}
