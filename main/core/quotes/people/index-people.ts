// Collects the people an article names, so that "Maigeldinov", "he" and "the analyst" find a full name.
import type { MatchRange } from '../../../contract/model.js';
import { lowerBound } from '../../util/lower-bound.js';
import { COMMENTATOR_NOUNS } from '../quote-lexicon.js';
import { caseOfSurname, nominativeName } from '../russian-names.js';
import type { Gender } from '../speaker-phrase/speaker-phrase.js';
import { endsInCyrillic, tokenIndexAt, type Token } from '../tokenize-body.js';
import { containsWord, endsWith, isMisspelling, nameKey, sameRole } from './match-names.js';
import { readCandidates, type Candidate } from './read-candidates.js';

/** A person named in the article, under the fullest form of the name it gives. */
export interface Person {
  name: string;
  /** The name's words in lower case, Russian ones without their case ending (see `nameKey`). */
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
   * The person "he" or "she" at `at` most likely means: among the people named in the last few
   * paragraphs, the one the text puts forward most (named as a speaker, as a subject, with a
   * description) and most recently, of the right gender, and not named inside the quotation itself.
   */
  antecedent(at: number, gender: Gender | null, hints?: AntecedentHints): Person | null;
  /** The last person before `at` whose description has the word `head` ("analyst"). */
  byRole(head: string, at: number): Person | null;
}

/** What else the text says about the pronoun being resolved. */
export interface AntecedentHints {
  /** The quotation it attributes: a person the quotation names is not its speaker. */
  quote: MatchRange | null;
  /** The speaker of the quotation before, a strong candidate when nobody else has come forward since. */
  previous: { person: Person; at: number } | null;
}

/**
 * Misspelt surnames are looked for only among this many: news articles name a few dozen people, and
 * comparing every name with every other would make a pathological input quadratic.
 */
const MAX_FUZZY_SURNAMES = 200;

/** People kept per surname or first name: more namesakes than this only happen in pathological input. */
const MAX_NAMESAKES = 50;

/** How many paragraphs back a pronoun's antecedent is looked for before settling for the nearest person. */
const ANTECEDENT_PARAGRAPHS = 3;
/** Mentions looked at per pronoun, so that a pathological article stays linear. */
const ANTECEDENT_MENTIONS = 40;
/**
 * Weights for choosing an antecedent, tuned on the tuning two thirds of the GGT development set: a
 * speaker ("X said") or a sentence's subject is what a following "he said" usually means (a mention
 * counts its strongest role only); each paragraph back costs more than any one of those.
 */
const WEIGHT = { speaks: 3, previousSpeaker: 2.5, subject: 2, nearestSubject: 1.5, described: 1.5, full: 0.5, weak: -4, paragraph: -2.5, rank: -0.25 };

interface Mention {
  person: Person;
  start: number;
  paragraph: number;
  /** Can be the antecedent of a pronoun: named in full, as a subject, with a description, or as a speaker. */
  salient: boolean;
  /** A possessive ("Conti's 17th turn"): the antecedent only when no one else can be. */
  weak: boolean;
  /** Next to a verb of speech: "Redfield said", "said Redfield". */
  speaks: boolean;
  /** The subject of its sentence. */
  subject: boolean;
  /** Opens its sentence and a lower-case word (its verb) follows: "Dr Fox accused ...". */
  leads: boolean;
  described: boolean;
  full: boolean;
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
  const namedAsSubject = new Set<Person>();
  const addPerson = (candidate: Candidate): Person => {
    const words = candidate.words.map(nameKey);
    const key = words.join(' ');
    let person = people.get(key);
    // Russian names decline: the nominative ("Виктор Янукович") is shorter than the other cases
    // ("Виктором Януковичем", "Дмитрия Медведева"), but for the accusative, as long; of two forms as
    // long, the one a subject has ("Мария Захарова ответила", not "спорил с Марией Захаровой").
    const cyrillic = person !== undefined && endsInCyrillic(candidate.name);
    const shorter = cyrillic && candidate.name.length < (person?.name.length ?? 0);
    const asLong = cyrillic && candidate.name.length === person?.name.length;
    if (person !== undefined && (shorter || (candidate.subject && !namedAsSubject.has(person) && (asLong || !cyrillic)))) {
      person.name = candidate.name;
      if (candidate.subject) namedAsSubject.add(person);
    }
    if (person === undefined) {
      person = { name: candidate.name, words, description: null, gender: candidate.nameGender, source: false };
      if (candidate.subject) namedAsSubject.add(person);
      people.set(key, person);
      firstSeen.set(person, candidate.start);
      pushTo(bySurname, words[words.length - 1] ?? '', person);
      if (words.length > 1) pushTo(byFirstName, words[0] ?? '', person);
    }
    return person;
  };
  for (const candidate of candidates) {
    if (candidate.personLike && candidate.words.length > 1) addPerson(candidate);
  }

  const fullName = (given: readonly string[], at: number): Person | null => {
    const words = given.map(nameKey);
    const last = words[words.length - 1];
    if (last === undefined) return null;
    let pool = (bySurname.get(last) ?? []).filter((person) => endsWith(person.words, words));
    if (pool.length === 0 && words.length === 1) pool = byFirstName.get(last) ?? [];
    if (pool.length === 0 && words.length === 1 && bySurname.size <= MAX_FUZZY_SURNAMES) {
      // Copy misspells names ("Rep. Rangels", "Ms Bauchtman" for Buchtmann): accept a near-identical surname.
      // Over the keys, not the entries: an entry is an array, built per surname per lookup until optimized.
      for (const surname of bySurname.keys()) if (isMisspelling(last, surname)) pool = pool.concat((bySurname.get(surname) ?? []).filter((p) => p.words.length > 1));
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
    // "заявил Мёрдок" after only "Руперта Мёрдока": the surname a subject has is the nominative, and the
    // ending the full name adds to it tells the case to put the whole name back from.
    if (candidate.words.length === 1 && (candidate.subject || candidate.speaks) && person.words.length > 1 && !namedAsSubject.has(person)) {
      const nameCase = caseOfSurname(person.name.slice(person.name.lastIndexOf(' ') + 1), candidate.name);
      if (nameCase !== null) person.name = nominativeName(person.name, nameCase);
      namedAsSubject.add(person);
    }
    person.description ??= candidate.description;
    person.gender ??= candidate.gender;
    person.source ||= candidate.source;
    mentions.push({
      person,
      start: candidate.start,
      paragraph: candidate.paragraph,
      salient: candidate.salient,
      weak: candidate.weak,
      speaks: candidate.speaks,
      subject: candidate.subject,
      leads: candidate.leads,
      described: candidate.description !== null,
      full: candidate.words.length > 1,
    });
  }

  // Each role looks back over every mention before it: a description is split into words once.
  const wordsOfDescription = new Map<string, readonly string[]>();
  const descriptionWords = (description: string | null): readonly string[] => {
    if (description === null) return [];
    let words = wordsOfDescription.get(description);
    if (words === undefined) {
      words = description.toLowerCase().split(/[\s-]+/);
      wordsOfDescription.set(description, words);
    }
    return words;
  };

  const paragraphOf = (at: number): number => tokens[Math.min(tokenIndexAt(tokens, at), tokens.length - 1)]?.paragraph ?? 0;

  const lastBefore = (at: number): number => lowerBound(mentions.length, (i) => (mentions[i]?.start ?? 0) < at) - 1;

  return {
    fullName,
    antecedent(at, gender, hints) {
      const paragraph = tokens[Math.min(tokenIndexAt(tokens, at), tokens.length - 1)]?.paragraph ?? 0;
      const quoted = hints?.quote == null ? '' : body.slice(hints.quote.start, hints.quote.end).toLowerCase();
      const fits = (person: Person): boolean =>
        (gender === null || person.gender === null || person.gender === gender) && !person.words.some((word) => word.length > 2 && containsWord(quoted, word));
      let best: Person | null = null;
      let bestScore = -Infinity;
      let rank = 0;
      const previous = hints?.previous != null && fits(hints.previous.person) ? hints.previous : null;
      if (previous !== null) {
        best = previous.person;
        bestScore = WEIGHT.previousSpeaker + WEIGHT.paragraph * (paragraph - paragraphOf(previous.at));
      }
      let passing: Person | null = null;
      let seen = 0;
      // "Dr Fox accused Mr Blair of lying. "...," he told BBC News": the subject of the sentence just
      // before the quotation, in its paragraph, is who a reader takes "he" to be (issue 12).
      const quoteStart = hints?.quote?.start ?? at;
      let nearestSubject = true;
      for (let i = lastBefore(at); i >= 0 && seen < ANTECEDENT_MENTIONS; i--) {
        const mention = mentions[i];
        if (mention === undefined) continue;
        const back = paragraph - mention.paragraph;
        if (back > ANTECEDENT_PARAGRAPHS && best !== null) break;
        seen++;
        if (!fits(mention.person)) continue;
        if (previous !== null && mention.start < previous.at && back <= ANTECEDENT_PARAGRAPHS) continue;
        if (!mention.salient) {
          // Named only in passing ("pushed Putin"): the antecedent only when nobody else can be.
          passing ??= mention.person;
          continue;
        }
        const salience = Math.max(mention.speaks ? WEIGHT.speaks : 0, mention.subject ? WEIGHT.subject : 0, mention.described ? WEIGHT.described : 0, mention.full ? WEIGHT.full : 0);
        const last = nearestSubject && mention.leads && back === 0 && mention.start < quoteStart;
        if (mention.leads && mention.start < quoteStart) nearestSubject = false;
        const score = salience + (last ? WEIGHT.nearestSubject : 0) + (mention.weak ? WEIGHT.weak : 0) + WEIGHT.paragraph * Math.min(back, ANTECEDENT_PARAGRAPHS + 1) + WEIGHT.rank * rank++;
        if (score > bestScore) {
          best = mention.person;
          bestScore = score;
        }
      }
      return best ?? passing;
    },
    byRole(head, at) {
      for (let i = lastBefore(at); i >= 0; i--) {
        const person = mentions[i]?.person;
        if (person === undefined) continue;
        const words = descriptionWords(person.description);
        if (words.some((word) => sameRole(word, head)) || (COMMENTATOR_NOUNS.has(head) && words.some((word) => COMMENTATOR_NOUNS.has(word)))) return person;
      }
      return null;
    },
  };
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
