// Finds the reporting clause before a quotation, and the subject a sentence opens with: `Stern said, "`, `According to X, "`.
import { DETERMINERS, isParticiple, LEADING_NON_NAMES, PARTICIPLE_LINKS, PREPOSITIONS, SUBJECT_LEADERS } from '../quote-lexicon.js';
import type { SpeakerPhrase } from '../speaker-phrase/speaker-phrase.js';
import { parseSubjectAfter } from '../speaker-phrase/subject-after.js';
import { parseSubjectBefore } from '../speaker-phrase/subject-before.js';
import { isActiveVerb, lower } from '../speaker-phrase/word-classes.js';
import { isLowerWord } from '../tokenize-body.js';
import { findAccordingTo } from './according-to.js';
import type { AttributionContext, ReportingClause } from './attribution.js';
import { MAX_SUBJECT_TOKENS } from './find-clause-after.js';
import { wordsBetween } from './sentence-window.js';

/** Words between a clause and the quotation it introduces, at most. */
const MAX_DISTANCE = 14;

/**
 * A reporting clause before a quotation in the same sentence, nearest verb first: `Stern said, "`,
 * `Brown responded by saying that "`, `Mr. Tedeschi also told the court that, over ..., "`,
 * `According to X, "`. Returns how many words lie between the clause and the quotation.
 */
export function findClauseBefore(context: AttributionContext, lo: number, quote: number): { clause: ReportingClause; distance: number } | null {
  const { body, tokens } = context;
  const last = tokens[quote - 1];
  // `says on "The Internet Explorer 6 Countdown"`: a quoted object of a preposition is a title.
  if (quote - 1 >= lo && isLowerWord(last) && lower(last) !== 'that' && (PREPOSITIONS.has(lower(last)) || DETERMINERS.has(lower(last)))) return null;
  // `Clinton: "Our goal is ..." Bush: "The mission is ..."`: a name and a colon, as in a transcript.
  if (last?.text === ':' && quote - 2 >= lo) {
    const named = parseSubjectAfter(body, tokens, lo, quote - 1);
    const person = named?.kind === 'name' && named.text !== named.text.toUpperCase() && (named.personLike || context.people.fullName(named.words, named.mention.start) !== null);
    if (named !== null && person && named.lastToken === quote - 2) return { clause: { phrase: named, verb: null }, distance: 0 };
  }
  const according = findAccordingTo(tokens, lo, quote);
  if (according >= 0) {
    // "According to X, "..."": the phrase must end the clause, unlike "ranks countries according to the steps ...".
    const phrase = parseSubjectAfter(body, tokens, according, quote);
    const next = phrase === null ? -1 : phrase.lastToken + 1;
    if (phrase !== null && (next === quote || [',', ':'].includes(tokens[next]?.text ?? ''))) {
      return { clause: { phrase, verb: null }, distance: wordsBetween(tokens, next, quote) };
    }
  }
  let tried = 0;
  for (let v = quote - 1; v >= lo && tried < 3; v--) {
    if (!isActiveVerb(tokens, v)) continue;
    tried++;
    const distance = wordsBetween(tokens, v + 1, quote);
    if (distance > MAX_DISTANCE) return null;
    const verb = lower(tokens[v]);
    // `Как сообщил А. Кудрин, «...»`, `As Smith put it, "..."`: the subject after the verb.
    if (lower(tokens[v - 1]) === 'как' || lower(tokens[v - 1]) === 'as') {
      const inverted = parseSubjectAfter(body, tokens, v + 1, quote);
      if (inverted !== null) return { clause: { phrase: inverted, verb }, distance };
    }
    const linked = tokens[v - 1]?.text === ',' || PARTICIPLE_LINKS.has(lower(tokens[v - 1]));
    // `X, ..., disagreed, saying "`, `He summed up by saying "`, `Cooper said ... and said it was "`
    const phrase =
      (linked && (isParticiple(verb) || lower(tokens[v - 1]) === 'and') ? null : parseSubjectBefore(body, tokens, lo, v)) ??
      (isParticiple(verb) || linked ? clauseSubject(context, lo, v) : null);
    if (phrase !== null) return { clause: { phrase, verb }, distance };
  }
  // `Trudeau delivered a blunt message: "..."`: without a reporting verb, a person who is the subject
  // of the sentence that a colon ends introduces the quotation.
  const subject = last?.text === ':' ? personSubject(context, lo, quote - 1) : null;
  return subject === null ? null : { clause: { phrase: subject, verb: null }, distance: 0 };
}

/**
 * The subject at the start of the clause that ends at `verb`, after opening phrases ("In a statement,",
 * "On Thursday, after remaining neutral throughout the primary process, Warren appeared ...").
 */
export function clauseSubject(context: AttributionContext, lo: number, verb: number): SpeakerPhrase | null {
  const { body, tokens } = context;
  const first = tokens[lo];
  if (first === undefined || !(LEADING_NON_NAMES.has(first.text) || isLowerWord(first))) return parseSubjectAfter(body, tokens, lo, verb);
  let fallback: SpeakerPhrase | null = null;
  for (let k = lo; k < verb; k++) {
    if (tokens[k]?.text !== ',') continue;
    const phrase = parseSubjectAfter(body, tokens, k + 1, verb);
    fallback ??= phrase;
    // A subject is followed by its verb: "Warren appeared", not "the primary process, ...".
    if (phrase !== null && (phrase.kind === 'pronoun' || phrase.personLike) && isLowerWord(tokens[phrase.lastToken + 1])) return phrase;
  }
  return fallback;
}

/** A sentence that opens with its speaker and reporting verb: `Wilkins also said ...`, `As Heald told ...`. */
export function findSubjectFirstClause(context: AttributionContext, lo: number, end: number): ReportingClause | null {
  const { body, tokens } = context;
  const first = SUBJECT_LEADERS.has(lower(tokens[lo])) ? lo + 1 : lo;
  for (let v = first + 1; v < end && v - first <= MAX_SUBJECT_TOKENS; v++) {
    if (!isActiveVerb(tokens, v)) continue;
    const phrase = parseSubjectBefore(body, tokens, first, v);
    return phrase !== null && phrase.firstToken === first ? { phrase, verb: lower(tokens[v]) } : null;
  }
  return null;
}

/** A person's name that opens the sentence `[lo, end)` as its subject: a name followed by a lower-case verb. */
export function personSubject(context: AttributionContext, lo: number, end: number): SpeakerPhrase | null {
  const { body, people, tokens } = context;
  const first = SUBJECT_LEADERS.has(lower(tokens[lo])) ? lo + 1 : lo;
  const phrase = parseSubjectAfter(body, tokens, first, end);
  if (phrase === null || phrase.kind !== 'name' || !isLowerWord(tokens[phrase.lastToken + 1])) return null;
  return phrase.personLike || people.fullName(phrase.words, phrase.mention.start) !== null ? phrase : null;
}
