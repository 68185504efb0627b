// The archive's people saved next to its index cache (issue 16): resolving them took ~180 ms on BBC and
// seconds at 10x on every open, for the same answer whenever the quotes' speakers and the user's corrections
// are the same. A small versioned JSON file keyed by a digest of both; anything else in it means resolve again.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Speaker } from '../../contract/model.js';
import type { PeopleCorrections } from '../quotes/people/resolve-people.js';
import { writeFileAtomic } from '../util/write-file-atomic.js';
import { resolveMentionLists, type ResolvedLists } from './people-wire.js';

/** The name of the people file in an archive's cache folder (`cacheFolderFor`, index/index-cache.ts). */
export const peopleFileName = 'people.json';

const peopleFormat = 'verbatim-people';
/**
 * Bump when resolution (quotes/people/), clustering (verify/quote-clusters.ts) or the file's layout changes:
 * saved people are then resolved again. 2: each list's quote clusters (issue 17).
 */
const peopleVersion = 2;

/** The people file of the archive whose cache folder is `cacheFolder`. */
export function peopleFileFor(cacheFolder: string): string {
  return path.join(cacheFolder, peopleFileName);
}

/** Where people are saved, and whether people saved there may be reused (not when an engine refused them). */
export interface SavedPeople {
  file: string;
  reuse: boolean;
}

/**
 * Resolves the engines' mention lists as `resolveMentionLists` does, but first (when `reuse`) looks in
 * `file`: when it was saved for these very lists and corrections, its people are returned without resolving.
 * Otherwise (absent, damaged, another version, other mentions or corrections) they are resolved and saved
 * there. A file that cannot be written costs only the time saved next time: the index cache's own save
 * tells the user why.
 */
export async function resolveSavedMentionLists(
  lists: readonly string[],
  quotations: readonly string[],
  corrections: PeopleCorrections,
  { file, reuse }: SavedPeople,
): Promise<ResolvedLists> {
  const digest = digestMentionLists([...lists, ...quotations], corrections);
  const saved = reuse ? await readPeopleFile(file, digest, lists.length) : null;
  if (saved !== null) return saved;
  const resolved = resolveMentionLists(lists, quotations, corrections);
  await writeFileAtomic(file, [JSON.stringify({ format: peopleFormat, version: peopleVersion, digest, ...resolved })]).catch(() => undefined);
  return resolved;
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

/** The people saved in `file` for `digest`, or null when it is absent, damaged or saved for other lists. */
async function readPeopleFile(file: string, digest: string, listCount: number): Promise<ResolvedLists | null> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return null;
  }
  if (!isRecord(data) || data.format !== peopleFormat || data.version !== peopleVersion || data.digest !== digest) return null;
  const { speakers, speakerIds, names, clusters } = data;
  if (!Array.isArray(speakers) || !speakers.every(isSpeaker)) return null;
  if (!Array.isArray(speakerIds) || speakerIds.length !== listCount || !speakerIds.every(isJsonArray)) return null;
  if (!isJsonArray(names)) return null;
  if (!Array.isArray(clusters) || clusters.length !== listCount || !clusters.every(isJsonText)) return null;
  return { speakers, speakerIds: speakerIds as string[], names, clusters: clusters as string[] };
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

/**
 * Whether `value` is the JSON text of an array. The engine that receives it checks its items against its
 * quotes (`ShardEngine.setPeople` refuses a list of another length, and the library then resolves afresh).
 */
function isJsonArray(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    return Array.isArray(JSON.parse(value));
  } catch {
    return false;
  }
}

/** Whether `value` is JSON text (a cluster list: `ShardEngine.setPeople` checks it against its quotes). */
function isJsonText(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    JSON.parse(value);
    return true;
  } catch {
    return false;
  }
}
