// Exact duplicates across shards: which articles to hide, which file each copies, and the counts that
// leave the hidden ones out.

import type { ShardSummary } from '../engine/shard-engine.js';
import { compareProblems } from '../archive/compare-problems.js';
import type { ImportProblem } from '../../contract/model.js';
import { yieldToEventLoop } from './yield-to-event-loop.js';

/** The archive as the main thread knows it, once duplicates are set aside. */
export interface Deduplicated {
  /** Ids of the later copies, in path order: what the engines must never return. */
  hiddenIds: string[];
  hidden: ReadonlySet<string>;
  /** Each copy's path and the path of the first copy. */
  duplicates: { path: string; duplicateOf: string }[];
  /** The paths of each first copy's later copies. */
  copies: Map<string, string[]>;
  articleCount: number;
  /** Quotes of the shards whose quotes are all extracted, hidden copies left out; goes up as more are. */
  quoteCount: number;
  /** Every shard's problems, in path order. */
  problems: ImportProblem[];
}

/** Before any shard is open: nothing to hide, nothing counted. */
export function noArticles(): Deduplicated {
  return { hiddenIds: [], hidden: new Set(), duplicates: [], copies: new Map(), articleCount: 0, quoteCount: 0, problems: [] };
}

/**
 * Finds exact duplicates across all shards: of articles with the same headline and text, the first in path
 * order is kept and the others are hidden. One pass with a map from digest to the article's place in flat
 * lists (no object per article: at 50x there are 106,000), yielding between shards: sorting 100,000
 * articles by path at once stalled the main thread.
 */
export async function deduplicate(summaries: readonly ShardSummary[]): Promise<Deduplicated> {
  const ids: string[] = [];
  const paths: string[] = [];
  const digests: string[] = [];
  /** Each article's place in its shard's list, which keeps the articles of one file in order. */
  const orders: number[] = [];
  const first = new Map<string, number>();
  const later: number[] = [];
  const byPathThenOrder = (a: number, b: number): number => {
    const pa = paths[a] ?? '';
    const pb = paths[b] ?? '';
    return pa < pb ? -1 : pa > pb ? 1 : (orders[a] ?? 0) - (orders[b] ?? 0);
  };
  for (const summary of summaries) {
    summary.ids.forEach((id, order) => {
      const at = ids.length;
      const digest = summary.digests[order] ?? '';
      ids.push(id);
      paths.push(summary.paths[order] ?? '');
      digests.push(digest);
      orders.push(order);
      const seen = first.get(digest);
      if (seen === undefined) first.set(digest, at);
      else if (byPathThenOrder(at, seen) < 0) {
        later.push(seen);
        first.set(digest, at);
      } else later.push(at);
    });
    await yieldToEventLoop();
  }
  later.sort(byPathThenOrder);
  const hiddenIds = later.map((at) => ids[at] ?? '');
  const duplicates: { path: string; duplicateOf: string }[] = [];
  const copies = new Map<string, string[]>();
  for (const at of later) {
    const original = paths[first.get(digests[at] ?? '') ?? -1] ?? '';
    const copy = paths[at] ?? '';
    duplicates.push({ path: copy, duplicateOf: original });
    const known = copies.get(original);
    if (known === undefined) copies.set(original, [copy]);
    else known.push(copy);
  }
  const hidden = new Set(hiddenIds);
  let quoteCount = 0;
  for (const summary of summaries) {
    quoteCount += countQuotes(summary, hidden);
    await yieldToEventLoop();
  }
  const problems = summaries.flatMap((s) => s.problems).sort(compareProblems);
  return { hiddenIds, hidden, duplicates, copies, articleCount: ids.length - hiddenIds.length, quoteCount, problems };
}

/** The quotes of a shard's articles that are not hidden duplicates. */
export function countQuotes(summary: ShardSummary, hidden: ReadonlySet<string>): number {
  let count = 0;
  summary.ids.forEach((id, i) => {
    if (!hidden.has(id)) count += summary.quoteCounts[i] ?? 0;
  });
  return count;
}
