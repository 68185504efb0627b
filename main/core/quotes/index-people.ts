// Collects the people an article names, so that "Maigeldinov", "he" and "the analyst" find a full name.
import { SPEECH_VERBS, SUBJECT_LEADERS, SUBJECT_VERB_FILLERS } from './quote-lexicon.js';
import { appositiveAfter, couldBeSurname, isIntroducedAfter, nameRunEnd, namePhrase, startsNameRun, type Gender } from './parse-speaker-phrase.js';
import { endsSentence, type Token } from './tokenize-body.js';

/** A person named in the article, under the fullest form of the name it gives. */
export interface Person {
  name: string;
  /** The name's words in lower case. */
  words: string[];
  /** The first description the article gives with the name ("political analyst"), if any. */
  description: string | null;
  /** From a title ("Mr", "Mrs"), or learnt when "he" or "she" was resolved to this person. */
  gender: Gender | null;
  /** Introduced as a source: described, set off by an appositive, or next to a reporting verb. */
  source: boolean;
}

/** Lookups over the people of one article; offsets are into its body. */
export interface PeopleIndex {
  /** The fullest name the article gives for `words` ("maigeldinov" -> Kazbek Maigeldinov), or null. */
  fullName(words: readonly string[], at: number): Person | null;
  /**
   * The person "he" or "she" at `at` most likely means: the last person named before it as a subject
   * or in full, preferring people introduced as sources over people only talked about.
   */
  antecedent(at: number, gender: Gender | null): Person | null;
  /** The last person before `at` whose description has the word `head` ("analyst"). */
  byRole(head: string, at: number): Person | null;
}

/**
 * Misspelt surnames are looked for only among this many: news articles name a few dozen people, and
 * comparing every name with every other would make a pathological input quadratic.
 */
const MAX_FUZZY_SURNAMES = 200;

/** People kept per surname or first name: more namesakes than this only happen in pathological input. */
const MAX_NAMESAKES = 50;

/** How many paragraphs back a source may be and still win over a nearer person who is not one. */
const MAX_SOURCE_REACH = 1;

interface Mention {
  person: Person;
  start: number;
  paragraph: number;
  /** Can be the antecedent of a pronoun: named in full, as a subject, with a description, or as a speaker. */
  salient: boolean;
  /** A possessive ("Conti's 17th turn"): the antecedent only when no one else can be. */
  weak: boolean;
}

interface Candidate {
  words: string[];
  name: string;
  start: number;
  paragraph: number;
  description: string | null;
  gender: Gender | null;
  personLike: boolean;
  salient: boolean;
  weak: boolean;
  source: boolean;
}

/**
 * Reads every capitalised run outside quotations (`insideQuote[i]` is 1 for tokens of quoted text),
 * keeps the ones that name people, and indexes them by surname and first name.
 */
export function indexPeople(body: string, tokens: readonly Token[], insideQuote: Uint8Array): PeopleIndex {
  const candidates = readCandidates(body, tokens, insideQuote);

  const people = new Map<string, Person>();
  const bySurname = new Map<string, Person[]>();
  const byFirstName = new Map<string, Person[]>();
  const firstSeen = new Map<Person, number>();
  const addPerson = (candidate: Candidate): Person => {
    const key = candidate.words.join(' ');
    let person = people.get(key);
    if (person === undefined) {
      person = { name: candidate.name, words: candidate.words, description: null, gender: null, source: false };
      people.set(key, person);
      firstSeen.set(person, candidate.start);
      pushTo(bySurname, candidate.words[candidate.words.length - 1] ?? '', person);
      if (candidate.words.length > 1) pushTo(byFirstName, candidate.words[0] ?? '', person);
    }
    return person;
  };
  for (const candidate of candidates) {
    if (candidate.personLike && candidate.words.length > 1) addPerson(candidate);
  }

  const fullName = (words: readonly string[], at: number): Person | null => {
    const last = words[words.length - 1];
    if (last === undefined) return null;
    let pool = (bySurname.get(last) ?? []).filter((person) => endsWith(person.words, words));
    if (pool.length === 0 && words.length === 1) pool = byFirstName.get(last) ?? [];
    if (pool.length === 0 && words.length === 1 && bySurname.size <= MAX_FUZZY_SURNAMES) {
      // Copy misspells names ("Rep. Rangels", "Ms Bauchtman" for Buchtmann): accept a near-identical surname.
      for (const [surname, persons] of bySurname) if (isMisspelling(last, surname)) pool = pool.concat(persons.filter((p) => p.words.length > 1));
    }
    let best: Person | null = null;
    for (const person of pool) {
      if (best === null || person.words.length > best.words.length) best = person;
      else if (person.words.length === best.words.length && closer(firstSeen.get(person) ?? 0, firstSeen.get(best) ?? 0, at)) best = person;
    }
    return best;
  };

  for (const candidate of candidates) {
    if (candidate.personLike && candidate.words.length === 1 && fullName(candidate.words, candidate.start) === null) addPerson(candidate);
  }

  const mentions: Mention[] = [];
  for (const candidate of candidates) {
    const person = fullName(candidate.words, candidate.start);
    if (person === null) continue;
    person.description ??= candidate.description;
    person.gender ??= candidate.gender;
    person.source ||= candidate.source;
    mentions.push({ person, start: candidate.start, paragraph: candidate.paragraph, salient: candidate.salient, weak: candidate.weak });
  }

  const lastBefore = (at: number): number => {
    let lo = 0;
    let hi = mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((mentions[mid]?.start ?? 0) < at) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  };

  return {
    fullName,
    antecedent(at, gender) {
      // The nearest source wins over people only talked about ("For Kevin Allton, ..., Warhol was also a
      // legend. He said"), unless the source is several paragraphs further back.
      let fallback: Mention | null = null;
      for (let i = lastBefore(at); i >= 0; i--) {
        const mention = mentions[i];
        if (mention === undefined || !mention.salient) continue;
        if (gender !== null && mention.person.gender !== null && mention.person.gender !== gender) continue;
        if (mention.person.source && !mention.weak) return fallback === null || fallback.paragraph - mention.paragraph <= MAX_SOURCE_REACH ? mention.person : fallback.person;
        fallback ??= mention;
      }
      return fallback?.person ?? null;
    },
    byRole(head, at) {
      for (let i = lastBefore(at); i >= 0; i--) {
        const person = mentions[i]?.person;
        const description = person?.description?.toLowerCase().split(/[\s-]+/) ?? [];
        if (person !== undefined && description.includes(head)) return person;
      }
      return null;
    },
  };
}

/** Every capitalised run outside quotations that reads as a name, with what its context says. */
function readCandidates(body: string, tokens: readonly Token[], insideQuote: Uint8Array): Candidate[] {
  const candidates: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (insideQuote[i] === 1 || !startsNameRun(tokens, i)) continue;
    let end = nameRunEnd(tokens, i);
    for (let k = i; k < end; k++) {
      if (insideQuote[k] === 1) end = k;
    }
    const phrase = namePhrase(body, tokens, i, end, 0, tokens.length);
    i = Math.max(i, end - 1);
    if (phrase === null || phrase.kind !== 'name') continue;
    const possessive = /['\u2019]s$/.test(tokens[end - 1]?.text ?? '');
    const verbAdjacent = nearReportingVerb(tokens, phrase.firstToken, end);
    const fullName = phrase.words.length > 1 && phrase.personLike;
    // A lone surname is a person's when it speaks: "Bush told reporters", "said Redfield".
    const personLike = phrase.personLike || (verbAdjacent && phrase.words.length === 1 && couldBeSurname(phrase.text));
    candidates.push({
      words: phrase.words,
      name: phrase.text,
      start: phrase.mention.start,
      paragraph: tokens[i]?.paragraph ?? 0,
      description: phrase.description,
      gender: phrase.gender,
      personLike,
      salient: possessive || fullName || phrase.description !== null || verbAdjacent || isSubject(tokens, phrase.firstToken),
      weak: possessive,
      source: !possessive && (phrase.description !== null || phrase.titled || verbAdjacent || (fullName && isIntroducedAfter(tokens, end))),
    });
  }
  return candidates;
}

/** Whether the phrase starting at token `first` is in subject position: after a sentence start or "and". */
function isSubject(tokens: readonly Token[], first: number): boolean {
  const before = tokens[first - 1];
  const token = tokens[first];
  if (before === undefined || token === undefined || before.paragraph !== token.paragraph) return true;
  if (before.kind === 'mark' || before.text === ',' || endsSentence(tokens, first - 1)) return true;
  return before.kind === 'word' && SUBJECT_LEADERS.has(before.text.toLowerCase());
}

/**
 * Whether a verb of speech comes after the name ("Redfield said") or, after a quotation, right before
 * it (`," said Redfield`); "Wilkins also said Warhol was" does not make Warhol a speaker.
 */
function nearReportingVerb(tokens: readonly Token[], first: number, end: number): boolean {
  const isVerb = (token: Token | undefined): boolean => token?.kind === 'word' && SPEECH_VERBS.has(token.text);
  const beforeVerb = tokens[first - 2];
  if (isVerb(tokens[first - 1]) && (beforeVerb?.kind === 'mark' || beforeVerb?.text === ',')) return true;
  let k = (appositiveAfter(tokens, end, tokens.length)?.last ?? end - 1) + 1;
  if (tokens[k]?.text === ',') k++;
  for (let steps = 0; steps < 2 && tokens[k]?.kind === 'word' && SUBJECT_VERB_FILLERS.has(tokens[k]?.text ?? ''); steps++) k++;
  return isVerb(tokens[k]);
}

/** Whether `a` is a misspelling of `b`: same first letter, one edit apart (two for long names). */
function isMisspelling(a: string, b: string): boolean {
  if (a === b || a[0] !== b[0] || Math.min(a.length, b.length) < 5) return false;
  const allowed = Math.min(a.length, b.length) >= 8 ? 2 : 1;
  return Math.abs(a.length - b.length) <= allowed && editDistance(a, b, allowed) <= allowed;
}

/** Levenshtein distance, stopping early once every path exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return best;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function endsWith(words: readonly string[], suffix: readonly string[]): boolean {
  if (suffix.length > words.length) return false;
  const offset = words.length - suffix.length;
  return suffix.every((word, i) => words[offset + i] === word);
}

/** Whether `a` is a better reference point than `b` for `at`: the nearest before it, else the earliest. */
function closer(a: number, b: number, at: number): boolean {
  if (a < at && b < at) return a > b;
  if (a < at) return true;
  if (b < at) return false;
  return a < b;
}

/** Adds to a list of people sharing a name; the lists are capped so that lookups stay cheap on any input. */
function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (list.length < MAX_NAMESAKES) list.push(value);
}
