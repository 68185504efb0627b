// Capitalised runs read as names: where a run starts and ends, which of its words are a title and which the name.
import { ACRONYM_TITLES, FEMALE_TITLES, LEADING_NON_NAMES, MALE_TITLES, NAME_MODIFIERS, NON_PERSON_FIRST_WORDS, NON_PERSON_WORDS } from '../quote-lexicon.js';
import { endsInCyrillic, opensSentence, type Token } from '../tokenize-body.js';
import type { Gender } from './speaker-phrase.js';
import {
  ACRONYM,
  hasPossessive,
  isAllCaps,
  isDeterminer,
  isFirstName,
  isNameWord,
  isOutletName,
  isParticle,
  isRoleNoun,
  isTitle,
  ORGANISATION_ACRONYM,
  sameParagraph,
  withoutPossessive,
} from './word-classes.js';

/** A run of capitalised words read as a name: which tokens are title and which are the name. */
export interface NameChunk {
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

const MAX_OF_TITLE_DISTANCE = 6;

/** The stem of a Russian word for an organisation or place, in any case: "Отдела", "Министерством", "Думы". */
const RUSSIAN_ORGANISATION = /^(?:Отдел|Министерств|Комитет|Правительств|Управлени|Департамент|Совет|Союз|Агентств|Служб|Парти|Фонд|Центр|Институт|Университет|Суд|Прокуратур|Администраци|Мэри|Дум|Собрани|Палат|Банк|Компани|Корпораци|Обществ|Ассоциаци|Федераци|Республик|Област|Посольств|Академи|Церкв|Церков)[\u0400-\u04FF]{0,4}$/u;

/** A Russian patronymic: "Владимирович", "Петровна", "Ильич", "Кузьминична". */
const RUSSIAN_PATRONYMIC = /(?:ович|евич|овна|евна|ична|инична|ич)(?:а|у|ем|ом|е|ой|ы)?$/u;

/** A Russian adjective ending, which names of people in a run of three or more never take: "Русской", "Молдавского". */
const RUSSIAN_ADJECTIVE = /(?:ской|ского|ских|ском|скому|ская|ское|ные|ной|ного|ных)$/u;

/** Months that are also surnames: "Theresa May", "Ms. June". */
const SURNAME_MONTHS = new Set(['April', 'May', 'June', 'August']);

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
export function nameRunStart(tokens: readonly Token[], end: number, lo: number): number {
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
export function analyzeNameRun(tokens: readonly Token[], start: number, end: number): NameChunk | null {
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
export function nameWords(tokens: readonly Token[], chunk: NameChunk): string[] {
  const result: string[] = [];
  for (let i = chunk.nameFirst; i < chunk.nameEnd; i++) {
    const word = tokens[i]?.lower ?? '';
    result.push(i === chunk.nameEnd - 1 ? withoutPossessive(word) : word);
  }
  return result;
}

/** Whether the name can be a person's: not an acronym, organisation, place, or date. */
export function isPersonLikeName(tokens: readonly Token[], chunk: NameChunk): boolean {
  if (chunk.nameFirst >= chunk.nameEnd) return false;
  const words: string[] = [];
  for (let i = chunk.nameFirst; i < chunk.nameEnd; i++) words.push(withoutPossessive(tokens[i]?.text ?? ''));
  if (NON_PERSON_FIRST_WORDS.has(words[0] ?? '')) return false;
  // "Ms. May", "Theresa May": a month that is also a surname, after a title or a first name.
  const named = chunk.titled || (words.length >= 2 && isFirstName(words[0] ?? ''));
  if (words.some((w) => NON_PERSON_WORDS.has(w) && !(named && SURNAME_MONTHS.has(w)))) return false;
  if (words.length === 1 && ACRONYM.test(words[0] ?? '')) return false;
  // "Отдела по взаимоотношениям", "Министерства", "Lenta.ru": an organisation or an outlet, in any case.
  if (words.some((w) => RUSSIAN_ORGANISATION.test(w) || isOutletName(w))) return false;
  // "Share CLOSE WHAT YOU NEED TO KNOW": words in capitals are a page's furniture or a headline, not a name.
  if (words.length >= 2 && words.every((w) => w.length > 1 && w === w.toUpperCase())) return false;
  return chunk.titled || words.length >= 2;
}
