// Word classes a speaker phrase is read by: name words, titles, role nouns, determiners, reporting verbs.
import {
  DETERMINERS,
  FEMALE_FIRST_NAMES,
  LEADING_NON_NAMES,
  LY_NOUNS,
  MALE_FIRST_NAMES,
  NAME_PARTICLES,
  NON_PERSON_WORDS,
  REPORTING_VERBS,
  ROLE_NOUNS,
  TITLES,
} from '../quote-lexicon.js';
import { endsInCyrillic, isCapitalWord, isLowerWord, type Token } from '../tokenize-body.js';

/** A name with an Arabic prefix joined by a hyphen: "al-Assad", "bin-Laden". */
const HYPHEN_PREFIXED_NAME = /^(?:al|el|ad|as|ash|at|az|bin|ibn|abu)-\p{Lu}/u;

/** A word of capitals, digits and dots: an acronym ("CBO", "U.S."), never a lone surname. */
export const ACRONYM = /^[\p{Lu}\p{N}.&-]+$/u;

/** An organisation's acronym before a name: "МИД", "FBI"; not an initial ("J.") or a word in capitals. */
export const ORGANISATION_ACRONYM = /^\p{Lu}{2,5}$/u;

/** The token in lower case; empty for no token. */
export const lower = (token: Token | undefined): string => token?.lower ?? '';

/** Whether both tokens exist and stand in one paragraph. */
export function sameParagraph(a: Token | undefined, b: Token | undefined): boolean {
  return a !== undefined && b !== undefined && a.paragraph === b.paragraph;
}

/** A word that can be part of a name: capitalised ("Rangel"), or hyphen-prefixed ("al-Assad"). */
export function isNameWord(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'word' && (isCapitalWord(token) || isHyphenPrefixedName(token));
}

/**
 * "al-Assad", "bin-Laden": the regex runs only on lower-case words with a hyphen after their two or
 * three first letters, since every token is asked.
 */
function isHyphenPrefixedName(token: Token): boolean {
  const { text } = token;
  return token.lowerInitial && (text.charCodeAt(2) === 0x2d || text.charCodeAt(3) === 0x2d) && HYPHEN_PREFIXED_NAME.test(text);
}

/** A lower-case particle inside a name: "de Boer", "van der Weg". */
export function isParticle(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'word' && NAME_PARTICLES.has(token.text);
}

/** Whether the token is a reporting verb: lower case only, so "State Department" holds no verb. */
export function isReportingVerb(token: Token | undefined): boolean {
  return isLowerWord(token) && REPORTING_VERBS.has(lower(token));
}

const PASSIVE_AUXILIARIES = new Set(['be', 'been', 'being', 'is', 'are', 'was', 'were']);

/** A reporting verb in the active voice: "has been commented on by", "were acknowledged by" name no speaker before them. */
export const isActiveVerb = (tokens: readonly Token[], k: number): boolean => isReportingVerb(tokens[k]) && !PASSIVE_AUXILIARIES.has(lower(tokens[k - 1]));

/** A lower-case "-ly" word that is not a noun: "initially", "reportedly", "angrily". */
export function isAdverb(token: Token | undefined): boolean {
  const word = lower(token);
  return isLowerWord(token) && word.endsWith('ly') && !LY_NOUNS.has(word);
}

/** A determiner, in any case: "the", "a", "his". */
export function isDeterminer(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'word' && DETERMINERS.has(lower(token));
}

/** Whether the word is a title, or a hyphenated compound of one ("Secretary-General", "Maj.-Gen."). */
export function isTitle(token: Token | undefined): boolean {
  if (token === undefined || token.kind !== 'word') return false;
  return TITLES.has(token.text) || (token.text.includes('-') && token.text.split('-').some((part) => TITLES.has(part)));
}

/** Whether the word names a role, in any case and number ("analyst", "Lawyer", "authors"). */
export function isRoleNoun(word: string): boolean {
  if (isRoleNounAsWritten(word)) return true;
  // Russian nouns decline: "президента", "министру", "экспертов". Every ending is Cyrillic, and the
  // regex, anchored only at the end, would try every position of the many words that are not.
  const w = word.toLowerCase();
  if (!endsInCyrillic(w)) return false;
  const stem = RUSSIAN_NOUN_ENDING.exec(w);
  return stem !== null && ROLE_NOUNS.has(w.slice(0, stem.index));
}

/** A role noun in its dictionary form or an English plural: "analyst", "authors", "пресс-секретарь". */
export function isRoleNounAsWritten(word: string): boolean {
  const w = word.toLowerCase();
  return ROLE_NOUNS.has(w) || (w.endsWith('s') && ROLE_NOUNS.has(w.slice(0, -1))) || (w.includes('-') && w.split('-').some((part) => ROLE_NOUNS.has(part)));
}

const RUSSIAN_NOUN_ENDING = /(?<=[\u0400-\u04FF]{3})(?:ами|ям|ах|ов|ом|ам|а|у|е|ы|и)$/u;

/** A role noun or a title, in any case: "analyst", "President". */
export function isRoleWord(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'word' && (isRoleNoun(token.text) || isTitle(token));
}

/** A web address used as a name: an outlet ("Lenta.ru", "Лента.ру", "HuffPost.com"), never a person. */
const WEB_ADDRESS = /\.(?:ru|com|org|net|ua|kz|by|uk|info|рф|ру)\.?$/iu;

/** Whether a word is a web address: an outlet that relays what was said ("сообщает Лента.ру"), never its speaker. */
export function isOutletName(word: string): boolean {
  return WEB_ADDRESS.test(word);
}

/**
 * A lower-case Russian word in the dative, as the one told: "мэру", "журналистам", "корреспонденту",
 * "ему", "нам". Only nouns' plain endings: an adjective ("генеральному") starts a longer phrase.
 */
export function isRussianDative(token: Token | undefined): boolean {
  if (!isLowerWord(token) || token === undefined || !endsInCyrillic(token.text)) return false;
  const word = token.lower;
  return RUSSIAN_DATIVE_PRONOUNS.has(word) || (word.length >= 4 && /(?:[^оеи]у|[^оеи]ю|ам|ям)$/u.test(word) && !/(?:ому|ему)$/u.test(word));
}

const RUSSIAN_DATIVE_PRONOUNS = new Set(['мне', 'нам', 'ему', 'ей', 'им', 'вам', 'тебе']);

/** A word of two letters or more, all capitals: "CLOSE", "FBI", "МИД"; not an initial ("A.", "J.P."). */
export function isAllCaps(word: string): boolean {
  return word.length >= 2 && !word.includes('.') && word === word.toUpperCase() && word !== word.toLowerCase();
}

/** Whether a lone capitalised word can be a surname ("Bush"), not an acronym or an institution. */
export function couldBeSurname(word: string): boolean {
  return !ACRONYM.test(word) && !NON_PERSON_WORDS.has(word) && !LEADING_NON_NAMES.has(word);
}

/** Whether the word ends in a possessive `'s` or `’s` (tested without a regex: every name word is asked). */
export function hasPossessive(word: string): boolean {
  return word.endsWith("'s") || word.endsWith('\u2019s');
}

/** The word without a possessive `'s`. */
export function withoutPossessive(word: string): string {
  return hasPossessive(word) ? word.slice(0, -2) : word;
}

/** A first name the lexicon knows, in any case. */
export function isFirstName(word: string): boolean {
  const w = word.toLowerCase();
  return MALE_FIRST_NAMES.has(w) || FEMALE_FIRST_NAMES.has(w);
}
