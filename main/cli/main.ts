// The `verbatim` command: search | quotes | speakers | verify | index | serve | corrections over an archive folder (ARCHITECTURE.md's
// command line contract). With --json, stdout is exactly one JSON document.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { QueryError, VerbatimError } from '../core/errors.js';
import { engineCount, indexArchive, openLibrary, startLibrary, verifyLimits, type Library, type OpenLibraryOptions } from '../core/library.js';
import { resultLimits } from '../core/result-limits.js';
import type { QuoteHit, QuoteKind, QuotesReply, SearchHit, SearchReply, SearchSort } from '../contract/api.js';
import { parseQuoteKinds } from '../core/search/parse-query.js';
import type { Snippet } from '../contract/model.js';
import { commandHelp, isCommandName } from './command-help.js';
import { correctionsCommand } from './corrections-command.js';
import { defaultCacheDir } from './default-cache-dir.js';
import { exitWhenOutputCloses } from './exit-when-output-closes.js';
import { parseCliArgs, type OptionSpec } from './parse-cli-args.js';
import { parsePaging, readPages, writeJsonLines } from './paging.js';
import { quoteJson, searchHitJson } from '../common/result-json.js';
import { listSpeakers, speakerJson, speakersText } from './speakers-command.js';
import { signalExitCodes, untilStopSignal } from './stop-on-signal.js';
import { terminalText } from './terminal-text.js';
import { UsageError } from './usage-error.js';
import { checkClaim, runVerify } from './verify-command.js';

const usage = `Usage:
  verbatim search QUERY [--archive DIR] [--limit N | --all] [--offset N] [--sort relevance|newest|oldest] [--json | --jsonl]
  verbatim quotes [QUERY] [--archive DIR] [--speaker NAME] [--kind direct,partial,indirect] [--limit N | --all] [--offset N] [--json | --jsonl]
  verbatim speakers [QUERY] [--archive DIR] [--limit N] [--json]
  verbatim verify TEXT [--archive DIR] [--speaker NAME] [--limit N] [--json]
  verbatim index [--archive DIR] [--json]
  verbatim serve [--archive DIR] [--port N]
  verbatim corrections [export FILE | import FILE] [--archive DIR] [--json]
  verbatim --version
Every command also takes --cache-dir DIR (or VERBATIM_CACHE_DIR). The default archive is the bundled sample.
--offset N skips the first N results; --all lists every one (with --json or --jsonl); --jsonl prints one JSON
object per result and line, as they come.
A query stops after VERBATIM_QUERY_BUDGET_MS (default 75) with what it found, and says so.
verbatim COMMAND --help tells a command's options, defaults and exit codes.`;

const options = {
  archive: { type: 'string' },
  'cache-dir': { type: 'string' },
  limit: { type: 'string' },
  speaker: { type: 'string' },
  kind: { type: 'string' },
  port: { type: 'string' },
  sort: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  offset: { type: 'string' },
  all: { type: 'boolean' },
  jsonl: { type: 'boolean' },
} as const satisfies Record<string, OptionSpec>;

type Values = {
  archive?: string | undefined;
  'cache-dir'?: string | undefined;
  limit?: string | undefined;
  speaker?: string | undefined;
  kind?: string | undefined;
  port?: string | undefined;
  sort?: string | undefined;
  json?: boolean | undefined;
  help?: boolean | undefined;
  version?: boolean | undefined;
  offset?: string | undefined;
  all?: boolean | undefined;
  jsonl?: boolean | undefined;
};

// The bundled CLI lives in dist/; the package root (with content/) is one level up.
const packageRoot = path.resolve(__dirname, '..');
const rendererDir = path.join(__dirname, 'renderer');
const workerScript = path.join(__dirname, 'index-worker.cjs');
const walkScript = path.join(__dirname, 'walk-worker.cjs');

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseCliArgs(argv, options);
  } catch (error) {
    return fail(error, argv.includes('--json'));
  }
  const values: Values = parsed.values;
  const [command, ...rest] = parsed.positionals;
  const json = values.json === true;
  if (values.version === true) {
    process.stdout.write(`verbatim ${packageVersion()}\n`);
    return 0;
  }
  // `verbatim search --help` and `verbatim help search`: the command's own page.
  const helpFor = command === 'help' ? rest[0] : values.help === true ? command : undefined;
  if (helpFor !== undefined && isCommandName(helpFor)) {
    process.stdout.write(`${commandHelp[helpFor]}\n`);
    return 0;
  }
  if (values.help === true || command === 'help') {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (command === undefined) {
    // Asked for nothing: usage is the error message, so it goes where errors go (issue 15).
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  try {
    const libraryOptions: OpenLibraryOptions = {
      archiveDir: path.resolve(values.archive ?? path.join(packageRoot, 'content')),
      cacheDir: path.resolve(values['cache-dir'] ?? process.env.VERBATIM_CACHE_DIR ?? defaultCacheDir()),
      workerScript,
      walkScript,
      onNotice: (message) => process.stderr.write(`verbatim: ${terminalText(message)}\n`),
      ...(process.stderr.isTTY ? { onProgress: showProgress } : {}),
      ...queryBudget(process.env.VERBATIM_QUERY_BUDGET_MS),
    };
    switch (command) {
      case 'search':
        return await search(rest, values, libraryOptions);
      case 'quotes':
        return await quotes(rest, values, libraryOptions);
      case 'speakers':
        return await speakers(rest, values, libraryOptions);
      case 'verify':
        return await verify(rest, values, libraryOptions);
      case 'index':
        return await index(rest, json, libraryOptions);
      case 'serve':
        return await serve(rest, values, libraryOptions);
      case 'corrections': {
        const output = await correctionsCommand(rest, libraryOptions);
        if (json) printJson(output.json);
        else process.stdout.write(`${output.text}\n`);
        return 0;
      }
      default:
        throw new UsageError(`unknown command "${command}"; use search, quotes, speakers, verify, index, serve or corrections (see verbatim --help)`);
    }
  } catch (error) {
    return fail(error, json);
  }
}

/** The version in package.json (one level above dist/, as the archive is). */
function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

/** `VERBATIM_QUERY_BUDGET_MS` as the library's query budget (none when unset: the engines' default). */
function queryBudget(value: string | undefined): { queryBudgetMs?: number } {
  if (value === undefined || value === '') return {};
  if (!/^\d+$/.test(value)) throw new UsageError(`VERBATIM_QUERY_BUDGET_MS must be a number of milliseconds (got "${terminalText(value.slice(0, 40))}")`);
  return { queryBudgetMs: Number(value) };
}

/**
 * Opens the archive for one answer (index, search, quotes): from a warm cache in this thread (no worker
 * threads to start for one answer), otherwise building on every core (see engineCount).
 */
function open(options: OpenLibraryOptions): Promise<Library> {
  return opening(openLibrary, options);
}

/** `open` with another opener of the library's (`indexArchive`). */
async function opening<T>(opener: (options: OpenLibraryOptions) => Promise<T>, options: OpenLibraryOptions): Promise<T> {
  try {
    return await opener({ engines: engineCount('once'), inProcessWhenCached: true, ...options });
  } finally {
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  }
}

async function search(args: string[], values: Values, options: OpenLibraryOptions): Promise<number> {
  const query = args.join(' ');
  // An empty query is no query (`search ""` used to answer 0 articles and exit 0 where `search` exited 2).
  if (query.trim() === '') throw new UsageError('search needs a QUERY, e.g. verbatim search "sanctions"');
  const paging = parsePaging(values, parseLimit(values.limit, resultLimits.search.cliMax), resultLimits.search.cliDefault);
  const sort = parseSort(values.sort);
  const library = await open(options);
  // A command extracts every quote before it ends anyway: first, so that its quotes carry their people (issue 16).
  await library.quotesReady();
  const read = readPages<SearchHit, SearchReply & { items: SearchHit[] }>(
    paging,
    resultLimits.search.cliMax,
    async (offset, limit) => {
      // Only the JSON output shows the speakers list; it and JSON lines show the quotes' people (their ids).
      const json = values.json === true && !paging.jsonl;
      const page = await library.search(query, { offset, limit, sort, speakers: json, people: json || paging.jsonl });
      return { ...page, items: page.hits };
    },
    paging.jsonl ? (hits) => writeJsonLines(hits.map(searchHitJson)) : undefined,
  );
  const { items, ...reply } = await read.finally(() => library.close());
  if (paging.jsonl) {
    printSearchNotices(reply);
  } else if (values.json === true) {
    printJson({
      query: reply.query,
      total: reply.total,
      tookMs: reply.tookMs,
      partial: reply.partial,
      notices: reply.notices,
      incomplete: reply.incomplete ?? null,
      facets: reply.facets,
      speakers: reply.speakers,
      hits: items.map(searchHitJson),
    });
  } else {
    printSearch({ ...reply, hits: items }, paging.offset);
  }
  return 0;
}

async function quotes(args: string[], values: Values, options: OpenLibraryOptions): Promise<number> {
  const query = args.join(' ');
  const paging = parsePaging(values, parseLimit(values.limit, resultLimits.quotes.cliMax), resultLimits.quotes.cliDefault);
  const kinds = values.kind === undefined ? undefined : parseKinds(values.kind);
  const library = await open(options);
  const filters = {
    ...(query === '' ? {} : { query }),
    ...(values.speaker === undefined ? {} : { speaker: values.speaker }),
    ...(kinds === undefined ? {} : { kinds }),
  };
  const read = readPages<QuoteHit, QuotesReply & { items: QuoteHit[] }>(
    paging,
    resultLimits.quotes.cliMax,
    async (offset, limit) => {
      const page = await library.quotes({ ...filters, offset, limit });
      return { ...page, items: page.quotes };
    },
    paging.jsonl ? (quotes) => writeJsonLines(quotes.map(quoteJson)) : undefined,
  );
  const { items, ...reply } = await read.finally(() => library.close());
  if (values.json === true) {
    printJson({ total: reply.total, incomplete: reply.incomplete ?? null, quotes: items.map(quoteJson) });
  } else {
    if (reply.incomplete !== undefined) process.stderr.write(`verbatim: ${reply.incomplete}\n`);
    if (!paging.jsonl) printQuotes(reply.total, items);
  }
  return 0;
}

async function speakers(args: string[], values: Values, options: OpenLibraryOptions): Promise<number> {
  const query = args.join(' ').trim();
  const limit = parseLimit(values.limit, resultLimits.speakers.cliMax) ?? resultLimits.speakers.cliDefault;
  const library = await open(options);
  const reply = await listSpeakers(library, query, limit).finally(() => library.close());
  if (values.json === true) printJson({ total: reply.total, speakers: reply.speakers.map(speakerJson) });
  else process.stdout.write(speakersText(reply));
  return 0;
}

async function verify(args: string[], values: Values, options: OpenLibraryOptions): Promise<number> {
  const claim = args.join(' ');
  if (claim.trim() === '') throw new UsageError('verify needs the TEXT of a claim, e.g. verbatim verify "we will rebuild this town"');
  checkClaim(claim);
  const limit = parseLimit(values.limit, verifyLimits.max);
  const library = await open(options);
  await runVerify(library, claim, { json: values.json === true, ...(values.speaker === undefined ? {} : { speaker: values.speaker }), ...(limit === undefined ? {} : { limit }) }).finally(() => library.close());
  return 0;
}

async function index(args: string[], json: boolean, options: OpenLibraryOptions): Promise<number> {
  if (args.length > 0) throw new UsageError(`index takes no QUERY (got "${args.join(' ')}")`);
  const started = performance.now();
  // Counted from the caches when nothing changed since they were written; otherwise opened, built where
  // needed, and done when its quotes are too (they are extracted after the archive is searchable).
  const library = await opening(indexArchive, options);
  const tookMs = Math.round(performance.now() - started);
  await library.close();
  if (json) {
    printJson({
      articles: library.articleCount,
      quotes: library.quoteCount,
      problems: library.problems.map((p) => ({ path: p.path, reason: p.reason })),
      duplicates: library.duplicates.map((d) => ({ path: d.path, duplicateOf: d.duplicateOf })),
      cache: library.cache,
      tookMs,
    });
  } else {
    const how = library.cache === 'loaded' ? 'loaded from the cache' : 'built';
    const duplicates = library.duplicates.length > 0 ? ` (${library.duplicates.length} exact duplicates set aside)` : '';
    process.stdout.write(`${terminalText(library.archiveDir)}: ${library.articleCount} articles${duplicates}, ${library.quoteCount} quotes; index ${how} in ${tookMs} ms\n`);
    if (library.problems.length > 0) {
      // Files not read, and files read only in part (an article cut at a budget): each with its reason.
      process.stdout.write(`${library.problems.length} ${library.problems.length === 1 ? 'problem' : 'problems'} reading the archive:\n`);
      for (const p of library.problems) process.stdout.write(`  ${terminalText(`${p.path}: ${p.reason}`)}\n`);
    }
  }
  return 0;
}

async function serve(args: string[], values: Values, options: OpenLibraryOptions): Promise<number> {
  if (args.length > 0) throw new UsageError(`serve takes no QUERY (got "${args.join(' ')}")`);
  const port = parsePort(values.port);
  // Loaded here, not at start: the one-shot commands never serve (issue 19: every command pays the load of
  // what it imports).
  const [{ createApiHandlers }, { startServer }] = await Promise.all([import('../transport/api-handlers.js'), import('../server/start-server.js')]);
  // Listening from the start: a signal while the server starts stops it as surely as one later.
  const stopped = untilStopSignal();
  const session = startLibrary({ ...options, onProgress: () => undefined, watch: true });
  const server = await startServer({ handlers: createApiHandlers(session), rendererDir, port }).catch((error: unknown) => {
    // A port in use used to leave the process hanging (issue 15): the archive is opening in worker threads,
    // which keep it alive. End it now, as a stop signal's deadline does (caches are written atomically).
    process.exit(fail(error, false));
  });
  process.stdout.write(`${server.url}\n`);
  process.stderr.write(`Serving ${options.archiveDir} on 127.0.0.1 only. Open the address above; press Ctrl+C to stop.\n`);
  session.ready().then(
    (library) => {
      const quotes = library.quotesPending ? 'finding their quotes' : `${library.quoteCount} quotes`;
      process.stderr.write(`Ready: ${library.articleCount} articles, ${quotes}.\n`);
      if (library.quotesPending) void library.quotesReady().then(() => process.stderr.write(`Quotes: ${library.quoteCount} found.\n`));
    },
    (error: unknown) => process.stderr.write(`verbatim: the archive could not be opened: ${terminalText(error instanceof Error ? error.message : String(error))}\n`),
  );
  const signal = await stopped;
  process.stderr.write(`Stopping (${signal}).\n`);
  // Closing waits for the archive to open and for caches being written: the deadline of untilStopSignal
  // ends the process when that takes longer (an interrupted cache write leaves only a temporary file).
  await server.close();
  await session.close();
  return signalExitCodes[signal];
}

function parseLimit(value: string | undefined, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`--limit must be a whole number from 1 to ${max} (got "${value}")`);
  return n;
}

function parseKinds(value: string): QuoteKind[] {
  const kinds = parseQuoteKinds(value);
  if (kinds === null) throw new UsageError(`--kind must be direct, partial or indirect, or several joined by commas (got "${value}")`);
  return kinds;
}

function parseSort(value: string | undefined): SearchSort {
  if (value === undefined) return 'relevance';
  if (value === 'relevance' || value === 'newest' || value === 'oldest') return value;
  throw new UsageError(`--sort must be relevance, newest or oldest (got "${value}")`);
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535 (got "${value}")`);
  return n;
}

/** A progress bar on stderr (only when it is a terminal): "indexing [#######.......] 1200/2225 files". */
function showProgress(progress: { done: number; total: number }): void {
  const width = 30;
  const filled = progress.total === 0 ? 0 : Math.round((progress.done / progress.total) * width);
  const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
  process.stderr.write(`\r\x1b[Kindexing [${bar}] ${progress.done}/${progress.total} files`);
}

function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

const bold = process.stdout.isTTY ? (s: string) => `\x1b[1m${s}\x1b[22m` : (s: string) => s;
const mark = process.stdout.isTTY ? (s: string) => `\x1b[7m${s}\x1b[27m` : (s: string) => `[${s}]`;

function highlight(snippet: Snippet): string {
  let out = '';
  let at = 0;
  for (const h of snippet.highlights) {
    out += terminalText(snippet.text.slice(at, h.start)) + mark(terminalText(snippet.text.slice(h.start, h.end)));
    at = h.end;
  }
  return out + terminalText(snippet.text.slice(at));
}

/** The search's notices and whether it stopped early, on stderr. */
function printSearchNotices(reply: SearchReply): void {
  for (const notice of reply.notices) process.stderr.write(`verbatim: ${terminalText(notice)}\n`);
  if (reply.incomplete !== undefined) process.stderr.write(`verbatim: ${reply.incomplete}\n`);
}

/** The hits as a numbered list, numbered from `offset` + 1. */
function printSearch(reply: SearchReply, offset: number): void {
  const lines: string[] = [];
  const note = reply.partial ? ' (no article has all the words; closest matches)' : '';
  printSearchNotices(reply);
  lines.push(`${reply.total} ${reply.total === 1 ? 'article' : 'articles'} for "${terminalText(reply.query)}"${note}, ${reply.tookMs} ms`);
  reply.hits.forEach((hit, i) => {
    const meta = terminalText([hit.date, hit.source, hit.path].filter((x) => x !== null).join(' · '));
    lines.push('', `${offset + i + 1}. ${bold(terminalText(hit.title))}`, `   ${meta} · ${hit.hitCount} hits`, `   ${highlight(hit.snippet)}`);
    for (const q of hit.quotes.slice(0, 3)) lines.push(terminalText(`   ${quoted(q)} — ${q.speaker ?? 'unattributed'}`));
  });
  process.stdout.write(`${lines.join('\n')}\n`);
}

function printQuotes(total: number, list: readonly QuoteHit[]): void {
  const lines = [`${total} ${total === 1 ? 'quote' : 'quotes'}`];
  for (const q of list) {
    lines.push('', quoted(q), `   — ${q.speaker ?? 'unattributed'}${q.verb ? ` (${q.verb})` : ''}, ${q.title} [${q.path}]`);
  }
  // No escapes of Verbatim's own here: the whole list is cleaned at once.
  process.stdout.write(`${terminalText(lines.join('\n'))}\n`);
}

/** A quote's words: in quotation marks when they are someone's words, marked as reported speech when not. */
function quoted(quote: Pick<QuoteHit, 'kind' | 'text'>): string {
  return quote.kind === 'indirect' ? `(reported) ${quote.text}` : `“${quote.text}”`;
}

function fail(error: unknown, json: boolean): number {
  const expected = error instanceof VerbatimError;
  const code = expected ? error.code : 'internal';
  let message = error instanceof Error ? error.message : String(error);
  if (error instanceof QueryError) message += ` (characters ${error.start + 1}-${error.end} of the query)`;
  if (json) {
    const where = error instanceof QueryError ? { start: error.start, end: error.end } : {};
    printJson({ error: { code, message, ...where } });
  }
  process.stderr.write(`verbatim: ${terminalText(message.split('\n')[0] ?? '')}\n`);
  if (!expected) return 1;
  return code === 'usage' || code === 'bad-query' || code === 'archive' ? 2 : 1;
}

exitWhenOutputCloses();
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`verbatim: unexpected error: ${terminalText(String(error))}\n`);
    process.exitCode = 1;
  },
);
