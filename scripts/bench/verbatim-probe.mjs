// One measurement of Verbatim's real code in a fresh process (bundled by scripts/bench.mjs with esbuild):
// a cold open (fresh cache) or a warm open (the cache a cold open wrote) followed by the fixed query set.
// A cold open is searchable before its quotes are all extracted (they follow in the background): the
// probe times both, and watches the main thread's stalls until the quotes are done.
// A cold run also times the quote extractor on the inputs built to trip a quadratic scan (the unit test only
// checks that it returns on them).
// A warm run also times the queries that make every article a candidate, and an ordinary search sent while
// each runs (issue 14).
// Task (argv[2], JSON): { mode: 'cold'|'warm', archiveDir, cacheDir, workerScript, queries, repeats, resultFile,
// pathologicalInputs (cold: test/fixtures/quotes/pathological.json), pathologicalQueries, ordinaryQuery (warm) }.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openLibrary } from '../../main/core/library.ts';
import { buildShingleIndex } from '../../main/core/verify/shingle-index.ts';
import { extractQuotes } from '../../main/core/quotes/extract-quotes.ts';
import { finish, latency, readDocuments, readTask, round, startStallMonitor, timed, timedAsync, VERIFY_CLAIMS } from './common.mjs';

async function main() {
  const task = readTask();
  // In a process of its own, so that neither its time nor its memory is counted as the archive's.
  if (task.mode === 'pathological-quotes') finish(task, { pathologicalQuotes: timePathologicalQuotes(task.pathologicalInputs) });
  let progress = null;
  let progressEvents = 0;
  let firstProgressMs = null;
  let lastFileReadMs = null;
  const notices = [];
  const started = performance.now();
  const phase = () => {
    if (progress === null) return 'before indexing (walk, fingerprint, cache read, worker start)';
    if (progress.total > 0 && progress.done >= progress.total) return `after the last file was read (${progress.done}/${progress.total}: index, transfer, load, cache write)`;
    return `indexing ${progress.done}/${progress.total}`;
  };
  const monitor = startStallMonitor(phase);
  const library = await openLibrary({
    archiveDir: task.archiveDir,
    cacheDir: task.cacheDir,
    workerScript: task.workerScript,
    onProgress: (p) => {
      const now = performance.now() - started;
      progressEvents += 1;
      firstProgressMs ??= now;
      progress = { done: p.done, total: p.total };
      if (p.total > 0 && p.done >= p.total && lastFileReadMs === null) lastFileReadMs = now;
    },
    onNotice: (message) => notices.push(message),
  });
  const openMs = performance.now() - started;

  const missing = ['search', 'article', 'quotes'].filter((name) => typeof library[name] !== 'function');
  for (const name of ['articleCount', 'cache']) if (library[name] === undefined) missing.push(name);
  // Issue 16: after a warm open, the people list (its first call resolves the archive's people), before any search does.
  const [speakersFirstMs, speakers] = task.mode === 'warm' && typeof library.speakers === 'function' ? await timedAsync(() => library.speakers({ limit: 100 })) : [null, null];
  // The first search after an open: what a user waiting on the open sees next.
  const [firstSearchMs] = await timedAsync(() => library.search(task.queries[0], { limit: 20 }));
  if (typeof library.quotesReady === 'function') await library.quotesReady();
  const quotesDoneMs = performance.now() - started;
  const stall = await monitor.stop();
  const result = {
    mode: task.mode,
    openMs: round(openMs),
    firstSearchMs: round(firstSearchMs),
    speakersFirstMs: speakersFirstMs === null ? null : round(speakersFirstMs),
    speakerCount: speakers?.total ?? null,
    quotesDoneMs: round(quotesDoneMs),
    cache: library.cache,
    articleCount: library.articleCount,
    quoteCount: library.quoteCount ?? null,
    duplicates: Array.isArray(library.duplicates) ? library.duplicates.length : null,
    problems: Array.isArray(library.problems) ? library.problems.length : null,
    progressEvents,
    firstProgressMs: round(firstProgressMs),
    lastFileReadMs: round(lastFileReadMs),
    stall,
    notices,
    apiMissing: missing,
    heapUsedMb: round(process.memoryUsage().heapUsed / 1e6),
  };

  if (task.mode === 'warm' && task.onlyPathological !== true) Object.assign(result, await runQueries(library, task));
  if (task.mode === 'cold') result.shingleIndexMs = timeShingleIndex(task.archiveDir);
  if (task.mode === 'warm' && task.pathologicalQueries !== undefined) result.pathologicalQueries = await timePathologicalQueries(library, task);
  if (typeof library.close === 'function') result.closeMs = round((await timedAsync(() => library.close()))[0]);
  finish(task, result);
}

/**
 * Each query once untimed (warm-up), then `repeats` timed runs of search (top 20, snippets, quotes) and
 * of article(id, query) for the top hit. Sync or async methods alike: the time includes awaiting the reply.
 */
async function runQueries(library, task) {
  const searchSamples = [];
  const articleSamples = [];
  const quotesSamples = [];
  const perQuery = [];
  for (const query of task.queries) {
    const entry = { query, total: null, hits: 0, firstRunMs: null, medianMs: null, error: null };
    try {
      const [firstMs, reply] = await timedAsync(() => library.search(query, { limit: 20 }));
      entry.firstRunMs = round(firstMs, 2);
      entry.total = reply.total;
      entry.hits = reply.hits.length;
      entry.quotesShown = reply.hits.reduce((n, hit) => n + (Array.isArray(hit.quotes) ? hit.quotes.length : 0), 0);
      const samples = [];
      for (let i = 0; i < task.repeats; i++) samples.push((await timedAsync(() => library.search(query, { limit: 20 })))[0]);
      searchSamples.push(...samples);
      entry.medianMs = latency(samples).p50;
      const top = reply.hits[0];
      if (top !== undefined) {
        await library.article(top.id, query);
        for (let i = 0; i < task.repeats; i++) articleSamples.push((await timedAsync(() => library.article(top.id, query)))[0]);
      }
    } catch (error) {
      entry.error = `${error?.constructor?.name ?? 'Error'}: ${error instanceof Error ? error.message : String(error)}`;
    }
    perQuery.push(entry);
  }
  for (const options of [{ query: 'economy', limit: 20 }, { speaker: 'Blair', limit: 20 }, { query: 'we will', limit: 20 }]) {
    try {
      await library.quotes(options);
      for (let i = 0; i < task.repeats; i++) quotesSamples.push((await timedAsync(() => library.quotes(options)))[0]);
    } catch (error) {
      perQuery.push({ query: `quotes(${JSON.stringify(options)})`, error: error instanceof Error ? error.message : String(error) });
    }
  }
  // The people list again (resolved by now): all of them, and those of a query's articles.
  const speakersSamples = [];
  if (typeof library.speakers === 'function') {
    for (const request of [{ limit: 100 }, { query: 'economy', limit: 100 }]) {
      await library.speakers(request);
      for (let i = 0; i < task.repeats; i++) speakersSamples.push((await timedAsync(() => library.speakers(request)))[0]);
    }
  }
  const verifySamples = [];
  if (typeof library.verify === 'function') {
    for (const claim of VERIFY_CLAIMS) {
      try {
        await library.verify({ claim });
        for (let i = 0; i < task.repeats; i++) verifySamples.push((await timedAsync(() => library.verify({ claim })))[0]);
      } catch (error) {
        perQuery.push({ query: `verify(${JSON.stringify(claim.slice(0, 40))})`, error: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  return {
    speakers: latency(speakersSamples.map((ms) => round(ms, 3))),
    verify: verifySamples.length > 0 ? latency(verifySamples.map((ms) => round(ms, 3))) : null,
    search: latency(searchSamples.map((ms) => round(ms, 3))),
    article: latency(articleSamples.map((ms) => round(ms, 3))),
    quotes: latency(quotesSamples.map((ms) => round(ms, 3))),
    perQuery,
  };
}

/**
 * The shingle index of `verify` (issue 17) built over every article body of the archive in this one thread:
 * what it adds to an open (the engines build it shard by shard, in parallel) at most.
 */
function timeShingleIndex(archiveDir) {
  const bodies = readDocuments(archiveDir).docs.map((d) => d.body);
  return round(timed(() => buildShingleIndex(bodies))[0]);
}

/**
 * Each of `task.pathologicalQueries` once untimed, then `repeats` timed runs (median); then, `repeats` times,
 * sent together with `task.ordinaryQuery`: how much later the ordinary one is answered than alone (median).
 */
async function timePathologicalQueries(library, task) {
  const ordinary = () => library.search(task.ordinaryQuery, { limit: 20 });
  const out = [];
  for (const query of task.pathologicalQueries) {
    const entry = { query, total: null, incomplete: null, medianMs: null, ordinaryDelayMs: null, error: null };
    try {
      const reply = await library.search(query, { limit: 20 });
      entry.total = reply.total;
      entry.incomplete = reply.incomplete ?? null;
      const samples = [];
      for (let i = 0; i < task.repeats; i++) samples.push((await timedAsync(() => library.search(query, { limit: 20 })))[0]);
      entry.medianMs = round(latency(samples).p50, 2);
      const delays = [];
      for (let i = 0; i < task.repeats; i++) {
        const [aloneMs] = await timedAsync(ordinary);
        const slow = library.search(query, { limit: 20 });
        const [meanwhileMs] = await timedAsync(ordinary);
        await slow;
        delays.push(Math.max(0, meanwhileMs - aloneMs));
      }
      entry.ordinaryDelayMs = round(latency(delays).p50, 2);
    } catch (error) {
      entry.error = `${error?.constructor?.name ?? 'Error'}: ${error instanceof Error ? error.message : String(error)}`;
    }
    out.push(entry);
  }
  return out;
}

/**
 * `extractQuotes` over every input of `file` (`[{ repeat, times }]`: `repeat` written `times` times), timed
 * together: a quadratic step there would take minutes.
 */
function timePathologicalQuotes(file) {
  const inputs = JSON.parse(readFileSync(file, 'utf8'));
  const bodies = inputs.map((input) => input.repeat.repeat(input.times));
  const [ms, quotes] = timed(() => bodies.reduce((n, body, i) => n + extractQuotes({ id: `pathological-${i}`, body }).length, 0));
  return { inputs: inputs.length, characters: bodies.reduce((n, body) => n + body.length, 0), quotes, ms: round(ms) };
}

main().catch((error) => {
  process.stderr.write(`verbatim-probe: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
