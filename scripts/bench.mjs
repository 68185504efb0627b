// Measures Verbatim against two references on the same documents, in one run on one machine (issue 6).
//
//   npm run bench                       # builds, then: node scripts/bench.mjs
//   node scripts/bench.mjs [--scales 1,10,50] [--runs 3] [--runs-large 1] [--repeats 5]
//                          [--parts verbatim,cli,lunr,minisearch] [--corpus DIR] [--work DIR]
//                          [--out bench-results/latest.json] [--timeout-min 60] [--reference-heap-mb N]
//   node scripts/bench.mjs --report bench-results/latest.json   # prints an earlier run's table again
//
// For each scale of the BBC corpus (x1 is ../shared/corpora/bbc itself; x10 and x50 are copies it writes
// to a temporary folder, each copy's articles slightly changed so none is an exact duplicate), every
// measurement runs in a fresh Node process, one at a time:
//   - Verbatim's real code (main/core/library.ts bundled with esbuild, dist/index-worker.cjs as its
//     worker): a cold open with a fresh cache folder, then a warm open of that cache and the fixed query
//     set (search top 20 with snippets and matching quotes, article view of the top hit, quotes);
//   - the command line as users run it: `node dist/cli.cjs index --archive DIR --cache-dir C --json`,
//     cold and warm, timed by the wall clock (Node's start included);
//   - reference (a), the straightforward implementation: lunr with position metadata built in the main
//     thread and saved with one JSON.stringify, then loaded back and searched in another process;
//   - reference (b), MiniSearch addAll over the same documents.
// It prints a table with ratios and the issue's targets (met / NOT met) and writes everything to
// bench-results/latest.json. Exits 0 whatever the numbers (speed is never a test), 1 on an error in the
// benchmark itself, 2 on bad usage. A reference that runs out of memory is a result, not an error.
import { build } from 'esbuild';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { listArticleFiles, QUERIES, SIMPLE_QUERIES } from './bench/common.mjs';
import { generateScaledCorpus } from './bench/scale-corpus.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const benchDir = path.join(root, 'scripts', 'bench');
const distWorker = path.join(root, 'dist', 'index-worker.cjs');
const distCli = path.join(root, 'dist', 'cli.cjs');

/** Issue 6's targets (2-core machine; ratios from the same run). */
const TARGETS = {
  coldVsLunr: 0.5,
  coldVsMiniSearch: 1,
  warmMsX1: 300,
  warmMsX10: 2000,
  queryP95MsX10: 15,
  peakRssMbX10: 1500,
  stallMs: 50,
};

const USAGE = `usage: node scripts/bench.mjs [--scales 1,10,50] [--runs N] [--runs-large N] [--repeats N]
       [--parts verbatim,cli,lunr,minisearch] [--corpus DIR] [--work DIR] [--out FILE] [--timeout-min N]
  --scales      archive sizes, as multiples of the corpus (default 1,10,50)
  --runs        fresh-process runs of every measurement for scales up to 10 (default 3); times are medians
  --runs-large  the same for larger scales (default 1)
  --repeats     timed repetitions of each query after one untimed run (default 5)
  --parts       what to measure (default all four)
  --corpus      the source archive (default ../shared/corpora/bbc)
  --work        keep the scaled copies in DIR and reuse them next time (default: a temporary folder, removed)
  --out         where the JSON results go (default bench-results/latest.json)
  --timeout-min a measurement still running after this long is stopped and reported (default 60)
  --reference-heap-mb  run the references with --max-old-space-size=N (default: Node's own limit)
  --report FILE print the table of an earlier run's JSON again (measures nothing)`;

class UsageError extends Error {}

function parseArgs(argv) {
  const options = {
    scales: [1, 10, 50],
    runs: 3,
    runsLarge: 1,
    repeats: 5,
    parts: new Set(['verbatim', 'cli', 'lunr', 'minisearch']),
    corpus: path.resolve(root, '..', 'shared', 'corpora', 'bbc'),
    work: null,
    out: path.join(root, 'bench-results', 'latest.json'),
    timeoutMin: 60,
    referenceHeapMb: null,
    report: null,
  };
  const count = (arg, value, min) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`${arg} must be a whole number of at least ${min} (got "${value}")`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    const value = argv[++i];
    if (value === undefined) throw new UsageError(`${arg} needs a value`);
    switch (arg) {
      case '--scales':
        options.scales = [...new Set(value.split(',').map((s) => count('--scales', s.trim(), 1)))].sort((a, b) => a - b);
        break;
      case '--runs':
        options.runs = count(arg, value, 1);
        break;
      case '--runs-large':
        options.runsLarge = count(arg, value, 1);
        break;
      case '--repeats':
        options.repeats = count(arg, value, 1);
        break;
      case '--parts': {
        const parts = value.split(',').map((s) => s.trim());
        const unknown = parts.filter((p) => !['verbatim', 'cli', 'lunr', 'minisearch'].includes(p));
        if (unknown.length > 0) throw new UsageError(`--parts: unknown "${unknown.join(', ')}" (use verbatim, cli, lunr, minisearch)`);
        options.parts = new Set(parts);
        break;
      }
      case '--corpus':
        options.corpus = path.resolve(value);
        break;
      case '--work':
        options.work = path.resolve(value);
        break;
      case '--out':
        options.out = path.resolve(value);
        break;
      case '--timeout-min':
        options.timeoutMin = count(arg, value, 1);
        break;
      case '--report':
        options.report = path.resolve(value);
        break;
      case '--reference-heap-mb':
        options.referenceHeapMb = count(arg, value, 256);
        break;
      default:
        throw new UsageError(`unknown option "${arg}"`);
    }
  }
  return options;
}

// ---------------------------------------------------------------------------------------------------
// Child processes

let scratch = null;
let resultCounter = 0;
let running = null;

/** Runs `args` with this Node in a fresh process; resolves with its exit, output and wall time. */
function runNode(args, timeoutMs) {
  return new Promise((resolve, reject) => {
    const load1 = round(os.loadavg()[0], 2);
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    running = child;
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      if (stdout.length < 64e6) stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr = (stderr + chunk).slice(-32_000);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      running = null;
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      running = null;
      resolve({ code, signal, stdout, stderr, timedOut, wallMs: performance.now() - started, load1 });
    });
  });
}

/** Why a child ended without a result, in a few words (out of memory is a result, not a crash). */
function describeFailure(exit, timeoutMin) {
  if (exit.timedOut) return `did not finish within ${timeoutMin} min (stopped)`;
  const text = exit.stderr;
  let what = 'failed';
  if (/heap out of memory|Reached heap limit|ERR_WORKER_OUT_OF_MEMORY|out of memory/i.test(text)) what = 'out of memory';
  else if (/Invalid string length/.test(text)) what = 'string too long (V8 strings hold at most 512 MiB)';
  const how = exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
  const lines = text.trim().split('\n').filter((l) => l.trim() !== '' && !/^\s+at /.test(l) && !/^\s*\d+: 0x[0-9a-f]+/i.test(l) && !/^\s*<--/.test(l));
  const fatal = lines.find((l) => /FATAL ERROR|RangeError|Error:/.test(l));
  const last = (fatal ?? lines.at(-1))?.trim().slice(0, 300) ?? '';
  return `${what} (${how})${last ? `: ${last}` : ''}`;
}

/** Runs a bench child script with `task`; `{ ok: true, ...result, wallMs }` or `{ ok: false, reason }`. */
async function runScenario(script, task, options, nodeFlags = []) {
  const resultFile = path.join(scratch, `result-${++resultCounter}.json`);
  const exit = await runNode([...nodeFlags, script, JSON.stringify({ ...task, resultFile })], options.timeoutMin * 60_000);
  if (existsSync(resultFile)) {
    const result = JSON.parse(readFileSync(resultFile, 'utf8'));
    rmSync(resultFile, { force: true });
    return { ok: true, ...result, wallMs: round(exit.wallMs), loadBefore: exit.load1 };
  }
  return { ok: false, reason: describeFailure(exit, options.timeoutMin), wallMs: round(exit.wallMs), loadBefore: exit.load1 };
}

/** `verbatim index --json` as users run it, timed by the wall clock (Node's start included). */
async function runCliIndex(archiveDir, cacheDir, options) {
  const exit = await runNode([distCli, 'index', '--archive', archiveDir, '--cache-dir', cacheDir, '--json'], options.timeoutMin * 60_000);
  if (exit.code !== 0 || exit.timedOut) return { ok: false, reason: describeFailure(exit, options.timeoutMin), wallMs: round(exit.wallMs) };
  try {
    const reply = JSON.parse(exit.stdout);
    return { ok: true, wallMs: round(exit.wallMs), articles: reply.articles, cache: reply.cache, tookMs: reply.tookMs, loadBefore: exit.load1 };
  } catch {
    return { ok: false, reason: `not one JSON document on stdout: ${exit.stdout.slice(0, 200)}`, wallMs: round(exit.wallMs) };
  }
}

// ---------------------------------------------------------------------------------------------------
// Measuring

function log(message) {
  process.stderr.write(`${message}\n`);
}

function dirBytes(dir) {
  let total = 0;
  if (!existsSync(dir)) return 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) total += dirBytes(p);
    else if (entry.isFile()) total += statSync(p).size;
  }
  return total;
}

function fresh(name) {
  const dir = path.join(scratch, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** One run of every measurement at one scale; each in its own process, one after another. */
async function measureRun(scale, archiveDir, run, runs, probe, options) {
  const tag = `[x${scale} ${run}/${runs}]`;
  const out = {};
  const note = (label, r, detail) => log(`${tag} ${label}: ${r.ok ? `${fmtMs(r.value ?? r.wallMs)}${detail ? ` (${detail(r)})` : ''}` : `FAILED: ${r.reason}`}`);
  const common = { queries: QUERIES, repeats: options.repeats };
  const referenceFlags = options.referenceHeapMb === null ? [] : [`--max-old-space-size=${options.referenceHeapMb}`];

  if (options.parts.has('verbatim')) {
    const cacheDir = fresh(`verbatim-cache-x${scale}`);
    out.verbatimCold = await runScenario(probe, { ...common, mode: 'cold', archiveDir, cacheDir, workerScript: distWorker }, options);
    out.cacheBytes = dirBytes(cacheDir);
    note('Verbatim cold open', { ...out.verbatimCold, value: out.verbatimCold.openMs }, (r) => `${r.articleCount} articles, cache ${r.cache}, stall max ${fmtMs(r.stall.maxMs)}, peak RSS ${fmtMb(r.peakRssMb)}`);
    if (out.verbatimCold.ok) {
      out.verbatimWarm = await runScenario(probe, { ...common, mode: 'warm', archiveDir, cacheDir, workerScript: distWorker }, options);
      note('Verbatim warm open + queries', { ...out.verbatimWarm, value: out.verbatimWarm.openMs }, (r) => `cache ${r.cache}, search p50 ${fmtMs(r.search.p50)} p95 ${fmtMs(r.search.p95)}, peak RSS ${fmtMb(r.peakRssMb)}`);
    }
    rmSync(cacheDir, { recursive: true, force: true });
  }

  if (options.parts.has('cli')) {
    const cacheDir = fresh(`cli-cache-x${scale}`);
    out.cliCold = await runCliIndex(archiveDir, cacheDir, options);
    note('verbatim index, cold (wall)', out.cliCold, (r) => `${r.articles} articles, cache ${r.cache}`);
    if (out.cliCold.ok) {
      out.cliWarm = await runCliIndex(archiveDir, cacheDir, options);
      note('verbatim index, warm (wall)', out.cliWarm, (r) => `cache ${r.cache}, tookMs ${r.tookMs}`);
    }
    rmSync(cacheDir, { recursive: true, force: true });
  }

  if (options.parts.has('lunr')) {
    const indexFile = path.join(scratch, `lunr-x${scale}.json`);
    out.lunrBuild = await runScenario(path.join(benchDir, 'lunr-reference.mjs'), { mode: 'build', archiveDir, indexFile }, options, referenceFlags);
    note('straightforward lunr, read + build', { ...out.lunrBuild, value: out.lunrBuild.openToSearchableMs }, (r) =>
      `${r.docs} docs, ${r.serializeError ? `serialize FAILED: ${r.serializeError}` : `JSON.stringify ${fmtMs(r.serializeMs)}, ${fmtMb(r.bytes / 1e6)}`}, peak RSS ${fmtMb(r.peakRssMb)}`);
    if (out.lunrBuild.ok && existsSync(indexFile)) {
      out.lunrLoad = await runScenario(path.join(benchDir, 'lunr-reference.mjs'), { mode: 'load', indexFile, queries: SIMPLE_QUERIES, repeats: options.repeats }, options, referenceFlags);
      note('straightforward lunr, load', { ...out.lunrLoad, value: out.lunrLoad.loadMs }, (r) => `search p50 ${fmtMs(r.search.p50)} p95 ${fmtMs(r.search.p95)}`);
    }
    rmSync(indexFile, { force: true });
  }

  if (options.parts.has('minisearch')) {
    out.minisearch = await runScenario(path.join(benchDir, 'minisearch-reference.mjs'), { archiveDir, queries: SIMPLE_QUERIES, repeats: options.repeats }, options, referenceFlags);
    note('MiniSearch, read + addAll', { ...out.minisearch, value: out.minisearch.openToSearchableMs }, (r) => `${r.docs} docs, peak RSS ${fmtMb(r.searchablePeakRssMb)}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Summaries, ratios, targets

function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 === 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

function worst(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x));
  return v.length === 0 ? null : Math.max(...v);
}

function round(value, digits = 1) {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function ratio(a, b) {
  return typeof a === 'number' && typeof b === 'number' && b > 0 ? round(a / b, 2) : null;
}

/** Times are medians over the runs; peak RSS and stalls are the worst run; failures are listed. */
function summarize(scale, runs) {
  const ok = (key) => runs.map((r) => r[key]).filter((x) => x?.ok);
  const failures = [];
  const failed = {};
  for (const [i, r] of runs.entries()) {
    for (const [key, value] of Object.entries(r)) {
      if (!value || typeof value !== 'object' || value.ok !== false) continue;
      failures.push(`run ${i + 1} ${key}: ${value.reason}`);
      failed[key] ??= value.reason.replace(/ \(.*$/s, '');
    }
  }
  const cold = ok('verbatimCold');
  const warm = ok('verbatimWarm');
  const queryProblems = [];
  for (const w of warm) for (const q of w.perQuery ?? []) if (q.error || q.total === 0) queryProblems.push(`${q.query}: ${q.error ?? 'no hits'}`);
  const verbatim = cold.length === 0 ? null : {
    articles: cold[0].articleCount,
    quotes: cold[0].quoteCount,
    duplicates: cold[0].duplicates,
    coldOpenMs: median(cold.map((r) => r.openMs)),
    coldFirstSearchMs: median(cold.map((r) => r.firstSearchMs)),
    coldQuotesDoneMs: median(cold.map((r) => r.quotesDoneMs)),
    coldCache: cold.map((r) => r.cache),
    lastFileReadMs: median(cold.map((r) => r.lastFileReadMs)),
    coldPeakRssMb: worst(cold.map((r) => r.peakRssMb)),
    stallMaxMs: worst(cold.map((r) => r.stall.maxMs)),
    stallHistogramMaxMs: worst(cold.map((r) => r.stall.histogramMaxMs)),
    worstStalls: cold.flatMap((r) => r.stall.worst).sort((a, b) => b.ms - a.ms).slice(0, 5),
    cacheBytes: median(runs.map((r) => r.cacheBytes)),
    warmOpenMs: median(warm.map((r) => r.openMs)),
    warmCache: warm.map((r) => r.cache),
    warmStallMaxMs: worst(warm.map((r) => r.stall.maxMs)),
    warmPeakRssMb: worst(warm.map((r) => r.peakRssMb)),
    searchP50Ms: median(warm.map((r) => r.search.p50)),
    searchP95Ms: median(warm.map((r) => r.search.p95)),
    searchMaxMs: worst(warm.map((r) => r.search.max)),
    articleP50Ms: median(warm.map((r) => r.article.p50)),
    articleP95Ms: median(warm.map((r) => r.article.p95)),
    quotesP50Ms: median(warm.map((r) => r.quotes.p50)),
    quotesP95Ms: median(warm.map((r) => r.quotes.p95)),
    queryProblems: [...new Set(queryProblems)],
    slowestQueries: Object.entries(
      warm.flatMap((r) => r.perQuery ?? []).reduce((acc, q) => {
        if (typeof q.medianMs === 'number') (acc[q.query] ??= []).push(q.medianMs);
        return acc;
      }, {}),
    )
      .map(([query, medians]) => ({ query, medianMs: median(medians) }))
      .sort((a, b) => b.medianMs - a.medianMs)
      .slice(0, 5),
    apiMissing: [...new Set([...cold, ...warm].flatMap((r) => r.apiMissing ?? []))],
    notices: [...new Set([...cold, ...warm].flatMap((r) => r.notices ?? []))],
  };
  if (verbatim) verbatim.peakRssMb = worst([verbatim.coldPeakRssMb, verbatim.warmPeakRssMb]);
  const cliCold = ok('cliCold');
  const cliWarm = ok('cliWarm');
  const cli = cliCold.length === 0 ? null : {
    articles: cliCold[0].articles,
    coldWallMs: median(cliCold.map((r) => r.wallMs)),
    coldTookMs: median(cliCold.map((r) => r.tookMs)),
    warmWallMs: median(cliWarm.map((r) => r.wallMs)),
    warmTookMs: median(cliWarm.map((r) => r.tookMs)),
    warmCache: cliWarm.map((r) => r.cache),
  };
  const lb = ok('lunrBuild');
  const ll = ok('lunrLoad');
  const lunr = lb.length === 0 ? null : {
    docs: lb[0].docs,
    files: lb[0].files,
    readMs: median(lb.map((r) => r.readMs)),
    buildMs: median(lb.map((r) => r.buildMs)),
    openToSearchableMs: median(lb.map((r) => r.openToSearchableMs)),
    serializeMs: median(lb.map((r) => r.serializeMs)),
    writeMs: median(lb.map((r) => r.writeMs)),
    coldTotalMs: median(lb.map((r) => r.coldTotalMs)),
    bytes: median(lb.map((r) => r.bytes)),
    serializeError: lb.find((r) => r.serializeError)?.serializeError ?? null,
    searchablePeakRssMb: worst(lb.map((r) => r.searchablePeakRssMb)),
    peakRssMb: worst(lb.map((r) => r.peakRssMb)),
    stallMaxMs: worst(lb.map((r) => r.stall.maxMs)),
    loadMs: median(ll.map((r) => r.loadMs)),
    loadPeakRssMb: worst(ll.map((r) => r.peakRssMb)),
    searchP50Ms: median(ll.map((r) => r.search.p50)),
    searchP95Ms: median(ll.map((r) => r.search.p95)),
  };
  const ms = ok('minisearch');
  const minisearch = ms.length === 0 ? null : {
    docs: ms[0].docs,
    readMs: median(ms.map((r) => r.readMs)),
    addAllMs: median(ms.map((r) => r.addAllMs)),
    openToSearchableMs: median(ms.map((r) => r.openToSearchableMs)),
    searchablePeakRssMb: worst(ms.map((r) => r.searchablePeakRssMb)),
    stallMaxMs: worst(ms.map((r) => r.stall.maxMs)),
    jsonBytes: median(ms.map((r) => r.bytes)),
    searchP50Ms: median(ms.map((r) => r.search.p50)),
    searchP95Ms: median(ms.map((r) => r.search.p95)),
  };
  const ratios = {
    coldVsLunr: ratio(verbatim?.coldOpenMs, lunr?.openToSearchableMs),
    coldVsLunrWithSave: ratio(verbatim?.coldOpenMs, lunr?.coldTotalMs),
    coldVsMiniSearch: ratio(verbatim?.coldOpenMs, minisearch?.openToSearchableMs),
    cliColdVsLunr: ratio(cli?.coldWallMs, lunr?.openToSearchableMs),
    cliColdVsMiniSearch: ratio(cli?.coldWallMs, minisearch?.openToSearchableMs),
    warmVsLunrLoad: ratio(verbatim?.warmOpenMs, lunr?.loadMs),
    cacheVsLunrJson: ratio(verbatim?.cacheBytes, lunr?.bytes),
    peakRssVsLunr: ratio(verbatim?.peakRssMb, lunr?.peakRssMb),
    peakRssVsMiniSearch: ratio(verbatim?.peakRssMb, minisearch?.searchablePeakRssMb),
  };
  return { verbatim, cli, lunr, minisearch, ratios, failures, failed };
}

function evaluateTargets(results) {
  const at = (scale) => results.find((r) => r.scale === scale)?.summary ?? null;
  const targets = [];
  const check = (name, scale, value, limit, unit) => {
    const s = at(scale);
    const measured = s !== null && typeof value === 'number';
    targets.push({ name, scale, value: measured ? value : null, limit, unit, met: measured ? value <= limit : null });
  };
  const x1 = at(1);
  const x10 = at(10);
  check('Cold open, BBC: at most 0.5x the straightforward lunr (read + build)', 1, x1?.ratios.coldVsLunr, TARGETS.coldVsLunr, 'x');
  check('Cold open, BBC: no slower than MiniSearch (read + addAll)', 1, x1?.ratios.coldVsMiniSearch, TARGETS.coldVsMiniSearch, 'x');
  check('  the same, `verbatim index` cold by the wall clock vs straightforward lunr', 1, x1?.ratios.cliColdVsLunr, TARGETS.coldVsLunr, 'x');
  check('  the same, `verbatim index` cold by the wall clock vs MiniSearch', 1, x1?.ratios.cliColdVsMiniSearch, TARGETS.coldVsMiniSearch, 'x');
  check('Warm open, BBC: at most 300 ms', 1, x1?.verbatim?.warmOpenMs, TARGETS.warmMsX1, 'ms');
  check('  the same, `verbatim index` warm by the wall clock (Node start included)', 1, x1?.cli?.warmWallMs, TARGETS.warmMsX1, 'ms');
  check('Warm open, 10x: at most 2 s', 10, x10?.verbatim?.warmOpenMs, TARGETS.warmMsX10, 'ms');
  check('  the same, `verbatim index` warm by the wall clock (Node start included)', 10, x10?.cli?.warmWallMs, TARGETS.warmMsX10, 'ms');
  check('Query p95 with snippets and quotes (top 20), 10x: at most 15 ms', 10, x10?.verbatim?.searchP95Ms, TARGETS.queryP95MsX10, 'ms');
  check('Peak RSS, 10x: at most 1.5 GB', 10, x10?.verbatim?.peakRssMb, TARGETS.peakRssMbX10, 'MB');
  for (const r of results) check(`Main-thread stall while indexing, x${r.scale}: at most 50 ms`, r.scale, r.summary.verbatim?.stallMaxMs, TARGETS.stallMs, 'ms');
  for (const r of results.filter((x) => x.scale >= 50)) {
    const v = r.summary.verbatim;
    const problems = [];
    if (!v) problems.push('did not open');
    else {
      if (!v.warmCache.every((c) => c === 'loaded') || v.warmCache.length === 0) problems.push(`reopen did not load the cache (${v.warmCache.join(', ') || 'failed'})`);
      if (v.queryProblems.some((p) => !p.endsWith('no hits'))) problems.push('a search failed');
    }
    problems.push(...r.summary.failures.filter((f) => / verbatim(Cold|Warm): /.test(f)));
    targets.push({ name: `${r.scale}x (${v?.articles ?? '?'} articles): opens, searches and reopens without crashing`, scale: r.scale, value: problems.length === 0 ? 'yes' : problems.join('; '), limit: 'yes', unit: '', met: problems.length === 0 });
  }
  return targets;
}

// ---------------------------------------------------------------------------------------------------
// Output

function fmtMs(ms) {
  if (ms === null || ms === undefined) return '-';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

function fmtMb(mb) {
  if (mb === null || mb === undefined) return '-';
  return mb >= 1000 ? `${(mb / 1000).toFixed(2)} GB` : `${Math.round(mb)} MB`;
}

function fmtRatio(x) {
  return x === null || x === undefined ? '-' : `${x.toFixed(2)}x`;
}

function machineInfo() {
  const cpus = os.cpus();
  const version = (pkg) => {
    try {
      return JSON.parse(readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
    } catch {
      return null;
    }
  };
  let commit = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'main'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (dirty !== '') commit += ' + uncommitted changes in main/';
  } catch {
    // Not a git checkout: the commit stays unknown.
  }
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    availableParallelism: os.availableParallelism(),
    memoryGb: round(os.totalmem() / 1e9, 1),
    node: process.version,
    v8HeapLimitMb: round(v8.getHeapStatistics().heap_size_limit / 1e6, 0),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadAverageAtStart: os.loadavg().map((x) => round(x, 2)),
    lunr: version('lunr'),
    minisearch: version('minisearch'),
    esbuild: version('esbuild'),
    commit,
  };
}

function printReport(report) {
  const { machine, results, targets, options } = report;
  const w = 52;
  const cw = 21;
  const lines = [];
  const row = (label, values) => lines.push(`${label.padEnd(w)}${values.map((v) => String(v ?? '-').padStart(cw)).join('')}`);
  lines.push('');
  lines.push(`Verbatim benchmark, ${report.date}`);
  lines.push(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB RAM, Node ${machine.node} (heap limit ${machine.v8HeapLimitMb} MB), ${machine.platform}`);
  lines.push(`Code: ${machine.commit ?? 'unknown commit'}; lunr ${machine.lunr}, MiniSearch ${machine.minisearch}`);
  const loads = results.flatMap((r) => r.runs.flatMap((run) => Object.values(run).map((m) => m?.loadBefore))).filter((x) => typeof x === 'number');
  const busiest = loads.length > 0 ? Math.max(...loads) : null;
  lines.push(`Load average (1 min) before the measurements: up to ${busiest ?? '-'}${busiest !== null && busiest > 0.5 * machine.cores ? ` on ${machine.cores} cores: OTHER PROCESSES WERE RUNNING, the numbers are noisy` : ''}`);
  lines.push(`Runs: ${options.runs} per measurement up to x10, ${options.runsLarge} above; each in a fresh process. Times are medians; peak RSS and stalls the worst run.`);
  lines.push(`References run with ${options.referenceHeapMb === null ? `Node's default heap limit (${machine.v8HeapLimitMb} MB)` : `--max-old-space-size=${options.referenceHeapMb}`}.`);
  lines.push('');
  const s = results.map((r) => r.summary);
  row('', results.map((r) => `x${r.scale}`));
  row('files in the archive', results.map((r) => r.files));
  row('articles indexed: Verbatim / references', s.map((x) => `${x.verbatim?.articles ?? x.cli?.articles ?? '-'} / ${x.lunr?.docs ?? x.minisearch?.docs ?? '-'}`));
  lines.push('Verbatim (real code; index built in its worker)');
  row('  cold open to searchable (openLibrary)', s.map((x) => x.verbatim ? fmtMs(x.verbatim.coldOpenMs) : (x.failed.verbatimCold ?? '-')));
  row('    of which: until the last file was read', s.map((x) => fmtMs(x.verbatim?.lastFileReadMs)));
  row('  then the first search', s.map((x) => fmtMs(x.verbatim?.coldFirstSearchMs)));
  row('  all quotes extracted (background), from start', s.map((x) => fmtMs(x.verbatim?.coldQuotesDoneMs)));
  row('  `verbatim index` cold, wall clock', s.map((x) => x.cli ? fmtMs(x.cli.coldWallMs) : (x.failed.cliCold ?? '-')));
  row('  warm open (openLibrary, cache loaded)', s.map((x) => x.verbatim?.warmOpenMs != null ? fmtMs(x.verbatim.warmOpenMs) : (x.failed.verbatimWarm ?? '-')));
  row('  `verbatim index` warm, wall clock', s.map((x) => fmtMs(x.cli?.warmWallMs)));
  row('  cache size on disk', s.map((x) => fmtMb(x.verbatim ? x.verbatim.cacheBytes / 1e6 : null)));
  row('  peak RSS, cold open (worker included)', s.map((x) => fmtMb(x.verbatim?.coldPeakRssMb)));
  row('  peak RSS, warm open + queries', s.map((x) => fmtMb(x.verbatim?.warmPeakRssMb)));
  row('  main-thread stall max, cold open until quotes done', s.map((x) => fmtMs(x.verbatim?.stallMaxMs)));
  row('  main-thread stall max, warm open', s.map((x) => fmtMs(x.verbatim?.warmStallMaxMs)));
  row('  search p50 / p95 (top 20, snippets, quotes)', s.map((x) => (x.verbatim ? `${fmtMs(x.verbatim.searchP50Ms)} / ${fmtMs(x.verbatim.searchP95Ms)}` : '-')));
  row('  article(id, query) p50 / p95', s.map((x) => (x.verbatim ? `${fmtMs(x.verbatim.articleP50Ms)} / ${fmtMs(x.verbatim.articleP95Ms)}` : '-')));
  row('  quotes({...}) p50 / p95', s.map((x) => (x.verbatim ? `${fmtMs(x.verbatim.quotesP50Ms)} / ${fmtMs(x.verbatim.quotesP95Ms)}` : '-')));
  lines.push('(a) straightforward lunr (main thread, positions, one JSON.stringify)');
  row('  read + build = open to searchable', s.map((x) => x.lunr ? fmtMs(x.lunr.openToSearchableMs) : (x.failed.lunrBuild ?? '-')));
  row('    of which: reading the files', s.map((x) => fmtMs(x.lunr?.readMs)));
  row('  JSON.stringify + write', s.map((x) => (x.lunr ? (x.lunr.serializeError ? 'FAILED' : `${fmtMs(x.lunr.serializeMs)} + ${fmtMs(x.lunr.writeMs)}`) : '-')));
  row('  index file size', s.map((x) => (x.lunr?.bytes ? fmtMb(x.lunr.bytes / 1e6) : '-')));
  row('  peak RSS (build + save)', s.map((x) => fmtMb(x.lunr?.peakRssMb)));
  row('  main-thread stall max (build)', s.map((x) => fmtMs(x.lunr?.stallMaxMs)));
  row('  warm load (JSON.parse + Index.load)', s.map((x) => x.lunr?.loadMs != null ? fmtMs(x.lunr.loadMs) : (x.failed.lunrLoad ?? (x.lunr?.serializeError ? 'nothing saved' : '-'))));
  row('  idx.search p50 / p95 (plain words, no snippets)', s.map((x) => (x.lunr?.searchP50Ms != null ? `${fmtMs(x.lunr.searchP50Ms)} / ${fmtMs(x.lunr.searchP95Ms)}` : '-')));
  lines.push('(b) MiniSearch addAll (title, body)');
  row('  read + addAll = open to searchable', s.map((x) => x.minisearch ? fmtMs(x.minisearch.openToSearchableMs) : (x.failed.minisearch ?? '-')));
  row('  peak RSS', s.map((x) => fmtMb(x.minisearch?.searchablePeakRssMb)));
  row('  search p50 / p95 (plain words, no snippets)', s.map((x) => (x.minisearch ? `${fmtMs(x.minisearch.searchP50Ms)} / ${fmtMs(x.minisearch.searchP95Ms)}` : '-')));
  lines.push('Ratios (Verbatim / reference; below 1 is better)');
  row('  cold open / lunr read + build', s.map((x) => fmtRatio(x.ratios.coldVsLunr)));
  row('  cold open / lunr read + build + save', s.map((x) => fmtRatio(x.ratios.coldVsLunrWithSave)));
  row('  cold open / MiniSearch read + addAll', s.map((x) => fmtRatio(x.ratios.coldVsMiniSearch)));
  row('  `verbatim index` cold (wall) / lunr read + build', s.map((x) => fmtRatio(x.ratios.cliColdVsLunr)));
  row('  `verbatim index` cold (wall) / MiniSearch', s.map((x) => fmtRatio(x.ratios.cliColdVsMiniSearch)));
  row('  warm open / lunr warm load', s.map((x) => fmtRatio(x.ratios.warmVsLunrLoad)));
  row('  cache size / lunr JSON size', s.map((x) => fmtRatio(x.ratios.cacheVsLunrJson)));
  row('  peak RSS / lunr peak RSS', s.map((x) => fmtRatio(x.ratios.peakRssVsLunr)));
  row('  peak RSS / MiniSearch peak RSS', s.map((x) => fmtRatio(x.ratios.peakRssVsMiniSearch)));
  lines.push('');
  lines.push('Targets (issue 6)');
  for (const t of targets) {
    const mark = t.met === null ? 'not measured' : t.met ? 'met' : 'NOT met';
    const value = t.value === null ? '' : typeof t.value === 'number' ? `${t.unit === 'x' ? fmtRatio(t.value) : t.unit === 'MB' ? fmtMb(t.value) : fmtMs(t.value)}` : t.value;
    lines.push(`  [${mark.padEnd(12)}] ${t.name}${value !== '' ? `: ${value}` : ''}`);
  }
  const notes = [];
  for (const r of results) {
    const v = r.summary.verbatim;
    for (const f of r.summary.failures) notes.push(`x${r.scale} ${f}`);
    if (v) {
      if (r.expectedArticles !== null && v.articles !== r.expectedArticles) notes.push(`x${r.scale}: Verbatim indexed ${v.articles} articles, expected ${r.expectedArticles}`);
      for (const p of v.queryProblems) notes.push(`x${r.scale} query ${p}`);
      if (v.apiMissing.length > 0) notes.push(`x${r.scale}: the Library lacks ${v.apiMissing.join(', ')}`);
      for (const n of v.notices) notes.push(`x${r.scale} notice: ${n}`);
      for (const st of v.worstStalls.slice(0, 3)) notes.push(`x${r.scale} cold-open stall ${fmtMs(st.ms)} at ${fmtMs(st.atMs)}: ${st.phase}`);
      if (v.slowestQueries.length > 0) notes.push(`x${r.scale} slowest searches (median): ${v.slowestQueries.map((q) => `${q.query} ${fmtMs(q.medianMs)}`).join(', ')}`);
    }
  }
  if (notes.length > 0) {
    lines.push('');
    lines.push('Notes');
    for (const n of notes) lines.push(`  ${n}`);
  }
  lines.push('');
  const shown = path.relative(root, report.outFile);
  lines.push(`Took ${fmtMs(report.totalMs)}. Full results: ${shown.startsWith('..') ? report.outFile : shown}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

// ---------------------------------------------------------------------------------------------------

function newestSourceMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMtime(p));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** Prints the table of a saved run, summarized again from its raw measurements. */
function reprint(file) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  for (const r of report.results) r.summary = summarize(r.scale, r.runs);
  report.targets = evaluateTargets(report.results);
  report.outFile = file;
  printReport(report);
}

async function main() {
  const started = performance.now();
  const options = parseArgs(process.argv.slice(2));
  if (options.report !== null) {
    if (!existsSync(options.report)) throw new UsageError(`--report: ${options.report} does not exist`);
    reprint(options.report);
    return;
  }
  if (!existsSync(options.corpus)) throw new UsageError(`the corpus ${options.corpus} does not exist (--corpus DIR)`);
  const needsDist = options.parts.has('verbatim') || options.parts.has('cli');
  if (needsDist && (!existsSync(distWorker) || !existsSync(distCli))) {
    throw new UsageError('dist/ is not built: run `npm run bench` (it builds first) or `node scripts/build.mjs`');
  }
  const bundled = ['core', 'cli', 'server', 'contract'].map((d) => path.join(root, 'main', d)).filter((d) => existsSync(d));
  if (needsDist && statSync(distWorker).mtimeMs < Math.max(...bundled.map(newestSourceMtime))) {
    log('warning: dist/ is older than main/core (or cli, server, contract): the worker and CLI measured are not the current code (`npm run bench` builds first)');
  }

  scratch = mkdtempSync(path.join(os.tmpdir(), 'verbatim-bench-'));
  const corporaDir = options.work ?? path.join(scratch, 'corpora');
  const cleanUp = () => {
    if (running) running.kill('SIGKILL');
    rmSync(scratch, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    log('\nstopped; removing the temporary files');
    cleanUp();
    process.exit(130);
  });

  try {
    const machine = machineInfo();
    log(`Verbatim benchmark: scales ${options.scales.map((s) => `x${s}`).join(', ')} of ${options.corpus}`);
    log(`${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}; temporary files in ${scratch}`);
    if (machine.loadAverageAtStart[0] > 0.5 * machine.cores) {
      log(`warning: the machine is busy (load average ${machine.loadAverageAtStart.join(', ')}): other processes share the ${machine.cores} cores, so times and stalls will be noisy`);
    }

    let probe = null;
    if (options.parts.has('verbatim')) {
      probe = path.join(scratch, 'verbatim-probe.cjs');
      // The same options as scripts/build.mjs, so the probe runs main/ exactly as the app bundles it.
      await build({
        entryPoints: [path.join(benchDir, 'verbatim-probe.mjs')],
        outfile: probe,
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        logLevel: 'warning',
        external: ['electron'],
      });
    }

    const results = [];
    let distinctAtX1 = null;
    for (const scale of options.scales) {
      let archiveDir = options.corpus;
      let files;
      let generatedMs = null;
      if (scale === 1) {
        files = listArticleFiles(options.corpus).length;
      } else {
        archiveDir = path.join(corporaDir, `${path.basename(options.corpus)}-x${scale}`);
        const t = performance.now();
        const made = generateScaledCorpus(options.corpus, archiveDir, scale);
        generatedMs = round(performance.now() - t);
        files = made.files;
        log(`[x${scale}] ${made.reused ? 'reusing' : 'wrote'} ${files} files in ${archiveDir} (${fmtMs(generatedMs)})`);
      }
      const runCount = scale <= 10 ? options.runs : options.runsLarge;
      const runs = [];
      for (let run = 1; run <= runCount; run++) runs.push(await measureRun(scale, archiveDir, run, runCount, probe, options));
      const summary = summarize(scale, runs);
      if (scale === 1) distinctAtX1 = summary.verbatim?.articles ?? summary.lunr?.docs ?? null;
      const expectedArticles = distinctAtX1 === null ? (summary.lunr?.docs ?? null) : distinctAtX1 * scale;
      results.push({ scale, archiveDir, files, generatedMs, expectedArticles, runs, summary });
    }

    const report = {
      benchmark: 'verbatim issue 6',
      date: new Date().toISOString(),
      machine,
      options: { ...options, parts: [...options.parts] },
      queries: QUERIES,
      simpleQueries: SIMPLE_QUERIES,
      targets: null,
      results,
      totalMs: null,
      outFile: options.out,
    };
    report.targets = evaluateTargets(results);
    report.totalMs = round(performance.now() - started);
    report.machine.loadAverageAtEnd = os.loadavg().map((x) => round(x, 2));
    mkdirSync(path.dirname(options.out), { recursive: true });
    writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
    printReport(report);
  } finally {
    cleanUp();
  }
}

main().catch((error) => {
  if (error instanceof UsageError) {
    process.stderr.write(`bench: ${error.message}\n${USAGE}\n`);
    process.exit(2);
  }
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
