// The speaker phrase before a reporting verb: "Rep. Charles Rangel of New York [told]", "the analyst [noted]".
import { collapseSpaces } from '../../util/white-space.js';
import { DOCUMENT_NOUNS, FUNCTION_WORDS, PREPOSITIONS, PRONOUNS, SUBJECT_VERB_FILLERS } from '../quote-lexicon.js';
import { endsSentence, isLowerWord, type Token } from '../tokenize-body.js';
import { appositiveAfter, CLAUSE_VERBS, cleanDescription, MAX_APPOSITIVE_TOKENS, MAX_DESCRIPTION_WORDS } from './descriptions.js';
import { namePhrase } from './name-phrase.js';
import { analyzeNameRun, nameRunEnd, nameRunStart } from './name-runs.js';
import {spanText, withoutArticle } from './phrase-text.js';
import { pronounPhrase, rolePhrase, type SpeakerPhrase } from './speaker-phrase.js';
import { hasPossessive, isAdverb, isDeterminer, isNameWord, isReportingVerb, isRoleNoun, isRoleWord, lower, sameParagraph } from './word-classes.js';

/** Tokens of a parenthesis after a name: "(D-Wash.)", "(R-Fla.)", "(left)". */
const MAX_PARENTHESIS_TOKENS = 8;

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
      return { ...inner, firstToken: nearest.firstToken, description: inner.description ?? withoutArticle(nearest.text) };
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

/** The comma nearest before `from` in the same clause, within an appositive's length; else -1. */
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

/** The role phrase of tokens `[first, end)` with the head noun `head`. */
function phraseFrom(body: string, tokens: readonly Token[], first: number, end: number, head: string): SpeakerPhrase | null {
  const firstToken = tokens[first];
  const lastToken = tokens[end - 1];
  if (firstToken === undefined || lastToken === undefined) return null;
  return rolePhrase(body, first, end - 1, head, { start: firstToken.start, end: lastToken.end });
}
