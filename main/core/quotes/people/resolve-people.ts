// Resolves the speakers of every quote of an archive to people (issue 16): one person, one id, whichever
// form of the name, role noun or grammatical case each article used. Pure: the library collects the
// mentions from its engines and hands the ids back to them.
import type { Speaker, SpeakerFound } from '../../../contract/model.js';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES } from '../quote-lexicon.js';
import { descriptionWords, readSpeakerForm, roleMatches, slugOf, type DescribedRole, type SpeakerForm } from './speaker-form.js';
import { buildSpeaker } from './build-speaker.js';

/** One quote's speaker as the extractor found it, with what resolution needs of its article. */
export interface SpeakerMention {
  articleId: string;
  quoteId: string;
  speaker: string | null;
  description: string | null;
  speakerFound: SpeakerFound | null;
  date: string | null;
  source: string | null;
  language: string | null;
  /** A user's correction named this quote's speaker (a `Speaker.id`): it wins over everything below. */
  speakerId?: string;
}

/** The user's corrections of people, applied after resolution (quote-level ones come as `SpeakerMention.speakerId`). */
export interface PeopleCorrections {
  /** `from`'s quotes join `into`. */
  merges: { into: string; from: string }[];
  /** The quotes whose speaker was written `alias` leave `speakerId` for a speaker of their own. */
  splits: { speakerId: string; alias: string }[];
}

/** The archive's people, and each mention's person (`speakerIds[i]` for `mentions[i]`; null without a speaker). */
export interface ResolvedPeople {
  speakers: Speaker[];
  speakerIds: (string | null)[];
}

/** A bare surname joins a full name only if the full name is quoted within this many days of it (when both are dated). */
const PERIOD_DAYS = 365;
const DAY_MS = 86_400_000;

interface Cluster {
  /** Typed, so that names claim their slug before roles: `name:tony blair`, `role:prime minister`, `other:...`. */
  key: string;
  mentions: number[];
  sources: Set<string>;
  minTime: number;
  maxTime: number;
}

/**
 * Groups `mentions` into people. Full names with the same words (Russian names in any case, titles and
 * initials aside) are one person. A bare surname joins the one full name with that surname quoted in the
 * same article, or else the one quoted in the same source and period (undated or sourceless mentions match
 * any); with two candidates (Ian Blair, Tony Blair) it stays a speaker of its own. A role noun ("the prime
 * minister") joins the one person quoted in the same article whom the archive describes with that role;
 * one that joins nobody is a speaker of its article only ("the company" of one article is not another's).
 * A possessive ("Mr Blair's spokesman") is never the person it names. Ids are slugs of the name
 * ("tony-blair"), so they stay the same across runs.
 * @example
 * resolvePeople([{ articleId: 'a', quoteId: 'a:0', speaker: 'Tony Blair', ... }, { ..., speaker: 'Blair' }]).speakerIds
 * // ['tony-blair', 'tony-blair']
 */
export function resolvePeople(mentions: readonly SpeakerMention[], corrections: PeopleCorrections = { merges: [], splits: [] }): ResolvedPeople {
  // Read once per distinct string: an archive writes "Tony Blair" hundreds of times.
  const read = new Map<string, SpeakerForm>();
  const forms: (SpeakerForm | null)[] = mentions.map((m) => {
    if (m.speaker === null || m.speaker.trim() === '') return null;
    const key = `${m.speakerFound === 'description' ? 'd' : 'n'}${m.speaker}`;
    let form = read.get(key);
    if (form === undefined) read.set(key, (form = readSpeakerForm(m.speaker, m.speakerFound)));
    return form;
  });
  const clusters = new Map<string, Cluster>();
  const clusterOf: (Cluster | null)[] = mentions.map(() => null);
  const byArticle = new Map<string, number[]>();
  mentions.forEach((m, i) => {
    const list = byArticle.get(m.articleId);
    if (list === undefined) byArticle.set(m.articleId, [i]);
    else list.push(i);
  });
  const join = (i: number, key: string): void => {
    let cluster = clusters.get(key);
    if (cluster === undefined) {
      cluster = { key, mentions: [], sources: new Set(), minTime: Infinity, maxTime: -Infinity };
      clusters.set(key, cluster);
    }
    cluster.mentions.push(i);
    const mention = mentions[i] as SpeakerMention;
    if (mention.source !== null) cluster.sources.add(mention.source);
    const time = timeOf(mention.date);
    if (time !== null) {
      cluster.minTime = Math.min(cluster.minTime, time);
      cluster.maxTime = Math.max(cluster.maxTime, time);
    }
    clusterOf[i] = cluster;
  };

  // Full names first: bare surnames and roles look for them. A corrected quote takes no part: its id is set below.
  const surnames = new Map<string, Set<Cluster>>();
  forms.forEach((form, i) => {
    if (mentions[i]?.speakerId !== undefined || form?.type !== 'name' || form.words.length < 2) return;
    join(i, `name:${form.key}`);
  });
  // "Billionaire Elon Musk": a capitalised word before a full name the archive knows, and not a first name, describes him.
  for (const cluster of [...clusters.values()]) {
    const words = cluster.key.slice('name:'.length).split(' ');
    if (words.length < 3 || isFirstName(words[0] ?? '')) continue;
    const known = clusters.get(`name:${words.slice(1).join(' ')}`) ?? clusters.get(`name:${words.slice(-2).join(' ')}`);
    if (known === undefined) continue;
    clusters.delete(cluster.key);
    for (const i of cluster.mentions) join(i, known.key);
  }
  forms.forEach((form, i) => {
    const cluster = clusterOf[i];
    if (cluster && form?.type === 'name' && !form.organisation) addTo(surnames, cluster.key.slice(cluster.key.lastIndexOf(' ') + 1), cluster);
  });
  forms.forEach((form, i) => {
    if (clusterOf[i] !== null || form?.type !== 'name' || mentions[i]?.speakerId !== undefined) return;
    const candidates = [...(surnames.get(form.key) ?? [])];
    const chosen = only(candidates.filter((c) => quotedIn(c, byArticle.get(mentions[i]?.articleId ?? '') ?? [], clusterOf))) ?? only(candidates.filter((c) => inScope(c, mentions[i] as SpeakerMention)));
    join(i, chosen?.key ?? `name:${form.key}`);
  });
  const describedAs = memoDescriptions();
  const roles = rolesOf(mentions, clusterOf, describedAs);
  forms.forEach((form, i) => {
    if (clusterOf[i] !== null || form === null || mentions[i]?.speakerId !== undefined) return;
    if (form.type === 'other') return join(i, `other:${form.key}`);
    const holder = form.type === 'role' && !form.organisation ? roleHolder(form.words, byArticle.get(mentions[i]?.articleId ?? '') ?? [], clusterOf, roles, mentions, describedAs) : null;
    // An unresolved role is someone of its own article only: "the company" in one article is not the one of another.
    join(i, holder?.key ?? (form.type === 'role' ? `role:${form.key}\u0000${mentions[i]?.articleId ?? ''}` : `${form.type}:${form.key}`));
  });

  const ids = assignIds(clusters, mentions);
  const speakerIds = clusterOf.map((c, i) => mentions[i]?.speakerId ?? (c === null ? null : (ids.get(c) ?? null)));
  applyCorrections(speakerIds, mentions, corrections);
  return { speakers: buildSpeakers(mentions, forms, speakerIds), speakerIds };
}

/** Whether `word` (folded) is a common first name, so not a description ("Billionaire") before a name. */
function isFirstName(word: string): boolean {
  return MALE_FIRST_NAMES.has(word) || FEMALE_FIRST_NAMES.has(word);
}

/** The one item of `list`, or null when it has none or several. */
function only<T>(list: readonly T[]): T | null {
  return list.length === 1 ? (list[0] as T) : null;
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set === undefined) map.set(key, new Set([value]));
  else set.add(value);
}

function timeOf(date: string | null): number | null {
  if (date === null) return null;
  const time = Date.parse(date.slice(0, 10));
  return Number.isNaN(time) ? null : time;
}

/** Whether `cluster` has a mention among the article's `indexes`. */
function quotedIn(cluster: Cluster, indexes: readonly number[], clusterOf: readonly (Cluster | null)[]): boolean {
  return indexes.some((i) => clusterOf[i] === cluster);
}

/** Whether the cluster is quoted in the mention's source and period (either side unknown counts as the same). */
function inScope(cluster: Cluster, mention: SpeakerMention): boolean {
  if (mention.source !== null && cluster.sources.size > 0 && !cluster.sources.has(mention.source)) return false;
  const time = timeOf(mention.date);
  if (time === null || cluster.minTime === Infinity) return true;
  return time >= cluster.minTime - PERIOD_DAYS * DAY_MS && time <= cluster.maxTime + PERIOD_DAYS * DAY_MS;
}

/** Per named cluster, the words of each description the archive gives it ("Prime Minister", "Tory leader"). */
function rolesOf(mentions: readonly SpeakerMention[], clusterOf: readonly (Cluster | null)[], describedAs: (description: string) => DescribedRole): Map<Cluster, DescribedRole[]> {
  const texts = new Map<Cluster, Set<string>>();
  mentions.forEach((m, i) => {
    const cluster = clusterOf[i];
    if (cluster && m.description !== null) addTo(texts, cluster, m.description.toLowerCase());
  });
  return new Map([...texts].map(([cluster, set]) => [cluster, [...set].map(describedAs)]));
}

/**
 * The person a role noun stands for in an article: the one person quoted there whom the article describes
 * with the role, or else the one quoted there whom the archive describes with it; null when none or several.
 */
function roleHolder(
  role: readonly string[],
  article: readonly number[],
  clusterOf: readonly (Cluster | null)[],
  roles: ReadonlyMap<Cluster, DescribedRole[]>,
  mentions: readonly SpeakerMention[],
  describedAs: (description: string) => DescribedRole,
): Cluster | null {
  const here = new Set<Cluster>();
  const describedHere = new Set<Cluster>();
  for (const i of article) {
    const cluster = clusterOf[i];
    if (!cluster || cluster.key.startsWith('role:') || cluster.key.startsWith('other:')) continue;
    here.add(cluster);
    const description = mentions[i]?.description ?? null;
    if (description !== null && roleMatches(role, describedAs(description.toLowerCase()))) describedHere.add(cluster);
  }
  if (describedHere.size > 0) return only([...describedHere]);
  return only([...here].filter((c) => (roles.get(c) ?? []).some((words) => roleMatches(role, words))));
}

/** `descriptionWords` of a lower-case description, read once per resolution: descriptions come up again and again. */
function memoDescriptions(): (description: string) => DescribedRole {
  const known = new Map<string, DescribedRole>();
  return (description) => {
    let words = known.get(description);
    if (words === undefined) known.set(description, (words = descriptionWords(description)));
    return words;
  };
}

/**
 * Each cluster's id: the slug of its key ("tony-blair"), for an unresolved role with the start of its
 * article's id ("the-company-3d8be2fb"); a later key (in sorted order) taking a slug gets `-2`, `-3`.
 */
function assignIds(clusters: ReadonlyMap<string, Cluster>, mentions: readonly SpeakerMention[]): Map<Cluster, string> {
  const ids = new Map<Cluster, string>();
  // A quote corrected to an id joins the cluster that has it (or makes a speaker of its own): ids are not reserved.
  const taken = new Set<string>();
  const sorted = [...clusters.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const cluster of sorted) {
    const [body = '', article] = cluster.key.slice(cluster.key.indexOf(':') + 1).split('\u0000');
    const base = slugOf(body || (mentions[cluster.mentions[0] ?? 0]?.speaker ?? '')) + (article === undefined ? '' : `-${article.slice(0, 8)}`);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    ids.set(cluster, id);
  }
  return ids;
}

/** Splits, then merges, in place; a quote a correction gave its speaker keeps it through splits. */
function applyCorrections(speakerIds: (string | null)[], mentions: readonly SpeakerMention[], corrections: PeopleCorrections): void {
  for (const split of corrections.splits) {
    const alias = split.alias.trim().toLowerCase();
    const slug = slugOf(split.alias);
    const target = slug === split.speakerId ? `${slug}-split` : slug;
    mentions.forEach((m, i) => {
      if (speakerIds[i] === split.speakerId && m.speakerId === undefined && m.speaker?.trim().toLowerCase() === alias) speakerIds[i] = target;
    });
  }
  if (corrections.merges.length === 0) return;
  const into = new Map<string, string>();
  const final = (id: string): string => {
    const seen = new Set<string>();
    let current = id;
    while (into.has(current) && !seen.has(current)) {
      seen.add(current);
      current = into.get(current) as string;
    }
    return current;
  };
  for (const merge of corrections.merges) if (final(merge.into) !== merge.from) into.set(merge.from, merge.into);
  speakerIds.forEach((id, i) => {
    if (id !== null) speakerIds[i] = final(id);
  });
}

/** The `Speaker` of each id, most quoted first (then by name). */
function buildSpeakers(mentions: readonly SpeakerMention[], forms: readonly (SpeakerForm | null)[], speakerIds: readonly (string | null)[]): Speaker[] {
  const members = new Map<string, number[]>();
  speakerIds.forEach((id, i) => {
    if (id === null) return;
    const list = members.get(id);
    if (list === undefined) members.set(id, [i]);
    else list.push(i);
  });
  return [...members]
    .map(([id, indexes]) => buildSpeaker(id, indexes, mentions, forms))
    .sort((a, b) => b.quotes - a.quotes || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
