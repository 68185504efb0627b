// The archive's people saved next to its index cache (issue 16): resolving them took ~180 ms on BBC and
// seconds at 10x on every open, for the same answer whenever the quotes' speakers and the user's corrections
// are the same. A small versioned file (see `PeopleHeader`) with two keys: a digest of the mention lists and
// corrections, and (faster: nothing is listed) one of the shards' identities (engine/quotes-digest.ts) and
// the corrections. Anything else in it means resolve again.

import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Speaker } from '../../contract/model.js';
import type { PeopleCorrections } from '../quotes/people/resolve-people.js';
import { readHeaderLine, withOpenFile } from '../util/read-header-line.js';
import { writeFileAtomic } from '../util/write-file-atomic.js';
import { resolveMentionLists, type ResolvedLists, type ShardPeople } from './people-wire.js';

/** The name of the people file in an archive's cache folder (`cacheFolderFor`, index/index-cache.ts). */
export const peopleFileName = 'people.json';

const peopleFormat = 'verbatim-people';
/**
 * Bump when resolution (quotes/people/), clustering (verify/quote-clusters.ts) or the file's layout changes:
 * saved people are then resolved again. 2: each list's quote clusters (issue 17). 3: sections by byte range,
 * and the engines' key. 4: each list's speaker ids as a table and indices (people-wire.ts `IndexedList`).
 * 5: clusters a line each, read when first shown (people-wire.ts `clusterListText`); each section's CRC-32.
 */
const peopleVersion = 5;

/** The people file of the archive whose cache folder is `cacheFolder`. */
export function peopleFileFor(cacheFolder: string): string {
  return path.join(cacheFolder, peopleFileName);
}

/**
 * Where people are saved, whether people saved there may be reused (not when an engine refused them), the
 * shard of each list, and the `peopleKey` of the lists when every shard had an identity.
 */
export interface SavedPeople {
  file: string;
  reuse: boolean;
  shards: readonly number[];
  key: string | null;
}

/** The key people are saved under for shards of these identities (engine/quotes-digest.ts) and these corrections. */
export function peopleKey(shards: readonly { shard: number; identity: string }[], corrections: PeopleCorrections): string {
  const hash = createHash('sha256').update(`${peopleFormat} ${peopleVersion}\n${JSON.stringify(corrections)}\n${shards.length}\n`);
  for (const { shard, identity } of [...shards].sort((a, b) => a.shard - b.shard)) hash.update(`${shard} ${identity}\n`);
  return hash.digest('hex');
}

/**
 * Resolves the engines' mention lists as `resolveMentionLists` does (emptying them), but first (when `reuse`) looks in
 * `file`: when it was saved for these very lists and corrections, its people are returned without resolving.
 * Otherwise (absent, damaged, another version, other mentions or corrections) they are resolved and saved
 * there. A file that cannot be written costs only the time saved next time: the index cache's own save
 * tells the user why.
 */
export async function resolveSavedMentionLists(
  lists: string[],
  quotations: string[],
  corrections: PeopleCorrections,
  { file, reuse, shards, key }: SavedPeople,
): Promise<ResolvedLists> {
  const digest = digestMentionLists([...lists, ...quotations], corrections);
  const saved = reuse ? await readPeopleFile(file, digest, lists.length) : null;
  if (saved !== null && (key === null || saved.key === key)) return saved.people;
  // Saved for these lists but under no key or another (the quotes' digests were not all known): saved again with this one.
  const resolved = saved?.people ?? resolveMentionLists(lists, quotations, corrections);
  await writePeopleFile(file, { digest, key }, shards, resolved).catch(() => undefined);
  return resolved;
}

/**
 * The file's layout (version 5): a header line, then the sections: the speakers, the names and per shard its
 * ids (each a line of JSON) and its clusters (`clusterListText`). The header gives each section's byte range
 * after the header line and its CRC-32, so that the speakers list is read without the shards' lists (two thirds
 * of the file), each engine reads its own shards' (`readSavedLists`), and a damaged section is refused when read
 * (the clusters' lines are parsed only when shown, long after).
 */
interface PeopleHeader {
  format: typeof peopleFormat;
  version: typeof peopleVersion;
  /** `digestMentionLists` of the lists the people were resolved from. */
  digest: string;
  /** `peopleKey` of the shards they were resolved from, when all had an identity. */
  key: string | null;
  speakers: Range;
  names: Range;
  /** Per list (a shard's), its speaker ids and its clusters. */
  lists: { shard: number; ids: Range; clusters: Range }[];
}

type Range = [start: number, end: number, crc: number];

async function writePeopleFile(file: string, keys: { digest: string; key: string | null }, shards: readonly number[], resolved: ResolvedLists): Promise<void> {
  const sections: Buffer[] = [];
  let at = 0;
  const section = (text: string): Range => {
    const bytes = Buffer.from(`${text}\n`, 'utf8');
    sections.push(bytes);
    at += bytes.length;
    return [at - bytes.length, at - 1, crc32(bytes.subarray(0, bytes.length - 1))];
  };
  const speakers = section(JSON.stringify(resolved.speakers));
  const names = section(resolved.names);
  const lists = resolved.speakerIds.map((ids, i) => ({ shard: shards[i] ?? -1, ids: section(ids), clusters: section(resolved.clusters[i] ?? '[]') }));
  const header: PeopleHeader = { format: peopleFormat, version: peopleVersion, ...keys, speakers, names, lists };
  await writeFileAtomic(file, [`${JSON.stringify(header)}\n`, ...sections]);
}

/** The people file's header and where its sections start, when it is one of ours; null otherwise. */
async function readHeader(handle: FileHandle): Promise<{ header: PeopleHeader; body: number } | null> {
  const read = await readHeaderLine(handle, maxHeaderBytes);
  if (read === null) return null;
  let header: unknown;
  try {
    header = JSON.parse(read.line.toString('utf8'));
  } catch {
    return null;
  }
  if (!isRecord(header) || header.format !== peopleFormat || header.version !== peopleVersion || typeof header.digest !== 'string') return null;
  if (!(header.key === null || typeof header.key === 'string') || !isRange(header.speakers) || !isRange(header.names)) return null;
  if (!Array.isArray(header.lists) || !header.lists.every((l) => isRecord(l) && Number.isInteger(l.shard) && isRange(l.ids) && isRange(l.clusters))) return null;
  // No section past the file's end: a damaged header must not make a reader allocate what it names.
  const { size } = await handle.stat();
  const ends = [header.speakers[1], header.names[1], ...(header.lists as { ids: Range; clusters: Range }[]).flatMap((l) => [l.ids[1], l.clusters[1]])];
  if (ends.some((end) => read.rest + end > size)) return null;
  return { header: header as unknown as PeopleHeader, body: read.rest };
}

/** A header with a shard's ranges is ~100 bytes more: this holds a few hundred shards. */
const maxHeaderBytes = 64 * 1024;

/** A section's text, or null when the file is shorter than the header says or the section fails its checksum. */
async function readSection(handle: FileHandle, body: number, range: Range): Promise<string | null> {
  return (await readSectionBytes(handle, body, range))?.toString('utf8') ?? null;
}

/** A section's bytes, or null (as `readSection`). */
async function readSectionBytes(handle: FileHandle, body: number, [start, end, crc]: Range): Promise<Buffer | null> {
  const buffer = Buffer.allocUnsafe(end - start);
  const { bytesRead } = await handle.read(buffer, 0, buffer.length, body + start);
  return bytesRead === buffer.length && crc32(buffer) === crc ? buffer : null;
}

function isRange(value: unknown): value is Range {
  return (
    Array.isArray(value) &&
    value.length === 3 &&
    Number.isSafeInteger(value[0]) &&
    Number.isSafeInteger(value[1]) &&
    Number.isInteger(value[2]) &&
    value[0] >= 0 &&
    value[1] >= value[0] &&
    value[2] >= 0
  );
}

/** The speakers of a people file (its header read by `readHeader`), checked; null when they are damaged. */
async function readSpeakers(handle: FileHandle, header: PeopleHeader, body: number): Promise<Speaker[] | null> {
  const text = await readSection(handle, body, header.speakers);
  if (text === null) return null;
  const speakers: unknown = JSON.parse(text);
  return Array.isArray(speakers) && speakers.every(isSpeaker) ? speakers : null;
}

/**
 * The speakers saved in `file` under `key` (see `peopleKey`) for `listCount` shards, or null: the engines
 * read their shards' ids, the names and clusters (`readSavedLists`).
 */
export function readSavedSpeakers(file: string, key: string, listCount: number): Promise<Speaker[] | null> {
  return withOpenFile(file, async (handle) => {
    const read = await readHeader(handle);
    if (read === null || read.header.key !== key || read.header.lists.length !== listCount) return null;
    return readSpeakers(handle, read.header, read.body);
  });
}

/**
 * The names, and the ids and clusters of `shards` (in that order), from the people saved in `file` under
 * `key`; null when the file was saved under another key since, lacks one of them, or is damaged. The engine
 * checks them as it reads them (`readPeopleNames`, `readPeopleList`: a damaged list is refused there, and
 * people resolved afresh).
 */
export function readSavedLists(file: string, key: string, shards: readonly number[]): Promise<{ names: string; lists: ShardPeople[] } | null> {
  return withOpenFile(file, async (handle) => {
    const read = await readHeader(handle);
    if (read === null || read.header.key !== key) return null;
    const { header, body } = read;
    const names = await readSection(handle, body, header.names);
    const lists = await Promise.all(
      shards.map(async (shard) => {
        const ranges = header.lists.find((l) => l.shard === shard);
        if (ranges === undefined) return null;
        // The clusters as bytes: the engine decodes a line when a quote of its cluster is first shown (people-wire.ts).
        const [speakerIds, clusters] = [await readSection(handle, body, ranges.ids), await readSectionBytes(handle, body, ranges.clusters)];
        return speakerIds === null || clusters === null ? null : { shard, speakerIds, clusters };
      }),
    );
    if (names === null || !lists.every((l) => l !== null)) return null;
    return { names, lists: lists as ShardPeople[] };
  });
}

/**
 * A digest of every list (the mentions, then the quotations' words; in order, each with its length, so that
 * no two splits of one text agree) and of the corrections.
 */
function digestMentionLists(lists: readonly string[], corrections: PeopleCorrections): string {
  const hash = createHash('sha256').update(`${peopleFormat} ${peopleVersion}\n${JSON.stringify(corrections)}\n${lists.length}\n`);
  for (const list of lists) hash.update(`${list.length}\n`).update(list);
  return hash.digest('hex');
}

/**
 * The people saved in `file` for the mention lists' `digest`, and the key they were saved under; null when
 * it is absent, damaged or saved for other lists. The ids, names and clusters are JSON text that the engines
 * read and check (`readPeopleNames`, `readPeopleList`).
 */
async function readPeopleFile(file: string, digest: string, listCount: number): Promise<{ people: ResolvedLists; key: string | null } | null> {
  return withOpenFile(file, async (handle) => {
    const read = await readHeader(handle);
    if (read === null || read.header.digest !== digest || read.header.lists.length !== listCount) return null;
    const { header, body } = read;
    const speakers = await readSpeakers(handle, header, body);
    const names = await readSection(handle, body, header.names);
    const lists = await Promise.all(header.lists.map(async ({ ids, clusters }) => [await readSection(handle, body, ids), await readSection(handle, body, clusters)] as const));
    if (speakers === null || names === null || !lists.every(([ids, clusters]) => ids !== null && clusters !== null)) return null;
    return { people: { speakers, speakerIds: lists.map(([ids]) => ids as string), names, clusters: lists.map(([, clusters]) => clusters as string) }, key: header.key };
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSpeaker(value: unknown): value is Speaker {
  if (!isRecord(value)) return false;
  const { id, name, aliases, roles, kind, quotes, articles, first, last } = value;
  return (
    typeof id === 'string' &&
    typeof name === 'string' &&
    Array.isArray(aliases) &&
    aliases.every((a) => typeof a === 'string') &&
    Array.isArray(roles) &&
    roles.every((r) => isRecord(r) && typeof r.role === 'string' && isDate(r.first) && isDate(r.last)) &&
    (kind === 'person' || kind === 'organisation') &&
    Number.isInteger(quotes) &&
    Number.isInteger(articles) &&
    isDate(first) &&
    isDate(last)
  );
}

function isDate(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}
