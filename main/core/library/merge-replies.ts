// Merges the engines' answers to one request into the library's answer.

import type { FacetValue, Facets, QuotesReply, SearchReply, SearchSort } from '../../contract/api.js';
import { compareQuotePlaces } from '../search/quote-order.js';
import { compareForSort, countsToValues, facetSize } from '../search/search-archive.js';

/** Which slice of the merged list a request asked for. */
export interface Page {
  offset: number;
  limit: number;
}

/**
 * Merges search answers: strict matches win over partial ones; facet counts add up. Each engine answered
 * with its first `offset + limit` hits, so the merged list is right up to there and the page is sliced from it.
 */
export function mergeSearch(replies: readonly SearchReply[], page: Page, sort: SearchSort): Omit<SearchReply, 'query' | 'tookMs'> {
  const strict = replies.filter((r) => !r.partial && r.total > 0);
  const used = strict.length > 0 ? strict : replies.filter((r) => r.partial);
  const hits = used.flatMap((r) => r.hits).sort(compareForSort(sort)).slice(page.offset, page.offset + page.limit);
  const addUp = (pick: (f: Facets, reply: SearchReply) => FacetValue[]): FacetValue[] => {
    const counts = new Map<string, number>();
    for (const reply of used) for (const { value, count } of pick(reply.facets, reply)) counts.set(value, (counts.get(value) ?? 0) + count);
    return countsToValues(counts, facetSize);
  };
  return {
    total: used.reduce((n, r) => n + r.total, 0),
    partial: strict.length === 0 && used.some((r) => r.total > 0),
    notices: replies[0]?.notices ?? [],
    facets: { source: addUp((f) => f.source), year: addUp((f) => f.year), language: addUp((f) => f.language) },
    speakers: addUpSpeakers(used),
    hits,
    ...incompleteOf(replies),
  };
}

/** The engines' speakers lists added up: a person (by id) is one entry whatever their name's form. */
function addUpSpeakers(replies: readonly SearchReply[]): FacetValue[] {
  const merged = new Map<string, FacetValue>();
  for (const reply of replies) {
    for (const speaker of reply.speakers) {
      const key = speaker.id === undefined ? `name:${speaker.value}` : `id:${speaker.id}`;
      const entry = merged.get(key);
      if (entry === undefined) merged.set(key, { ...speaker });
      else entry.count += speaker.count;
    }
  }
  return [...merged.values()].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1)).slice(0, facetSize);
}

/** Merges quote lists: newest first, then by path and place; totals add up. The page is sliced as in `mergeSearch`. */
export function mergeQuotes(replies: readonly QuotesReply[], page: Page): QuotesReply {
  const quotes = replies.flatMap((r) => r.quotes).sort(compareQuotePlaces);
  return { total: replies.reduce((n, r) => n + r.total, 0), quotes: quotes.slice(page.offset, page.offset + page.limit), ...incompleteOf(replies) };
}

/** The merged answer is incomplete when any engine's is (each engine has its own budget; the first notice says it). */
function incompleteOf(replies: readonly { incomplete?: string }[]): { incomplete?: string } {
  const notice = replies.find((r) => r.incomplete !== undefined)?.incomplete;
  return notice === undefined ? {} : { incomplete: notice };
}
