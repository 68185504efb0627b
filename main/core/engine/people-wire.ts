// The archive's people as they cross threads: each engine's mentions, and the ids and names given back, as
// JSON text. One string is copied between threads as its bytes; 100,000 mention objects took the main thread
// 1.9 s to receive and pass on at 10x BBC (a loaded 2-core machine), time in which the window got no answer.
import type { Speaker } from '../../contract/model.js';
import { resolvePeople, type PeopleCorrections, type SpeakerMention } from '../quotes/people/resolve-people.js';
import type { PersonNames } from '../search/people-names.js';

/** What the resolving engine answers: the speakers, and per mention list the JSON of its ids and of every speaker's names. */
export interface ResolvedLists {
  speakers: Speaker[];
  /** Per list, in order, the JSON of `(string | null)[]`: each mention's speaker id. */
  speakerIds: string[];
  /** The JSON of `PersonNames[]`, for every engine. */
  names: string;
}

/** Resolves the engines' mention lists (each the JSON of `SpeakerMention[]`) together. */
export function resolveMentionLists(lists: readonly string[], corrections: PeopleCorrections): ResolvedLists {
  // Our own engines wrote these (`collectMentions`), in this process.
  const parsed = lists.map((list) => JSON.parse(list) as SpeakerMention[]);
  const { speakers, speakerIds } = resolvePeople(parsed.flat(), corrections);
  let at = 0;
  const perList = parsed.map((mentions) => {
    const ids = speakerIds.slice(at, at + mentions.length);
    at += mentions.length;
    return JSON.stringify(ids);
  });
  const names: PersonNames[] = speakers.map((s) => ({ id: s.id, names: [s.name, ...s.aliases] }));
  return { speakers, speakerIds: perList, names: JSON.stringify(names) };
}

/** The ids and names `resolveMentionLists` gave one engine, read back. */
export function readPeopleLists(speakerIds: string, names: string): { speakerIds: (string | null)[]; names: PersonNames[] } {
  return { speakerIds: JSON.parse(speakerIds) as (string | null)[], names: JSON.parse(names) as PersonNames[] };
}
