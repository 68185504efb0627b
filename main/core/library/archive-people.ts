// The archive's people on the main thread (issue 16): the engines' mentions resolved into speakers, the ids
// handed back to the engines, and the speakers list and person pages answered from them.

import type { MonthCount, PersonView, QuotedWith, SpeakersReply } from '../../contract/api.js';
import type { Speaker } from '../../contract/model.js';
import type { Engine } from '../engine/engine-pool.js';
import { peopleKey, readSavedSpeakers } from '../engine/saved-people.js';
import { NotFoundError } from '../errors.js';
import type { PeopleCorrections } from '../quotes/people/resolve-people.js';
import type { PersonPart, SpeakerCount } from '../search/people-answers.js';
import { compareQuotePlaces } from '../search/quote-order.js';

/** The resolved people: most quoted first, and by id. */
export interface ArchivePeople {
  speakers: Speaker[];
  byId: ReadonlyMap<string, Speaker>;
}

/**
 * Collects every shard's mentions, resolves them with `corrections` (in the first engine; people saved in
 * `peopleFile` for the same mentions, quotations and corrections are reused, see engine/saved-people.ts), and
 * gives each engine its shards' quotes' ids; the quotations are clustered in the same pass (issue 17). An
 * engine whose quotes changed meanwhile refuses them (a live update): resolution starts over, at most a few times.
 */
export async function resolveArchivePeople(engines: readonly Engine[], corrections: PeopleCorrections, peopleFile: string, timeoutMs: number): Promise<ArchivePeople> {
  for (let attempt = 0; ; attempt++) {
    const replies = await Promise.all(engines.map((engine) => engine.request({ type: 'mentions' }, timeoutMs)));
    const lists = replies.flatMap((reply) => reply.lists);
    const identified = lists.flatMap(({ shard, identity }) => (identity === null ? [] : [{ shard, identity }]));
    const key = identified.length === lists.length ? peopleKey(identified, corrections) : null;
    // The lists stay JSON text here: the main thread only passes them on (see engine/people-wire.ts).
    // A retry resolves afresh: the saved ids may be what an engine refused (a file edited by hand).
    const resolving = {
      type: 'resolvePeople',
      lists: lists.map((l) => l.mentions),
      quotations: lists.map((l) => l.quotations),
      corrections,
      saved: { file: peopleFile, reuse: attempt === 0, shards: lists.map((l) => l.shard), key },
    } as const;
    const resolved = await (engines[0] as Engine).request(resolving, timeoutMs);
    let at = 0;
    const accepted = await Promise.all(
      replies.map((reply, i) => {
        const first = at;
        at += reply.lists.length;
        const people = reply.lists.map((list, k) => ({ shard: list.shard, speakerIds: resolved.speakerIds[first + k] ?? '[]', clusters: resolved.clusters[first + k] ?? '[]' }));
        return (engines[i] as Engine).request({ type: 'people', token: reply.token, lists: people, names: resolved.names }, timeoutMs);
      }),
    );
    const { speakers } = resolved;
    if (accepted.every(Boolean) || attempt >= 2) return { speakers, byId: new Map(speakers.map((s) => [s.id, s])) };
  }
}

/**
 * The people saved for the shards as they are now (their identities, engine/quotes-digest.ts) and these
 * corrections, without listing a mention: null when the shards' quotes are not all known. The engines read
 * their shards' ids from the file at once; `applied` tells when every engine has them (false: none are saved
 * under this key, or an engine refused them: they must be resolved). The speakers list is read only when
 * `people()` is first called: a search needs only the engines' ids, and at 50x BBC the list is 6.7 MB of JSON
 * that the first search waited for (issue 19). `people()` gives null when the file holds no such list.
 */
export async function loadSavedPeople(
  engines: readonly Engine[],
  corrections: PeopleCorrections,
  peopleFile: string,
  timeoutMs: number,
): Promise<{ applied: Promise<boolean>; people: () => Promise<ArchivePeople | null> } | null> {
  const replies = await Promise.all(engines.map((engine) => engine.request({ type: 'identities' }, timeoutMs)));
  const identified = replies.map((shards) => shards.flatMap(({ shard, identity }) => (identity === null ? [] : [{ shard, identity }])));
  if (!identified.every((shards, i) => shards.length === replies[i]?.length)) return null;
  const key = peopleKey(identified.flat(), corrections);
  const applied = Promise.all(engines.map((engine, i) => engine.request({ type: 'savedPeople', file: peopleFile, key, identities: identified[i] ?? [] }, timeoutMs))).then((accepted) =>
    accepted.every(Boolean),
  );
  let people: Promise<ArchivePeople | null> | null = null;
  const readPeople = async (): Promise<ArchivePeople | null> => {
    const speakers = await readSavedSpeakers(peopleFile, key, identified.flat().length);
    return speakers === null ? null : { speakers, byId: new Map(speakers.map((s) => [s.id, s])) };
  };
  return { applied, people: () => (people ??= readPeople().catch(() => null)) };
}

/** The speakers list: all of them, or those of the articles matching a query (`counts`, the engines' answers added up). */
export function listSpeakers(people: ArchivePeople, counts: readonly SpeakerCount[][] | null, page: { offset: number; limit: number }): SpeakersReply {
  let speakers = people.speakers;
  if (counts !== null) {
    const merged = new Map<string, SpeakerCount>();
    for (const count of counts.flat()) {
      const entry = merged.get(count.id);
      if (entry === undefined) merged.set(count.id, { ...count });
      else {
        entry.quotes += count.quotes;
        entry.articles += count.articles;
        entry.first = earlier(entry.first, count.first);
        entry.last = later(entry.last, count.last);
      }
    }
    speakers = [...merged.values()]
      .flatMap((count) => {
        const speaker = people.byId.get(count.id);
        return speaker === undefined ? [] : [{ ...speaker, quotes: count.quotes, articles: count.articles, first: count.first, last: count.last }];
      })
      .sort((a, b) => b.quotes - a.quotes || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
  return { total: speakers.length, speakers: speakers.slice(page.offset, page.offset + page.limit) };
}

/** A person page from the engines' shares of it. */
export function assemblePerson(people: ArchivePeople, id: string, parts: readonly PersonPart[], limit: number): PersonView {
  const speaker = people.byId.get(id);
  if (speaker === undefined) throw new NotFoundError(`no speaker with id "${id.slice(0, 60)}" in this archive`);
  const quotedWith = new Map<string, number>();
  const months = new Map<string, number>();
  for (const part of parts) {
    for (const [other, n] of part.quotedWith) quotedWith.set(other, (quotedWith.get(other) ?? 0) + n);
    for (const [month, n] of part.months) months.set(month, (months.get(month) ?? 0) + n);
  }
  return {
    speaker,
    quotes: parts
      .flatMap((p) => p.quotes.quotes)
      .sort(compareQuotePlaces)
      .slice(0, limit),
    articles: parts.flatMap((p) => p.articles).sort(newestArticleFirst),
    quotedWith: [...quotedWith]
      .flatMap(([other, articles]): QuotedWith[] => {
        const them = people.byId.get(other);
        return them === undefined ? [] : [{ id: other, name: them.name, articles }];
      })
      .sort((a, b) => b.articles - a.articles || (a.name < b.name ? -1 : 1))
      .slice(0, 50),
    months: everyMonth(months),
  };
}

/** Articles newest first, then by path (as quotes are listed). */
function newestArticleFirst(a: { date: string | null; path: string }, b: { date: string | null; path: string }): number {
  return compareQuotePlaces({ ...a, start: 0 }, { ...b, start: 0 });
}

/** Every month from the first to the last counted, zeros included. */
function everyMonth(counts: ReadonlyMap<string, number>): MonthCount[] {
  const keys = [...counts.keys()].sort();
  const first = keys[0];
  const last = keys[keys.length - 1];
  if (first === undefined || last === undefined) return [];
  const months: MonthCount[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 12 * 200; guard++) {
    const key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    months.push({ month: key, quotes: counts.get(key) ?? 0 });
    if (key >= last) break;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

function earlier(a: string | null, b: string | null): string | null {
  return a === null ? b : b === null ? a : a < b ? a : b;
}

function later(a: string | null, b: string | null): string | null {
  return a === null ? b : b === null ? a : a > b ? a : b;
}
