// What the benchmark's child processes share: the fixed query set, reading an archive the plain way
// (headline + body, for the references), the main-thread stall monitor, percentiles, and the result file.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { clearInterval, setInterval, setTimeout } from 'node:timers';

/**
 * The fixed query set, in Verbatim's query language (README "Query syntax"): single words, two and three
 * words, phrases, a prefix, OR, a negation, a typo, and date-less field filters. Chosen for the BBC
 * corpus (business, entertainment, politics, sport, tech, 2004-2005).
 */
export const QUERIES = [
  'economy',
  'election',
  'film',
  'mobile',
  'injury',
  'oil prices',
  'interest rates',
  'gordon brown budget',
  'chelsea manager',
  'music download',
  '"prime minister"',
  '"world cup"',
  '"tony blair"',
  'terror*',
  'blair OR howard tax',
  'film OR movie award',
  'england -cricket',
  'parliment~',
  'title:election',
  'speaker:blair',
];

/**
 * Queries that every article answers as a candidate (issue 14: `"a 2"` took 16 s at 10x and held up every
 * other search; `^` is no operator, so `a^2` is the same phrase), and a BBC one with `^`: each is timed, and
 * so is `ORDINARY_QUERY` sent while it runs. Kept apart from `QUERIES`: they stop at the query budget.
 */
/**
 * Claims for `verify` (issue 17), from BBC's politics/001.txt: a quotation as printed, shortened, with two words
 * replaced, spliced from two quotations, retyped, and one the archive does not hold.
 */
export const VERIFY_CLAIMS = [
  'We will definitely extend the maternity pay, from the six months where it now is to nine months',
  'we will definitely extend the maternity pay',
  'We will certainly extend the maternity pay, from the six months where it now is to twelve months',
  'We have made a firm commitment. These plans were announced by Gordon Brown in his pre-budget review',
  '“WE HAVE MADE A FIRM COMMITMENT. We will definitely extend the maternity-pay”',
  'the committee will publish its findings on the migration of unicorns next spring',
];

export const PATHOLOGICAL_QUERIES = ['"a 2"', 'a^2', 'tony^blair'];
export const ORDINARY_QUERY = 'economy';

/**
 * The one-shot queries (issue 19): each runs as its own `verbatim search` and `recollq` process, so a few
 * plain-word ones that both query languages read alike.
 */
export const ONE_SHOT_QUERIES = ['economy', 'oil prices', 'gordon brown budget'];

/** Plain word queries for the references' own `search` (their query languages differ from Verbatim's): the
 * queries above that are only lower-case words. */
export const SIMPLE_QUERIES = QUERIES.filter((query) => /^[a-z]+( [a-z]+)*$/.test(query));

const documentationNames = new Set(['readme', 'license', 'licence', 'attribution', 'source', 'changelog', 'copying', 'notice']);

/** The article files of `dir` in path order, skipped the way Verbatim skips them (hidden, README...). */
export function listArticleFiles(dir) {
  const out = [];
  const walk = (abs, rel) => {
    const entries = readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      if (documentationNames.has(entry.name.toLowerCase().replace(/\.[^.]*$/, ''))) continue;
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path.join(abs, entry.name), relPath);
      else if (entry.isFile() && /\.txt$/i.test(entry.name)) out.push({ abs: path.join(abs, entry.name), rel: relPath });
    }
  };
  walk(dir, '');
  return out;
}

/**
 * Reads `dir` the straightforward way: each `.txt` file's first line is the headline, the rest the body.
 * Exact duplicates (same headline and body as an earlier file) are left out, as Verbatim leaves them out
 * of its index, so every implementation indexes the same documents.
 */
export function readDocuments(dir) {
  const files = listArticleFiles(dir);
  const seen = new Set();
  const docs = [];
  let duplicates = 0;
  for (const file of files) {
    const text = readFileSync(file.abs, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    const newline = text.indexOf('\n');
    const title = (newline === -1 ? text : text.slice(0, newline)).trim();
    const body = newline === -1 ? '' : text.slice(newline + 1).trim();
    const key = createHash('sha1').update(`${title}\0${body}`).digest('hex');
    if (seen.has(key)) {
      duplicates += 1;
      continue;
    }
    seen.add(key);
    docs.push({ id: file.rel, title, body });
  }
  return { docs, files: files.length, duplicates };
}

/**
 * Watches the main thread: a 5 ms interval timer notes every late tick, and Node's event-loop delay
 * histogram runs beside it. `stop()` waits two more ticks, so a block that ends just before it is counted.
 * `phase()` names what was going on (recorded with each stall of 20 ms or more).
 */
export function startStallMonitor(phase = () => '') {
  const intervalMs = 5;
  const histogram = monitorEventLoopDelay({ resolution: intervalMs });
  histogram.enable();
  const started = performance.now();
  let last = started;
  let maxMs = 0;
  let ticks = 0;
  const stalls = [];
  const timer = setInterval(() => {
    const now = performance.now();
    const stall = now - last - intervalMs;
    last = now;
    ticks += 1;
    if (stall > maxMs) maxMs = stall;
    if (stall >= 20) stalls.push({ atMs: round(now - started - stall), ms: round(stall), phase: phase() });
  }, intervalMs);
  return {
    async stop() {
      await new Promise((resolve) => setTimeout(resolve, intervalMs * 3));
      clearInterval(timer);
      histogram.disable();
      stalls.sort((a, b) => b.ms - a.ms);
      return {
        maxMs: round(Math.max(0, maxMs)),
        histogramMaxMs: round(histogram.max / 1e6),
        p99Ms: round(histogram.percentile(99) / 1e6),
        ticks,
        over50ms: stalls.filter((s) => s.ms > 50).length,
        worst: stalls.slice(0, 10),
      };
    },
  };
}

/** The p-th percentile (nearest rank) of `samples`; null for none. */
export function percentile(samples, p) {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** p50, p95 and max of `samples`, rounded. */
export function latency(samples) {
  return { p50: round(percentile(samples, 50), 2), p95: round(percentile(samples, 95), 2), max: round(percentile(samples, 100), 2), samples: samples.length };
}

/** Times `fn` once; returns [milliseconds, result]. */
export function timed(fn) {
  const started = performance.now();
  const result = fn();
  return [performance.now() - started, result];
}

/** Times `fn` (sync or async) once; resolves with [milliseconds, result]. */
export async function timedAsync(fn) {
  const started = performance.now();
  const result = await fn();
  return [performance.now() - started, result];
}

/** Peak resident set size of this process so far, worker threads included, in MB (10^6 bytes). */
export function peakRssMb() {
  return round((process.resourceUsage().maxRSS * 1024) / 1e6);
}

export function round(value, digits = 1) {
  if (value === null || value === undefined || !Number.isFinite(value)) return value ?? null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** The task a child was started with (argv[2], JSON). */
export function readTask() {
  const raw = process.argv[2];
  if (raw === undefined) throw new Error('bench child: missing task argument (run scripts/bench.mjs, not this file)');
  return JSON.parse(raw);
}

/** Writes a child's result where the parent reads it, and ends the process (worker threads included). */
export function finish(task, result) {
  writeFileSync(task.resultFile, JSON.stringify({ ...result, peakRssMb: peakRssMb() }));
  process.exit(0);
}
