// Merges the engines' candidates for a claim into the verdict (issue 17): the best candidate decides it, the
// same words elsewhere follow it earliest first, and a claim nothing covers gets its closest places below the line.

import type { VerifyMatch, VerifyReply, VerifyVerdict } from '../../contract/api.js';
import { compareCandidates, type VerifyCandidate } from '../verify/verify-claim.js';

/**
 * Below this share of the claim's words in order in the archive, a claim is `not-found`: measured by
 * scripts/eval-verify.mjs (two words replaced in a 10-word quote leave 0.8; at 0.6, 2 of 1,535 invented claims were `altered`).
 */
export const alteredCoverage = 0.7;
/** Fewer words in common than this is chance, whatever the share (a short claim of common words). */
const minEqualWords = 4;
/**
 * A changed quote has a change every few words at most; more is words of the archive in another order (a
 * shuffled quotation aligns in pieces): one change per this many claim words, and 2 for any claim.
 */
const wordsPerChange = 6;

/** The reply for `claim` from every engine's candidates; `speaker` is who the claim names, if anyone. */
export function mergeVerify(claim: string, claimWordCount: number, replies: readonly VerifyCandidate[][], options: { limit: number; speaker?: string }): Omit<VerifyReply, 'tookMs'> {
  const candidates = replies.flat().sort(compareCandidates);
  const best = candidates[0];
  const verdict: VerifyVerdict = best === undefined ? 'not-found' : best.exact ? 'verbatim' : isAltered(best, claimWordCount) ? 'altered' : 'not-found';
  if (best === undefined || verdict === 'not-found') {
    return { claim, verdict, matches: [], closest: candidates.slice(0, 3).flatMap((c) => c.matches) };
  }
  // The same words in several articles: earliest first (where the quote first appeared), undated last.
  const alike = candidates.filter((c) => c.exact === best.exact && c.coverage === best.coverage).sort(compareEarliest);
  const others = candidates.filter((c) => !alike.includes(c) && isAltered(c, claimWordCount));
  const matches = [...alike, ...others].flatMap((c) => c.matches).slice(0, options.limit);
  const attribution = options.speaker === undefined ? undefined : describeAttribution(options.speaker, matches);
  return { claim, verdict, matches, closest: [], ...(attribution === undefined ? {} : { attribution }) };
}

/** Near-verbatim: most of the claim's words in order in the archive, with few changes between them. */
function isAltered(candidate: VerifyCandidate, claimWordCount: number): boolean {
  return candidate.coverage >= alteredCoverage && candidate.coverage * claimWordCount >= minEqualWords && candidate.changes <= Math.max(2, Math.ceil(claimWordCount / wordsPerChange));
}

function compareEarliest(a: VerifyCandidate, b: VerifyCandidate): number {
  const dateA = a.matches[0]?.date ?? '\uffff';
  const dateB = b.matches[0]?.date ?? '\uffff';
  return dateA < dateB ? -1 : dateA > dateB ? 1 : compareCandidates(a, b);
}

/** Whether the archive gives the claim to the speaker the claim names, in words. */
function describeAttribution(speaker: string, matches: readonly VerifyMatch[]): string {
  const named = speaker.trim().toLowerCase();
  const speakers = [...new Set(matches.map((m) => m.speaker).filter((s): s is string => s !== null))];
  if (speakers.some((s) => s.toLowerCase().includes(named) || named.includes(s.toLowerCase()))) return `The archive agrees: ${speakers.find((s) => s.toLowerCase().includes(named) || named.includes(s.toLowerCase()))} said it.`;
  if (speakers.length === 0) return `You said ${speaker}; the archive names no speaker for these words.`;
  return `You said ${speaker}; the archive says ${speakers.join(', ')}.`;
}
