// What the text says a named person is: the description before the name, or one set off by commas after it.
import { FUNCTION_WORDS, HONORIFICS, LEADING_NON_NAMES } from '../quote-lexicon.js';
import { endsSentence, isLowerWord, type Token } from '../tokenize-body.js';
import type { NameChunk } from './name-runs.js';
import { spanText } from './phrase-text.js';
import { isDeterminer, isReportingVerb, isRoleNoun, isRoleWord, lower, sameParagraph } from './word-classes.js';

const RELATIVE_PRONOUNS = new Set(['who', 'which', 'whose', 'whom', 'that']);

/** Verbs that make a comma-phrase a clause, not a description: "Rathbun, a detective ... was provided". */
export const CLAUSE_VERBS = new Set(['is', 'was', 'are', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could']);

/** Words of a description before a name or a role's head noun. */
export const MAX_DESCRIPTION_WORDS = 4;

/** Tokens of a description set off by commas. */
export const MAX_APPOSITIVE_TOKENS = 16;

/**
 * The description written before a name: "political analyst" in "political analyst Kazbek
 * Maigeldinov", "Lebanese army" before the title of "Lebanese army Brigadier Saleh Haj Suleiman".
 * Taken only when the word before the name is a role noun or the name has a title, so that the verb
 * of "pushed Putin" is not a description.
 */
export function descriptionBefore(tokens: readonly Token[], chunk: NameChunk, lo: number): { first: number; text: string } | null {
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

/** Drops honorifics ("Mr", "Dr") from a description; null when nothing else is left. */
export function cleanDescription(text: string | null): string | null {
  if (text === null) return null;
  const kept = text.split(' ').filter((word) => !HONORIFICS.has(word));
  return kept.length > 0 ? kept.join(' ') : null;
}

/** Two descriptions one after the other; either may be missing. */
export function joinDescription(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return `${a} ${b}`;
}
