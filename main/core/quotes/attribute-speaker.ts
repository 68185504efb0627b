// Finds who a quotation is attributed to: the reporting clause around it, or its neighbours.
import type { MatchRange, SpeakerFound } from '../model.js';
import type { PeopleIndex, Person } from './index-people.js';
import {
  DEFINITE_DETERMINERS,
  DETERMINERS,
  DOCUMENT_NOUNS,
  isParticiple,
  ORGANISATION_NOUNS,
  LEADING_NON_NAMES,
  PARTICIPLE_LINKS,
  PERSONAL_DOCUMENT_NOUNS,
  PERSONAL_PRONOUNS,
  PREPOSITIONS,
  SUBJECT_LEADERS,
  SUBJECT_VERB_FILLERS,
} from './quote-lexicon.js';
import type { Gender, SpeakerPhrase } from './speaker-phrase/speaker-phrase.js';
import { parseSubjectAfter } from './speaker-phrase/subject-after.js';
import { parseSubjectBefore } from './speaker-phrase/subject-before.js';
import { isOutletName, isReportingVerb } from './speaker-phrase/word-classes.js';
import { caseAfter, caseOfSurname, nominativeName } from './russian-names.js';
import { endsSentence, isCapitalWord, isLowerWord, isSentenceFinal, type Token } from './tokenize-body.js';

/** A reporting clause found next to a quotation: who (if it says) and the verb (if any). */
export interface ReportingClause {
  phrase: SpeakerPhrase | null;
  verb: string | null;
}

/** How a quotation was attributed, with the speaker resolved to the fullest name. */
export interface Attribution {
  speaker: string | null;
  description: string | null;
  verb: string | null;
  mention: MatchRange | null;
  /** Whether the speaker is known to be a person (so that "it added" does not inherit them). */
  personal: boolean;
  /**
   * Words between the reporting clause and the quotation in the same sentence: 0 when they touch
   * (`"...," he said`, `Ruiz said: "..."`). Null when the attribution came from a neighbouring
   * sentence or quotation, or was not found.
   */
  distance: number | null;
  /** How the speaker was found (see `SpeakerFound`); null with no speaker. */
  found: SpeakerFound | null;
  /** Which rule found the attribution (see `attributeQuote`); "none" when none did. */
  rule: 'interruption' | 'after' | 'before' | 'previous-sentence' | 'next-sentence' | 'continuation' | 'none';
  /**
   * What this attribution teaches about a person, to remember once the quotation is kept: the
   * gender "he" or "she" gave them, the description the clause gave them.
   */
  learned: { person: Person; gender: Gender | null; description: string | null } | null;
  /** The person the speaker was resolved to, when it is one the article names. */
  person: Person | null;
}

/** Where one quotation sits in the token stream. */
export interface QuoteSite {
  /** First token of the quotation (its opening mark, or its first word when the mark was lost). */
  startToken: number;
  /** One past its last token (its closing mark, when it has one). */
  endToken: number;
  firstParagraph: number;
  lastParagraph: number;
  /** End offset of the last part (the quoted text, without the mark). */
  lastPartEnd: number;
  /** The clause between two parts of an interrupted quotation (`"A," she said, "B."`), if any. */
  interruption: ReportingClause | null;
}

/** What attribution needs to know about the article. */
export interface AttributionContext {
  body: string;
  tokens: readonly Token[];
  people: PeopleIndex;
  /** Tokens that end a search window: the marks of other quotations long enough to be speech. */
  stops: Uint8Array;
}

/** The last attributed quotation before this one, for continuations and "it added". */
export interface PreviousQuote {
  attribution: Attribution;
  lastParagraph: number;
}

/** English abstract nouns by their suffix ("relationship", "situation", "agreement"): never a speaker. */
const ABSTRACT_NOUN = /(?:ship|tion|sion|ness|ity|ism|ance|ence)s?$/;

/** Words of a name in guillemets inside an attribution: «Стейдж Энтертейнмент». */
const MAX_GUILLEMETS_NAME = 6;

/** "цитирует «Взгляд» Дмитрия Медведева": the outlet quotes, the person after it spoke. */
const QUOTING_VERBS = new Set(['цитирует', 'цитируют', 'процитировал', 'процитировала', 'процитировали']);

/**
 * The speaker of `», — цитирует «Взгляд» Дмитрия Медведева`: past the outlet that quotes (a name in
 * guillemets, a capitalised run or a web address), the person quoted, in the nominative.
 */
function quotedBy(body: string, tokens: readonly Token[], verb: number, end: number): ReportingClause | null {
  let k = verb + 1;
  if (tokens[k]?.text === '\u00AB') k = guillemetsEnd(tokens, k) + 1;
  else {
    // "NEWSru.com Морозова", "РБК Морозова": a web address or an acronym is the outlet.
    while (k < end && (isOutletName(tokens[k]?.text ?? '') || /^\p{Lu}{2,}$/u.test(tokens[k]?.text ?? ''))) k++;
  }
  if (k <= verb + 1 || k >= end) return null;
  const phrase = parseSubjectAfter(body, tokens, k, end);
  if (phrase === null || phrase.kind !== 'name') return null;
  return { phrase: { ...phrase, text: nominativeName(phrase.text, 'accusative') }, verb: lower(tokens[verb]) };
}

/** Tokens of a role after a signature's name: `― Justin Trudeau, Prime Minister of Canada`. */
const MAX_SIGNATURE_ROLE = 10;

/** Dashes that set off an attribution or a signature: em, en, horizontal bar, hyphen. */
const DASHES = ['\u2014', '\u2013', '\u2015', '-'];

/** Reporting verbs whose next words are their object (who was told), not the speaker ("asked Mr. Manafort" is inverted). */
const OBJECT_FIRST_VERBS = new Set(['told', 'tells', 'tell', 'telling', 'reminded', 'assured', 'urged']);

const MAX_WINDOW = 40;
const MAX_SUBJECT_TOKENS = 15;
const MAX_DISTANCE = 14;
const NONE: Attribution = { speaker: null, description: null, verb: null, mention: null, personal: false, found: null, distance: null, rule: 'none', learned: null, person: null };

const lower = (token: Token | undefined): string => token?.lower ?? '';
const PASSIVE_AUXILIARIES = new Set(['be', 'been', 'being', 'is', 'are', 'was', 'were']);
/** A reporting verb in the active voice: "has been commented on by", "were acknowledged by" name no speaker before them. */
const isActiveVerb = (tokens: readonly Token[], k: number): boolean => isReportingVerb(tokens[k]) && !PASSIVE_AUXILIARIES.has(lower(tokens[k - 1]));

/**
 * Attributes the quotation at `site`, trying in order: the clause that interrupts it, a clause right
 * after it in the same sentence (`"...," Rep. Charles Rangel of New York told the L.A. Times`), a clause
 * before it in the same sentence (`Graham Rhodes ... said: "..."`), the sentence before, the quotation
 * before in the same paragraph, the sentence after, and the quotation that ends the paragraph before.
 */
export function attributeQuote(context: AttributionContext, site: QuoteSite, previous: PreviousQuote | null): Attribution {
  const { tokens } = context;
  const beforeStart = windowBefore(context, site.startToken, site.firstParagraph);
  const before = findClauseBefore(context, beforeStart, site.startToken);
  if (site.interruption !== null) {
    // `Mr Crosby's statement said: "A." It added: "B."`: a named clause before beats a pronoun between.
    const pronounOnly = site.interruption.phrase === null || site.interruption.phrase.kind === 'pronoun';
    if (pronounOnly && before !== null && before.distance === 0) return resolve(context, before.clause, 0, 'before', previous, site);
    return resolve(context, site.interruption, 0, 'interruption', previous, site);
  }

  // `A BBC spokesman said: "...seat." Greater Manchester Police said ...`: a clause touching the
  // opening mark beats one that only follows a quotation ending its own sentence.
  const endsOwnSentence = isSentenceFinal(context.body.charAt(site.lastPartEnd - 1));
  if (before !== null && before.distance === 0 && endsOwnSentence) return resolve(context, before.clause, 0, 'before', previous, site);
  const afterEnd = windowAfter(context, site.endToken);
  const after = findClauseAfter(context, site.endToken, afterEnd);
  if (after !== null) return resolve(context, after, 0, 'after', previous, site);
  const signature = signatureBelow(context, site);
  if (signature !== null) return resolve(context, signature, 0, 'after', previous, site);
  if (before !== null) return resolve(context, before.clause, before.distance, 'before', previous, site);

  // `Cruz continued:` ending the paragraph before: the attribution introduces the quotation below it.
  const introduced = introductionAbove(context, site);
  if (introduced !== null) return resolve(context, introduced, 0, 'before', previous, site);

  // The neighbours speak only for a quotation that stands as a sentence: not for one inside a
  // sentence (`to honour ... Harold Bloom "the international icon..."`), nor when the rest of its
  // sentence holds a reporting verb that could not be read (`" for the industry in the U.S said,`).
  if (opensInsideSentence(tokens, site)) return NONE;
  for (let k = site.endToken; k < afterEnd && !endsOwnSentence; k++) if (isReportingVerb(tokens[k])) return NONE;

  // The sentence before, when the quotation starts a sentence: `Wilkins also said Warhol was ... "As a way..."`.
  const boundary = beforeStart - 1;
  const startsSentence = beforeStart === site.startToken && endsSentence(tokens, boundary);
  if (startsSentence && tokens[boundary]?.paragraph === site.firstParagraph) {
    const sentence = windowBefore(context, boundary, site.firstParagraph);
    const clause = findSubjectFirstClause(context, sentence, boundary);
    if (isPersonClause(context.people, clause)) return resolve(context, clause, null, 'previous-sentence', previous, site);
    // `Durning did not need much coaxing. "I'm thankful for the invitation ..."`: a person who is the
    // subject of the sentence before, and not the last quotation's speaker, speaks next.
    const subject = personSubject(context, sentence, boundary);
    if (subject !== null && subject.text !== previous?.attribution.speaker) {
      const resolved = resolve(context, { phrase: subject, verb: null }, null, 'previous-sentence', previous, site);
      if (resolved.speaker !== previous?.attribution.speaker) return resolved;
    }
  }

  if (previous !== null && previous.lastParagraph === site.firstParagraph && previous.attribution.speaker !== null) {
    return continuationOf(previous.attribution);
  }

  // The sentence after: `"..." He said the ...`.
  if (endsSentence(tokens, afterEnd) && tokens[afterEnd]?.paragraph === site.lastParagraph) {
    const next = afterEnd + 1;
    if (tokens[next]?.paragraph === site.lastParagraph) {
      const clause = findSubjectFirstClause(context, next, windowAfter(context, next));
      if (isPersonClause(context.people, clause)) return resolve(context, clause, null, 'next-sentence', previous, site);
    }
  }

  const startsParagraph = tokens[site.startToken - 1]?.paragraph !== site.firstParagraph;
  if (startsParagraph && previous !== null && previous.lastParagraph === site.firstParagraph - 1 && previous.attribution.speaker !== null) {
    return continuationOf(previous.attribution);
  }

  // A paragraph of its own after one that ends `Dr Brash said it had taken a year to ...`.
  const lastOfPrevious = site.startToken - 1;
  if (startsParagraph && tokens[lastOfPrevious]?.paragraph === site.firstParagraph - 1 && endsSentence(tokens, lastOfPrevious)) {
    const paragraph = site.firstParagraph - 1;
    const clause = findSubjectFirstClause(context, windowBefore(context, lastOfPrevious, paragraph), lastOfPrevious);
    if (isPersonClause(context.people, clause)) return resolve(context, clause, null, 'previous-sentence', previous, site);
  }
  return NONE;
}

/**
 * Attributes reported speech (`find-reported-speech.ts`) from its reporting clause, resolved like a
 * quotation's: surnames to full names, pronouns and roles to people. `site` is where the reported words lie.
 */
export function attributeReported(context: AttributionContext, clause: ReportingClause, site: QuoteSite, previous: PreviousQuote | null): Attribution {
  return resolve(context, clause, 0, 'before', previous, site);
}

/**
 * A person's name as the article last declined it ("Максом Шремсом"), put back in the nominative when
 * the name as this clause reads it ends in the nominative surname ("Шремс"); else as it is.
 */
function inNominative(name: string, nominative: string): string {
  const nameCase = caseOfSurname(name.slice(name.lastIndexOf(' ') + 1), nominative.slice(nominative.lastIndexOf(' ') + 1));
  return nameCase === null ? name : nominativeName(name, nameCase);
}

/** The previous quotation's attribution, carried over to one that continues it (field by field: see `resolve`). */
function continuationOf(previous: Attribution): Attribution {
  return {
    speaker: previous.speaker,
    description: previous.description,
    verb: null,
    mention: previous.mention,
    personal: previous.personal,
    found: previous.speaker === null ? null : 'carried',
    distance: null,
    rule: 'continuation',
    learned: previous.learned,
    person: previous.person,
  };
}

/** The reporting clause of a paragraph that ends in a colon just above a quotation that opens its own paragraph. */
function introductionAbove(context: AttributionContext, site: QuoteSite): ReportingClause | null {
  const { tokens } = context;
  const colon = tokens[site.startToken - 1];
  if (colon?.text !== ':' || colon.paragraph !== site.firstParagraph - 1) return null;
  const lo = windowBefore(context, site.startToken - 1, colon.paragraph);
  return findClauseBefore(context, lo, site.startToken)?.clause ?? null;
}

/**
 * A signature in the paragraph below a quotation that ends its own: `— Татьяна Скригонюк, заместитель
 * начальника пресс-службы`, `― Justin Trudeau`. The paragraph is only the dash, the name and a role.
 */
function signatureBelow(context: AttributionContext, site: QuoteSite): ReportingClause | null {
  const { tokens } = context;
  let k = site.endToken;
  // The punctuation that ends the quotation's sentence after its closing mark.
  while (tokens[k]?.kind === 'punct' && tokens[k]?.paragraph === site.lastParagraph) k++;
  const dash = tokens[k];
  if (dash === undefined || dash.paragraph !== site.lastParagraph + 1 || !DASHES.includes(dash.text)) return null;
  let end = k + 1;
  while (tokens[end]?.paragraph === dash.paragraph) end++;
  if (end - k > MAX_SIGNATURE_ROLE + 6) return null;
  const clause = findClauseAfter(context, k, end);
  return clause?.verb === null ? clause : null;
}

/**
 * Whether the quotation opens inside a sentence, after a word that is neither a reporting verb nor
 * "that": `a teddy bear "Muhammad"`, `Harold Bloom "the international icon..."`.
 */
export function opensInsideSentence(tokens: readonly Token[], site: QuoteSite): boolean {
  const before = tokens[site.startToken - 1];
  return before !== undefined && before.paragraph === site.firstParagraph && before.kind === 'word' && !isReportingVerb(before) && lower(before) !== 'that';
}

/**
 * Whether a clause from a neighbouring sentence names someone who can speak: a person, "he" or
 * "she", or a role ("the minister"). "Auditions will ..." names no one.
 */
function isPersonClause(people: PeopleIndex, clause: ReportingClause | null): clause is ReportingClause {
  const phrase = clause?.phrase;
  if (phrase === null || phrase === undefined) return false;
  if (phrase.kind === 'pronoun') return PERSONAL_PRONOUNS.has(phrase.text);
  return phrase.kind === 'role' || phrase.personLike || people.fullName(phrase.words, phrase.mention.start) !== null;
}

/**
 * A reporting clause that starts at `from` (right after a quotation, or between its parts) and ends
 * before `end`: `, said Redfield`, `, Leslie told the conference`, `, according to the Sydney Morning
 * Herald`, `, later adding:`. The speaker phrase must start the clause.
 */
export function findClauseAfter(context: AttributionContext, from: number, end: number): ReportingClause | null {
  const { body, tokens } = context;
  let k = from;
  // `," she said`, `», — сказал он`: a comma and a dash may come before the clause.
  if ([',', ...DASHES].includes(tokens[k]?.text ?? '')) k++;
  if (tokens[k - 1]?.text === ',' && DASHES.includes(tokens[k]?.text ?? '')) k++;
  if (k >= end) return null;
  // `"..." ― Justin Trudeau`: a signature, a dash and a name ending the paragraph.
  if (DASHES.includes(tokens[k - 1]?.text ?? '') && isCapitalWord(tokens[k])) {
    const signed = parseSubjectAfter(body, tokens, k, end);
    const next = (signed?.lastToken ?? -2) + 1;
    // The name may be followed by a role: `― Justin Trudeau, Prime Minister`.
    let last = next;
    if (tokens[next]?.text === ',') while (last < next + MAX_SIGNATURE_ROLE && tokens[last]?.paragraph === tokens[k]?.paragraph && !endsSentence(tokens, last)) last++;
    const after = tokens[last];
    if (signed !== null && signed.kind === 'name' && (after === undefined || after.paragraph !== tokens[k]?.paragraph)) return { phrase: signed, verb: null };
  }
  const according = accordingToLength(tokens, k);
  if (according > 0) {
    const phrase = parseSubjectAfter(body, tokens, k + according, end);
    return phrase === null ? null : { phrase, verb: null };
  }
  let v = k;
  if (isLowerWord(tokens[v]) && SUBJECT_VERB_FILLERS.has(lower(tokens[v])) && isReportingVerb(tokens[v + 1])) v++;
  if (isReportingVerb(tokens[v])) {
    // `"...," told HuffPost Canada`: after "told" comes who was told, never who spoke.
    if (OBJECT_FIRST_VERBS.has(lower(tokens[v]))) return null;
    if (QUOTING_VERBS.has(lower(tokens[v]))) return quotedBy(body, tokens, v, end);
    const phrase = parseSubjectAfter(body, tokens, v + 1, end);
    // `"...," later adding: "..."` goes on with the speaker before; `— сказал премьер-министр турции
    // реджеп тайип эрдоган` names someone this could not read, and is no one's rather than theirs.
    if (phrase === null && v + 1 < end && tokens[v + 1]?.kind === 'word') return null;
    return { phrase, verb: lower(tokens[v]) };
  }
  for (v = k + 1; v < end && v - k <= MAX_SUBJECT_TOKENS; v++) {
    if (!isActiveVerb(tokens, v)) continue;
    const phrase = parseSubjectBefore(body, tokens, k, v);
    if (phrase !== null && phrase.firstToken === k) return { phrase, verb: lower(tokens[v]) };
    // `," University of the Fraser Valley political scientist Hamish Telford said`: a person's name
    // right before the verb, after a description of words only.
    if (phrase !== null && phrase.kind === 'name' && phrase.personLike && onlyWordsBetween(tokens, k, phrase.firstToken)) return { phrase, verb: lower(tokens[v]) };
    // `," Dr Mark Tuffy games systems director at digital content firm THX told`: a person's name
    // opens the clause and an unpunctuated description runs up to the verb.
    const named = parseSubjectAfter(body, tokens, k, v);
    return named !== null && named.kind === 'name' && named.personLike ? { phrase: named, verb: lower(tokens[v]) } : null;
  }
  return null;
}

/**
 * A reporting clause before a quotation in the same sentence, nearest verb first: `Stern said, "`,
 * `Brown responded by saying that "`, `Mr. Tedeschi also told the court that, over ..., "`,
 * `According to X, "`. Returns how many words lie between the clause and the quotation.
 */
function findClauseBefore(context: AttributionContext, lo: number, quote: number): { clause: ReportingClause; distance: number } | null {
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

/**
 * How many tokens of "according to" (or Russian "по словам", "по мнению", "согласно") start at `k`: 0
 * when none do.
 */
export function accordingToLength(tokens: readonly Token[], k: number): number {
  const word = lower(tokens[k]);
  const next = lower(tokens[k + 1]);
  if ((word === 'according' && next === 'to') || (word === 'по' && (next === 'словам' || next === 'мнению' || next === 'данным'))) return 2;
  return word === 'согласно' ? 1 : 0;
}

/** The token after "according to", "по словам" or "in the words of" in `[lo, end)`, or -1. */
function findAccordingTo(tokens: readonly Token[], lo: number, end: number): number {
  for (let k = lo; k + 2 < end; k++) {
    const word = lower(tokens[k]);
    const length = accordingToLength(tokens, k);
    if (length > 0) return k + length;
    if (word === 'words' && lower(tokens[k + 1]) === 'of' && lower(tokens[k - 1]) === 'the') return k + 2;
  }
  return -1;
}

/** A sentence that opens with its speaker and reporting verb: `Wilkins also said ...`, `As Heald told ...`. */
function findSubjectFirstClause(context: AttributionContext, lo: number, end: number): ReportingClause | null {
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
function personSubject(context: AttributionContext, lo: number, end: number): SpeakerPhrase | null {
  const { body, people, tokens } = context;
  const first = SUBJECT_LEADERS.has(lower(tokens[lo])) ? lo + 1 : lo;
  const phrase = parseSubjectAfter(body, tokens, first, end);
  if (phrase === null || phrase.kind !== 'name' || !isLowerWord(tokens[phrase.lastToken + 1])) return null;
  return phrase.personLike || people.fullName(phrase.words, phrase.mention.start) !== null ? phrase : null;
}

/** Who an attribution names: everything but how it was found. */
type Speaker = Pick<Attribution, 'speaker' | 'description' | 'mention' | 'personal' | 'person'>;

const NOBODY: Speaker = { speaker: null, description: null, mention: null, personal: false, person: null };

/** How a phrase of this kind finds its speaker. */
const FOUND_BY: Record<SpeakerPhrase['kind'], SpeakerFound> = { name: 'name', pronoun: 'pronoun', role: 'description' };

/** Turns a clause into an attribution: surnames to full names, pronouns and roles to people. */
function resolve(
  context: AttributionContext,
  clause: ReportingClause,
  distance: number | null,
  rule: Attribution['rule'],
  previous: PreviousQuote | null,
  site: QuoteSite,
): Attribution {
  const { people, tokens } = context;
  const { phrase, verb } = clause;
  // Built field by field in one literal: spreading a shared base into each outcome's literal cost a
  // tenth of extraction's time in V8.
  const attributed = (who: Speaker, learned: Attribution['learned'] = null, found: SpeakerFound = phrase === null ? 'carried' : FOUND_BY[phrase.kind]): Attribution => ({
    speaker: who.speaker,
    description: who.description,
    verb,
    mention: who.mention,
    personal: who.personal,
    found: who.speaker === null ? null : found,
    distance,
    rule,
    learned,
    person: who.person,
  });
  const inherited = previous?.attribution;
  if (phrase === null) {
    // `"...," later adding: "..."`: the verb without a subject continues the previous speaker.
    return attributed(inherited?.speaker != null ? inherited : NOBODY);
  }
  switch (phrase.kind) {
    case 'name': {
      // `«...», сообщает Лента.ру`: the outlet relays the words; it did not say them.
      if (phrase.text.split(' ').some(isOutletName)) return attributed(NOBODY);
      const person = phrase.personLike || phrase.words.length === 1 ? people.fullName(phrase.words, phrase.mention.start) : null;
      const description = phrase.description ?? person?.description ?? null;
      const learned = person === null ? null : { person, gender: null, description: phrase.description };
      // "по словам Соколовой": a name the article gives only in another case is shown in the nominative.
      const governed = caseAfter([lower(tokens[phrase.firstToken - 2]), lower(tokens[phrase.firstToken - 1])]);
      const written = governed === null ? phrase.text : nominativeName(phrase.text, governed);
      // A person the article names only in this oblique form ("цитирует «Взгляд» Дмитрия Медведева") is
      // shown as the clause reads them, in the nominative.
      const asWritten = person !== null && person.name === context.body.slice(phrase.mention.start, phrase.mention.end);
      const speaker = person === null || (asWritten && written !== person.name) ? written : inNominative(person.name, written);
      return attributed({ speaker, description, mention: phrase.mention, personal: person !== null || phrase.personLike, person }, learned);
    }
    case 'pronoun': {
      if (PERSONAL_PRONOUNS.has(phrase.text)) {
        const first = tokens[site.startToken];
        const last = tokens[site.endToken - 1];
        const quote = first === undefined || last === undefined ? null : { start: first.start, end: last.end };
        const said = inherited?.person != null && inherited.mention !== null ? { person: inherited.person, at: inherited.mention.start } : null;
        const person = people.antecedent(phrase.mention.start, phrase.gender, { quote, previous: said });
        if (person === null) return attributed(NOBODY);
        // Remember the gender, so that a later "she" does not pick the man this "he" meant.
        const learned = { person, gender: phrase.gender, description: null };
        return attributed({ speaker: person.name, description: person.description, mention: phrase.mention, personal: true, person }, learned);
      }
      // "it added", "they said": the organisation or group quoted just before, never a person.
      if (inherited?.speaker != null && !inherited.personal && (phrase.text === 'it' || phrase.text === 'they')) {
        return attributed({ speaker: inherited.speaker, description: inherited.description, mention: phrase.mention, personal: false, person: inherited.person }, null, 'carried');
      }
      return attributed(NOBODY);
    }
    case 'role': {
      // "the work relationship continued": an abstract noun is no one.
      if (phrase.head !== null && ABSTRACT_NOUN.test(phrase.head) && !DOCUMENT_NOUNS.has(phrase.head) && !ORGANISATION_NOUNS.has(phrase.head)) return attributed(NOBODY);
      // "added the statement": the statement just quoted; "a message stating" is a new one.
      const definite = DEFINITE_DETERMINERS.has(phrase.text.split(' ')[0]?.toLowerCase() ?? '');
      const ownDocument = phrase.head !== null && (PERSONAL_DOCUMENT_NOUNS.has(phrase.head) || (DOCUMENT_NOUNS.has(phrase.head) && inherited?.personal === false));
      if (ownDocument && definite && inherited?.speaker != null) {
        return attributed({ speaker: inherited.speaker, description: inherited.description, mention: phrase.mention, personal: inherited.personal, person: inherited.person }, null, 'carried');
      }
      const person = phrase.head === null ? null : people.byRole(phrase.head, phrase.mention.start);
      if (person !== null) return attributed({ speaker: person.name, description: person.description, mention: phrase.mention, personal: true, person });
      return attributed({ speaker: phrase.text, description: null, mention: phrase.mention, personal: false, person: null });
    }
  }
}

/** One past the last token of the sentence that starts at `from`, within its paragraph. */
function windowAfter(context: AttributionContext, from: number): number {
  const { tokens } = context;
  const paragraph = tokens[from - 1]?.paragraph ?? tokens[from]?.paragraph;
  let k = from;
  while (k < tokens.length && k - from < MAX_WINDOW && tokens[k]?.paragraph === paragraph && !endsSentence(tokens, k)) {
    // A mark starts another quotation, but for a short name in guillemets that the clause goes on after
    // ("директор «Стейдж Энтертейнмент» Дмитрий Богачев", "с корреспондентом «Голоса Америки» лидер").
    if (tokens[k]?.kind === 'mark') {
      const close = tokens[k]?.text === '\u00AB' ? guillemetsEnd(tokens, k) : -1;
      if (close < 0 || tokens[close + 1]?.kind !== 'word') break;
      k = close;
    }
    k++;
  }
  return k;
}

/** The closing » of a short run in guillemets opening at `open`, or -1. */
function guillemetsEnd(tokens: readonly Token[], open: number): number {
  for (let k = open + 1; k < tokens.length && k - open <= MAX_GUILLEMETS_NAME; k++) {
    if (tokens[k]?.text === '\u00BB') return k;
    if (tokens[k]?.kind !== 'word') return -1;
  }
  return -1;
}

/** The first token of the sentence that ends before `end` in `paragraph`; long quotations stop it. */
function windowBefore(context: AttributionContext, end: number, paragraph: number): number {
  const { tokens, stops } = context;
  let k = end;
  while (k > 0 && end - k < MAX_WINDOW) {
    const token = tokens[k - 1];
    if (token === undefined || token.paragraph !== paragraph || stops[k - 1] === 1 || endsSentence(tokens, k - 1)) break;
    k--;
  }
  return k;
}

function wordsBetween(tokens: readonly Token[], from: number, end: number): number {
  let count = 0;
  for (let k = from; k < end; k++) {
    if (tokens[k]?.kind === 'word' && lower(tokens[k]) !== 'that') count++;
  }
  return count;
}

/**
 * Whether tokens `[from, to)` can be a description before a name ("Fight for $15 organizing
 * director"): no clause punctuation, no quotation mark.
 */
function onlyWordsBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const token = tokens[k];
    if (token === undefined || token.kind === 'mark' || [',', ';', ':', '.', '!', '?', '(', ')', '\u2014', '\u2013'].includes(token.text)) return false;
  }
  return true;
}
