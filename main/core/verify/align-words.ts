// Word-level local alignment (Smith-Waterman) of a claim against an original: the best-scoring stretch of
// each where the words agree in order, with the steps that turn one into the other.

/** One step of an alignment: claim word `claim` against original word `original` (-1 for none). */
export interface AlignStep {
  claim: number;
  original: number;
}

/** The best local alignment; the steps run from `claimStart`/`originalStart` to the ends, exclusive. */
export interface Alignment {
  score: number;
  claimStart: number;
  claimEnd: number;
  originalStart: number;
  originalEnd: number;
  steps: AlignStep[];
  /** Steps whose two words are equal. */
  equal: number;
}

// Scores: a word in common earns more than a change costs, so a quote with a word swapped still aligns
// whole; a gap costs as much as a change, so words scattered in another order (shuffled) never chain.
const matchScore = 2;
const mismatchScore = -1;
const gapScore = -1;
const stop = 0;
const diagonal = 1;
const up = 2;
const left = 3;
/** One claim word for two original words ("wellknown" for "well-known"), and two for one. */
const claimJoined = 4;
const originalJoined = 5;

/**
 * Whether claim word `c` is original word `o` (`span` 0); or claim word `c` is original words `o - 1` and `o`
 * run together (`span` 1); or claim words `c - 1` and `c` run together are original word `o` (`span` -1).
 */
export type Same = (c: number, o: number, span?: -1 | 0 | 1) => boolean;

/**
 * Aligns claim words `[claimFrom, claimTo)` with original words `[originalFrom, originalTo)`; null when no
 * word is shared. Time and memory are the product of the two lengths: callers bound both.
 */
export function alignLocal(same: Same, claimFrom: number, claimTo: number, originalFrom: number, originalTo: number): Alignment | null {
  const rows = claimTo - claimFrom;
  const cols = originalTo - originalFrom;
  if (rows <= 0 || cols <= 0) return null;
  const width = cols + 1;
  const moves = new Uint8Array((rows + 1) * width);
  let beforePrevious = new Int32Array(width);
  let previous = new Int32Array(width);
  let current = new Int32Array(width);
  let best = 0;
  let bestAt = -1;
  for (let i = 1; i <= rows; i++) {
    current[0] = 0;
    for (let j = 1; j <= cols; j++) {
      const fit = (previous[j - 1] as number) + (same(claimFrom + i - 1, originalFrom + j - 1) ? matchScore : mismatchScore);
      const skipClaim = (previous[j] as number) + gapScore;
      const skipOriginal = (current[j - 1] as number) + gapScore;
      let score = 0;
      let move = stop;
      if (fit > score) [score, move] = [fit, diagonal];
      if (skipClaim > score) [score, move] = [skipClaim, up];
      if (skipOriginal > score) [score, move] = [skipOriginal, left];
      const c = claimFrom + i - 1;
      const o = originalFrom + j - 1;
      if (j >= 2 && (previous[j - 2] as number) + matchScore > score && same(c, o, 1)) [score, move] = [(previous[j - 2] as number) + matchScore, claimJoined];
      if (i >= 2 && (beforePrevious[j - 1] as number) + matchScore > score && same(c, o, -1)) [score, move] = [(beforePrevious[j - 1] as number) + matchScore, originalJoined];
      current[j] = score;
      moves[i * width + j] = move;
      if (score > best) [best, bestAt] = [score, i * width + j];
    }
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  if (bestAt < 0) return null;
  const steps: AlignStep[] = [];
  let i = Math.floor(bestAt / width);
  let j = bestAt % width;
  const claimEnd = claimFrom + i;
  const originalEnd = originalFrom + j;
  let equal = 0;
  for (let move = moves[bestAt] as number; move !== stop && i > 0 && j >= 0; move = moves[i * width + j] as number) {
    if (move === diagonal) {
      steps.push({ claim: claimFrom + i - 1, original: originalFrom + j - 1 });
      if (same(claimFrom + i - 1, originalFrom + j - 1)) equal++;
      i--;
      j--;
    } else if (move === claimJoined) {
      // Two steps the change list sees as one run and finds equal run together (word-changes.ts).
      steps.push({ claim: -1, original: originalFrom + j - 1 }, { claim: claimFrom + i - 1, original: originalFrom + j - 2 });
      equal++;
      i--;
      j -= 2;
    } else if (move === originalJoined) {
      steps.push({ claim: claimFrom + i - 1, original: -1 }, { claim: claimFrom + i - 2, original: originalFrom + j - 1 });
      equal++;
      i -= 2;
      j--;
    } else if (move === up) {
      steps.push({ claim: claimFrom + i - 1, original: -1 });
      i--;
    } else {
      steps.push({ claim: -1, original: originalFrom + j - 1 });
      j--;
    }
  }
  steps.reverse();
  return { score: best, claimStart: claimFrom + i, claimEnd, originalStart: originalFrom + j, originalEnd, steps, equal };
}
