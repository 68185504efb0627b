// Scoring one document's predicted quotations against its gold ones: direct quotations (exact and
// overlapping spans), speakers, and all quotations at the Gender Gap Tracker's rule.
import { goldOf } from './gold.mjs';
import { normalizeParts, overlapLength, rangesLength, rangesText } from './ranges.mjs';
import { speakerMatches } from './speakers.mjs';

/** The Gender Gap Tracker's rule for all quotations: a prediction covering this share of the annotated span matches it. */
export const ALL_COVERAGE = 0.3;

/** Scores one document's predictions against its gold quotations. */
export function scoreDocument(doc, allQuotes, threshold) {
  const { gold, ignore, all } = goldOf(doc);
  // Direct quotations only: partial fragments and reported speech are scored with all quotations below.
  const quotes = allQuotes.filter((q) => (q.kind ?? 'direct') === 'direct');
  const predictions = quotes.map((q) => ({ quote: q, parts: q.parts.map((p) => ({ start: p.start, end: p.end })), norm: normalizeParts(doc.body, q.parts) }));
  const goldNorm = gold.map((g) => normalizeParts(doc.body, g.parts));

  // Overlap: one-to-one, best mutual coverage first.
  const pairs = [];
  predictions.forEach((p, i) => {
    const pl = rangesLength(p.parts);
    gold.forEach((g, j) => {
      const shared = overlapLength(p.parts, g.parts);
      const gl = rangesLength(g.parts);
      if (shared > 0 && shared >= threshold * gl && shared >= threshold * pl) pairs.push({ i, j, score: Math.min(shared / gl, shared / pl) });
    });
  });
  pairs.sort((a, b) => b.score - a.score);
  const predMatch = new Array(predictions.length).fill(-1);
  const goldMatch = new Array(gold.length).fill(-1);
  for (const { i, j } of pairs) {
    if (predMatch[i] >= 0 || goldMatch[j] >= 0) continue;
    predMatch[i] = j;
    goldMatch[j] = i;
  }
  // Predictions in the quoted part of a mixed quotation (and matching no direct one) are not counted.
  const ignored = predictions.map((p, i) => predMatch[i] < 0 && overlapLength(p.parts, ignore) >= 0.5 * rangesLength(p.parts));

  const exactGold = new Array(gold.length).fill(false);
  let exact = 0;
  predictions.forEach((p, i) => {
    if (ignored[i]) return;
    const j = goldNorm.findIndex((n, k) => !exactGold[k] && n === p.norm);
    if (j >= 0) {
      exactGold[j] = true;
      exact++;
    }
  });

  const speakers = scoreSpeakers(doc, gold, goldMatch.map((i) => (i < 0 ? null : predictions[i].quote)));
  // For B-cubed of people (b-cubed.mjs): each matched quotation whose gold names a speaker, with its first.
  const speakerPairs = gold.flatMap((g, j) => (goldMatch[j] >= 0 && g.speakers.length > 0 ? [{ gold: g.speakers[0].text, quote: predictions[goldMatch[j]].quote }] : []));
  const everything = scoreAll(doc, all, allQuotes);

  const counted = predictions.filter((_, i) => !ignored[i]).length;
  return {
    gold: gold.length,
    predicted: counted,
    ignored: predictions.length - counted,
    exact,
    overlap: goldMatch.filter((i) => i >= 0).length,
    speakerTotal: speakers.total,
    speakerRight: speakers.right,
    speakerStrict: speakers.strict,
    speakerByHow: speakers.byHow,
    all: everything,
    unattributedMatched: predictions.filter((p, i) => predMatch[i] >= 0 && p.quote.speaker === null).length,
    misses: gold
      .filter((_, j) => goldMatch[j] < 0)
      .map((g) => ({ text: rangesText(doc.body, g.parts), speaker: g.speakers.map((s) => s.text), as: allQuotes.find((q) => q.kind !== 'direct' && overlapLength(q.parts, g.parts) > 0)?.kind ?? null })),
    falsePositives: predictions.filter((_, i) => predMatch[i] < 0 && !ignored[i]).map((p) => ({ text: p.quote.text, speaker: p.quote.speaker })),
    boundaryErrors: gold.flatMap((g, j) => (goldMatch[j] >= 0 && !exactGold[j] ? [{ gold: goldNorm[j], predicted: predictions[goldMatch[j]].norm }] : [])),
    speakerErrors: speakers.errors,
    speakerPairs,
  };
}

/**
 * Speaker accuracy over matched pairs whose gold names a speaker (`matched[j]` is the prediction
 * matched to `gold[j]`, or null), in all and by how the extractor found the speaker.
 */
function scoreSpeakers(doc, gold, matched) {
  const result = { total: 0, right: 0, strict: 0, byHow: {}, errors: [] };
  gold.forEach((g, j) => {
    const quote = matched[j];
    if (quote === null || g.speakers.length === 0) return;
    result.total++;
    const how = quote.speaker === null ? 'none' : (quote.speakerFound ?? 'name');
    const tally = (result.byHow[how] ??= { total: 0, right: 0 });
    tally.total++;
    const mentionText = quote.mention === null ? null : doc.body.slice(quote.mention.start, quote.mention.end);
    if (speakerMatches({ ...quote, mentionText }, g.speakers, false)) {
      result.right++;
      tally.right++;
    } else result.errors.push({ quote: quote.text, kind: quote.kind ?? 'direct', predicted: quote.speaker, mention: mentionText, gold: g.speakers.map((s) => s.text) });
    if (speakerMatches(quote, g.speakers, true)) result.strict++;
  });
  return result;
}

/**
 * All annotated quotations (direct, mixed, indirect) against every prediction, at the Gender Gap
 * Tracker's rule: a prediction matches when it covers at least 30% of the annotated span; best coverage
 * first, each annotation matched once, each prediction at most once per part (GGT records the parts
 * of `"A," she said, "B."` as two quotations).
 */
function scoreAll(doc, gold, quotes) {
  const pairs = [];
  quotes.forEach((q, i) => {
    gold.forEach((g, j) => {
      const shared = overlapLength(q.parts, g.parts);
      const coverage = shared / rangesLength(g.parts);
      if (shared > 0 && coverage >= ALL_COVERAGE) pairs.push({ i, j, coverage });
    });
  });
  pairs.sort((a, b) => b.coverage - a.coverage);
  const predMatch = new Array(quotes.length).fill(-1);
  const goldMatch = new Array(gold.length).fill(-1);
  const uses = new Array(quotes.length).fill(0);
  for (const { i, j } of pairs) {
    if (uses[i] >= quotes[i].parts.length || goldMatch[j] >= 0) continue;
    uses[i]++;
    predMatch[i] = j;
    goldMatch[j] = i;
  }
  const speakers = scoreSpeakers(doc, gold, goldMatch.map((i) => (i < 0 ? null : quotes[i])));
  const speakerPairs = gold.flatMap((g, j) => (goldMatch[j] >= 0 && g.speakers.length > 0 ? [{ gold: g.speakers[0].text, quote: quotes[goldMatch[j]] }] : []));
  const byKind = {};
  quotes.forEach((q, i) => {
    const tally = (byKind[q.kind ?? 'direct'] ??= { predicted: 0, matched: 0 });
    tally.predicted++;
    if (predMatch[i] >= 0) tally.matched++;
  });
  return {
    gold: gold.length,
    predicted: quotes.length,
    matched: goldMatch.filter((i) => i >= 0).length,
    predictedMatched: uses.filter((n) => n > 0).length,
    byKind,
    speakerTotal: speakers.total,
    speakerRight: speakers.right,
    speakerByHow: speakers.byHow,
    misses: gold.filter((_, j) => goldMatch[j] < 0).map((g) => ({ text: rangesText(doc.body, g.parts), speaker: g.speakers.map((s) => s.text) })),
    falsePositives: quotes.filter((_, i) => predMatch[i] < 0).map((q) => ({ text: q.text, kind: q.kind ?? 'direct', speaker: q.speaker })),
    speakerErrors: speakers.errors,
    speakerPairs,
  };
}
