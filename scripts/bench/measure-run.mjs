// One run of every measurement at one scale (issue 6): Verbatim's real code, its command line, and the two
// references, each in a fresh process, one after another; progress goes to stderr.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { ONE_SHOT_QUERIES, ORDINARY_QUERY, PATHOLOGICAL_QUERIES, QUERIES, SIMPLE_QUERIES } from './common.mjs';
import { fmtMb, fmtMs } from './format.mjs';
import { benchDir, distWorker, root } from './paths.mjs';
import { measureRecoll } from './recoll-reference.mjs';
import { median, round } from './stats.mjs';

/** Inputs built to trip a quadratic scan in the quote extractor, shared with its unit test. */
const pathologicalInputs = path.join(root, 'test', 'fixtures', 'quotes', 'pathological.json');

/** Progress for the person running the benchmark (stderr: stdout is the report). */
export function log(message) {
  process.stderr.write(`${message}\n`);
}

/** Bytes of all the files under `dir` (0 when it is absent). */
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

/** An empty folder `name` in `scratch`, whatever was there before. */
function fresh(scratch, name) {
  const dir = path.join(scratch, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Scales above this run only Verbatim's own parts: the references hold everything in memory (lunr ran out at 50x). */
export const referencesMaxScale = 50;

/**
 * One run of every measurement at one scale; each in its own process, one after another, started by
 * `children` (see createChildren), with its temporary files in `scratch`. `recoll` is findRecoll()'s answer.
 */
export async function measureRun(scale, archiveDir, run, runs, probe, options, children, scratch, recoll) {
  const tag = `[x${scale} ${run}/${runs}]`;
  const out = {};
  const note = (label, r, detail) => log(`${tag} ${label}: ${r.ok ? `${fmtMs(r.value ?? r.wallMs)}${detail ? ` (${detail(r)})` : ''}` : `FAILED: ${r.reason}`}`);
  const common = { queries: QUERIES, repeats: options.repeats };
  const referenceFlags = options.referenceHeapMb === null ? [] : [`--max-old-space-size=${options.referenceHeapMb}`];

  if (options.parts.has('verbatim')) {
    const cacheDir = fresh(scratch, `verbatim-cache-x${scale}`);
    out.verbatimCold = await children.runScenario(probe, { ...common, mode: 'cold', archiveDir, cacheDir, workerScript: distWorker }, options);
    out.cacheBytes = dirBytes(cacheDir);
    note('Verbatim cold open', { ...out.verbatimCold, value: out.verbatimCold.openMs }, (r) => `${r.articleCount} articles, cache ${r.cache}, stall max ${fmtMs(r.stall.maxMs)}, peak RSS ${fmtMb(r.peakRssMb)}`);
    if (out.verbatimCold.ok) {
      out.verbatimWarm = await children.runScenario(probe, { ...common, mode: 'warm', archiveDir, cacheDir, workerScript: distWorker }, options);
      note('Verbatim warm open + queries', { ...out.verbatimWarm, value: out.verbatimWarm.openMs }, (r) => `cache ${r.cache}, search p50 ${fmtMs(r.search.p50)} p95 ${fmtMs(r.search.p95)}, peak RSS ${fmtMb(r.peakRssMb)}`);
      // Hostile queries and inputs each in processes of their own: the archive's numbers above stay its own.
      out.verbatimPathological = await children.runScenario(probe, { ...common, mode: 'warm', onlyPathological: true, archiveDir, cacheDir, workerScript: distWorker, pathologicalQueries: PATHOLOGICAL_QUERIES, ordinaryQuery: ORDINARY_QUERY }, options);
    }
    rmSync(cacheDir, { recursive: true, force: true });
    out.pathologicalQuotes = await children.runScenario(probe, { mode: 'pathological-quotes', pathologicalInputs }, options);
  }

  if (options.parts.has('cli')) {
    const cacheDir = fresh(scratch, `cli-cache-x${scale}`);
    out.cliCold = await children.runCliIndex(archiveDir, cacheDir, options);
    note('verbatim index, cold (wall)', out.cliCold, (r) => `${r.articles} articles, cache ${r.cache}`);
    if (out.cliCold.ok) {
      out.cliWarm = await children.runCliIndex(archiveDir, cacheDir, options);
      note('verbatim index, warm (wall)', out.cliWarm, (r) => `cache ${r.cache}, tookMs ${r.tookMs}`);
      out.cliSearch = await oneShotSearches(archiveDir, cacheDir, options, children);
      note('verbatim search, one-shot on the warm cache (wall, median)', out.cliSearch, (r) => `search's own tookMs ${r.tookMs}`);
    }
    rmSync(cacheDir, { recursive: true, force: true });
  }

  // Recoll once per scale (its cold index takes 30-40 s at 10x), in the run's first round, up to --recoll-max-scale.
  if (options.parts.has('recoll') && recoll !== null && run === 1 && scale <= options.recollMaxScale) {
    out.recoll = await measureRecoll(recoll, archiveDir, scratch, ONE_SHOT_QUERIES, options.repeats, children, options);
    note('Recoll: recollindex cold (wall)', { ...out.recoll, value: out.recoll.indexWallMs }, (r) => `recollq one-shot median ${r.queryWallMs} ms`);
  }

  if (options.parts.has('lunr') && scale <= referencesMaxScale) {
    const indexFile = path.join(scratch, `lunr-x${scale}.json`);
    out.lunrBuild = await children.runScenario(path.join(benchDir, 'lunr-reference.mjs'), { mode: 'build', archiveDir, indexFile }, options, referenceFlags);
    note('straightforward lunr, read + build', { ...out.lunrBuild, value: out.lunrBuild.openToSearchableMs }, (r) =>
      `${r.docs} docs, ${r.serializeError ? `serialize FAILED: ${r.serializeError}` : `JSON.stringify ${fmtMs(r.serializeMs)}, ${fmtMb(r.bytes / 1e6)}`}, peak RSS ${fmtMb(r.peakRssMb)}`);
    if (out.lunrBuild.ok && existsSync(indexFile)) {
      out.lunrLoad = await children.runScenario(path.join(benchDir, 'lunr-reference.mjs'), { mode: 'load', indexFile, queries: SIMPLE_QUERIES, repeats: options.repeats }, options, referenceFlags);
      note('straightforward lunr, load', { ...out.lunrLoad, value: out.lunrLoad.loadMs }, (r) => `search p50 ${fmtMs(r.search.p50)} p95 ${fmtMs(r.search.p95)}`);
    }
    rmSync(indexFile, { force: true });
  }

  if (options.parts.has('minisearch') && scale <= referencesMaxScale) {
    out.minisearch = await children.runScenario(path.join(benchDir, 'minisearch-reference.mjs'), { archiveDir, queries: SIMPLE_QUERIES, repeats: options.repeats }, options, referenceFlags);
    note('MiniSearch, read + addAll', { ...out.minisearch, value: out.minisearch.openToSearchableMs }, (r) => `${r.docs} docs, peak RSS ${fmtMb(r.searchablePeakRssMb)}`);
  }
  return out;
}

/**
 * Each of ONE_SHOT_QUERIES as its own `verbatim search` process on the warm cache, `repeats` times after one
 * untimed run: the median wall time and the median of the search's own `tookMs`.
 */
async function oneShotSearches(archiveDir, cacheDir, options, children) {
  const walls = [];
  const took = [];
  for (const query of ONE_SHOT_QUERIES) {
    const first = await children.runCliSearch(archiveDir, cacheDir, query, options);
    if (!first.ok) return first;
    for (let i = 0; i < options.repeats; i++) {
      const r = await children.runCliSearch(archiveDir, cacheDir, query, options);
      if (!r.ok) return r;
      walls.push(r.wallMs);
      took.push(r.tookMs);
    }
  }
  return { ok: true, wallMs: round(median(walls)), tookMs: round(median(took)), samples: walls.length };
}
