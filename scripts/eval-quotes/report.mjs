// Reporting for eval-quotes: the scores as one JSON document, or as tables with each document's errors.
import { ALL_COVERAGE } from './score-document.mjs';

const TARGETS = { f1: 0.9, speaker: 0.85 };

/** Prints the run as one JSON document (each document's details only with `verbose`). */
export function printJson(options, results, seed) {
  const summary = Object.fromEntries(Object.entries(results).map(([corpus, r]) => [corpus, options.verbose ? r : { ...r, details: undefined }]));
  console.log(JSON.stringify({ split: options.split, overlapThreshold: options.overlap, targets: TARGETS, corpora: summary, seed }, null, 2));
}

/** Prints the tables of scores (after each document's errors, with `verbose`), the targets and the seed article's quotations. */
export function printTables(options, results, seed) {
  const pct = (x) => (100 * x).toFixed(1).padStart(5);
  const rows = [];
  for (const [corpus, r] of Object.entries(results)) {
    if (options.verbose) printDetails(corpus, r.details, options.all);
    // PolNeAR's gold speaker is the annotated source words ("he", "a source"), so only GGT has full names to compare strictly.
    const strict = corpus === 'ggt' ? pct(r.speakerStrictAccuracy) : '    -';
    rows.push(
      `${corpus.padEnd(8)} ${String(r.documents).padStart(4)} ${String(r.gold).padStart(5)} ${String(r.predicted).padStart(5)}   ` +
        `${pct(r.exactScores.precision)} ${pct(r.exactScores.recall)} ${pct(r.exactScores.f1)}   ` +
        `${pct(r.overlapScores.precision)} ${pct(r.overlapScores.recall)} ${pct(r.overlapScores.f1)}   ` +
        `${pct(r.speakerAccuracy)} ${strict} ${String(r.speakerTotal).padStart(5)}`,
    );
  }
  console.log(`split: ${options.split}; overlap match: >= ${options.overlap * 100}% of both spans; targets: F1 >= ${TARGETS.f1 * 100}, speaker >= ${TARGETS.speaker * 100}`);
  console.log('                              ----- exact -----   ---- overlap ----   ----- speaker -----');
  console.log('corpus   docs  gold  pred         P     R    F1       P     R    F1     acc  name     n');
  for (const row of rows) console.log(row);
  console.log(`\nall quotations (direct, mixed, indirect): a prediction matches when it covers >= ${ALL_COVERAGE * 100}% of the annotated span`);
  console.log('corpus    gold  pred  matched      P     R    F1   speaker     n   predicted (matched) by kind');
  for (const [corpus, r] of Object.entries(results)) {
    const a = r.all;
    const kinds = Object.entries(a.byKind).map(([kind, t]) => `${kind} ${t.predicted} (${t.matched})`).join(', ');
    console.log(`${corpus.padEnd(8)} ${String(a.gold).padStart(5)} ${String(a.predicted).padStart(5)} ${String(a.matched).padStart(8)}   ${pct(a.scores.precision)} ${pct(a.scores.recall)} ${pct(a.scores.f1)}     ${pct(a.speakerAccuracy)} ${String(a.speakerTotal).padStart(5)}   ${kinds}`);
  }
  console.log('\nspeaker accuracy by how the speaker was found (right / matched quotations)');
  for (const [corpus, r] of Object.entries(results)) {
    const show = (tallies) => Object.entries(tallies).sort((a, b) => b[1].total - a[1].total).map(([how, t]) => `${how} ${pct(t.right / t.total).trim()} (${t.right}/${t.total})`).join(', ');
    console.log(`${corpus.padEnd(8)} direct: ${show(r.speakerByHow)}`);
    console.log(`${''.padEnd(8)} all:    ${show(r.all.speakerByHow)}`);
  }
  console.log('\npeople: B-cubed of speaker ids against the annotated speakers (matched quotations naming one); baseline: each speaker string a person');
  for (const [corpus, r] of Object.entries(results)) {
    for (const [set, { people, baseline }] of Object.entries(r.people)) {
      const prf = (x) => `F1 ${pct(x.f1)} (P ${pct(x.precision).trim()}, R ${pct(x.recall).trim()})`;
      console.log(`${corpus.padEnd(8)} ${set.padEnd(6)} ${prf(people)} over ${people.items}; baseline ${prf(baseline)}`);
    }
  }
  console.log('');
  for (const [corpus, r] of Object.entries(results)) {
    const met = r.exactScores.f1 >= TARGETS.f1 && r.overlapScores.f1 >= TARGETS.f1 && r.speakerAccuracy >= TARGETS.speaker;
    console.log(`${corpus}: ${r.ignored} predictions inside mixed quotations not counted; extraction ${r.extractMs} ms; targets ${met ? 'met' : 'not met'}`);
  }
  if (seed !== null) {
    const direct = seed.quotes.filter((q) => q.kind === 'direct');
    const others = seed.quotes.filter((q) => q.kind !== 'direct');
    console.log(`seed article: ${direct.length} quotations by ${direct.map((q) => q.speaker ?? 'none').join(', ')}; ${others.length} more (${others.map((q) => `${q.kind} by ${q.speaker ?? 'none'}`).join(', ')})`);
  }
}

function printDetails(corpus, details, allDetails) {
  const clip = (s) => JSON.stringify(s.length > 110 ? `${s.slice(0, 80)} … ${s.slice(-25)}` : s);
  for (const d of details) {
    if (d.misses.length + d.falsePositives.length + d.boundaryErrors.length + d.speakerErrors.length + (allDetails ? d.all.misses.length + d.all.falsePositives.length + d.all.speakerErrors.length : 0) === 0) continue;
    console.log(`\n== ${corpus}/${d.document}`);
    for (const m of d.misses) console.log(`  MISS   ${m.as === null ? '' : `(found as ${m.as}) `}${clip(m.text)} [${m.speaker.join(' | ')}]`);
    for (const f of d.falsePositives) console.log(`  FALSE  ${clip(f.text)} [${f.speaker}]`);
    for (const b of d.boundaryErrors) console.log(`  BOUND  gold ${clip(b.gold)}\n         pred ${clip(b.predicted)}`);
    for (const s of d.speakerErrors) console.log(`  SPKR   ${clip(s.quote)} -> ${s.predicted} (${s.mention}) gold [${s.gold.join(' | ')}]`);
    if (!allDetails) continue;
    for (const m of d.all.misses) console.log(`  A-MISS ${clip(m.text)} [${m.speaker.join(' | ')}]`);
    for (const f of d.all.falsePositives) console.log(`  A-FALSE ${f.kind} ${clip(f.text)} [${f.speaker}]`);
    for (const s of d.all.speakerErrors) console.log(`  A-SPKR ${s.kind} ${clip(s.quote)} -> ${s.predicted} (${s.mention}) gold [${s.gold.join(' | ')}]`);
  }
  console.log('');
}
