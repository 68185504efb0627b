// Extracts what an article reports as said (quotations, quoted words, reported speech), each with its
// parts, offsets and attributed speaker.
import type { MatchRange, Quote, QuoteKind } from '../../contract/model.js';
import { attributeQuote, attributeReported, opensInsideSentence } from './attribution/attribute-speaker.js';
import type { Attribution, AttributionContext, PreviousQuote, QuoteSite, ReportingClause } from './attribution/attribution.js';
import { findClauseAfter } from './attribution/find-clause-after.js';
import { findQuoteSpans, type QuoteSpan } from './find-quote-spans.js';
import { findReportedSpeech } from './find-reported-speech.js';
import type { SpeakerPhrase } from './speaker-phrase/speaker-phrase.js';
import { isReportingVerb } from './speaker-phrase/word-classes.js';
import { indexPeople } from './people/index-people.js';
import { capitaliseName, markLowerCaseNames } from './lower-case-names.js';
import { scannedPart } from './quote-budget.js';
import { splitDashAttribution } from './split-dash-attribution.js';
import { FUNCTION_WORDS } from './quote-lexicon.js';
import { endsSentence, isCapitalWord, isLowerWord, isSentenceFinal, splitParagraphs, tokenIndexAt, tokenizeBody, type Token } from './tokenize-body.js';
import { maxQuotesPerArticle } from '../util/text-budgets.js';
import { detachStrings } from '../util/detach-strings.js';

/** The article fields extraction reads. */
export interface QuoteSource {
  id: string;
  /** Paragraphs separated by a blank line; the headline is not part of it. */
  body: string;
}

/** A candidate quotation: marks paired, interruptions joined, not yet attributed or filtered. */
interface Candidate extends QuoteSite {
  parts: MatchRange[];
  words: number;
}

/** Quotations shorter than this many words need an attribution nearby or to stand as a sentence. */
const SHORT_WORDS = 6;
/** Quotations shorter than this need a reporting clause touching them (`he shouted "Burn it!"`). */
const FRAGMENT_WORDS = 4;
/** Attribution at most this many words away counts as "nearby" for short quotations. */
const NEAR_DISTANCE = 6;
/**
 * Most tokens of a reporting clause between two parts of one quotation: `"A," she said, "B."`, or
 * `''A,'' said Paul H. Chipok, a lawyer in Orlando who specializes in land-use issues. ''B.''`.
 */
const MAX_INTERRUPTION_TOKENS = 40;
/** Words of an outlet's name in quotation marks ("«Росбалт»", "«Московский комсомолец»"). */
const OUTLET_WORDS = 3;
/** Titles are short: a longer run of capitalised words is read as a sentence. */
const TITLE_MAX_WORDS = 12;

/**
 * The direct quotations of an article, in order of appearance, each attributed to the fullest name
 * the article gives its speaker.
 *
 * A quotation is text in double quotation marks (straight, curly, `«»` or `„“`) presented as someone's
 * words. One quotation may have several parts: a quotation interrupted by its attribution
 * (`"A," she said, "B."`) and one running over several paragraphs (the opening mark repeated at each
 * paragraph) are one quotation each. Scare quotes, titles and short fragments without a reporting verb
 * nearby are left out. Offsets are UTF-16 offsets into `article.body`, and for every part
 * `body.slice(part.start, part.end) === part.text`.
 *
 * The speaker comes from the reporting clause around the quotation (`"...," he said`, `Ruiz said:
 * "..."`, `according to X`), else from the sentence before or after it, else from the quotation before
 * it in the same or the previous paragraph; in that last case `verb` is null and `mention` is the
 * previous quotation's. Surnames, "he"/"she" and roles ("the analyst") resolve to the fullest name the
 * article gives; titles go to `description` ("Rep. Charles Rangel" is "Charles Rangel", "Rep.").
 *
 * Pure and linear in the length of the body; it does not throw on any string. Bounded whatever the body
 * (issue 14): it reads the body's first `maxQuoteScanChars` characters only (see `scannedPart`), and stops
 * looking once it has `maxQuotesPerArticle` quotes (`quoteBudgetReason` says when either cut in).
 *
 * @example
 * extractQuotes({ id: 'a1', body: 'Analyst Jane Roe spoke. "We will rebuild," she said.' })
 * // [{ id: 'a1:0', text: 'We will rebuild,', speaker: 'Jane Roe', verb: 'said', ... }]
 */
export function extractQuotes(article: QuoteSource): Quote[] {
  const body = scannedPart(article.body);
  const paragraphs = splitParagraphs(body);
  const tokens = tokenizeBody(body, paragraphs);
  const lowerCaseNames = markLowerCaseNames(tokens);
  const spans = findQuoteSpans(body, paragraphs);
  // Single marks that delimit a quotation (`'We will rebuild,' she said`) are marks like double ones.
  for (const span of spans) {
    for (const offset of span.marks) {
      const token = tokens[tokenIndexAt(tokens, offset)];
      if (token !== undefined && token.start === offset) token.kind = 'mark';
    }
  }
  const dashClauses: ([number, number] | null)[] = [];
  const single = spans.map((span) => {
    // `«Мы восстановим город, — сказал мэр. — Это займёт два года»`: the attribution inside the marks.
    const split = splitDashAttribution(body, tokens, span.parts);
    dashClauses.push(split.clause);
    return candidateOf(tokens, split.clause === null ? span : { ...span, parts: split.parts });
  });

  const insideQuote = new Uint8Array(tokens.length);
  const stops = new Uint8Array(tokens.length);
  single.forEach((candidate, i) => {
    insideQuote.fill(1, candidate.startToken, candidate.endToken);
    const clause = dashClauses[i];
    if (clause != null) insideQuote.fill(0, clause[0], clause[1]);
    if (candidate.words >= FRAGMENT_WORDS) {
      stops[candidate.startToken] = 1;
      if (candidate.endToken > candidate.startToken) stops[candidate.endToken - 1] = 1;
    }
  });
  const context: AttributionContext = { body, tokens, people: indexPeople(body, tokens, insideQuote), stops };
  single.forEach((candidate, i) => {
    const clause = dashClauses[i];
    const found = clause == null ? null : findClauseAfter(context, clause[0], clause[1]);
    if (found !== null && found.verb !== null) candidate.interruption = found;
  });

  // Quotations and reported speech are attributed in the order they come, so that either carries its
  // speaker to the next ("The ministry said the talks would go on. "...," it said.").
  const statements = findReportedSpeech(context, insideQuote);
  const quotes: Quote[] = [];
  const reported: Quote[] = [];
  let previous: PreviousQuote | null = null;
  let next = 0;
  let midSentence: Set<string> | undefined;
  // Found in order of appearance, so stopping at the budget keeps the first ones (the filtering in
  // `inOrder` only removes, and its overlap checks are quadratic in the count).
  const full = (): boolean => quotes.length + reported.length >= maxQuotesPerArticle;
  const reportUntil = (token: number): void => {
    for (; next < statements.length && !full(); next++) {
      const found = statements[next];
      if (found === undefined || found.startToken >= token) return;
      const site: QuoteSite = { startToken: found.startToken, endToken: found.endToken, firstParagraph: found.paragraph, lastParagraph: found.paragraph, lastPartEnd: found.content.end, interruption: null };
      const attribution = attributeReported(context, found.clause, site, previous);
      if (attribution.speaker === null || !isSource(found.clause.phrase, attribution, () => (midSentence ??= capitalisedMidSentence(tokens)))) continue;
      learn(attribution);
      reported.push(toQuote(article, { parts: [found.content] }, attribution, 'indirect'));
      previous = { attribution, lastParagraph: found.paragraph };
    }
  };
  for (const candidate of joinInterruptions(context, single)) {
    reportUntil(candidate.startToken);
    if (full()) break;
    const attribution = attributeQuote(context, candidate, previous);
    if (!isQuotation(body, tokens, candidate, attribution)) continue;
    learn(attribution);
    quotes.push(toQuote(article, candidate, attribution, isPartial(context, candidate) ? 'partial' : 'direct'));
    previous = { attribution, lastParagraph: candidate.lastParagraph };
  }
  reportUntil(tokens.length);
  const all = inOrder(article, quotes, reported);
  // Names found in lower-case text are shown as names.
  const named = lowerCaseNames.size === 0 ? all : all.map((quote) => (quote.speaker === null ? quote : { ...quote, speaker: capitaliseName(quote.speaker, lowerCaseNames) }));
  // Their strings are taken from the article's text: copied, they do not keep it alive (util/detach-strings.ts).
  return detachStrings(named);
}

/** Remembers what an attribution taught about its person: the gender "he" or "she" gave, the description. */
function learn(attribution: Attribution): void {
  if (attribution.learned === null) return;
  const { person, gender, description } = attribution.learned;
  person.gender ??= gender;
  person.description ??= description;
}

/**
 * The quotations and reported speech of an article, in order of appearance and numbered. A quoted
 * fragment inside reported words (`said the plan was "a disgrace"`) is part of them, not a quote of its
 * own; reported words that overlap a quotation in any other way are left out (quotes never overlap).
 */
function inOrder(article: QuoteSource, quotations: readonly Quote[], reported: readonly Quote[]): Quote[] {
  const inside = (quote: Quote): boolean => quote.kind === 'partial' && reported.some((r) => r.start <= quote.start && quote.end <= r.end);
  const kept = quotations.filter((quote) => !inside(quote));
  const clear = reported.filter((r) => !kept.some((quote) => quote.start < r.end && r.start < quote.end));
  const all = [...kept, ...clear].sort((a, b) => a.start - b.start);
  return all.map((quote, n) => ({ ...quote, id: `${article.id}:${n}` }));
}

function candidateOf(tokens: readonly Token[], span: QuoteSpan): Candidate {
  const firstPart = span.parts[0] ?? { start: 0, end: 0 };
  const lastPart = span.parts[span.parts.length - 1] ?? firstPart;
  const startToken = tokenIndexAt(tokens, span.open ?? firstPart.start);
  const endToken = tokenIndexAt(tokens, span.close === null ? lastPart.end : span.close + 1);
  let words = 0;
  for (const part of span.parts) {
    for (let k = tokenIndexAt(tokens, part.start); k < tokens.length && (tokens[k]?.end ?? Infinity) <= part.end; k++) {
      if (tokens[k]?.kind === 'word') words++;
    }
  }
  return {
    parts: [...span.parts],
    words,
    startToken,
    endToken,
    firstParagraph: tokens[startToken]?.paragraph ?? 0,
    lastParagraph: tokens[Math.max(startToken, endToken - 1)]?.paragraph ?? 0,
    lastPartEnd: lastPart.end,
    interruption: null,
  };
}

/**
 * Joins `"A," she said, "B."` into one quotation: two quotations in one paragraph separated only by a
 * short reporting clause that ends in `,` or `:` (no sentence end in between).
 */
function joinInterruptions(context: AttributionContext, candidates: readonly Candidate[]): Candidate[] {
  const joined: Candidate[] = [];
  for (const candidate of candidates) {
    const last = joined[joined.length - 1];
    const clause = last === undefined ? null : interruptionBetween(context, last, candidate);
    if (last === undefined || clause === null) {
      joined.push(candidate);
      continue;
    }
    for (const part of candidate.parts) last.parts.push(part);
    joined[joined.length - 1] = {
      ...last,
      words: last.words + candidate.words,
      endToken: candidate.endToken,
      lastParagraph: candidate.lastParagraph,
      lastPartEnd: candidate.lastPartEnd,
      interruption: last.interruption ?? clause,
    };
  }
  return joined;
}

function interruptionBetween(context: AttributionContext, first: Candidate, second: Candidate): ReportingClause | null {
  const { body, tokens } = context;
  const from = first.endToken;
  const to = second.startToken;
  if (first.lastParagraph !== second.firstParagraph || to - from < 2 || to - from > MAX_INTERRUPTION_TOKENS) return null;
  if (tokens[from - 1]?.kind !== 'mark' || tokens[to]?.kind !== 'mark') return null;
  const joint = tokens[to - 1]?.text ?? '';
  // A quoted fragment inside a sentence does not go on in the next quotation (`because "men should not
  // ... girls." Cruz says, "That is ..."` is two).
  if (opensInsideSentence(tokens, first)) return null;
  // `"A," she said. "B."`: the attribution ends its sentence and the quotation goes on in the next one,
  // when the first part ran into the attribution (no full stop) and the second has no attribution of
  // its own (`"B," Diaz added` is Diaz's).
  const lastChar = body.charAt(first.lastPartEnd - 1);
  // `"...the prime minister." This argument was rejected by Mr Blair, who said: "Firstly, ..."`: a
  // quotation that ended its sentence is not interrupted by the sentence introducing the next one.
  if (joint === ':' && (lastChar === '.' || lastChar === '!' || lastChar === '?')) return null;
  const sentenceJoint = joint === '.' && /[,?!\u2014\u2013-]$/.test(lastChar) && secondStandsAlone(context, second);
  if (![',', ':', '\u2014', '\u2013'].includes(joint) && !sentenceJoint) return null;
  for (let k = from; k < to - 1; k++) {
    if (tokens[k] === undefined || (tokens[k]?.text !== ';' && endsSentence(tokens, k))) return null;
  }
  const clause = findClauseAfter(context, from, to - 1);
  return clause !== null && clause.verb !== null && (!sentenceJoint || clause.phrase !== null) ? clause : null;
}

/**
 * Whether a quotation has no reporting clause of its own after it: `"B."`, not `"B," Diaz added.` or
 * `"B?" asked Diaz.`. A full stop inside the closing mark ends the sentence: what follows is not its clause.
 */
function secondStandsAlone(context: AttributionContext, second: Candidate): boolean {
  const { body, tokens } = context;
  const lastChar = body.charAt(second.lastPartEnd - 1);
  if (lastChar === '.' || (isSentenceFinal(lastChar) && !isLowerWord(tokens[second.endToken]))) return true;
  let end = second.endToken;
  while (end < tokens.length && end - second.endToken < MAX_INTERRUPTION_TOKENS && tokens[end]?.paragraph === second.lastParagraph && tokens[end]?.kind !== 'mark' && !endsSentence(tokens, end)) end++;
  return findClauseAfter(context, second.endToken, end) === null;
}

/**
 * Whether a candidate is speech rather than a scare quote, title or fragment. Long quotations stay;
 * shorter ones need an attribution nearby, or to stand as a sentence of their own; titles in capitals
 * ("Savings to Medicaid and Other Federal Programs") and fragments inside a sentence need a reporting
 * clause touching them.
 */
function isQuotation(body: string, tokens: readonly Token[], candidate: Candidate, attribution: Attribution): boolean {
  const { distance } = attribution;
  if (distance === null && isHeading(body, tokens, candidate)) return false;
  const adjacent = distance === 0;
  const near = distance !== null && distance <= NEAR_DISTANCE;
  const after = tokens[candidate.endToken];
  const embeddedBefore = opensInsideSentence(tokens, candidate);
  const embeddedAfter = after !== undefined && after.paragraph === candidate.lastParagraph && isLowerWord(after) && attribution.rule !== 'after';
  if (isTitleLike(tokens, candidate) && !adjacent) return false;
  // `..., пишет «Росбалт».`, `отмечают «Ведомости»`: a name in quotation marks that ends the sentence
  // after its verb is the outlet that reports, not words it quotes.
  const outlet = candidate.words <= OUTLET_WORDS && isReportingVerb(tokens[candidate.startToken - 1]) && isTitleLike(tokens, candidate);
  if (outlet && (after === undefined || after.paragraph !== candidate.lastParagraph || endsSentence(tokens, candidate.endToken))) return false;
  if (embeddedBefore && embeddedAfter && !near) return false;
  if (candidate.words >= SHORT_WORDS) return true;
  if (candidate.words >= FRAGMENT_WORDS) return near || (!embeddedBefore && !embeddedAfter);
  return adjacent && !embeddedBefore;
}

/**
 * A paragraph that is only a quotation without a sentence end (`'I'm not an alien, but I am a
 * mutant'` over a section of a feature) is a heading made of a quote, not a statement in the text.
 */
function isHeading(body: string, tokens: readonly Token[], candidate: Candidate): boolean {
  if (candidate.parts.length !== 1 || candidate.firstParagraph !== candidate.lastParagraph) return false;
  const before = tokens[candidate.startToken - 1];
  const after = tokens[candidate.endToken];
  const alone = (before === undefined || before.paragraph !== candidate.firstParagraph) && (after === undefined || after.paragraph !== candidate.lastParagraph);
  return alone && /[\p{L}\p{N}]$/u.test(body.slice(candidate.lastPartEnd - 1, candidate.lastPartEnd));
}

/** Mostly capitalised and short: a title or a name ("Not Separately Identifiable."), not a sentence. */
function isTitleLike(tokens: readonly Token[], candidate: Candidate): boolean {
  if (candidate.words > TITLE_MAX_WORDS) return false;
  const content: Token[] = [];
  for (const part of candidate.parts) {
    for (let k = tokenIndexAt(tokens, part.start); k < tokens.length && (tokens[k]?.end ?? Infinity) <= part.end; k++) {
      const token = tokens[k];
      if (token?.kind === 'word' && !FUNCTION_WORDS.has(token.text.toLowerCase())) content.push(token);
      // A sentence end before the last word ("It's Warhol. He is a legend.") makes it sentences, not a title.
      const moreFollows = (tokens[k + 1]?.end ?? Infinity) <= part.end;
      if (token?.kind === 'punct' && isSentenceFinal(token.text) && moreFollows) return false;
    }
  }
  // The first word is capitalised in any sentence; judge by the rest when there is a rest.
  const judged = content.length > 1 ? content.slice(1) : content;
  if (judged.length === 0) return false;
  const capitalised = judged.filter((token) => isCapitalWord(token) || /^\p{N}/u.test(token.text)).length;
  return capitalised / judged.length >= 0.6;
}

/**
 * Whether a kept quotation is quoted words inside the reporter's sentence rather than a sentence of its
 * own: it opens after a word that does not introduce speech (`called the plan "a disgrace"`), or the
 * sentence goes on in lower case after it without being its attribution (`"a disgrace" and walked out`).
 */
function isPartial(context: AttributionContext, candidate: Candidate): boolean {
  const { tokens } = context;
  // `called the plan "a disgrace"`: a fragment starts in lower case; `tweeted "I have been warning..."` is a sentence.
  const first = candidate.parts[0];
  const firstWord = first === undefined ? undefined : tokens[tokenIndexAt(tokens, first.start)];
  if (opensInsideSentence(tokens, candidate) && isLowerWord(firstWord)) return true;
  // `"a disgrace" and walked out`, but not `"...," the senator said` (a comma, dash, `?` or `!` inside the
  // closing mark hands the sentence to the attribution, even one the extractor cannot read: `her statement read`).
  const after = tokens[candidate.endToken];
  if (after === undefined || after.paragraph !== candidate.lastParagraph || !isLowerWord(after)) return false;
  return !/[,?!\u2014\u2013-]$/.test(context.body.charAt(candidate.lastPartEnd - 1)) && secondStandsAlone(context, candidate);
}

/**
 * Whether reported speech has a source: a lone capitalised word must be a person the article names
 * (a surname), titled, an acronym, or a word the article capitalises inside sentences too ("Trump"), not
 * "Attempts" opening a sentence.
 */
function isSource(phrase: SpeakerPhrase, attribution: Attribution, midSentence: () => ReadonlySet<string>): boolean {
  if (phrase.kind !== 'name' || phrase.words.length > 1) return true;
  return attribution.person !== null || phrase.personLike || phrase.titled || /^\p{Lu}{2,}$/u.test(phrase.text) || midSentence().has(phrase.text);
}

/** The capitalised words that stand after a lower-case word somewhere: names, not sentence openers. */
function capitalisedMidSentence(tokens: readonly Token[]): Set<string> {
  const words = new Set<string>();
  for (let k = 1; k < tokens.length; k++) {
    const token = tokens[k];
    if (token !== undefined && isCapitalWord(token) && isLowerWord(tokens[k - 1])) words.add(token.text);
  }
  return words;
}

/** A quote of the article (numbered later, in order of appearance). */
function toQuote(article: QuoteSource, candidate: Pick<Candidate, 'parts'>, attribution: Attribution, kind: QuoteKind): Quote {
  const parts = candidate.parts.map((part) => ({ text: article.body.slice(part.start, part.end), start: part.start, end: part.end }));
  const first = parts[0];
  const last = parts[parts.length - 1];
  return {
    id: '',
    articleId: article.id,
    kind,
    text: parts.map((part) => part.text).join(' '),
    speaker: attribution.speaker,
    // Set across the archive once every article's quotes are known (issue 16).
    speakerId: null,
    // Likewise: the same quotation in other articles (issue 17).
    clusterId: null,
    speakerFound: attribution.found,
    description: attribution.description,
    verb: attribution.verb,
    mention: attribution.mention,
    start: first?.start ?? 0,
    end: last?.end ?? 0,
    parts,
  };
}
