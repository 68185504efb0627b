// From raw measurements to results: each scale's runs summarized (medians, worst runs, failures), the ratios
// to the references, and issue 6's targets met or not.
import { median, percentile, ratio, worst } from './stats.mjs';

/** Issue 6's targets (2-core machine; ratios from the same run), and the quote extractor's on pathological input (issue 13). */
const TARGETS = {
  coldVsLunr: 0.5,
  coldVsMiniSearch: 1,
  warmMsX1: 300,
  warmMsX10: 2000,
  queryP95MsX10: 15,
  /** Issue 17: `verify` after a warm open, and its shingle index's share of a cold open, at 10x. */
  verifyP95MsX10: 150,
  shingleShareX10: 0.15,
  peakRssMbX10: 1500,
  stallMs: 50,
  /** The quote extractor's unit test asserted this until issue 13 moved speed to the bench. */
  pathologicalQuotesMs: 10_000,
  /** Issue 14: a query that makes every article a candidate, and a search sent while it runs, at 10x. */
  pathologicalQueryMsX10: 1000,
  /** Issue 16: the people list at 10x after a warm open. */
  speakersMsX10: 100,
  searchDelayMsX10: 100,
  /** Issue 19: a one-shot `verbatim search` on a warm 10x cache, and a cold index at 10x, against Recoll. */
  oneShotVsRecollqX10: 12,
  coldVsRecollindexX10: 0.5,
  /** Issue 19: at 50x, a warm `verbatim index` and its memory; the first searches after a warm open. */
  warmIndexMsX50: 2000,
  peakRssMbX50: 800,
  firstSearchesP95Ms: 15,
  peakRssMbX100: 1500,
};

/** Times are medians over the runs; peak RSS and stalls are the worst run; failures are listed. */
export function summarize(scale, runs) {
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
  const pathological = ok('verbatimPathological');
  const queryProblems = [];
  for (const w of warm) for (const q of w.perQuery ?? []) if (q.error || q.total === 0) queryProblems.push(`${q.query}: ${q.error ?? 'no hits'}`);
  const verbatim = cold.length === 0 ? null : {
    articles: cold[0].articleCount,
    quotes: cold[0].quoteCount,
    duplicates: cold[0].duplicates,
    coldOpenMs: median(cold.map((r) => r.openMs)),
    coldFirstSearchMs: median(cold.map((r) => r.firstSearchMs)),
    coldQuotesDoneMs: median(cold.map((r) => r.quotesDoneMs)),
    pathologicalQuotesMs: median(ok('pathologicalQuotes').map((r) => r.pathologicalQuotes?.ms)),
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
    warmFirstSearchMs: median(warm.map((r) => r.firstSearchMs)),
    firstRunsP95Ms: median(warm.map((r) => percentile((r.perQuery ?? []).map((q) => q.firstRunMs), 0.95))),
    searchP50Ms: median(warm.map((r) => r.search.p50)),
    searchP95Ms: median(warm.map((r) => r.search.p95)),
    searchMaxMs: worst(warm.map((r) => r.search.max)),
    articleP50Ms: median(warm.map((r) => r.article.p50)),
    articleP95Ms: median(warm.map((r) => r.article.p95)),
    speakersFirstMs: median(warm.map((r) => r.speakersFirstMs).filter((ms) => typeof ms === 'number')),
    speakerCount: warm[0]?.speakerCount ?? null,
    speakersP50Ms: median(warm.map((r) => r.speakers?.p50).filter((ms) => typeof ms === 'number')),
    speakersP95Ms: median(warm.map((r) => r.speakers?.p95).filter((ms) => typeof ms === 'number')),
    quotesP50Ms: median(warm.map((r) => r.quotes.p50)),
    quotesP95Ms: median(warm.map((r) => r.quotes.p95)),
    verifyP50Ms: median(warm.map((r) => r.verify?.p50).filter((x) => typeof x === 'number')),
    verifyP95Ms: median(warm.map((r) => r.verify?.p95).filter((x) => typeof x === 'number')),
    shingleIndexMs: median(cold.map((r) => r.shingleIndexMs).filter((x) => typeof x === 'number')),
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
    pathologicalQueryMs: worst(pathological.flatMap((r) => (r.pathologicalQueries ?? []).map((q) => q.medianMs))),
    searchDelayMs: worst(pathological.flatMap((r) => (r.pathologicalQueries ?? []).map((q) => q.ordinaryDelayMs))),
    pathologicalQueries: pathological[0]?.pathologicalQueries ?? [],
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
    searchWallMs: median(ok('cliSearch').map((r) => r.wallMs)),
    searchTookMs: median(ok('cliSearch').map((r) => r.tookMs)),
  };
  const rc = ok('recoll');
  const recoll = rc.length === 0 ? null : {
    indexWallMs: median(rc.map((r) => r.indexWallMs)),
    queryWallMs: median(rc.map((r) => r.queryWallMs)),
    queryTotals: rc[0].queryTotals,
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
    oneShotVsRecollq: ratio(cli?.searchWallMs, recoll?.queryWallMs),
    cliColdVsRecollindex: ratio(cli?.coldWallMs, recoll?.indexWallMs),
  };
  return { verbatim, cli, lunr, minisearch, recoll, ratios, failures, failed };
}

export function evaluateTargets(results) {
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
  check('speakers after a warm open (people resolved on this first call), 10x: at most 100 ms', 10, x10?.verbatim?.speakersFirstMs, TARGETS.speakersMsX10, 'ms');
  check('  speakers again (all, and of a query), p95, 10x', 10, x10?.verbatim?.speakersP95Ms, TARGETS.speakersMsX10, 'ms');
  check('Verify p95 after a warm open, 10x: at most 150 ms', 10, x10?.verbatim?.verifyP95Ms, TARGETS.verifyP95MsX10, 'ms');
  check('Shingle index (one thread, all articles) / cold open, 10x: at most 0.15', 10, ratio(x10?.verbatim?.shingleIndexMs, x10?.verbatim?.coldOpenMs), TARGETS.shingleShareX10, 'x');
  check('Peak RSS, 10x: at most 1.5 GB', 10, x10?.verbatim?.peakRssMb, TARGETS.peakRssMbX10, 'MB');
  for (const r of results) check(`Main-thread stall while indexing, x${r.scale}: at most 50 ms`, r.scale, r.summary.verbatim?.stallMaxMs, TARGETS.stallMs, 'ms');
  check('Pathological query ("a 2", a^2, tony^blair), 10x: at most 1 s', 10, x10?.verbatim?.pathologicalQueryMs, TARGETS.pathologicalQueryMsX10, 'ms');
  check('  a search sent while it runs is delayed at most 100 ms', 10, x10?.verbatim?.searchDelayMs, TARGETS.searchDelayMsX10, 'ms');
  check('Quote extraction on the pathological inputs (test/fixtures/quotes), x1 run: at most 10 s', 1, x1?.verbatim?.pathologicalQuotesMs, TARGETS.pathologicalQuotesMs, 'ms');
  const x50 = at(50);
  const x100 = at(100);
  check('One-shot `verbatim search` on a warm 10x cache: at most 12x a one-shot `recollq` (issue 19)', 10, x10?.ratios.oneShotVsRecollq, TARGETS.oneShotVsRecollqX10, 'x');
  check('`verbatim index` cold, 10x: at most 0.5x `recollindex`', 10, x10?.ratios.cliColdVsRecollindex, TARGETS.coldVsRecollindexX10, 'x');
  check('`verbatim index` warm, 50x, wall clock: at most 2 s', 50, x50?.cli?.warmWallMs, TARGETS.warmIndexMsX50, 'ms');
  check('Peak RSS, 50x: at most 800 MB', 50, x50?.verbatim?.peakRssMb, TARGETS.peakRssMbX50, 'MB');
  check('First run of each search after a warm open, 50x: p95 at most 15 ms', 50, x50?.verbatim?.firstRunsP95Ms, TARGETS.firstSearchesP95Ms, 'ms');
  check('Peak RSS, 100x: at most 1.5 GB', 100, x100?.verbatim?.peakRssMb, TARGETS.peakRssMbX100, 'MB');
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
