// Reference (b), a peer library, in a fresh process: MiniSearch `addAll` over the same documents
// (fields title and body), then its own search on plain words and its JSON size for comparison.
// Task (argv[2], JSON): { archiveDir, queries, repeats, resultFile }.
import { Buffer } from 'node:buffer';
import { performance } from 'node:perf_hooks';
import MiniSearch from 'minisearch';
import { finish, latency, peakRssMb, readDocuments, readTask, round, startStallMonitor, timed } from './common.mjs';

async function run(task) {
  let phase = 'reading files';
  const monitor = startStallMonitor(() => phase);
  const started = performance.now();
  const { docs, files, duplicates } = readDocuments(task.archiveDir);
  const readMs = performance.now() - started;
  phase = 'addAll';
  const miniSearch = new MiniSearch({ fields: ['title', 'body'], searchOptions: { boost: { title: 5 } } });
  const [addAllMs] = timed(() => miniSearch.addAll(docs));
  const result = {
    docs: docs.length,
    files,
    duplicates,
    readMs: round(readMs),
    addAllMs: round(addAllMs),
    openToSearchableMs: round(performance.now() - started),
  };
  result.searchablePeakRssMb = peakRssMb();
  result.stall = await monitor.stop();
  const samples = [];
  for (const query of task.queries) {
    miniSearch.search(query);
    for (let i = 0; i < task.repeats; i++) samples.push(timed(() => miniSearch.search(query))[0]);
  }
  result.search = latency(samples.map((ms) => round(ms, 3)));
  try {
    const [serializeMs, json] = timed(() => JSON.stringify(miniSearch));
    Object.assign(result, { serializeMs: round(serializeMs), bytes: Buffer.byteLength(json) });
  } catch (error) {
    result.serializeError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  return result;
}

const task = readTask();
run(task).then(
  (result) => finish(task, result),
  (error) => {
    process.stderr.write(`minisearch-reference: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
