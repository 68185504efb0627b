// The archive's people and quotation clusters as they cross threads: each shard's mentions and quotations'
// words, and the ids, names and clusters given back, as JSON text. One string is copied between threads as
// its bytes; 100,000 mention objects took the main thread 1.9 s to receive and pass on at 10x BBC (a loaded
// 2-core machine), time in which the window got no answer. Lists are per shard, not per engine: people saved
// for a shard fit it whichever engine holds it (engine/saved-people.ts).
import type { Speaker } from '../../contract/model.js';
import { resolvePeople, type PeopleCorrections, type SpeakerMention } from '../quotes/people/resolve-people.js';
import type { PersonNames } from '../search/people-names.js';
import { clusterQuotations, type ClusterAssignment } from '../verify/quote-clusters.js';

/** One shard's mentions as an engine lists them (`ShardEngine.mentions`), with its identity (engine/quotes-digest.ts). */
export interface ShardMentions {
  shard: number;
  identity: string | null;
  /** The JSON of `SpeakerMention[]`. */
  mentions: string;
  /** The JSON of each mention's `quotationWords`, in the same order. */
  quotations: string;
}

/** One shard's quotes' ids and clusters, as resolved (the JSON `ResolvedLists` holds for the shard's list). */
export interface ShardPeople {
  shard: number;
  speakerIds: string;
  clusters: string;
}

/** What the resolving engine answers: the speakers, and per mention list the JSON of its ids and of every speaker's names. */
export interface ResolvedLists {
  speakers: Speaker[];
  /** Per list, in order, the JSON of `(string | null)[]`: each mention's speaker id. */
  speakerIds: string[];
  /** The JSON of `PersonNames[]`, for every engine. */
  names: string;
  /** Per list, the JSON of its quotes' clusters, in order (issue 17; read back with `readPeopleLists`). */
  clusters: string[];
}

/**
 * Resolves the engines' mention lists (each the JSON of `SpeakerMention[]`) together, and clusters their
 * quotations (`quotations`: per list, the JSON of each mention's `quotationWords`, in the same order).
 */
export function resolveMentionLists(lists: readonly string[], quotations: readonly string[], corrections: PeopleCorrections): ResolvedLists {
  // Our own engines wrote these (`collectMentions`, `quotationWords`), in this process.
  const parsed = lists.map((list) => JSON.parse(list) as SpeakerMention[]);
  const words = quotations.map((list) => JSON.parse(list) as (string | null)[]);
  const mentions = parsed.flat();
  const { speakers, speakerIds } = resolvePeople(mentions, corrections);
  const entries = parsed.flatMap((list, i) => list.map((m, j) => ({ quoteId: m.quoteId, articleId: m.articleId, date: m.date, source: m.source, words: words[i]?.[j] ?? null })));
  const clusters = clusterQuotations(entries);
  let at = 0;
  const speakerIdLists: string[] = [];
  const clusterLists: string[] = [];
  for (const list of parsed) {
    speakerIdLists.push(JSON.stringify(speakerIds.slice(at, at + list.length)));
    clusterLists.push(JSON.stringify(clusterList(clusters.slice(at, at + list.length))));
    at += list.length;
  }
  const names: PersonNames[] = speakers.map((s) => ({ id: s.id, names: [s.name, ...s.aliases] }));
  return { speakers, speakerIds: speakerIdLists, names: JSON.stringify(names), clusters: clusterLists };
}

/** One engine's clusters as they cross threads: each cluster once, and per quote its index there (-1: none). */
interface ClusterList {
  table: ClusterAssignment[];
  of: number[];
}

// Each quote of a cluster holds the same assignment object: it is written once, not once per quote (at 10x
// BBC, where every quotation has nine copies, one object per quote made 15 MB of JSON; measured in the notes).
function clusterList(assignments: readonly (ClusterAssignment | null)[]): ClusterList {
  const index = new Map<ClusterAssignment, number>();
  const table: ClusterAssignment[] = [];
  const of = assignments.map((assignment) => {
    if (assignment === null) return -1;
    let at = index.get(assignment);
    if (at === undefined) {
      at = table.length;
      index.set(assignment, at);
      table.push(assignment);
    }
    return at;
  });
  return { table, of };
}

/** The names `resolveMentionLists` gave every engine, read back. */
export function readPeopleNames(names: string): PersonNames[] {
  // They may come from the saved people file (engine/saved-people.ts): checked here, where they are used, so
  // that a damaged file is refused (and people resolved afresh) rather than thrown on every request.
  const people: unknown = JSON.parse(names);
  if (!Array.isArray(people) || !people.every(isPersonNames)) throw new Error('names: not a list of people and their names');
  return people;
}

/** The ids and clusters `resolveMentionLists` gave one list, read back and checked (as `readPeopleNames`). */
export function readPeopleList(speakerIds: string, clusters: string): { speakerIds: (string | null)[]; clusters: (ClusterAssignment | null)[] } {
  const ids: unknown = JSON.parse(speakerIds);
  const list: unknown = JSON.parse(clusters);
  if (!Array.isArray(ids) || !ids.every((id) => id === null || typeof id === 'string')) throw new Error('speaker ids: not a list of ids');
  if (!isClusterList(list)) throw new Error('clusters: not a cluster list');
  return { speakerIds: ids as (string | null)[], clusters: list.of.map((at) => list.table[at] ?? null) };
}

function isPersonNames(value: unknown): value is PersonNames {
  if (typeof value !== 'object' || value === null) return false;
  const { id, names } = value as Record<string, unknown>;
  return typeof id === 'string' && Array.isArray(names) && names.length > 0 && names.every((n) => typeof n === 'string');
}

function isClusterList(value: unknown): value is ClusterList {
  if (typeof value !== 'object' || value === null) return false;
  const { table, of } = value as Record<string, unknown>;
  if (!Array.isArray(table) || !Array.isArray(of)) return false;
  const cluster = (c: unknown): boolean => {
    if (typeof c !== 'object' || c === null) return false;
    const { clusterId, cluster: about } = c as Record<string, unknown>;
    return typeof clusterId === 'string' && typeof about === 'object' && about !== null && Number.isInteger((about as Record<string, unknown>).articles);
  };
  return table.every(cluster) && of.every((at) => Number.isInteger(at) && at >= -1 && at < table.length);
}
