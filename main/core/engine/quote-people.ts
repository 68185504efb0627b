// Gives quotes their people (speaker ids and clusters, issue 16) from the lists the main thread resolves,
// which follow each shard's quotes in the order `listQuotes` lists them. Saved people are given lazily
// (issue 19): an open keeps the lists with where each article's quotes start in them, and an article's
// quotes get theirs when first read, so a warm open deserializes no quote a request does not read.

import type { Quote } from '../../contract/model.js';
import type { SpeakerIdList, SpeakerIdRange } from '../search/search-state.js';
import type { ClusterList } from './people-wire.js';

/** A shard's people lists: per quote, in `listQuotes` order, its speaker id and cluster. */
export interface PeopleLists {
  speakerIds: SpeakerIdList;
  clusters: ClusterList;
}

/** A shard's saved people, given to each article's quotes when they are first read. */
export interface PendingPeople extends PeopleLists {
  /** Each listed article's place in the listing, where `from` and `counts` give where its quotes start in the lists and how many it has. */
  listed: ReadonlyMap<string, number>;
  from: Int32Array;
  counts: Int32Array;
  /** The articles whose quotes have theirs already. */
  given: Set<string>;
}

/** Sets the speaker id and cluster of each of `quotes` from `lists`, starting at `from`. */
export function givePeople(quotes: readonly Quote[], lists: PeopleLists, from = 0): void {
  quotes.forEach((quote, j) => {
    quote.speakerId = lists.speakerIds.at(from + j);
    const cluster = lists.clusters.at(from + j);
    quote.clusterId = cluster?.clusterId ?? null;
    if (cluster === null) delete quote.cluster;
    else quote.cluster = cluster.cluster;
  });
}

/**
 * The saved people of a shard whose listed articles (`ids`, in `listQuotes` order) have `counts` quotes each,
 * to be given as they are read; null when the lists are not as long as those quotes (then nothing is set).
 */
export function pendingPeople(lists: PeopleLists, { ids, counts }: { ids: readonly string[]; counts: readonly number[] }): PendingPeople | null {
  const listed = new Map<string, number>();
  const from = new Int32Array(ids.length);
  let at = 0;
  for (let k = 0; k < ids.length; k += 1) {
    listed.set(ids[k] as string, k);
    from[k] = at;
    at += counts[k] ?? 0;
  }
  if (at !== lists.speakerIds.length || at !== lists.clusters.length) return null;
  return { ...lists, listed, from, counts: Int32Array.from(counts), given: new Set() };
}

/** Gives the quotes of article `articleId` their saved people, the first time only. */
export function givePendingPeople(pending: PendingPeople, articleId: string, quotes: readonly Quote[]): void {
  if (pending.given.has(articleId)) return;
  pending.given.add(articleId);
  const k = pending.listed.get(articleId);
  if (k !== undefined) givePeople(quotes, pending, pending.from[k] ?? 0);
}

/**
 * Where the speaker ids of article `articleId`'s quotes are in the lists, in order (none when it is not
 * listed): the speaker index is made from these without reading any quote (search/speaker-index.ts).
 */
export function pendingSpeakerIds(pending: PendingPeople, articleId: string): SpeakerIdRange {
  const k = pending.listed.get(articleId);
  const from = k === undefined ? 0 : (pending.from[k] ?? 0);
  return { ids: pending.speakerIds, from, to: k === undefined ? 0 : from + (pending.counts[k] ?? 0) };
}
