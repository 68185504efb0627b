// The messages between the main thread and an engine (a worker thread, or in-process in tests).

import type { QuoteKind, SearchSort } from '../../contract/api.js';
import { NotFoundError, QueryError, VerbatimError } from '../errors.js';
import type { ShardEngine, ShardSpec } from './shard-engine.js';

export type EngineRequest =
  | { type: 'open'; shards: ShardSpec[] }
  | { type: 'update'; shard: ShardSpec }
  | { type: 'close'; shard: number }
  | { type: 'hide'; ids: string[] }
  /**
   * Writes the caches of shards changed since the last save, after extracting every pending quote when
   * `finishQuotes`; answers with notices of failures.
   */
  | { type: 'save'; finishQuotes: boolean }
  /** `speakerArticles`: the speakers list counts the quotes of this many of the engine's best articles. */
  | { type: 'search'; query: string; limit: number; sort: SearchSort; speakerArticles?: number }
  | { type: 'article'; id: string; query?: string }
  | { type: 'quotes'; query?: string; speaker?: string; kinds?: QuoteKind[]; limit: number };

export interface EngineMessage {
  id: number;
  request: EngineRequest;
}

/** An error as it crosses the thread boundary. */
export interface SerializedError {
  code: string;
  message: string;
  start?: number;
  end?: number;
}

/** Runs one request on `engine`. */
export async function handleEngineRequest(engine: ShardEngine, request: EngineRequest): Promise<unknown> {
  switch (request.type) {
    case 'open':
      return engine.open(request.shards);
    case 'update':
      return engine.update(request.shard);
    case 'close':
      engine.close(request.shard);
      return null;
    case 'hide':
      engine.hide(request.ids);
      return null;
    case 'save':
      return engine.save({ finishQuotes: request.finishQuotes });
    case 'search':
      return engine.search(request.query, {
        limit: request.limit,
        sort: request.sort,
        ...(request.speakerArticles === undefined ? {} : { speakerArticles: request.speakerArticles }),
      });
    case 'article':
      return engine.article(request.id, request.query);
    case 'quotes':
      return engine.quotes({
        ...(request.query === undefined ? {} : { query: request.query }),
        ...(request.speaker === undefined ? {} : { speaker: request.speaker }),
        ...(request.kinds === undefined ? {} : { kinds: request.kinds }),
        limit: request.limit,
      });
  }
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof QueryError) return { code: error.code, message: error.message, start: error.start, end: error.end };
  if (error instanceof VerbatimError) return { code: error.code, message: error.message };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/** Turns a serialized error back into the typed error the caller expects. */
export function deserializeError(error: SerializedError): Error {
  if (error.code === 'bad-query' && error.start !== undefined && error.end !== undefined) return new QueryError(error.message, error.start, error.end);
  if (error.code === 'not-found') return new NotFoundError(error.message);
  if (error.code === 'internal') return new Error(error.message);
  return new VerbatimError(error.code, error.message);
}
