// Turns an alignment into the changes a reader sees: runs of equal words, and between them what the claim
// inserts, leaves out or replaces, with the words as written.

import type { WordChange } from '../../contract/api.js';
import type { AlignStep } from './align-words.js';
import type { VerifyWord } from './verify-words.js';

/** The changes, and how many claim words stand in the original. */
export interface ChangeList {
  changes: WordChange[];
  /** Claim words equal to the original's (a word merged or split by a hyphen counts as equal). */
  equal: number;
  /**
   * Of `equal`, those in runs of two or more words in a row in both: what the verdict counts, so that words of
   * a quote in another order (shuffled), which align one by one, never make a claim `altered`.
   */
  inRuns: number;
  /** Changes between the first and the last equal words: few for a quote changed here and there, many for words shuffled. */
  inner: number;
  /** Words of the original the claim leaves out, at either end or inside. */
  omitted: number;
  /** True when every change is an omission at an end, or where the claim marks one with an ellipsis. */
  exact: boolean;
}

/**
 * The changes of `steps` (claim word and original word indexes, -1 for none), with the original's words
 * `originalBefore` before the steps and `originalAfter` after them as left out, and claim words
 * `claimBefore`/`claimAfter` as inserted.
 */
export function wordChanges(
  claim: readonly VerifyWord[],
  claimText: string,
  original: readonly VerifyWord[],
  originalText: string,
  steps: readonly AlignStep[],
  ends: { claimBefore: number[]; claimAfter: number[]; originalBefore: number[]; originalAfter: number[] },
): ChangeList {
  const all: AlignStep[] = [
    ...ends.claimBefore.map((c) => ({ claim: c, original: -1 })),
    ...ends.originalBefore.map((o) => ({ claim: -1, original: o })),
    ...steps,
    ...ends.originalAfter.map((o) => ({ claim: -1, original: o })),
    ...ends.claimAfter.map((c) => ({ claim: c, original: -1 })),
  ];
  const list: ChangeList = { changes: [], equal: 0, inRuns: 0, inner: 0, omitted: 0, exact: true };
  const claimSteps = all.filter((s) => s.claim >= 0);
  const firstClaim = claimSteps[0]?.claim ?? -1;
  const lastClaim = claimSteps[claimSteps.length - 1]?.claim ?? -1;
  let claimSeen = -1;
  let run: AlignStep[] = [];
  let runEqual = false;
  const words = (ws: VerifyWord[], text: string): string => ws.map((w) => text.slice(w.start, w.end)).join(' ');
  const flush = (): void => {
    if (run.length === 0) return;
    const claimWords = run.filter((s) => s.claim >= 0).map((s) => claim[s.claim] as VerifyWord);
    const originalWords = run.filter((s) => s.original >= 0).map((s) => original[s.original] as VerifyWord);
    // "wellknown" for "well-known", or the other way round: the same word, retyped.
    const merged = claimWords.length > 0 && originalWords.length > 0 && claimWords.map((w) => w.norm).join('') === originalWords.map((w) => w.norm).join('');
    const op: WordChange['op'] = runEqual || merged ? 'equal' : claimWords.length === 0 ? 'delete' : originalWords.length === 0 ? 'insert' : 'replace';
    if (op === 'equal') list.equal += claimWords.length;
    if (op === 'equal' && (claimWords.length >= 2 || merged)) list.inRuns += claimWords.length;
    if (op === 'delete') {
      list.omitted += originalWords.length;
      // Left out inside the claim: an omission only where the claim marks it with an ellipsis.
      const inside = claimSeen >= firstClaim && claimSeen >= 0 && claimSeen < lastClaim;
      if (inside && !(claim[claimSeen + 1]?.afterEllipsis ?? false) && !isAttribution(originalText, original, run)) list.exact = false;
    }
    if (op === 'insert' || op === 'replace') list.exact = false;
    list.changes.push({ op, claim: words(claimWords, claimText), original: words(originalWords, originalText) });
    for (const s of run) if (s.claim >= 0) claimSeen = s.claim;
    run = [];
  };
  for (const step of all) {
    const isEqual = step.claim >= 0 && step.original >= 0 && claim[step.claim]?.norm === original[step.original]?.norm;
    if (run.length > 0 && isEqual !== runEqual) flush();
    run.push(step);
    runEqual = isEqual;
  }
  flush();
  const firstEqual = list.changes.findIndex((c) => c.op === 'equal');
  const lastEqual = list.changes.findLastIndex((c) => c.op === 'equal');
  list.inner = list.changes.slice(firstEqual + 1, lastEqual).filter((c) => c.op !== 'equal').length;
  return list;
}

// A closing quotation mark (after any punctuation), an opening one: `"A," she said, "B."`.
const closing = /^[\p{P}\s]*["”’'»]/u;
const opening = /["“‘'«][\p{P}\s]*$/u;

/**
 * Whether the original words of a `delete` run stand outside the quotation, between two of its parts (the
 * attribution in `"We will rebuild," she said, "and soon."`): a claim that leaves them out quotes it whole.
 */
function isAttribution(text: string, original: readonly VerifyWord[], run: readonly AlignStep[]): boolean {
  const first = original[run[0]?.original ?? -1];
  const last = original[run[run.length - 1]?.original ?? -1];
  const before = original[(run[0]?.original ?? 0) - 1];
  const after = original[(run[run.length - 1]?.original ?? -2) + 1];
  if (!first || !last || !before || !after) return false;
  return closing.test(text.slice(before.end, first.start)) && opening.test(text.slice(last.end, after.start));
}
