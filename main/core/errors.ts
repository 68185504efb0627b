// Typed, expected failures of the core. Bugs throw plain Errors; these carry a stable `code`.

import type { ApiError, ErrorCode } from '../contract/api.js';

/** Base class of every expected failure; `code` is stable and travels across IPC and HTTP. */
export class VerbatimError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A query that cannot be answered as typed; `start`/`end` locate the problem in the query text. */
export class QueryError extends VerbatimError {
  readonly start: number;
  readonly end: number;

  constructor(message: string, start: number, end: number) {
    super('bad-query', message);
    this.start = start;
    this.end = end;
  }
}

/** A request that names no known article, or has malformed arguments. */
export class NotFoundError extends VerbatimError {
  constructor(message: string) {
    super('not-found', message);
  }
}

/** Arguments that fail validation at a boundary (IPC, HTTP, CLI). */
export class InvalidArgumentError extends VerbatimError {
  constructor(message: string) {
    super('invalid-argument', message);
  }
}

/** The archive folder itself cannot be opened (missing, not a folder, unreadable). */
export class ArchiveError extends VerbatimError {
  constructor(message: string) {
    super('archive', message);
  }
}

/** A file that cannot be read as an article; the message starts with its path. */
export class ArticleParseError extends VerbatimError {
  readonly path: string;
  readonly reason: string;

  constructor(path: string, reason: string) {
    super('unreadable-file', `${path}: ${reason}`);
    this.path = path;
    this.reason = reason;
  }
}

/**
 * An error as a value (`ApiError`), the one shape it has on every boundary: engine threads, IPC, HTTP. A
 * typed error keeps its code (and a query error where it went wrong); anything else is `internal`.
 */
export function toErrorValue(error: unknown): ApiError {
  if (error instanceof QueryError) return { code: error.code, message: error.message, start: error.start, end: error.end };
  if (error instanceof VerbatimError) return { code: error.code, message: error.message };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/** The typed error an error value came from (`toErrorValue`'s inverse): what the caller catches. */
export function fromErrorValue(value: ApiError): Error {
  if (value.code === 'bad-query' && value.start !== undefined && value.end !== undefined) return new QueryError(value.message, value.start, value.end);
  if (value.code === 'not-found') return new NotFoundError(value.message);
  if (value.code === 'internal') return new Error(value.message);
  return new VerbatimError(value.code, value.message);
}
