// Finds who a quotation is attributed to: the reporting clause around it, or its neighbours.
import { PERSONAL_PRONOUNS } from '../quote-lexicon.js';
import type { PeopleIndex } from '../people/index-people.js';
import { isReportingVerb, lower } from '../speaker-phrase/word-classes.js';
import { endsSentence, isSentenceFinal, type Token } from '../tokenize-body.js';
import type { Attribution, AttributionContext, PreviousQuote, QuoteSite, ReportingClause } from './attribution.js';
import { DASHES, findClauseAfter, MAX_SIGNATURE_ROLE } from './find-clause-after.js';
import { findClauseBefore, findSubjectFirstClause, personSubject } from './find-clause-before.js';
import { resolveClause } from './resolve-clause.js';
import { windowAfter, windowBefore } from './sentence-window.js';

/** The attribution of a quotation no rule could attribute. */
const NONE: Attribution = { speaker: null, description: null, verb: null, mention: null, personal: false, found: null, distance: null, rule: 'none', learned: null, person: null };

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
    if (pronounOnly && before !== null && before.distance === 0) return resolveClause(context, before.clause, 0, 'before', previous, site);
    return resolveClause(context, site.interruption, 0, 'interruption', previous, site);
  }

  // `A BBC spokesman said: "...seat." Greater Manchester Police said ...`: a clause touching the
  // opening mark beats one that only follows a quotation ending its own sentence.
  const endsOwnSentence = isSentenceFinal(context.body.charAt(site.lastPartEnd - 1));
  if (before !== null && before.distance === 0 && endsOwnSentence) return resolveClause(context, before.clause, 0, 'before', previous, site);
  const afterEnd = windowAfter(context, site.endToken);
  const after = findClauseAfter(context, site.endToken, afterEnd);
  if (after !== null) return resolveClause(context, after, 0, 'after', previous, site);
  const signature = signatureBelow(context, site);
  if (signature !== null) return resolveClause(context, signature, 0, 'after', previous, site);
  if (before !== null) return resolveClause(context, before.clause, before.distance, 'before', previous, site);

  // `Cruz continued:` ending the paragraph before: the attribution introduces the quotation below it.
  const introduced = introductionAbove(context, site);
  if (introduced !== null) return resolveClause(context, introduced, 0, 'before', previous, site);

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
    if (isPersonClause(context.people, clause)) return resolveClause(context, clause, null, 'previous-sentence', previous, site);
    // `Durning did not need much coaxing. "I'm thankful for the invitation ..."`: a person who is the
    // subject of the sentence before, and not the last quotation's speaker, speaks next.
    const subject = personSubject(context, sentence, boundary);
    if (subject !== null && subject.text !== previous?.attribution.speaker) {
      const resolved = resolveClause(context, { phrase: subject, verb: null }, null, 'previous-sentence', previous, site);
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
      if (isPersonClause(context.people, clause)) return resolveClause(context, clause, null, 'next-sentence', previous, site);
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
    if (isPersonClause(context.people, clause)) return resolveClause(context, clause, null, 'previous-sentence', previous, site);
  }
  return NONE;
}

/**
 * Attributes reported speech (`find-reported-speech.ts`) from its reporting clause, resolved like a
 * quotation's: surnames to full names, pronouns and roles to people. `site` is where the reported words lie.
 */
export function attributeReported(context: AttributionContext, clause: ReportingClause, site: QuoteSite, previous: PreviousQuote | null): Attribution {
  return resolveClause(context, clause, 0, 'before', previous, site);
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
