// Reference (a), the straightforward implementation, in a fresh process: one lunr index with position
// metadata built in the main thread, saved with one JSON.stringify; or that file loaded back and searched.
// Task (argv[2], JSON): { mode: 'build', archiveDir, indexFile, resultFile }
//                     | { mode: 'load', indexFile, queries, repeats, resultFile }.
import { Buffer } from 'node:buffer';
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import lunr from 'lunr';
import { finish, latency, peakRssMb, readDocuments, readTask, round, startStallMonitor, timed } from './common.mjs';

async function build(task) {
  let phase = 'reading files';
  const monitor = startStallMonitor(() => phase);
  const started = performance.now();
  const { docs, files, duplicates } = readDocuments(task.archiveDir);
  const readMs = performance.now() - started;
  phase = 'building';
  const [buildMs, idx] = timed(() =>
    lunr(function () {
      this.ref('id');
      this.field('title', { boost: 5 });
      this.field('body');
      this.metadataWhitelist = ['position'];
      docs.forEach((doc) => this.add(doc));
    }),
  );
  const result = {
    docs: docs.length,
    files,
    duplicates,
    readMs: round(readMs),
    buildMs: round(buildMs),
    openToSearchableMs: round(performance.now() - started),
  };
  result.searchablePeakRssMb = peakRssMb();
  phase = 'serializing';
  try {
    const [serializeMs, json] = timed(() => JSON.stringify(idx));
    const [writeMs] = timed(() => writeFileSync(task.indexFile, json));
    Object.assign(result, { serializeMs: round(serializeMs), writeMs: round(writeMs), bytes: Buffer.byteLength(json) });
  } catch (error) {
    // A V8 string holds at most 512 MiB: past that, one JSON.stringify cannot save the index.
    result.serializeError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  result.coldTotalMs = round(performance.now() - started);
  result.stall = await monitor.stop();
  return result;
}

async function load(task) {
  const monitor = startStallMonitor(() => 'loading');
  const started = performance.now();
  const idx = lunr.Index.load(JSON.parse(readFileSync(task.indexFile, 'utf8')));
  const loadMs = performance.now() - started;
  const stall = await monitor.stop();
  const samples = [];
  for (const query of task.queries) {
    idx.search(query);
    for (let i = 0; i < task.repeats; i++) samples.push(timed(() => idx.search(query))[0]);
  }
  return { loadMs: round(loadMs), stall, search: latency(samples.map((ms) => round(ms, 3))) };
}

const task = readTask();
(task.mode === 'build' ? build(task) : load(task)).then(
  (result) => finish(task, result),
  (error) => {
    process.stderr.write(`lunr-reference: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
