// The one table of VerbatimApi handlers, built from a library session and shared by every transport
// (Electron IPC in main/shell, HTTP in main/server). Arguments arrive as `unknown` and are validated here,
// so every transport applies the same checks; expected failures become `Result` values, never throws.

import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { ApiError, ApiMethod, FileAction, QuoteKind, Result, VerbatimApi } from '../contract/api.js';
import { supportedExtensions } from '../core/archive/formats.js';
import { parseCorrectionChange } from '../core/corrections/parse-corrections.js';
import { InvalidArgumentError, NotFoundError, toErrorValue, VerbatimError } from '../core/errors.js';
import { verifyLimits, type LibrarySession } from '../core/library.js';
import { resultLimits } from '../core/result-limits.js';
import { quoteKinds } from '../core/search/parse-query.js';

/** A handler per API method; each takes the raw, untrusted request and always resolves. */
export type ApiHandlers = { [K in ApiMethod]: (request: unknown) => ReturnType<VerbatimApi[K]> };

/**
 * Every API method, once: `satisfies Record<ApiMethod, …>` rejects a method left out and one that is not in
 * `VerbatimApi` (a list checked with `satisfies ApiMethod[]` would accept one left out).
 */
const everyMethod = { status: true, search: true, article: true, quotes: true, speakers: true, person: true, showFile: true, corrections: true, correct: true, undoCorrection: true, verify: true } as const satisfies Record<ApiMethod, true>;

/** The API's method names, in the order listed above. */
export const apiMethods: readonly ApiMethod[] = Object.keys(everyMethod) as ApiMethod[];

/** Longest query accepted at the boundary, in characters (the parser reads the first 1000). */
export const maxQueryLength = 10_000;
/** Longest claim accepted, in characters: 500 words (the most `verify` takes) of long words and spaces. */
export const maxClaimLength = 10_000;
const sorts = ['relevance', 'newest', 'oldest'] as const;
const fileActions = ['open', 'reveal'] as const satisfies readonly FileAction[];
const maxIdLength = 200;
const maxSpeakerLength = 200;
/** Far more results than any archive this app opens has (BBC at 50x: about 110,000 articles). */
const maxOffset = 10_000_000;

/**
 * Does `action` to `file`, an absolute path inside the archive (the app's shell: `main/shell/show-file.ts`).
 * Throws a `VerbatimError` for an expected failure (the file is gone).
 */
export type FileOpener = (file: string, action: FileAction) => Promise<void>;

/**
 * Builds the handler table for `session`. `showFile` needs `openFile`, which only the app gives; without it
 * the method answers `forbidden`.
 * @example
 * const handlers = createApiHandlers(startLibrary({ archiveDir, cacheDir }));
 * await handlers.search({ query: 'sanctions' }); // { ok: true, value: { hits: [...] } }
 */
export function createApiHandlers(session: LibrarySession, openFile?: FileOpener): ApiHandlers {
  return {
    status: (request) =>
      run(() => {
        expectObject(request, 'status', []);
        return session.status();
      }),
    search: (request) =>
      run(async () => {
        const r = expectObject(request, 'search', ['query', 'limit', 'offset', 'sort']);
        const query = expectString(r.query, 'query', maxQueryLength);
        const limit = expectLimit(r.limit, resultLimits.search.max);
        const offset = expectOffset(r.offset);
        const sort = r.sort === undefined ? undefined : expectOneOf(r.sort, 'sort', sorts);
        const library = await session.ready();
        return library.search(query, {
          ...(limit === undefined ? {} : { limit }),
          ...(offset === undefined ? {} : { offset }),
          ...(sort === undefined ? {} : { sort }),
        });
      }),
    article: (request) =>
      run(async () => {
        const r = expectObject(request, 'article', ['id', 'query']);
        const id = expectString(r.id, 'id', maxIdLength);
        const query = r.query === undefined ? undefined : expectString(r.query, 'query', maxQueryLength);
        const library = await session.ready();
        return library.article(id, query);
      }),
    quotes: (request) =>
      run(async () => {
        const r = expectObject(request, 'quotes', ['query', 'speaker', 'kinds', 'limit', 'offset']);
        const query = r.query === undefined ? undefined : expectString(r.query, 'query', maxQueryLength);
        const speaker = r.speaker === undefined ? undefined : expectString(r.speaker, 'speaker', maxSpeakerLength);
        const kinds = r.kinds === undefined ? undefined : expectQuoteKinds(r.kinds);
        const limit = expectLimit(r.limit, resultLimits.quotes.max);
        const offset = expectOffset(r.offset);
        const library = await session.ready();
        return library.quotes({
          ...(query === undefined ? {} : { query }),
          ...(speaker === undefined ? {} : { speaker }),
          ...(kinds === undefined ? {} : { kinds }),
          ...(limit === undefined ? {} : { limit }),
          ...(offset === undefined ? {} : { offset }),
        });
      }),
    speakers: (request) =>
      run(async () => {
        const r = expectObject(request, 'speakers', ['query', 'limit', 'offset']);
        const query = r.query === undefined ? undefined : expectString(r.query, 'query', maxQueryLength);
        const limit = expectLimit(r.limit, resultLimits.speakers.max);
        const offset = expectOffset(r.offset);
        const library = await session.ready();
        return library.speakers({
          ...(query === undefined ? {} : { query }),
          ...(limit === undefined ? {} : { limit }),
          ...(offset === undefined ? {} : { offset }),
        });
      }),
    person: (request) =>
      run(async () => {
        const r = expectObject(request, 'person', ['id', 'query']);
        const id = expectString(r.id, 'id', maxIdLength);
        const query = r.query === undefined ? undefined : expectString(r.query, 'query', maxQueryLength);
        const library = await session.ready();
        return library.person({ id, ...(query === undefined ? {} : { query }) });
      }),
    verify: (request) =>
      run(async () => {
        const r = expectObject(request, 'verify', ['claim', 'speaker', 'limit']);
        const claim = expectString(r.claim, 'claim', maxClaimLength);
        const speaker = r.speaker === undefined ? undefined : expectString(r.speaker, 'speaker', maxSpeakerLength);
        const limit = expectLimit(r.limit, verifyLimits.max);
        const library = await session.ready();
        return library.verify({ claim, ...(speaker === undefined ? {} : { speaker }), ...(limit === undefined ? {} : { limit }) });
      }),
    showFile: async (request) => {
      if (openFile === undefined) {
        return { ok: false, error: { code: 'forbidden', message: 'showFile: only the Verbatim app opens files; verbatim serve does not' } };
      }
      return await run(async () => {
        const r = expectObject(request, 'showFile', ['id', 'action']);
        const id = expectString(r.id, 'id', maxIdLength);
        const action = expectOneOf(r.action, 'action', fileActions);
        const library = await session.ready();
        const { article } = await library.article(id);
        await openFile(await realFileToShow(library.archiveDir, article.path, action), action);
        return null;
      });
    },
    corrections: (request) =>
      run(async () => {
        expectObject(request, 'corrections', []);
        const library = await session.ready();
        return { corrections: [...library.corrections()] };
      }),
    correct: (request) =>
      run(async () => {
        const r = expectObject(request, 'correct', ['change']);
        // The one check of a correction, as the corrections file and an import are checked.
        const change = parseCorrectionChange(r.change, '');
        const library = await session.ready();
        return library.correct(change);
      }),
    undoCorrection: (request) =>
      run(async () => {
        const r = expectObject(request, 'undoCorrection', ['id']);
        const id = expectString(r.id, 'id', maxIdLength);
        const library = await session.ready();
        return library.undoCorrection(id);
      }),
  };
}

/**
 * The absolute path of `relPath` (an article's path, relative to the archive), refused unless it stays
 * inside `archiveDir`: `showFile` opens only the archive's own files.
 */
export function fileInArchive(archiveDir: string, relPath: string): string {
  const root = path.resolve(archiveDir);
  const file = path.resolve(root, relPath);
  const inside = path.relative(root, file);
  if (inside === '' || inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) throw new NotFoundError(`${relPath}: not a file inside the archive ${archiveDir}`);
  return file;
}

/**
 * The file to open or show, by its real path (links followed), refused unless that is inside the archive's
 * real folder: a file replaced by a link leading out after indexing is not opened. Opening (not showing) is
 * only for the formats Verbatim reads: any file whose text looks like a page is read as one, and opening a
 * `story.hta` or a `.command` would run it.
 */
export async function realFileToShow(archiveDir: string, relPath: string, action: FileAction): Promise<string> {
  const lexical = fileInArchive(archiveDir, relPath);
  let real: string;
  let root: string;
  try {
    [real, root] = await Promise.all([realpath(lexical), realpath(archiveDir)]);
  } catch {
    // An article read from inside a zip (`dump.zip/2019/a.json`, issue 18) is the zip's: that is the file to show.
    const zip = /^(.+?\.zip)\//i.exec(relPath)?.[1];
    if (zip === undefined) throw new NotFoundError(`${relPath}: the file is no longer in the archive`);
    return realFileToShow(archiveDir, zip, action);
  }
  fileInArchive(root, path.relative(root, real));
  const extension = path.extname(real).toLowerCase();
  if (action === 'open' && !supportedExtensions.includes(extension)) {
    throw new VerbatimError('forbidden', `${relPath}: Verbatim opens only the formats it reads (${supportedExtensions.join(', ')}); use Show in folder`);
  }
  return real;
}

/** Turns an expected failure into an `ApiError`; anything else becomes `internal` with its message. */
export function toApiError(error: unknown): ApiError {
  const value = toErrorValue(error);
  return value.code === 'internal' ? { ...value, message: `Verbatim hit an unexpected error: ${value.message}` } : value;
}

async function run<T>(work: () => T | Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: toApiError(error) };
  }
}

function expectObject(value: unknown, method: string, allowed: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidArgumentError(`${method}: the request must be an object`);
  }
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
    throw new InvalidArgumentError(`${method}: the request must be a plain object`);
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw new InvalidArgumentError(`${method}: unknown field "${key.slice(0, 40)}"`);
  }
  return value as Record<string, unknown>;
}

function expectString(value: unknown, name: string, maxLength: number): string {
  if (typeof value !== 'string') throw new InvalidArgumentError(`${name} must be a string`);
  if (value.length > maxLength) {
    throw new InvalidArgumentError(`${name} is ${value.length} characters long; the limit is ${maxLength}`);
  }
  return value;
}

function expectOneOf<T extends string>(value: unknown, name: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`${name} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** A non-empty list of kinds of quote, each at most once. */
function expectQuoteKinds(value: unknown): QuoteKind[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > quoteKinds.length) throw new InvalidArgumentError(`kinds must be a list of ${quoteKinds.join(', ')}`);
  const kinds = value.map((kind) => expectOneOf(kind, 'kinds', quoteKinds));
  return [...new Set(kinds)];
}

function expectLimit(value: unknown, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw new InvalidArgumentError(`limit must be a whole number from 1 to ${max}`);
  }
  return value;
}

/**
 * How many results to skip: a whole number up to `maxOffset` (each engine makes its first offset + limit
 * results, library/open-archive.ts, so a huge offset is refused rather than tried).
 */
function expectOffset(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > maxOffset) {
    throw new InvalidArgumentError(`offset must be a whole number from 0 to ${maxOffset}`);
  }
  return value;
}
