// Finds the names in Russian text written all in lower case (some agencies publish it): without capitals,
// a name is told by where it stands (next to a reporting verb) and by its form (a surname's suffix).
import { FUNCTION_WORDS, RUSSIAN_PREPOSITIONS } from './quote-lexicon.js';
import { isReportingVerb, isRoleNoun } from './speaker-phrase/word-classes.js';
import { isRussianSurname } from './russian-names.js';
import { asCapitalised, endsSentence, isLowerWord, type Token } from './tokenize-body.js';

/** Below this share of capitalised Cyrillic words, an article is written in lower case. */
const CAPITALS_SHARE = 0.03;
/** Fewest Cyrillic words for the share to say anything. */
const MIN_WORDS = 40;
/** Words after a reporting verb that may hold the speaker's description and name. */
const MAX_CLAUSE_WORDS = 10;
/** A patronymic in lower case: "владимирович", "петровна". */
const PATRONYMIC = /^[а-яё]+(?:ович|евич|овна|евна|ична|ич)(?:а|у|ем|ом|е|ой)?$/u;

/**
 * When `tokens` are Russian text in lower case, the words that name a speaker next to a reporting verb
 * (`— сказал мэр москвы сергей собянин`, `пескова заявил`) are replaced, in place, by capitalised tokens,
 * so that attribution reads them as names; returns those words (lower case), empty for other text.
 */
export function markLowerCaseNames(tokens: Token[]): Set<string> {
  const marked = new Set<string>();
  let words = 0;
  let capitals = 0;
  for (const token of tokens) {
    const initial = token.text.charCodeAt(0);
    if (token.kind !== 'word' || initial < 0x400 || initial > 0x4ff) continue;
    words++;
    if (token.upperInitial) capitals++;
  }
  if (words < MIN_WORDS || capitals > CAPITALS_SHARE * words) return marked;
  for (let v = 0; v < tokens.length; v++) {
    if (!isReportingVerb(tokens[v])) continue;
    markAfter(tokens, v, marked);
    markBefore(tokens, v, marked);
  }
  return marked;
}

/**
 * `сказал мэр москвы сергей собянин.`, `сказал президент виктор янукович в киеве`: the first surname
 * after the verb, past the speaker's description, before any circumstance (a preposition) or punctuation.
 */
function markAfter(tokens: Token[], verb: number, marked: Set<string>): void {
  for (let k = verb + 1; k < tokens.length && k - verb <= MAX_CLAUSE_WORDS; k++) {
    const token = tokens[k];
    if (token === undefined || token.kind !== 'word' || token.paragraph !== tokens[verb]?.paragraph || RUSSIAN_PREPOSITIONS.has(token.lower)) return;
    if (isRussianSurname(token.lower)) {
      markName(tokens, k, verb + 1, marked);
      return;
    }
  }
}

/** `пескова заявил`, `дмитрий песков заявил`: a surname, and its first name, just before the verb. */
function markBefore(tokens: Token[], verb: number, marked: Set<string>): void {
  const surname = verb - 1;
  if (surname < 0 || tokens[surname]?.paragraph !== tokens[verb]?.paragraph || !isRussianSurname(tokens[surname]?.lower ?? '')) return;
  let first = surname - 1;
  while (first >= 0 && surname - first <= 2 && tokens[first]?.kind === 'word' && !endsSentence(tokens, first)) first--;
  markName(tokens, surname, first + 1, marked);
}

/** Capitalises the surname at `surname` and the first name (and patronymic) before it, back to `lo`. */
function markName(tokens: Token[], surname: number, lo: number, marked: Set<string>): void {
  let first = surname;
  if (first - 1 >= lo && PATRONYMIC.test(tokens[first - 1]?.lower ?? '')) first--;
  if (first - 1 >= lo && couldBeFirstName(tokens[first - 1])) first--;
  for (let k = first; k <= surname; k++) {
    const token = tokens[k];
    if (token === undefined) continue;
    tokens[k] = asCapitalised(token);
    marked.add(token.lower);
  }
}

/** A lower-case word that can be a first name: not a function word, preposition, role or verb. */
function couldBeFirstName(token: Token | undefined): boolean {
  if (!isLowerWord(token) || token === undefined || token.text.length < 2) return false;
  return !FUNCTION_WORDS.has(token.lower) && !RUSSIAN_PREPOSITIONS.has(token.lower) && !isRoleNoun(token.text) && !isReportingVerb(token) && !isRussianSurname(token.lower) && /^[\u0400-\u04FF]/u.test(token.text);
}

/** "сергей собянин" as "Сергей Собянин" when each of its words was `marked` as a name; else as it is. */
export function capitaliseName(name: string, marked: ReadonlySet<string>): string {
  const words = name.split(' ');
  if (!words.every((word) => marked.has(word.toLowerCase()))) return name;
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}
