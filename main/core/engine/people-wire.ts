// The archive's people and quotation clusters as they cross threads: each shard's mentions and quotations'
// words, and the ids, names and clusters given back, as text (JSON; clusters a JSON line each). One string crosses as
// its bytes; 100,000 mention objects took the main thread 1.9 s to receive and pass on at 10x BBC (a loaded
// 2-core machine), time in which the window got no answer. Lists are per shard, not per engine: people saved
// for a shard fit it whichever engine holds it (engine/saved-people.ts).
import type { Speaker } from '../../contract/model.js';
import { resolvePeople, type PeopleCorrections, type SpeakerMention } from '../quotes/people/resolve-people.js';
import type { PersonNames } from '../search/people-names.js';
import type { SpeakerIdList } from '../search/search-state.js';
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
  /**
   * A `clusterListText`, or its UTF-8 bytes as the people file holds them (engine/saved-people.ts): a line is
   * decoded when a quote of its cluster is first shown, not the whole text first.
   */
  clusters: string | Uint8Array;
}

/** What the resolving engine answers: the speakers, and per mention list the JSON of its ids and of every speaker's names. */
export interface ResolvedLists {
  speakers: Speaker[];
  /** Per list, in order, the JSON of each mention's speaker id (an `IndexedList`: each id once). */
  speakerIds: string[];
  /** The JSON of `PersonNames[]`, for every engine. */
  names: string;
  /** Per list, its quotes' clusters, in order (issue 17; a `clusterListText`, read back with `readPeopleList`). */
  clusters: string[];
}

/**
 * Resolves the engines' mention lists (each the JSON of `SpeakerMention[]`) together, and clusters their
 * quotations (`quotations`: per list, the JSON of each mention's `quotationWords`, in the same order).
 * Empties each entry of `lists` and `quotations` once parsed: the texts were most of what the resolving engine
 * held (at 50x BBC 270 of its 345 MB when asked), and with them let go, the people are made in their place.
 */
export function resolveMentionLists(lists: string[], quotations: string[], corrections: PeopleCorrections): ResolvedLists {
  // Our own engines wrote these (`collectMentions`, `quotationWords`), in this process.
  const parsed = lists.map((list, i) => {
    lists[i] = '';
    return JSON.parse(list) as SpeakerMention[];
  });
  const words = quotations.map((list, i) => {
    quotations[i] = '';
    return JSON.parse(list) as (string | null)[];
  });
  const mentions = parsed.flat();
  const { speakers, speakerIds } = resolvePeople(mentions, corrections);
  const entries = parsed.flatMap((list, i) => list.map((m, j) => ({ quoteId: m.quoteId, articleId: m.articleId, date: m.date, source: m.source, words: words[i]?.[j] ?? null })));
  const clusters = clusterQuotations(entries);
  let at = 0;
  const speakerIdLists: string[] = [];
  const clusterLists: string[] = [];
  for (const list of parsed) {
    speakerIdLists.push(JSON.stringify(indexedList(speakerIds.slice(at, at + list.length))));
    clusterLists.push(clusterListText(clusters.slice(at, at + list.length)));
    at += list.length;
  }
  const names: PersonNames[] = speakers.map((s) => ({ id: s.id, names: [s.name, ...s.aliases] }));
  return { speakers, speakerIds: speakerIdLists, names: JSON.stringify(names), clusters: clusterLists };
}

/** A list of values as it crosses threads and is saved: each value once, and per quote its index there (-1: none). */
interface IndexedList<T> {
  table: T[];
  of: number[];
}

// Each quote of a cluster holds the same assignment object, and a speaker's id recurs for each of their
// quotes: each is written once, not once per quote (at 10x BBC, where every quotation has nine copies, one
// object per quote made 15 MB of JSON; at 50x the ids as strings were 560 KB a shard, and parsing them, each
// a new string, most of the 0.5 s an engine took to take saved people, issue 19).
function indexedList<T>(values: readonly (T | null)[]): IndexedList<T> {
  const index = new Map<T, number>();
  const table: T[] = [];
  const of = values.map((value) => {
    if (value === null) return -1;
    let at = index.get(value);
    if (at === undefined) {
      at = table.length;
      index.set(value, at);
      table.push(value);
    }
    return at;
  });
  return { table, of };
}

/**
 * A list of clusters as it crosses threads and is saved: the JSON of `of` (per quote, its cluster's place in
 * the table, -1 for none) on the first line, then one line per distinct cluster, the JSON of `[clusterId,
 * articles, first article, its date, its source]`. An engine reads a line only when a quote of that cluster is
 * first shown (`ClusterList.at`): the clusters were two thirds of the people file, and parsing them all was most of
 * the time a search waited for saved people (at 50x BBC, 9.4 MB of JSON objects, issue 19).
 */
function clusterListText(values: readonly (ClusterAssignment | null)[]): string {
  const { table, of } = indexedList(values);
  const lines = table.map(({ clusterId, cluster }) => JSON.stringify([clusterId, cluster.articles, cluster.first.articleId, cluster.first.date, cluster.first.source]));
  return [JSON.stringify(of), ...lines].join('\n');
}

/** A shard's quotes' clusters, in order: each read from its line the first time it is asked for, then shared by its quotes. */
export interface ClusterList {
  readonly length: number;
  at(i: number): ClusterAssignment | null;
}

/** The lines of a cluster list after its first: how many, and line `k`. */
interface ClusterLines {
  count: number;
  line(k: number): string;
}

class LazyClusterList implements ClusterList {
  private readonly made: (ClusterAssignment | null | undefined)[];

  constructor(
    private readonly of: readonly number[],
    private readonly lines: ClusterLines,
  ) {
    this.made = new Array<undefined>(lines.count);
  }

  get length(): number {
    return this.of.length;
  }

  at(i: number): ClusterAssignment | null {
    const k = this.of[i] ?? -1;
    if (k < 0) return null;
    let made = this.made[k];
    if (made === undefined) {
      made = k < this.lines.count ? parseCluster(this.lines.line(k)) : null;
      this.made[k] = made;
    }
    return made;
  }
}

/** A line of a cluster list; null when it is not one (the saved file's checksum vouches for its lines, see saved-people.ts). */
function parseCluster(line: string): ClusterAssignment | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 5) return null;
  const [clusterId, articles, articleId, date, source] = value as unknown[];
  if (typeof clusterId !== 'string' || !Number.isInteger(articles) || typeof articleId !== 'string' || !isNullableString(date) || !isNullableString(source)) return null;
  return { clusterId, cluster: { articles: articles as number, first: { articleId, date, source } } };
}

function isNullableString(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

/** A `clusterListText` read back: its places checked now, its clusters when first asked for. */
function readClusterList(source: string | Uint8Array): ClusterList {
  let of: unknown;
  let lines: ClusterLines;
  if (typeof source === 'string') {
    const newline = source.indexOf('\n');
    of = JSON.parse(newline === -1 ? source : source.slice(0, newline));
    const texts = newline === -1 ? [] : source.slice(newline + 1).split('\n');
    lines = { count: texts.length, line: (k) => texts[k] ?? '' };
  } else {
    const bytes = Buffer.from(source.buffer, source.byteOffset, source.byteLength);
    const newline = bytes.indexOf(0x0a);
    of = JSON.parse(bytes.toString('utf8', 0, newline === -1 ? bytes.length : newline));
    // Where each line starts, as `split` cuts the text after the first line.
    const starts: number[] = [];
    for (let at = newline; at !== -1; at = bytes.indexOf(0x0a, at + 1)) starts.push(at + 1);
    lines = { count: starts.length, line: (k) => bytes.toString('utf8', starts[k] ?? 0, (starts[k + 1] ?? bytes.length + 1) - 1) };
  }
  const count = lines.count;
  if (!Array.isArray(of) || !of.every((at) => Number.isInteger(at) && at >= -1 && at < count)) throw new Error('clusters: not a cluster list');
  return new LazyClusterList(of as number[], lines);
}

/** The names `resolveMentionLists` gave every engine, read back. */
export function readPeopleNames(names: string): PersonNames[] {
  // They may come from the saved people file (engine/saved-people.ts): checked here, where they are used, so
  // that a damaged file is refused (and people resolved afresh) rather than thrown on every request.
  const people: unknown = JSON.parse(names);
  if (!Array.isArray(people) || !people.every(isPersonNames)) throw new Error('names: not a list of people and their names');
  return people;
}

/** The ids and clusters `resolveMentionLists` gave one list, read back and checked (as `readPeopleNames`; clusters when first asked for). */
export function readPeopleList(speakerIds: string, clusters: string | Uint8Array): { speakerIds: SpeakerIdList; clusters: ClusterList } {
  const ids: unknown = JSON.parse(speakerIds);
  if (!isIndexedList(ids, (id) => typeof id === 'string')) throw new Error('speaker ids: not a list of ids');
  return { speakerIds: new IndexedIds(ids.table, ids.of), clusters: readClusterList(clusters) };
}

/**
 * Each quote's speaker id, as the list holds it: a table of ids and each quote's place there, not a string per
 * quote (at 50x BBC, 494,200 quotes' ids made when an engine took saved people, before any was asked for).
 */
class IndexedIds implements SpeakerIdList {
  constructor(
    private readonly table: readonly string[],
    private readonly of: readonly number[],
  ) {}

  get length(): number {
    return this.of.length;
  }

  at(i: number): string | null {
    return this.table[this.of[i] ?? -1] ?? null;
  }
}

function isPersonNames(value: unknown): value is PersonNames {
  if (typeof value !== 'object' || value === null) return false;
  const { id, names } = value as Record<string, unknown>;
  return typeof id === 'string' && Array.isArray(names) && names.length > 0 && names.every((n) => typeof n === 'string');
}

function isIndexedList<T>(value: unknown, isEntry: (entry: unknown) => entry is T): value is IndexedList<T> {
  if (typeof value !== 'object' || value === null) return false;
  const { table, of } = value as Record<string, unknown>;
  if (!Array.isArray(table) || !Array.isArray(of)) return false;
  return table.every(isEntry) && of.every((at) => Number.isInteger(at) && at >= -1 && at < table.length);
}

