// Typed, expected failures of the core. Bugs throw plain Errors; these carry a stable `code`.

/** Base class of every expected failure; `code` is stable and travels across IPC and HTTP. */
export class VerbatimError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
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
