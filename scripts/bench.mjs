// Measures Verbatim against two references on the same documents, in one run on one machine (issue 6).
//
//   npm run bench                       # builds, then: node scripts/bench.mjs
//   node scripts/bench.mjs [--scales 1,10,50] [--x100] [--runs 3] [--runs-large 1] [--repeats 5]
//                          [--parts verbatim,cli,lunr,minisearch,formats,recoll] [--corpus DIR] [--work DIR]
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
//   - reference (b), MiniSearch addAll over the same documents;
//   - formats (issue 18, in this process): the corpus as one JSON lines file, CSV, and both gzip'd, read
//     with the app's reader; and BBC articles printed to PDF, their text extracted in pages per second.
//   - reference (c), Recoll (issue 19), when `recollindex` is installed: a cold index and one-shot `recollq`
//     queries, against `verbatim search` run one-shot on its warm cache (Node's start included).
// It prints a table with ratios and the issue's targets (met / NOT met) and writes everything to
// bench-results/latest.json. Exits 0 whatever the numbers (speed is never a test), 1 on an error in the
// benchmark itself, 2 on bad usage. A reference that runs out of memory is a result, not an error.
//
// The parts, in scripts/bench/: options.mjs reads the command line; measure-scales.mjs and measure-run.mjs
// run the measurements through children.mjs (the probes and references are the other files);
// summarize.mjs turns them into results and targets; report.mjs prints the table.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { UsageError } from './parse-options.mjs';
import { createChildren } from './bench/children.mjs';
import { ONE_SHOT_QUERIES, QUERIES, SIMPLE_QUERIES } from './bench/common.mjs';
import { machineInfo } from './bench/machine.mjs';
import { log } from './bench/measure-run.mjs';
import { bundleProbe, measureScales } from './bench/measure-scales.mjs';
import { readOptions, USAGE } from './bench/options.mjs';
import { distCli, distWorker, root } from './bench/paths.mjs';
import { measureFormats } from './bench/measure-formats.mjs';
import { findRecoll } from './bench/recoll-reference.mjs';
import { printReport, reprint } from './bench/report.mjs';
import { round } from './bench/stats.mjs';
import { evaluateTargets } from './bench/summarize.mjs';

/** The newest modification time of the TypeScript sources under `dir`: dist/ older than it is stale. */
function newestSourceMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMtime(p));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

async function main() {
  const started = performance.now();
  const options = readOptions(process.argv.slice(2));
  if (options.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
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

  const scratch = mkdtempSync(path.join(os.tmpdir(), 'verbatim-bench-'));
  const children = createChildren(scratch);
  const corporaDir = options.work ?? path.join(scratch, 'corpora');
  const cleanUp = () => {
    children.stop();
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

    const recoll = options.parts.has('recoll') ? findRecoll() : null;
    if (options.parts.has('recoll')) log(recoll === null ? 'Recoll not installed (no recollindex or recollq on the PATH): its rows are skipped' : `Recoll ${recoll.version ?? ''} found: ${recoll.index}`);
    const probe = options.parts.has('verbatim') ? await bundleProbe(scratch) : null;
    const results = await measureScales(options, probe, children, scratch, corporaDir, recoll);
    const formats = options.parts.has('formats') ? await measureFormats(options, scratch) : null;

    const report = {
      benchmark: 'verbatim issue 6',
      date: new Date().toISOString(),
      machine,
      options: { ...options, parts: [...options.parts] },
      queries: QUERIES,
      simpleQueries: SIMPLE_QUERIES,
      oneShotQueries: ONE_SHOT_QUERIES,
      recoll: options.parts.has('recoll') ? (recoll ?? 'not installed') : 'not asked for',
      targets: null,
      results,
      formats,
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
