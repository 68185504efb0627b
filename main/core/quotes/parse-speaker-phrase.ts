// Reads the noun phrase that names a speaker: a name with its title and description, a pronoun or a role.
import type { MatchRange } from '../model.js';
import { collapseSpaces } from '../util/white-space.js';
import {
  ACRONYM_TITLES,
  DETERMINERS,
  DOCUMENT_NOUNS,
  FEMALE_FIRST_NAMES,
  FEMALE_TITLES,
  FUNCTION_WORDS,
  GROUP_NOUNS,
  HONORIFICS,
  LEADING_NON_NAMES,
  LY_NOUNS,
  MALE_FIRST_NAMES,
  MALE_TITLES,
  NAME_MODIFIERS,
  NAME_PARTICLES,
  NON_PERSON_FIRST_WORDS,
  NON_PERSON_WORDS,
  PERSONAL_PRONOUNS,
  PREPOSITIONS,
  PRONOUNS,
  REPORTING_VERBS,
  ROLE_NOUNS,
  RUSSIAN_PREPOSITIONS,
  SUBJECT_VERB_FILLERS,
  TITLES,
} from './quote-lexicon.js';
import { endsInCyrillic, endsSentence, isCapitalWord, isLowerWord, opensSentence, type Token } from './tokenize-body.js';

export type Gender = 'm' | 'f';

/** A phrase that names who speaks, as written in the body. */
export interface SpeakerPhrase {
  /** `name`: a proper name ("Charles Rangel", "CBO"); `role`: "the analyst"; `pronoun`: "he". */
  kind: 'name' | 'pronoun' | 'role';
  /** The name without its title, the pronoun in lower case, or the role phrase as written. */
  text: string;
  /** The name's words in lower case, for matching a surname to the full name; empty otherwise. */
  words: string[];
  /** Offsets of the name, pronoun or role phrase itself. */
  mention: MatchRange;
  /** First and last token of the whole phrase, description and determiner included. */
  firstToken: number;
  lastToken: number;
  description: string | null;
  gender: Gender | null;
  /** The role's head noun in lower case ("analyst"), for roles. */
  head: string | null;
  /** Whether a name looks like a person's (not an organisation, place or acronym). */
  personLike: boolean;
  /** Whether the name came with a title or honorific ("Mr Kilroy-Silk", "Rep. Charles Rangel"). */
  titled: boolean;
}

/** A run of capitalised words read as a name: which tokens are title and which are the name. */
interface NameChunk {
  /** First token after words that only start sentences ("In", "The", "Wednesday"). */
  first: number;
  nameFirst: number;
  /** One past the last token. */
  nameEnd: number;
  /** Whether a title or honorific precedes the name inside the run. */
  titled: boolean;
  /** The title token of a "<title> of <place>" phrase before the run ("Secretary of State"), or -1. */
  ofTitle: number;
  gender: Gender | null;
}

const HYPHEN_PREFIXED_NAME = /^(?:al|el|ad|as|ash|at|az|bin|ibn|abu)-\p{Lu}/u;
const ACRONYM = /^[\p{Lu}\p{N}.&-]+$/u;
/** An organisation's acronym before a name: "МИД", "FBI"; not an initial ("J.") or a word in capitals. */
const ORGANISATION_ACRONYM = /^\p{Lu}{2,5}$/u;
const ARTICLE = /^(?:the|a|an) /i;
const RELATIVE_PRONOUNS = new Set(['who', 'which', 'whose', 'whom', 'that']);
/** Verbs that make a comma-phrase a clause, not a description: "Rathbun, a detective ... was provided". */
const CLAUSE_VERBS = new Set(['is', 'was', 'are', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could']);
const MAX_DESCRIPTION_WORDS = 4;
const MAX_APPOSITIVE_TOKENS = 16;
const MAX_OF_TITLE_DISTANCE = 6;
/** Tokens of a parenthesis after a name: "(D-Wash.)", "(R-Fla.)", "(left)". */
const MAX_PARENTHESIS_TOKENS = 8;

const lower = (token: Token | undefined): string => token?.lower ?? '';

function sameParagraph(a: Token | undefined, b: Token | undefined): boolean {
  return a !== undefined && b !== undefined && a.paragraph === b.paragraph;
}

function isNameWord(token: Token | undefined): boolean {
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

function isParticle(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'word' && NAME_PARTICLES.has(token.text);
}

/** Whether the token is a reporting verb: lower case only, so "State Department" holds no verb. */
export function isReportingVerb(token: Token | undefined): boolean {
  return isLowerWord(token) && REPORTING_VERBS.has(lower(token));
}

/** A lower-case "-ly" word that is not a noun: "initially", "reportedly", "angrily". */
function isAdverb(token: Token | undefined): boolean {
  const word = lower(token);
  return isLowerWord(token) && word.endsWith('ly') && !LY_NOUNS.has(word);
}

function isDeterminer(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'word' && DETERMINERS.has(lower(token));
}

/** Whether the word is a title, or a hyphenated compound of one ("Secretary-General", "Maj.-Gen."). */
function isTitle(token: Token | undefined): boolean {
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
function isRoleNounAsWritten(word: string): boolean {
  const w = word.toLowerCase();
  return ROLE_NOUNS.has(w) || (w.endsWith('s') && ROLE_NOUNS.has(w.slice(0, -1))) || (w.includes('-') && w.split('-').some((part) => ROLE_NOUNS.has(part)));
}


/** The stem of a Russian word for an organisation or place, in any case: "Отдела", "Министерством", "Думы". */
const RUSSIAN_ORGANISATION = /^(?:Отдел|Министерств|Комитет|Правительств|Управлени|Департамент|Совет|Союз|Агентств|Служб|Парти|Фонд|Центр|Институт|Университет|Суд|Прокуратур|Администраци|Мэри|Дум|Собрани|Палат|Банк|Компани|Корпораци|Обществ|Ассоциаци|Федераци|Республик|Област|Посольств|Академи|Церкв|Церков)[\u0400-\u04FF]{0,4}$/u;
/** A web address used as a name: an outlet ("Lenta.ru", "Лента.ру", "HuffPost.com"), never a person. */
const WEB_ADDRESS = /\.(?:ru|com|org|net|ua|kz|by|uk|info|рф|ру)\.?$/iu;

/** Whether a word is a web address: an outlet that relays what was said ("сообщает Лента.ру"), never its speaker. */
export function isOutletName(word: string): boolean {
  return WEB_ADDRESS.test(word);
}

/**
 * "лидер Движения против нелегальной иммиграции Александр Белов": a Russian role, its complements
 * (organisations in capitals among them), and last the person's name, of two or three words, that ends
 * the clause. Null when the phrase at `from` is not one.
 */
function russianNameAfterRole(body: string, tokens: readonly Token[], from: number, hi: number): SpeakerPhrase | null {
  const first = tokens[from];
  if (first === undefined || !isLowerWord(first) || !endsInCyrillic(first.text) || !isRoleNounAsWritten(first.text)) return null;
  for (let k = from + 1; k < hi && k - from <= MAX_RUSSIAN_DESCRIPTION_TOKENS; k++) {
    if (!startsNameRun(tokens, k)) continue;
    const end = nameRunEnd(tokens, k, hi);
    const closes = end >= hi || tokens[end]?.text === ',' || endsSentence(tokens, end);
    if (!closes || end - k < 2 || k === from + 1) {
      k = end - 1;
      continue;
    }
    const named = namePhrase(body, tokens, k, end, from, hi);
    if (named === null || named.kind !== 'name' || !named.personLike) return null;
    return { ...named, firstToken: from, description: named.description ?? spanText(tokens, from, k) };
  }
  return null;
}

/** Tokens of a Russian description before the name it describes. */
const MAX_RUSSIAN_DESCRIPTION_TOKENS = 14;

/** Tokens of a circumstance between a Russian verb and its speaker ("в беседе с корреспондентом «Голоса Америки»"). */
const MAX_CIRCUMSTANCE_TOKENS = 10;

/** Tokens of an organisation's name in guillemets inside a Russian description. */
const MAX_QUOTED_ORGANISATION = 8;

/**
 * A lower-case Russian word in the dative, as the one told: "мэру", "журналистам", "корреспонденту",
 * "ему", "нам". Only nouns' plain endings: an adjective ("генеральному") starts a longer phrase.
 */
function isRussianDative(token: Token | undefined): boolean {
  if (!isLowerWord(token) || token === undefined || !endsInCyrillic(token.text)) return false;
  const word = token.lower;
  return RUSSIAN_DATIVE_PRONOUNS.has(word) || (word.length >= 4 && /(?:[^оеи]у|[^оеи]ю|ам|ям)$/u.test(word) && !/(?:ому|ему)$/u.test(word));
}

const RUSSIAN_DATIVE_PRONOUNS = new Set(['мне', 'нам', 'ему', 'ей', 'им', 'вам', 'тебе']);

/** A word of two letters or more, all capitals: "CLOSE", "FBI", "МИД"; not an initial ("A.", "J.P."). */
function isAllCaps(word: string): boolean {
  return word.length >= 2 && !word.includes('.') && word === word.toUpperCase() && word !== word.toLowerCase();
}

/** A Russian patronymic: "Владимирович", "Петровна", "Ильич", "Кузьминична". */
const RUSSIAN_PATRONYMIC = /(?:ович|евич|овна|евна|ична|инична|ич)(?:а|у|ем|ом|е|ой|ы)?$/u;
/** A Russian adjective ending, which names of people in a run of three or more never take: "Русской", "Молдавского". */
const RUSSIAN_ADJECTIVE = /(?:ской|ского|ских|ском|скому|ская|ское|ные|ной|ного|ных)$/u;

const RUSSIAN_NOUN_ENDING = /(?<=[\u0400-\u04FF]{3})(?:ами|ям|ах|ов|ом|ам|а|у|е|ы|и)$/u;

function isRoleWord(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'word' && (isRoleNoun(token.text) || isTitle(token));
}

/** Whether a lone capitalised word can be a surname ("Bush"), not an acronym or an institution. */
export function couldBeSurname(word: string): boolean {
  return !ACRONYM.test(word) && !NON_PERSON_WORDS.has(word) && !LEADING_NON_NAMES.has(word);
}

/** Whether a capitalised run starts at `i`: a capital word, not continuing a run before it. */
export function startsNameRun(tokens: readonly Token[], i: number): boolean {
  return isNameWord(tokens[i]) && !(isNameWord(tokens[i - 1]) && sameParagraph(tokens[i - 1], tokens[i]));
}

/** One past the last token of the capitalised run starting at `start`, particles included ("de Boer"). */
export function nameRunEnd(tokens: readonly Token[], start: number, limit = tokens.length): number {
  let end = start + 1;
  for (;;) {
    let k = end;
    while (k < limit && k - end < 3 && isParticle(tokens[k]) && sameParagraph(tokens[k], tokens[start])) k++;
    if (k < limit && isNameWord(tokens[k]) && sameParagraph(tokens[k], tokens[start])) end = k + 1;
    else return end;
  }
}

/** The first token of the capitalised run ending just before `end`. */
function nameRunStart(tokens: readonly Token[], end: number, lo: number): number {
  let start = end - 1;
  for (;;) {
    let k = start - 1;
    while (k >= lo && start - k <= 3 && isParticle(tokens[k]) && sameParagraph(tokens[k], tokens[start])) k--;
    if (k >= lo && isNameWord(tokens[k]) && sameParagraph(tokens[k], tokens[start])) start = k;
    else return start;
  }
}

/**
 * Splits the capitalised run `[start, end)` into title and name: "Rep. Charles Rangel" is titled
 * "Charles Rangel", "Lawyer Rob Stary" is "Rob Stary", "American Cindy Sheehan" is "Cindy Sheehan",
 * "On Wednesday" is no name at all. Returns null when nothing of the run can be a name.
 */
function analyzeNameRun(tokens: readonly Token[], start: number, end: number): NameChunk | null {
  let first = start;
  while (first < end && (LEADING_NON_NAMES.has(tokens[first]?.text ?? '') || isOpeningAdverbial(tokens, first, end))) first++;
  if (first >= end) return null;
  // A title last in a run is a surname ("BB King", "Mr Major") unless the run is "the President".
  const titleCanEnd = end - first === 1 || isDeterminer(tokens[start - 1]);
  let lastTitle = -1;
  for (let i = first; i < end; i++) {
    if (i === end - 1 && !titleCanEnd && !ACRONYM_TITLES.has(tokens[i]?.text ?? '')) continue;
    // A capitalised role noun opens a run ("Lawyer Rob Stary") but, last in a run, is a surname ("Mark Driver").
    if (isTitle(tokens[i]) || (i === first && end - first >= 3 && isRoleNoun(tokens[i]?.text ?? ''))) lastTitle = i;
  }
  let nameFirst = lastTitle >= 0 ? lastTitle + 1 : first;
  // "ABN Amro's Paul Mackel": an owner in the run describes the name after it; after "Stella's", a
  // single word ("Cafe") is a thing the owner has, not a title for a name.
  let owned = false;
  for (let i = nameFirst; i < end - 1; i++) {
    if (hasPossessive(tokens[i]?.text ?? '')) {
      nameFirst = i + 1;
      owned = end - nameFirst >= 2;
    }
  }
  if (lastTitle < 0) {
    // "American Cindy Sheehan", "представитель МИД Мария Захарова": a nationality or an organisation's
    // acronym before a name of two words or more describes the person.
    while (nameFirst < end - 1 && (NAME_MODIFIERS.has(tokens[nameFirst]?.text ?? '') || (end - nameFirst >= 3 && ORGANISATION_ACRONYM.test(tokens[nameFirst]?.text ?? '')))) nameFirst++;
  }
  // "Security Committee Franz Klintsevich", "Kremlin Press Office Dmitry Peskov": an organisation's name
  // before a person's name of two words describes the person.
  for (let i = end - 3; i >= nameFirst; i--) {
    if (!NON_PERSON_WORDS.has(tokens[i]?.text ?? '')) continue;
    let person = true;
    for (let k = i + 1; k < end; k++) if (NON_PERSON_WORDS.has(tokens[k]?.text ?? '') || isTitle(tokens[k])) person = false;
    if (person) nameFirst = i + 1;
    break;
  }
  // "Share CLOSE WHAT YOU NEED TO KNOW ABOUT ELON MUSK Elon Musk", "FBI Director James Comey": words in
  // capitals before a name in ordinary case are furniture, a headline or an organisation, never the name.
  for (let i = end - 2; i >= nameFirst; i--) {
    if (isAllCaps(tokens[i]?.text ?? '') && !isAllCaps(tokens[end - 1]?.text ?? '')) {
      nameFirst = i + 1;
      break;
    }
  }
  // "Minister of Public Works and Transport Ghazi Aridi": after "<title> of", the last two words are the name.
  const ofTitle = titleOfBefore(tokens, first);
  if (ofTitle >= 0 && end - nameFirst >= 3) nameFirst = end - 2;
  // "мэр Москвы Сергей Собянин", "президентом Украины Виктором Януковичем", "Роман Коноплев Русской
  // общины": a Russian name is a first name and surname (with a patronymic between them, at most), and a
  // place or an adjective in the run is the description's or the next phrase's.
  let nameEnd = end;
  if (endsInCyrillic(tokens[end - 1]?.text ?? '')) {
    while (nameEnd - nameFirst >= 3 && RUSSIAN_ADJECTIVE.test(tokens[nameEnd - 1]?.text ?? '')) nameEnd--;
    if (nameEnd - nameFirst >= 3) nameFirst = nameEnd - (RUSSIAN_PATRONYMIC.test(tokens[nameEnd - 2]?.text ?? '') ? 3 : 2);
  }
  let gender: Gender | null = null;
  for (let i = first; i < nameFirst; i++) {
    const text = tokens[i]?.text ?? '';
    if (MALE_TITLES.has(text)) gender = 'm';
    if (FEMALE_TITLES.has(text)) gender = 'f';
  }
  return {
    first,
    nameFirst,
    nameEnd,
    titled: nameFirst > first && (lastTitle >= 0 || ofTitle >= 0 || owned),
    ofTitle,
    gender,
  };
}

/**
 * A capitalised "-ing" or "-ly" word opening a sentence before a name: "Knowing Bardos", "Unusually,
 * Smith": not part of the name.
 */
function isOpeningAdverbial(tokens: readonly Token[], i: number, end: number): boolean {
  const token = tokens[i];
  if (token === undefined || i + 1 >= end || token.text.length < 5 || !(token.text.endsWith('ing') || token.text.endsWith('ly'))) return false;
  return opensSentence(tokens, i);
}

/** The title token of "<title> of ..." ending just before `first`, within a few words, or -1. */
function titleOfBefore(tokens: readonly Token[], first: number): number {
  for (let k = first - 1; k > 0 && first - k <= MAX_OF_TITLE_DISTANCE; k--) {
    const token = tokens[k];
    if (token === undefined || token.kind !== 'word' || !sameParagraph(token, tokens[first])) return -1;
    if (token.text === 'of' && isTitle(tokens[k - 1])) return k - 1;
  }
  return -1;
}

/** The name's words in lower case, without a possessive `'s`. */
function nameWords(tokens: readonly Token[], chunk: NameChunk): string[] {
  const result: string[] = [];
  for (let i = chunk.nameFirst; i < chunk.nameEnd; i++) {
    const word = tokens[i]?.lower ?? '';
    result.push(i === chunk.nameEnd - 1 ? withoutPossessive(word) : word);
  }
  return result;
}

/** Whether the word ends in a possessive `'s` or `’s` (tested without a regex: every name word is asked). */
export function hasPossessive(word: string): boolean {
  return word.endsWith("'s") || word.endsWith('\u2019s');
}

/** The word without a possessive `'s`. */
function withoutPossessive(word: string): string {
  return hasPossessive(word) ? word.slice(0, -2) : word;
}

/** Whether the name can be a person's: not an acronym, organisation, place, or date. */
function isPersonLikeName(tokens: readonly Token[], chunk: NameChunk): boolean {
  if (chunk.nameFirst >= chunk.nameEnd) return false;
  const words: string[] = [];
  for (let i = chunk.nameFirst; i < chunk.nameEnd; i++) words.push(withoutPossessive(tokens[i]?.text ?? ''));
  if (NON_PERSON_FIRST_WORDS.has(words[0] ?? '')) return false;
  // "Ms. May", "Theresa May": a month that is also a surname, after a title or a first name.
  const named = chunk.titled || (words.length >= 2 && isFirstName(words[0] ?? ''));
  if (words.some((w) => NON_PERSON_WORDS.has(w) && !(named && SURNAME_MONTHS.has(w)))) return false;
  if (words.length === 1 && ACRONYM.test(words[0] ?? '')) return false;
  // "Отдела по взаимоотношениям", "Министерства", "Lenta.ru": an organisation or an outlet, in any case.
  if (words.some((w) => RUSSIAN_ORGANISATION.test(w) || WEB_ADDRESS.test(w))) return false;
  // "Share CLOSE WHAT YOU NEED TO KNOW": words in capitals are a page's furniture or a headline, not a name.
  if (words.length >= 2 && words.every((w) => w.length > 1 && w === w.toUpperCase())) return false;
  return chunk.titled || words.length >= 2;
}

const SURNAME_MONTHS = new Set(['April', 'May', 'June', 'August']);

function isFirstName(word: string): boolean {
  const w = word.toLowerCase();
  return MALE_FIRST_NAMES.has(w) || FEMALE_FIRST_NAMES.has(w);
}

/**
 * The description written before a name: "political analyst" in "political analyst Kazbek
 * Maigeldinov", "Lebanese army" before the title of "Lebanese army Brigadier Saleh Haj Suleiman".
 * Taken only when the word before the name is a role noun or the name has a title, so that the verb
 * of "pushed Putin" is not a description.
 */
function descriptionBefore(tokens: readonly Token[], chunk: NameChunk, lo: number): { first: number; text: string } | null {
  const before = tokens[chunk.first - 1];
  if (chunk.first - 1 < lo || !sameParagraph(before, tokens[chunk.first])) return null;
  // A bare honorific says nothing about what comes before it: "only one showed Ms Simonetti's flight".
  const honorificOnly = chunk.titled && chunk.nameFirst - chunk.first === 1 && HONORIFICS.has(tokens[chunk.first]?.text ?? '');
  if (honorificOnly) return null;
  if (!(chunk.titled || (isLowerWord(before) && isRoleWord(before)))) return russianDescriptionBefore(tokens, chunk, lo);
  let first = chunk.first;
  while (first - 1 >= lo && chunk.first - first < MAX_DESCRIPTION_WORDS && isDescriptionWord(tokens[first - 1], tokens[chunk.first])) first--;
  return first < chunk.first ? { first, text: spanText(tokens, first, chunk.first) } : null;
}

/**
 * A Russian description puts its role first and the complements after it: "Глава комиссии по
 * благоустройству Анна Соколова", "пресс-секретарь президента Дмитрий Песков".
 */
function russianDescriptionBefore(tokens: readonly Token[], chunk: NameChunk, lo: number): { first: number; text: string } | null {
  let first = chunk.first;
  let role = -1;
  while (first - 1 >= lo && chunk.first - first < MAX_DESCRIPTION_WORDS && /^[\u0400-\u04FF]/u.test(tokens[first - 1]?.text ?? '') && isDescriptionWord(tokens[first - 1], tokens[chunk.first])) {
    first--;
    if (isRoleWord(tokens[first])) role = first;
  }
  return role >= 0 ? { first: role, text: spanText(tokens, role, chunk.first) } : null;
}

/** A word that can be part of a description: not a function word, and not a verb form ("allowing", "branded"). */
function isDescriptionWord(token: Token | undefined, anchor: Token | undefined): boolean {
  if (token === undefined || token.kind !== 'word' || !sameParagraph(token, anchor)) return false;
  const word = lower(token);
  if (FUNCTION_WORDS.has(word) || isReportingVerb(token) || LEADING_NON_NAMES.has(token.text)) return false;
  return !(isLowerWord(token) && /(?:ing|ed)$/.test(word) && !isRoleNoun(word));
}

/**
 * A description set off by commas after a name: "Khaled Al-Maeena, editor at large at the Saudi
 * Gazette, said". It must name a role within its first words, hold no verb like "was", and end at a
 * comma, or at a sentence end when it starts like a noun phrase ("a conservative public-relations
 * executive."), so that "Maigeldinov, Kazinform News Agency correspondent reports." is not one.
 */
export function appositiveAfter(tokens: readonly Token[], end: number, hi: number): { last: number; text: string } | null {
  const comma = tokens[end];
  if (comma === undefined || comma.text !== ',' || end + 1 >= hi) return null;
  const first = tokens[end + 1];
  if (first === undefined || first.kind !== 'word' || !sameParagraph(first, comma) || RELATIVE_PRONOUNS.has(lower(first))) return null;
  // ", speaking to reporters ...," is a clause about the person; ", managing director of ...," is a role.
  if (isLowerWord(first) && lower(first).endsWith('ing') && !isRoleWord(tokens[end + 2])) return null;
  let stop = end + 1;
  let hasRole = false;
  let wordsSeen = 0;
  for (; stop < hi && stop - end <= MAX_APPOSITIVE_TOKENS; stop++) {
    const token = tokens[stop];
    if (token === undefined || token.text === ',' || token.kind === 'mark' || !sameParagraph(token, comma) || endsSentence(tokens, stop)) break;
    if (token.kind !== 'word') continue;
    if (isLowerWord(token) && CLAUSE_VERBS.has(lower(token))) return null;
    if (isReportingVerb(token)) return null;
    wordsSeen++;
    if (wordsSeen <= 5 && isRoleWord(token)) hasRole = true;
  }
  const closedByComma = tokens[stop]?.text === ',';
  const closedBySentence = endsSentence(tokens, stop);
  const startsLikePhrase = isDeterminer(first) || isLowerWord(first);
  if (stop === end + 1 || !hasRole || !(closedByComma || (closedBySentence && startsLikePhrase))) return null;
  const textFirst = ['a', 'an', 'the'].includes(lower(first)) ? end + 2 : end + 1;
  if (textFirst >= stop) return null;
  return { last: stop - 1, text: spanText(tokens, textFirst, stop) };
}

/**
 * Whether what follows a name introduces the person: ", aged 65,", ", 45,", ", a ...", or "is an
 * American writer".
 */
export function isIntroducedAfter(tokens: readonly Token[], end: number): boolean {
  const next = tokens[end + 1];
  if (next === undefined || !sameParagraph(next, tokens[end])) return false;
  if (['is', 'was'].includes(lower(tokens[end])) && ['a', 'an', 'the'].includes(lower(next))) return true;
  // ", aged 65,", ", 45,", ", a lawyer,", ", chairman of ...": not ", were shot" closing a list.
  return tokens[end]?.text === ',' && (/^\p{N}/u.test(next.text) || ['aged', 'a', 'an', 'the'].includes(lower(next)) || isRoleWord(next));
}

/**
 * The phrase for the capitalised run `[start, end)`: the name, its title and description (read back
 * to `lo` and forward to `hi`). A run that is only a title ("the President") is a role; null when
 * the run holds no name.
 */
export function namePhrase(body: string, tokens: readonly Token[], start: number, end: number, lo: number, hi: number): SpeakerPhrase | null {
  const chunk = analyzeNameRun(tokens, start, end);
  if (chunk === null) return null;
  const firstWord = tokens[chunk.first];
  const lastWord = tokens[chunk.nameEnd - 1];
  if (firstWord === undefined || lastWord === undefined) return null;
  // Only a title ("the President said"), or a plural role or group capitalised at a sentence's start
  // ("Engineers said", "Critics argue"): a role, resolved like "the analyst".
  const pluralRole = chunk.nameEnd - chunk.nameFirst === 1 && lastWord.text.endsWith('s') && (GROUP_NOUNS.has(lower(lastWord)) || isRoleNoun(lastWord.text)) && opensSentence(tokens, chunk.nameFirst);
  if (chunk.nameFirst >= chunk.nameEnd || pluralRole) {
    const head = lower(lastWord);
    return rolePhrase(body, chunk.first, end - 1, head, { start: firstWord.start, end: lastWord.end });
  }
  const titleFirst = chunk.ofTitle >= 0 ? chunk.ofTitle : chunk.first;
  const title = chunk.nameFirst > chunk.first ? cleanDescription(spanText(tokens, titleFirst, chunk.nameFirst)) : null;
  const before = chunk.ofTitle >= 0 ? null : descriptionBefore(tokens, chunk, lo);
  const after = before === null && title === null ? appositiveAfter(tokens, end, hi) : null;
  const description = cleanDescription(joinDescription(before?.text ?? null, title)) ?? after?.text ?? null;
  const nameStart = tokens[chunk.nameFirst];
  if (nameStart === undefined) return null;
  const written = body.slice(nameStart.start, lastWord.end);
  const text = withoutPossessive(collapseSpaces(written));
  return {
    kind: 'name',
    text,
    words: nameWords(tokens, chunk),
    mention: { start: nameStart.start, end: nameStart.start + withoutPossessive(written).length },
    // "the CBO said": the determiner belongs to the phrase.
    firstToken: before?.first ?? (titleFirst - 1 >= lo && isDeterminer(tokens[titleFirst - 1]) && isLowerWord(tokens[titleFirst - 1]) ? titleFirst - 1 : titleFirst),
    lastToken: after?.last ?? end - 1,
    description,
    gender: chunk.gender,
    head: null,
    // "Celtic manager O'Neill": a surname introduced with a role is a person's.
    personLike: isPersonLikeName(tokens, chunk) || (before !== null && chunk.nameEnd - chunk.nameFirst === 1 && couldBeSurname(text)),
    titled: chunk.titled,
  };
}

function rolePhrase(body: string, first: number, last: number, head: string | null, mention: MatchRange): SpeakerPhrase {
  return {
    kind: 'role',
    text: collapseSpaces(body.slice(mention.start, mention.end)),
    words: [],
    mention,
    firstToken: first,
    lastToken: last,
    description: null,
    gender: null,
    head,
    personLike: false,
    titled: false,
  };
}

function pronounPhrase(token: Token, index: number): SpeakerPhrase {
  const word = token.text.toLowerCase();
  return {
    kind: 'pronoun',
    text: word,
    words: [],
    mention: { start: token.start, end: token.end },
    firstToken: index,
    lastToken: index,
    description: null,
    gender: PERSONAL_PRONOUNS.get(word) ?? null,
    head: null,
    personLike: false,
    titled: false,
  };
}

/**
 * The speaker phrase that ends just before the reporting verb at `verb`, reading back no further than
 * `lo`: "Rep. Charles Rangel of New York [told]", "Khaled Al-Maeena, editor at large ..., [said]",
 * "he also [said]", "the analyst [noted]", "Premier Alan Carpenter, who is visiting ..., [said]".
 * Null when the words before the verb are not a speaker.
 */
export function parseSubjectBefore(body: string, tokens: readonly Token[], lo: number, verb: number): SpeakerPhrase | null {
  // Skip "also", "had", "initially", "continued to", "responded by" between the subject and the verb.
  let j = verb - 1;
  while (j >= lo && verb - j <= 3 && isLowerWord(tokens[j]) && (SUBJECT_VERB_FILLERS.has(lower(tokens[j])) || isAdverb(tokens[j]) || isReportingVerb(tokens[j]))) j--;
  // "Rep. Jim McDermott (D-Wash.) said": a short parenthesis after the name is left out.
  if (tokens[j]?.text === ')') {
    let k = j - 1;
    while (k > lo && j - k <= MAX_PARENTHESIS_TOKENS && tokens[k]?.text !== '(' && tokens[k]?.text !== ')') k--;
    if (tokens[k]?.text === '(' && k - 1 >= lo) j = k - 1;
  }
  const last = tokens[j];
  if (j < lo || last === undefined || !sameParagraph(last, tokens[verb])) return null;
  if (last.kind === 'word' && PRONOUNS.has(lower(last))) return pronounPhrase(last, j);
  if (last.text === ',') {
    const apposed = subjectWithAppositive(body, tokens, lo, j, verb);
    if (apposed !== null) return apposed;
    j--;
  }
  // "Premier Alan Carpenter, who is visiting the area of the Dwellingup fires said": the relative
  // clause never closed, so the verb belongs to the name before it.
  for (let k = j; k > lo; k--) {
    if (tokens[k]?.text !== ',' || !(lower(tokens[k + 1]) === 'who' || lower(tokens[k + 1]) === 'which')) continue;
    const head = phraseEndingAt(body, tokens, lo, k, verb);
    if (head !== null && head.kind !== 'role') return head;
    break;
  }
  const phrase = phraseEndingAt(body, tokens, lo, j + 1, verb);
  if (phrase !== null && (phrase.kind === 'pronoun' || phrase.personLike)) return phrase;
  return unclosedAppositive(body, tokens, lo, j, verb) ?? phrase;
}

/**
 * "Sam Lau, the communications director for the Iowa Democratic Party said": a description after a
 * person's name that never closed its comma. The name must start the clause at `lo`, the description
 * must name a role and hold no verb.
 */
function unclosedAppositive(body: string, tokens: readonly Token[], lo: number, last: number, verb: number): SpeakerPhrase | null {
  if (!isNameWord(tokens[lo])) return null;
  const end = nameRunEnd(tokens, lo, last + 1);
  if (tokens[end]?.text !== ',' || end >= last) return null;
  const head = namePhrase(body, tokens, lo, end, lo, end);
  if (head === null || head.kind !== 'name' || !head.personLike) return null;
  let role = false;
  for (let k = end + 1; k <= last; k++) {
    const token = tokens[k];
    if (token === undefined || token.kind === 'mark' || token.text === ',' || endsSentence(tokens, k) || k - end > MAX_APPOSITIVE_TOKENS) return null;
    if (isLowerWord(token) && (CLAUSE_VERBS.has(lower(token)) || isReportingVerb(token))) return null;
    if (isRoleWord(token)) role = true;
  }
  if (!role) return null;
  const first = isDeterminer(tokens[end + 1]) ? end + 2 : end + 1;
  return { ...head, lastToken: verb - 1, description: head.description ?? spanText(tokens, first, last + 1) };
}

/**
 * A subject followed by a comma-phrase, the comma at `comma` right before the verb: "Khaled
 * Al-Maeena, editor at large at the Saudi Gazette, said", "Cynthia Thompson, curator ... at the
 * University of Arkansas, Fayetteville, said", "The property owner, U.S. Army veteran Fred Mattlage,".
 */
function subjectWithAppositive(body: string, tokens: readonly Token[], lo: number, comma: number, verb: number): SpeakerPhrase | null {
  let nearest: SpeakerPhrase | null = null;
  let nearestComma = -1;
  let from = comma;
  for (let attempt = 0; attempt < 3; attempt++) {
    const opening = previousComma(tokens, lo, from);
    if (opening < 0) break;
    const head = phraseEndingAt(body, tokens, lo, opening, verb);
    if (head !== null && nearest === null) {
      nearest = head;
      nearestComma = opening;
    }
    if (head?.kind === 'pronoun') return head;
    if (head?.kind === 'name' && head.personLike) return withAppositive(tokens, head, opening, comma);
    from = opening;
  }
  if (nearest === null) return null;
  if (nearest.kind === 'role') {
    const inner = phraseEndingAt(body, tokens, nearestComma + 1, comma, verb);
    if (inner?.kind === 'name' && inner.personLike && inner.firstToken === nearestComma + 1) {
      return { ...inner, firstToken: nearest.firstToken, description: inner.description ?? nearest.text.replace(ARTICLE, '') };
    }
  }
  return nearest.kind === 'name' ? withAppositive(tokens, nearest, nearestComma, comma) : nearest;
}

/**
 * The name with the comma-phrase `(opening, comma)` as its description, when the name comes right
 * before it and the phrase describes a role ("Clapton, alongside BB King, also recalled" has none).
 */
function withAppositive(tokens: readonly Token[], head: SpeakerPhrase, opening: number, comma: number): SpeakerPhrase {
  const touches = tokens[opening - 1]?.end === head.mention.end;
  const appositive = touches ? appositiveAfter(tokens, opening, comma + 1) : null;
  return { ...head, lastToken: comma - 1, description: head.description ?? (appositive?.last === comma - 1 ? appositive.text : null) };
}

function previousComma(tokens: readonly Token[], lo: number, from: number): number {
  for (let k = from - 1; k >= lo && from - k <= MAX_APPOSITIVE_TOKENS; k--) {
    const token = tokens[k];
    if (token === undefined || token.kind === 'mark' || endsSentence(tokens, k)) return -1;
    if (token.text === ',') return k;
  }
  return -1;
}

/**
 * The phrase whose last token is `end - 1`: a pronoun, a name or a role. A preposition before it
 * makes it part of a longer phrase: "Graham Rhodes [for The Roofie Foundation]", "a spokesman [for
 * Brown]", "U.S. Department [of Agriculture]".
 */
function phraseEndingAt(body: string, tokens: readonly Token[], lo: number, end: number, hi: number): SpeakerPhrase | null {
  const last = tokens[end - 1];
  if (end - 1 < lo || last === undefined) return null;
  if (last.kind === 'word' && PRONOUNS.has(lower(last))) return pronounPhrase(last, end - 1);
  let phrase: SpeakerPhrase | null;
  let start: number;
  if (isNameWord(last)) {
    start = Math.max(lo, nameRunStart(tokens, end, lo));
    phrase = namePhrase(body, tokens, start, end, lo, hi);
  } else if (isLowerWord(last) && !FUNCTION_WORDS.has(lower(last)) && !isReportingVerb(last)) {
    phrase = roleEndingAt(body, tokens, lo, end);
    start = phrase?.firstToken ?? end - 1;
  } else {
    return null;
  }
  const preposition = prepositionBefore(tokens, lo, start);
  if (preposition < 0) return phrase;
  const head = phraseEndingAt(body, tokens, lo, preposition, hi);
  if (head === null || head.kind === 'pronoun') return phrase;
  const chunk = isNameWord(last) ? analyzeNameRun(tokens, start, end) : null;
  if (chunk !== null && chunk.titled && phrase?.kind === 'name') {
    // "Undersecretary for Education Mr. Toccafondi": the title marks the name; what precedes describes it.
    return { ...phrase, firstToken: head.firstToken, description: cleanDescription(spanText(tokens, head.firstToken, chunk.nameFirst)) };
  }
  if (head.kind === 'role') {
    const mention = { start: head.mention.start, end: last.end };
    return { ...head, text: collapseSpaces(body.slice(mention.start, mention.end)), mention, lastToken: end - 1 };
  }
  if (!head.personLike && lower(tokens[preposition]) === 'of' && phrase?.kind === 'name') {
    // "the U.S. Department of Agriculture": an institution's name runs on over "of".
    const mention = { start: head.mention.start, end: phrase.mention.end };
    return { ...head, text: collapseSpaces(body.slice(mention.start, mention.end)), words: [...head.words, ...phrase.words], mention, lastToken: end - 1 };
  }
  return { ...head, lastToken: end - 1 };
}

/** Index of a preposition (and optional determiner) just before `start`, with words before it; else -1. */
function prepositionBefore(tokens: readonly Token[], lo: number, start: number): number {
  let k = start - 1;
  if (k >= lo && isDeterminer(tokens[k]) && isLowerWord(tokens[k])) k--;
  if (k > lo && isLowerWord(tokens[k]) && PREPOSITIONS.has(lower(tokens[k])) && tokens[k - 1]?.kind === 'word') return k;
  return -1;
}

/**
 * A common-noun phrase ending at `end - 1`: "the analyst", "the Brotherhood lawyer", "Brown's
 * spokesman", "officials". It needs a determiner, a possessive, a role or document noun as its head,
 * or to start the sentence.
 */
function roleEndingAt(body: string, tokens: readonly Token[], lo: number, end: number): SpeakerPhrase | null {
  const headToken = tokens[end - 1];
  if (headToken === undefined) return null;
  let first = end - 1;
  while (
    first - 1 >= lo &&
    end - first < MAX_DESCRIPTION_WORDS &&
    isLowerWord(tokens[first - 1]) &&
    !FUNCTION_WORDS.has(lower(tokens[first - 1])) &&
    !isReportingVerb(tokens[first - 1]) &&
    sameParagraph(tokens[first - 1], headToken)
  ) {
    first--;
  }
  const head = lower(headToken);
  const before = tokens[first - 1];
  if (first - 1 >= lo && hasPossessive(before?.text ?? '') && isNameWord(before)) {
    const ownerStart = nameRunStart(tokens, first, lo);
    if (DOCUMENT_NOUNS.has(head)) {
      // "Cornyn's statement added", "PC World's recent analysis ... concluded": the author speaks.
      const owner = namePhrase(body, tokens, ownerStart, first, lo, first);
      if (owner?.kind === 'name') return { ...owner, lastToken: end - 1 };
    }
    return phraseFrom(body, tokens, ownerStart, end, head);
  }
  if (first - 1 >= lo && isNameWord(before) && sameParagraph(before, headToken)) {
    // "the Brotherhood lawyer", "the State Department spokesperson"
    const runStart = nameRunStart(tokens, first, lo);
    if (runStart - 1 >= lo && isDeterminer(tokens[runStart - 1])) return phraseFrom(body, tokens, runStart - 1, end, head);
  }
  if (first - 1 >= lo && isDeterminer(before)) return phraseFrom(body, tokens, first - 1, end, head);
  // Without a determiner, only a role speaks: "officials said", "police said", not "tax claims".
  if (!isRoleNoun(head) && !DOCUMENT_NOUNS.has(head)) return null;
  return phraseFrom(body, tokens, first, end, head);
}

function phraseFrom(body: string, tokens: readonly Token[], first: number, end: number, head: string): SpeakerPhrase | null {
  const firstToken = tokens[first];
  const lastToken = tokens[end - 1];
  if (firstToken === undefined || lastToken === undefined) return null;
  return rolePhrase(body, first, end - 1, head, { start: firstToken.start, end: lastToken.end });
}

/**
 * The speaker phrase that starts at `from` (after a verb, or after "according to"): "said
 * [Redfield]", "says [researcher Peter de Haan van der Weg]", "said [the USDA] in a statement",
 * "[the Crown prosecutor, Mark Tedeschi, QC]", "[Liberty Victoria president Brian Walters]".
 * Reads no further than `hi`.
 */
export function parseSubjectAfter(body: string, tokens: readonly Token[], from: number, hi: number): SpeakerPhrase | null {
  // "сказал мэру генеральный директор ...": who was told (a Russian dative) comes before who spoke.
  if (isRussianDative(tokens[from]) && tokens[from + 1]?.kind === 'word' && sameParagraph(tokens[from + 1], tokens[from])) return parseSubjectAfter(body, tokens, from + 1, hi);
  const first = tokens[from];
  if (from >= hi || first === undefined || first.kind !== 'word') return null;
  if (RUSSIAN_PREPOSITIONS.has(first.text)) {
    // "сказал в беседе с корреспондентом «Голоса Америки» лидер движения Александр Белов": past a
    // circumstance, the speaker starts at a role in its dictionary form; without one, no speaker.
    for (let k = from + 1; k < hi && k - from <= MAX_CIRCUMSTANCE_TOKENS; k++) {
      const token = tokens[k];
      if (token === undefined || endsSentence(tokens, k) || !sameParagraph(token, first)) return null;
      if (isLowerWord(token) && isRoleNounAsWritten(token.text)) return parseSubjectAfter(body, tokens, k, hi);
    }
    return null;
  }
  if (PRONOUNS.has(lower(first))) return pronounPhrase(first, from);
  const russian = russianNameAfterRole(body, tokens, from, hi);
  if (russian !== null) return russian;
  let k = from;
  const hasDeterminer = isDeterminer(first);
  if (hasDeterminer) k++;
  // Lower-case words before a name describe it ("researcher Peter ..."); without a name they are a role.
  let words = k;
  while (words < hi && words - k < MAX_DESCRIPTION_WORDS && isLowerWord(tokens[words]) && !FUNCTION_WORDS.has(lower(tokens[words])) && !isReportingVerb(tokens[words])) words++;
  // "генеральный директор «Стейдж Энтертейнмент» Дмитрий Богачев": an organisation's name in guillemets
  // is part of the description.
  if (words > k && tokens[words]?.text === '\u00AB') {
    let close = words + 1;
    while (close < hi && close - words <= MAX_QUOTED_ORGANISATION && tokens[close]?.text !== '\u00BB') close++;
    if (tokens[close]?.text === '\u00BB' && isNameWord(tokens[close + 1])) words = close + 1;
  }
  if (words < hi && isNameWord(tokens[words]) && sameParagraph(tokens[words], first)) {
    // "Liberty Victoria president Brian Walters", "ABN Amro chief Asian strategist Eddie Wong", "the
    // Crown prosecutor, Mark Tedeschi, QC": runs and role words before the last run describe it.
    let runStart = words;
    let end = nameRunEnd(tokens, runStart, hi);
    for (;;) {
      // "ESA astronaut Matthias Maurer": after an organisation's acronym, lower-case words that name no
      // role the lexicon knows still describe the person whose full name follows.
      const roleEnd = roleWordsEnd(tokens, end, hi) === end && isAcronymRun(tokens, runStart, end) ? describingWordsBeforeName(tokens, end, hi) : roleWordsEnd(tokens, end, hi);
      if (roleEnd === end) break;
      const nameAt = isNameWord(tokens[roleEnd]) ? roleEnd : tokens[roleEnd]?.text === ',' && isNameWord(tokens[roleEnd + 1]) ? roleEnd + 1 : -1;
      if (nameAt < 0 || !sameParagraph(tokens[nameAt], first)) {
        const lastRole = tokens[roleEnd - 1];
        return lastRole === undefined ? null : rolePhrase(body, from, roleEnd - 1, lower(lastRole), { start: first.start, end: lastRole.end });
      }
      runStart = nameAt;
      end = nameRunEnd(tokens, runStart, hi);
    }
    if (runStart > words) {
      const named = namePhrase(body, tokens, runStart, end, runStart, hi);
      const described = spanText(tokens, k, tokens[runStart - 1]?.text === ',' ? runStart - 1 : runStart);
      if (named?.kind === 'name') return { ...named, firstToken: from, description: named.description ?? described };
      return named;
    }
    // "the Sale full-back": a name after a determiner and before a noun only modifies the noun.
    let nounEnd = end;
    while (hasDeterminer && nounEnd < hi && nounEnd - end < 3 && isLowerWord(tokens[nounEnd]) && !FUNCTION_WORDS.has(lower(tokens[nounEnd])) && !isReportingVerb(tokens[nounEnd])) nounEnd++;
    const noun = tokens[nounEnd - 1];
    if (nounEnd > end && noun !== undefined) return rolePhrase(body, from, nounEnd - 1, lower(noun), { start: first.start, end: noun.end });
    const phrase = namePhrase(body, tokens, words, end, words, hi);
    if (phrase === null) return null;
    if (phrase.kind === 'role') return { ...phrase, firstToken: from };
    const description = words > k ? joinDescription(spanText(tokens, k, words), phrase.description) : phrase.description;
    return { ...phrase, firstToken: from, description };
  }
  if (words === k) return null;
  const headToken = tokens[words - 1];
  if (headToken === undefined) return null;
  const head = lower(headToken);
  if (!(hasDeterminer || isRoleNoun(head) || DOCUMENT_NOUNS.has(head))) return null;
  const role = rolePhrase(body, from, words - 1, head, { start: first.start, end: headToken.end });
  if (tokens[words]?.text === ',' && isNameWord(tokens[words + 1])) {
    // "the Crown prosecutor, Mark Tedeschi, QC": the name follows the role in commas.
    const named = namePhrase(body, tokens, words + 1, nameRunEnd(tokens, words + 1, hi), words + 1, hi);
    if (named?.kind === 'name') return { ...named, firstToken: from, description: named.description ?? role.text.replace(ARTICLE, '') };
  }
  return role;
}

/** Whether the run `[start, end)` is one acronym ("ESA", "FBI"): an organisation. */
function isAcronymRun(tokens: readonly Token[], start: number, end: number): boolean {
  return end - start === 1 && ORGANISATION_ACRONYM.test(tokens[start]?.text ?? '');
}

/** One past up to three lower-case content words from `start` when a full name of two words or more follows them, else `start`. */
function describingWordsBeforeName(tokens: readonly Token[], start: number, hi: number): number {
  let end = start;
  while (end < hi && end - start < 3 && isLowerWord(tokens[end]) && !FUNCTION_WORDS.has(lower(tokens[end])) && !isReportingVerb(tokens[end])) end++;
  return end > start && isNameWord(tokens[end]) && nameRunEnd(tokens, end, hi) - end >= 2 ? end : start;
}

/** One past lower-case words from `start` that end in a role noun ("president", "army coach"), else `start`. */
function roleWordsEnd(tokens: readonly Token[], start: number, hi: number): number {
  let end = start;
  let roleEnd = start;
  while (end < hi && end - start < 3 && isLowerWord(tokens[end]) && !FUNCTION_WORDS.has(lower(tokens[end]))) {
    end++;
    // Only a role word in its own form: "заявил Орлов журналистам" ("to journalists") names no role.
    const word = tokens[end - 1];
    if (word !== undefined && (isRoleNounAsWritten(word.text) || isTitle(word))) roleEnd = end;
  }
  return roleEnd;
}

/** Drops honorifics ("Mr", "Dr") from a description; null when nothing else is left. */
function cleanDescription(text: string | null): string | null {
  if (text === null) return null;
  const kept = text.split(' ').filter((word) => !HONORIFICS.has(word));
  return kept.length > 0 ? kept.join(' ') : null;
}

function joinDescription(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return `${a} ${b}`;
}

/** The text of tokens `[first, end)` as written, with runs of white space collapsed. */
function spanText(tokens: readonly Token[], first: number, end: number): string {
  let text = '';
  for (let i = first; i < end; i++) {
    const token = tokens[i];
    if (token === undefined) continue;
    const previous = tokens[i - 1];
    const glued = i === first || previous === undefined || previous.end === token.start;
    text += glued ? token.text : ` ${token.text}`;
  }
  return text;
}
