// The speaker phrase after a reporting verb or "according to": "said [Redfield]", "сказал [мэр Москвы Сергей Собянин]".
import { collapseSpaces } from '../../util/white-space.js';
import { DOCUMENT_NOUNS, FUNCTION_WORDS, PRONOUNS, RUSSIAN_PREPOSITIONS } from '../quote-lexicon.js';
import { endsInCyrillic, endsSentence, isLowerWord, type Token } from '../tokenize-body.js';
import { joinDescription, MAX_DESCRIPTION_WORDS } from './descriptions.js';
import { namePhrase } from './name-phrase.js';
import { nameRunEnd, startsNameRun } from './name-runs.js';
import { spanText, withoutArticle } from './phrase-text.js';
import { pronounPhrase, rolePhrase, type SpeakerPhrase } from './speaker-phrase.js';
import { isDeterminer, isNameWord, isReportingVerb, isRoleNoun, isRoleNounAsWritten, isRussianDative, isTitle, lower, ORGANISATION_ACRONYM, sameParagraph, withoutPossessive } from './word-classes.js';

/** Tokens of a Russian description before the name it describes. */
const MAX_RUSSIAN_DESCRIPTION_TOKENS = 14;

/** Tokens of a circumstance between a Russian verb and its speaker ("в беседе с корреспондентом «Голоса Америки»"). */
const MAX_CIRCUMSTANCE_TOKENS = 10;

/** Tokens of an organisation's name in guillemets inside a Russian description. */
const MAX_QUOTED_ORGANISATION = 8;

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
  // "later adding that it would take years": "that" after a verb of saying opens what was said, not a speaker.
  if (lower(first) === 'that') return null;
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
    // "Bank of England deputy governor Rachel Lomax": an institution's "of" complement before a role and a name
    // (not a person's: "Herbert Hansen of Respond's partner Keyobs" is Herbert Hansen).
    const institutionEnd = isTitle(tokens[end - 1]) ? end : ofComplementEnd(tokens, end, hi);
    if (institutionEnd > end && roleWordsEnd(tokens, institutionEnd, hi) > institutionEnd && namePhrase(body, tokens, runStart, end, runStart, hi)?.personLike === false) end = institutionEnd;
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
    // "said Secretary of State Rex Tillerson", "said Minister of Public Works and Transport Ghazi Aridi": a
    // title's "of" complement runs on to the name that ends it; the name is the last run's (see nameChunk).
    const ofEnd = titleOfComplementEnd(tokens, runStart, end, hi);
    if (ofEnd !== null) {
      const named = namePhrase(body, tokens, ofEnd.lastRun, ofEnd.end, ofEnd.lastRun, hi);
      if (named?.kind === 'name' && named.personLike) {
        return { ...named, firstToken: from, description: named.description ?? spanText(tokens, k, tokens[named.firstToken] === undefined ? ofEnd.lastRun : named.firstToken) };
      }
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
    const institution = phrase.personLike ? null : institutionOf(body, tokens, phrase, end, hi);
    if (institution !== null) return { ...institution, firstToken: from };
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
    if (named?.kind === 'name') return { ...named, firstToken: from, description: named.description ?? withoutArticle(role.text) };
  }
  return role;
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

/** "said the Bank of England": an institution's name runs on over "of" (as before the verb, see subject-before.ts). */
function institutionOf(body: string, tokens: readonly Token[], head: SpeakerPhrase, end: number, hi: number): SpeakerPhrase | null {
  const tailEnd = ofComplementEnd(tokens, end, hi);
  const last = tokens[tailEnd - 1];
  if (tailEnd === end || last === undefined) return null;
  const mention = { start: head.mention.start, end: last.end };
  const tail: string[] = [];
  for (let i = end + 1; i < tailEnd; i++) tail.push(withoutPossessive(tokens[i]?.lower ?? ''));
  return { ...head, text: withoutPossessive(collapseSpaces(body.slice(mention.start, mention.end))), words: [...head.words, ...tail], mention, lastToken: tailEnd - 1 };
}

/** One past the name run after "of" at `end` ("[of England]"), else `end`. */
function ofComplementEnd(tokens: readonly Token[], end: number, hi: number): number {
  if (end + 1 >= hi || lower(tokens[end]) !== 'of' || !isNameWord(tokens[end + 1]) || !sameParagraph(tokens[end + 1], tokens[end])) return end;
  return nameRunEnd(tokens, end + 1, hi);
}

/**
 * When the run `[runStart, end)` ends in a title followed by "of" and more runs joined by "of" or "and" ("Secretary
 * of State Rex Tillerson"), where the last of them starts and where the chain ends; else null.
 */
function titleOfComplementEnd(tokens: readonly Token[], runStart: number, end: number, hi: number): { lastRun: number; end: number } | null {
  if (!isTitle(tokens[end - 1]) || lower(tokens[end]) !== 'of') return null;
  let lastRun = -1;
  let at = end;
  while (at + 1 < hi && (lower(tokens[at]) === 'of' || lower(tokens[at]) === 'and') && isNameWord(tokens[at + 1]) && sameParagraph(tokens[at + 1], tokens[runStart])) {
    lastRun = at + 1;
    at = nameRunEnd(tokens, lastRun, hi);
  }
  return lastRun < 0 ? null : { lastRun, end: at };
}
