// Verifies a claim against the shards of one engine: candidates by rare shingles, then a local word
// alignment on each, a second one for the rest of a claim spliced from two places, and each match shown
// against its whole original (issue 17).

import type { VerifyMatch } from '../../contract/api.js';
import type { Article, Quote } from '../../contract/model.js';
import { InvalidArgumentError } from '../errors.js';
import { alignLocal, type Alignment, type AlignStep, type Same } from './align-words.js';
import { findCandidates } from './find-candidates.js';
import { originalUnit, type OriginalUnit } from './original-unit.js';
import { hashWord, shinglesOf, shingleSize } from './shingle-hash.js';
import type { ShingleIndex } from './shingle-index.js';
import { verifyWords, type VerifyWord } from './verify-words.js';
import { wordChanges } from './word-changes.js';

/** What a claim is verified against: one shard's articles (in the order indexed), index and quotes. */
export interface VerifyShard {
  articles: readonly Article[];
  index: ShingleIndex;
  quotesOf: (article: Article) => readonly Quote[];
}

/** One article's answer to a claim: its matches (two for a splice), and how well they cover the claim. */
export interface VerifyCandidate {
  matches: VerifyMatch[];
  /**
   * Share of the claim's words standing in the matches' originals in order, in runs of two words or more (0 to
   * 1): what the verdict counts (see `ChangeList.inRuns`).
   */
  coverage: number;
  /** Every claim word in one original, in order, with omissions only at the ends or at an ellipsis. */
  exact: boolean;
  /** Changes inside the matches (see `ChangeList.inner`), added up. */
  changes: number;
  /** The alignment score, to rank candidates of equal coverage. */
  score: number;
}

/** Claims of fewer words match by chance; of more, they are not a quote but a text (and cost time). */
export const claimWordLimits = { min: shingleSize, max: 500 } as const;
/**
 * Articles aligned per engine, over all its shards: the right one is nearly always among the first few by shared
 * rare shingles (an engine holds many shards at 10x: per shard, this many each made verify p95 454 ms there).
 */
const candidatesPerEngine = 8;
/** A second place of a spliced claim shares at least this many words with it: three ("is very important") are chance. */
const minPieceWords = 4;
/** Gap between two pieces of one original that still makes them one shortened match, in words. */
const maxJoinGap = 80;
/** Claim and original words aligned for one piece at most: bounds time on a long article. */
const maxCells = 2_000_000;

/** The claim's words, refused when there are too few or too many to verify. */
export function claimWords(claim: string): VerifyWord[] {
  const words = verifyWords(claim);
  if (words.length < claimWordLimits.min) throw new InvalidArgumentError(`verify: the claim has ${words.length} word${words.length === 1 ? '' : 's'}; give at least ${claimWordLimits.min}`);
  if (words.length > claimWordLimits.max) throw new InvalidArgumentError(`verify: the claim has ${words.length} words; verify takes at most ${claimWordLimits.max} (a quote, not a text)`);
  return words;
}

/** The best candidates of `shards` for `claim`, best first; at most `limit`. */
export function verifyClaim(claim: string, shards: readonly VerifyShard[], limit: number): VerifyCandidate[] {
  const words = claimWords(claim);
  const shingles = shinglesOf(words.map((w) => hashWord(w.norm)));
  const wanted = new Set(shingles);
  const ranked = shards
    .flatMap((shard) => findCandidates(shard.index, shingles, candidatesPerEngine).map(([number, score]) => ({ shard, number, score })))
    .sort((a, b) => b.score - a.score)
    .slice(0, candidatesPerEngine);
  const found: VerifyCandidate[] = [];
  for (const { shard, number } of ranked) {
    const article = shard.articles[number];
    const candidate = article && verifyArticle(claim, words, wanted, article, shard.quotesOf(article));
    if (candidate) found.push(candidate);
  }
  return found.sort(compareCandidates).slice(0, limit);
}

/** Exact first, then by coverage, then by score. */
export function compareCandidates(a: VerifyCandidate, b: VerifyCandidate): number {
  return Number(b.exact) - Number(a.exact) || b.coverage - a.coverage || b.score - a.score;
}

function verifyArticle(claim: string, words: readonly VerifyWord[], wanted: ReadonlySet<number>, article: Article, quotes: readonly Quote[]): VerifyCandidate | null {
  const body = verifyWords(article.body);
  const same = sameWords(words, body);
  const primary = bestInWindows(same, words.length, body, wanted);
  if (primary === null || primary.equal < 2) return null;
  const pieces = [primary];
  // The rest of a spliced claim: its head or tail, in the same article.
  for (const [from, to] of [[0, primary.claimStart], [primary.claimEnd, words.length]] as const) {
    if (to - from < shingleSize) continue;
    const reach = Math.min(body.length, Math.floor(maxCells / (to - from)));
    const piece = alignLocal(same, from, to, 0, reach);
    if (piece !== null && piece.equal >= minPieceWords && piece.equal * 2 >= to - from) pieces.push(piece);
  }
  const placed = pieces.sort((a, b) => a.claimStart - b.claimStart).map((piece) => {
    const from = (body[piece.originalStart] as VerifyWord).start;
    return { piece, unit: originalUnit(article, quotes, from, (body[piece.originalEnd - 1] as VerifyWord).end) };
  });
  const joined = joinPieces(placed);
  const matches: VerifyMatch[] = [];
  let equal = 0;
  let inner = 0;
  let exact = joined.length === 1;
  joined.forEach(({ piece, unit }, k) => {
    const first = k === 0;
    const last = k === joined.length - 1;
    const claimFrom = first ? 0 : piece.claimStart;
    const claimTo = last ? words.length : piece.claimEnd;
    const unitIndex = new Map(unit.words.map((w, i) => [w.start, i]));
    const steps: AlignStep[] = [];
    for (const step of piece.steps) {
      const original = step.original < 0 ? -1 : (unitIndex.get((body[step.original] as VerifyWord).start) ?? -1);
      if (step.claim >= 0 || original >= 0) steps.push({ claim: step.claim, original });
    }
    const mapped = steps.filter((s) => s.original >= 0).map((s) => s.original);
    const firstOriginal = mapped[0] ?? unit.words.length;
    const lastOriginal = mapped[mapped.length - 1] ?? firstOriginal - 1;
    const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
    const list = wordChanges(words, claim, unit.words, article.body, steps, {
      claimBefore: range(claimFrom, piece.claimStart),
      claimAfter: range(piece.claimEnd, claimTo),
      originalBefore: range(0, firstOriginal),
      originalAfter: range(lastOriginal + 1, unit.words.length),
    });
    equal += list.inRuns;
    inner += list.inner;
    exact &&= list.exact;
    matches.push({
      articleId: article.id,
      path: article.path,
      title: article.title,
      date: article.date,
      source: article.source,
      speaker: unit.quote?.speaker ?? null,
      speakerId: unit.quote?.speakerId ?? null,
      kind: unit.kind,
      text: unit.text,
      start: unit.start,
      end: unit.end,
      similarity: round(list.equal / Math.max(1, claimTo - claimFrom)),
      changes: list.changes,
      omitted: list.omitted,
      claimStart: (words[claimFrom] as VerifyWord).start,
      claimEnd: (words[claimTo - 1] as VerifyWord).end,
    });
  });
  const coverage = round(equal / words.length);
  return { matches, coverage, changes: inner, exact: exact && coverage === 1, score: joined.reduce((n, p) => n + p.piece.score, 0) };
}

/**
 * The best alignment of the whole claim in the article, tried in the stretches around the article's words
 * that share a shingle with the claim (the two busiest), each reaching one claim length either side.
 */
function bestInWindows(same: Same, claimLength: number, body: readonly VerifyWord[], wanted: ReadonlySet<number>): Alignment | null {
  const hits: number[] = [];
  shinglesOf(body.map((w) => hashWord(w.norm))).forEach((shingle, at) => {
    if (wanted.has(shingle)) hits.push(at);
  });
  const clusters: number[][] = [];
  for (const at of hits) {
    const cluster = clusters[clusters.length - 1];
    if (cluster && at - (cluster[cluster.length - 1] as number) <= claimLength + shingleSize) cluster.push(at);
    else clusters.push([at]);
  }
  let best: Alignment | null = null;
  for (const cluster of clusters.sort((a, b) => b.length - a.length).slice(0, 2)) {
    const from = Math.max(0, (cluster[0] as number) - claimLength);
    const to = Math.min(body.length, (cluster[cluster.length - 1] as number) + shingleSize + claimLength);
    const found = alignLocal(same, 0, claimLength, from, to);
    if (found !== null && (best === null || found.score > best.score)) best = found;
  }
  return best;
}

/** A piece of the claim aligned in the article, and the original it is shown against. */
interface PlacedPiece {
  piece: Alignment;
  unit: OriginalUnit;
}

/**
 * Pieces in claim order in one original, the second after the first and close to it: one match, shortened in
 * between (with an ellipsis, or else changed). Pieces in other originals stay apart: a splice.
 */
function joinPieces(placed: readonly PlacedPiece[]): PlacedPiece[] {
  const joined: PlacedPiece[] = [];
  for (const next of placed) {
    const previous = joined[joined.length - 1];
    const [a, b] = [previous?.piece, next.piece];
    if (previous && a && previous.unit.start === next.unit.start && b.originalStart >= a.originalEnd && b.originalStart - a.originalEnd <= maxJoinGap) {
      const gap: AlignStep[] = [];
      for (let c = a.claimEnd; c < b.claimStart; c++) gap.push({ claim: c, original: -1 });
      for (let o = a.originalEnd; o < b.originalStart; o++) gap.push({ claim: -1, original: o });
      const piece = { score: a.score + b.score, claimStart: a.claimStart, claimEnd: b.claimEnd, originalStart: a.originalStart, originalEnd: b.originalEnd, steps: [...a.steps, ...gap, ...b.steps], equal: a.equal + b.equal };
      joined[joined.length - 1] = { piece, unit: previous.unit };
    } else joined.push(next);
  }
  return joined;
}

/** Claim word `c` against original word `o`, or against two words run together (see `Same`). */
export function sameWords(claim: readonly VerifyWord[], original: readonly VerifyWord[]): Same {
  return (c, o, span = 0) => {
    if (span === 0) return claim[c]?.norm === original[o]?.norm;
    if (span === 1) return claim[c]?.norm === `${original[o - 1]?.norm ?? ''}${original[o]?.norm ?? '\u0000'}`;
    return original[o]?.norm === `${claim[c - 1]?.norm ?? ''}${claim[c]?.norm ?? '\u0000'}`;
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
