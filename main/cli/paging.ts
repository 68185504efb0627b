// Paging on the command line: --offset, --all and --jsonl for search and quotes (issue 15: `govern*` has 510
// hits on BBC and --limit stops at 500). Every page is asked of the library with an offset, as the window asks.

import { VerbatimError } from '../core/errors.js';

/** What was asked: where to start, and how many (`null` for every one from there on). */
export interface Paging {
  offset: number;
  limit: number | null;
  /** One JSON object per line, as each page arrives, rather than one document at the end. */
  jsonl: boolean;
}

/** A page of results as the library answers it: the page and the count before paging. */
export interface PageReply<T> {
  total: number;
  items: T[];
  /** Set when the page's search stopped at its time budget: results may be missing. */
  incomplete?: string | undefined;
}

/**
 * Reads --offset, --all and --jsonl beside the command's --limit (already parsed, or undefined) and its
 * default. --all means every result from the offset on, and needs --json or --jsonl: a terminal has no use
 * for 500 screens.
 * @throws VerbatimError (`usage`) for a bad value or options that do not go together.
 */
export function parsePaging(
  values: { offset?: string | undefined; all?: boolean | undefined; jsonl?: boolean | undefined; json?: boolean | undefined },
  limit: number | undefined,
  defaultLimit: number,
): Paging {
  const jsonl = values.jsonl === true;
  if (jsonl && values.json === true) throw usage('--json and --jsonl cannot be used together: choose one document or one line per result');
  if (values.all === true && limit !== undefined) throw usage('--all and --limit cannot be used together');
  if (values.all === true && values.json !== true && !jsonl) throw usage('--all needs --json or --jsonl');
  return { offset: parseOffset(values.offset), limit: values.all === true ? null : (limit ?? defaultLimit), jsonl };
}

/**
 * Asks `fetchPage` for pages until `paging` is served, handing each to `onPage` as it comes, and answers
 * with the first page's reply (its `total` and notices) with every item. The first page is `firstPage` long
 * and each after it twice the last: the engines make offset + limit results for every page (they cannot
 * skip what they do not rank), so doubling keeps that work in proportion to the results.
 */
export async function readPages<T, R extends PageReply<T>>(
  paging: Paging,
  firstPage: number,
  fetchPage: (offset: number, limit: number) => Promise<R>,
  onPage: (items: readonly T[]) => Promise<void> | void = () => undefined,
): Promise<R> {
  let offset = paging.offset;
  let size = paging.limit === null ? firstPage : Math.min(firstPage, paging.limit);
  const items: T[] = [];
  // The next page's length: `size`, or what is left of the limit.
  const asked = (): number => (paging.limit === null ? size : Math.min(size, paging.limit - (offset - paging.offset)));
  const first = await fetchPage(offset, asked());
  // Every page is a search of its own: one cut short by its time budget makes the whole answer incomplete.
  let incomplete = first.incomplete;
  for (let reply = first; ; reply = await fetchPage(offset, asked())) {
    incomplete ??= reply.incomplete;
    await onPage(reply.items);
    if (!paging.jsonl) items.push(...reply.items);
    const shortPage = reply.items.length < asked();
    offset += reply.items.length;
    const served = paging.limit !== null && offset - paging.offset >= paging.limit;
    if (served || shortPage || offset >= reply.total) break;
    size *= 2;
  }
  return { ...first, items, ...(incomplete === undefined ? {} : { incomplete }) };
}

/** Writes `lines` to stdout, one JSON value a line, waiting while the pipe is full (a slow reader, `| less`). */
export async function writeJsonLines(lines: readonly unknown[]): Promise<void> {
  if (lines.length === 0) return;
  const text = lines.map((line) => `${JSON.stringify(line)}\n`).join('');
  if (!process.stdout.write(text)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
}

function parseOffset(value: string | undefined): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (value.trim() === '' || !Number.isSafeInteger(n) || n < 0) throw usage(`--offset must be a whole number, 0 or more (got "${value}")`);
  return n;
}

function usage(message: string): VerbatimError {
  return new VerbatimError('usage', message);
}
