// Every scale of the benchmark: the BBC corpus itself (x1) or a scaled copy of it, measured `runs` times and
// summarized; and the probe, Verbatim's real code bundled for its child processes.
import { build } from 'esbuild';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { listArticleFiles } from './common.mjs';
import { fmtMs } from './format.mjs';
import { log, measureRun } from './measure-run.mjs';
import { benchDir } from './paths.mjs';
import { generateScaledCorpus } from './scale-corpus.mjs';
import { round } from './stats.mjs';
import { summarize } from './summarize.mjs';

/** Bundles scripts/bench/verbatim-probe.mjs (and main/ with it) into `scratch`; returns the bundle's path. */
export async function bundleProbe(scratch) {
  const probe = path.join(scratch, 'verbatim-probe.cjs');
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
  return probe;
}

/**
 * Measures each scale of `options.scales` in turn (copies above x1 written to `corporaDir`, or reused there);
 * returns one result per scale with its raw runs and their summary. `recoll`: findRecoll()'s answer.
 */
export async function measureScales(options, probe, children, scratch, corporaDir, recoll) {
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
    for (let run = 1; run <= runCount; run++) runs.push(await measureRun(scale, archiveDir, run, runCount, probe, options, children, scratch, recoll));
    const summary = summarize(scale, runs);
    if (scale === 1) distinctAtX1 = summary.verbatim?.articles ?? summary.lunr?.docs ?? null;
    const expectedArticles = distinctAtX1 === null ? (summary.lunr?.docs ?? null) : distinctAtX1 * scale;
    results.push({ scale, archiveDir, files, generatedMs, expectedArticles, runs, summary });
  }
  return results;
}
