// The benchmark's report: the table of every scale's results, ratios, targets and notes on stdout, from a run
// just made or from the JSON an earlier run saved (`--report FILE`).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fmtMb, fmtMs, fmtRatio } from './format.mjs';
import { root } from './paths.mjs';
import { evaluateTargets, summarize } from './summarize.mjs';

/** Prints the table of `report` (the JSON the benchmark writes, with each scale's `summary` and the `targets`). */
export function printReport(report) {
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
  row('  quote extraction, pathological inputs (all)', s.map((x) => fmtMs(x.verbatim?.pathologicalQuotesMs)));
  row('  `verbatim index` cold, wall clock', s.map((x) => x.cli ? fmtMs(x.cli.coldWallMs) : (x.failed.cliCold ?? '-')));
  row('  warm open (openLibrary, cache loaded)', s.map((x) => x.verbatim?.warmOpenMs != null ? fmtMs(x.verbatim.warmOpenMs) : (x.failed.verbatimWarm ?? '-')));
  row('  `verbatim index` warm, wall clock', s.map((x) => fmtMs(x.cli?.warmWallMs)));
  row('  cache size on disk', s.map((x) => fmtMb(x.verbatim ? x.verbatim.cacheBytes / 1e6 : null)));
  row('  peak RSS, cold open (worker included)', s.map((x) => fmtMb(x.verbatim?.coldPeakRssMb)));
  row('  peak RSS, warm open + queries', s.map((x) => fmtMb(x.verbatim?.warmPeakRssMb)));
  row('  main-thread stall max, cold open until quotes done', s.map((x) => fmtMs(x.verbatim?.stallMaxMs)));
  row('  main-thread stall max, warm open', s.map((x) => fmtMs(x.verbatim?.warmStallMaxMs)));
  row('  first search after a warm open', s.map((x) => fmtMs(x.verbatim?.warmFirstSearchMs)));
  row('  first run of each query after it, p95', s.map((x) => fmtMs(x.verbatim?.firstRunsP95Ms)));
  row('  `verbatim search` one-shot, warm cache, wall', s.map((x) => x.cli?.searchWallMs != null ? fmtMs(x.cli.searchWallMs) : (x.failed.cliSearch ?? '-')));
  row('    of which the search itself (its tookMs)', s.map((x) => fmtMs(x.cli?.searchTookMs)));
  row('  search p50 / p95 (top 20, snippets, quotes)', s.map((x) => (x.verbatim ? `${fmtMs(x.verbatim.searchP50Ms)} / ${fmtMs(x.verbatim.searchP95Ms)}` : '-')));
  row('  article(id, query) p50 / p95', s.map((x) => (x.verbatim ? `${fmtMs(x.verbatim.articleP50Ms)} / ${fmtMs(x.verbatim.articleP95Ms)}` : '-')));
  row('  speakers, first after warm open (saved people; resolves them when none)', s.map((x) => fmtMs(x.verbatim?.speakersFirstMs)));
  row('  speakers again p50 / p95 (all; of "economy")', s.map((x) => (x.verbatim ? `${fmtMs(x.verbatim.speakersP50Ms)} / ${fmtMs(x.verbatim.speakersP95Ms)}` : '-')));
  row('  verify({ claim }) p50 / p95', s.map((x) => (x.verbatim?.verifyP95Ms != null ? `${fmtMs(x.verbatim.verifyP50Ms)} / ${fmtMs(x.verbatim.verifyP95Ms)}` : '-')));
  row('  shingle index of verify, built in one thread', s.map((x) => fmtMs(x.verbatim?.shingleIndexMs)));
  row('  quotes({...}) p50 / p95', s.map((x) => (x.verbatim ? `${fmtMs(x.verbatim.quotesP50Ms)} / ${fmtMs(x.verbatim.quotesP95Ms)}` : '-')));
  row('  pathological query, slowest median ("a 2"...)', s.map((x) => fmtMs(x.verbatim?.pathologicalQueryMs)));
  row('    a search sent meanwhile, delayed by', s.map((x) => fmtMs(x.verbatim?.searchDelayMs)));
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
  lines.push(`(c) Recoll${report.recoll && typeof report.recoll === 'object' ? ` ${report.recoll.version ?? ''}` : `: ${report.recoll ?? 'not asked for'}`} (Xapian; private RECOLL_CONFDIR)`);
  row('  recollindex cold, wall clock', s.map((x) => x.recoll ? fmtMs(x.recoll.indexWallMs) : (x.failed.recoll ?? '-')));
  row('  recollq one-shot (20 results, abstracts), wall', s.map((x) => fmtMs(x.recoll?.queryWallMs)));
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
  row('  `verbatim search` one-shot / recollq one-shot', s.map((x) => fmtRatio(x.ratios.oneShotVsRecollq)));
  row('  `verbatim index` cold (wall) / recollindex', s.map((x) => fmtRatio(x.ratios.cliColdVsRecollindex)));
  lines.push('');
  lines.push('Targets (issues 6 and 19)');
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
      for (const q of v.pathologicalQueries) if (q.incomplete !== null || q.error !== null) notes.push(`x${r.scale} ${q.query}: ${q.error ?? `${q.total} found; ${q.incomplete}`}`);
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

/** Prints the table of a saved run, summarized again from its raw measurements. */
export function reprint(file) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  for (const r of report.results) r.summary = summarize(r.scale, r.runs);
  report.targets = evaluateTargets(report.results);
  report.outFile = file;
  printReport(report);
}
