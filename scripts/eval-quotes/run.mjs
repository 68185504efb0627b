// Running eval-quotes: the extractor on every document of the loaded corpora, scores summed per corpus, and
// the seed article's quotations.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { scorePeople } from './b-cubed.mjs';
import { scoreDocument } from './score-document.mjs';

/**
 * Runs `extractQuotes` on each corpus's documents (`corpora`: corpus name to documents) and scores it at
 * the `overlap` threshold: per corpus, the totals, precision / recall / F1, speaker accuracy, extraction
 * time and each document's details.
 */
export function scoreCorpora(corpora, extractQuotes, overlap, resolvePeople) {
  const results = {};
  for (const [corpus, docs] of Object.entries(corpora)) {
    const totals = { documents: docs.length, gold: 0, predicted: 0, ignored: 0, exact: 0, overlap: 0, speakerTotal: 0, speakerRight: 0, speakerStrict: 0 };
    const all = { gold: 0, predicted: 0, matched: 0, predictedMatched: 0, speakerTotal: 0, speakerRight: 0, byKind: {}, speakerByHow: {} };
    const byHow = {};
    const details = [];
    const people = [];
    let extractMs = 0;
    for (const doc of docs) {
      const started = performance.now();
      const quotes = extractQuotes({ id: doc.name, body: doc.body });
      extractMs += performance.now() - started;
      const { speakerPairs, ...score } = scoreDocument(doc, quotes, overlap);
      const { speakerPairs: allPairs, ...all_ } = score.all;
      score.all = all_;
      people.push({ name: doc.name, quotes, pairs: speakerPairs, allPairs });
      for (const key of ['gold', 'predicted', 'ignored', 'exact', 'overlap', 'speakerTotal', 'speakerRight', 'speakerStrict']) totals[key] += score[key];
      for (const key of ['gold', 'predicted', 'matched', 'predictedMatched', 'speakerTotal', 'speakerRight']) all[key] += score.all[key];
      addTallies(byHow, score.speakerByHow);
      addTallies(all.speakerByHow, score.all.speakerByHow);
      addTallies(all.byKind, score.all.byKind);
      details.push({ document: doc.name, ...score });
    }
    results[corpus] = {
      ...totals,
      exactScores: prf(totals.exact, totals.predicted, totals.gold),
      overlapScores: prf(totals.overlap, totals.predicted, totals.gold),
      speakerAccuracy: totals.speakerTotal === 0 ? 0 : totals.speakerRight / totals.speakerTotal,
      speakerStrictAccuracy: totals.speakerTotal === 0 ? 0 : totals.speakerStrict / totals.speakerTotal,
      speakerByHow: byHow,
      all: { ...all, scores: precisionRecall(all.predictedMatched / all.predicted, all.matched / all.gold), speakerAccuracy: all.speakerTotal === 0 ? 0 : all.speakerRight / all.speakerTotal },
      people: scorePeople(people, resolvePeople),
      extractMs: Math.round(extractMs),
      details,
    };
  }
  return results;
}

function prf(tp, predicted, gold) {
  const precision = predicted === 0 ? 0 : tp / predicted;
  const recall = gold === 0 ? 0 : tp / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function precisionRecall(precision, recall) {
  const p = Number.isFinite(precision) ? precision : 0;
  const r = Number.isFinite(recall) ? recall : 0;
  return { precision: p, recall: r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/** Adds per-key `{ total, right }` (or any numeric fields) of `from` into `into`. */
function addTallies(into, from) {
  for (const [key, tally] of Object.entries(from)) {
    const target = (into[key] ??= {});
    for (const [field, n] of Object.entries(tally)) target[field] = (target[field] ?? 0) + n;
  }
}

/** The seed article's quotations, read like any `.txt` article; null when the file is not there. */
export function readSeed(file, extractQuotes, parseTxt) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const [draft] = parseTxt(path.basename(file), text);
  const quotes = extractQuotes({ id: 'seed', body: draft.body });
  return { file, quotes: quotes.map((q) => ({ kind: q.kind, text: q.text, speaker: q.speaker, description: q.description, verb: q.verb, parts: q.parts.length })) };
}
