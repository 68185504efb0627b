// Candidate retrieval: the articles sharing the most rare shingles with a claim. A shingle held by many
// articles ("said that the") says little and is skipped, so a claim of common words costs little.

import { articlesWithShingle, type ShingleIndex } from './shingle-index.js';

/** A shingle held by more articles than this share of the shard (and at least 50) is too common to count. */
const commonShare = 0.02;

/**
 * The articles of `index` sharing rare shingles with `shingles` (a claim's), as `[number, score]`, best first:
 * each shared shingle adds its inverse document frequency. At most `limit`.
 */
export function findCandidates(index: ShingleIndex, shingles: Iterable<number>, limit: number): [number, number][] {
  const maxHolders = Math.max(50, Math.floor(index.articles * commonShare));
  const scores = new Map<number, number>();
  for (const shingle of new Set(shingles)) {
    const holders = articlesWithShingle(index, shingle);
    if (holders.length === 0 || holders.length > maxHolders) continue;
    const weight = Math.log(1 + index.articles / holders.length);
    for (const article of holders) scores.set(article, (scores.get(article) ?? 0) + weight);
  }
  return [...scores.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit);
}
