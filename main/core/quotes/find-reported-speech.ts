// Finds reported speech: what a sentence says someone said, without quotation marks ("X said (that) ...",
// "..., X said", "according to X, ...", "X заявил, что ...", "по словам X, ...").
import type { MatchRange } from '../../contract/model.js';
import { accordingToLength } from './attribution/according-to.js';
import type { AttributionContext, ReportingClause } from './attribution/attribution.js';
import { findClauseAfter } from './attribution/find-clause-after.js';
import { clauseSubject } from './attribution/find-clause-before.js';
import type { SpeakerPhrase } from './speaker-phrase/speaker-phrase.js';
import { parseSubjectAfter } from './speaker-phrase/subject-after.js';
import { parseSubjectBefore } from './speaker-phrase/subject-before.js';
import { isReportingVerb, isRoleNoun } from './speaker-phrase/word-classes.js';
import { DOCUMENT_NOUNS, GROUP_NOUNS, isParticiple, ORGANISATION_NOUNS, SUBJECT_LEADERS } from './quote-lexicon.js';
import { endsInCyrillic, endsSentence, isLowerWord, type Token } from './tokenize-body.js';

/** One statement of reported speech: its reporting clause and the reported words. */
export interface ReportedSpeech {
  clause: ReportingClause & { phrase: SpeakerPhrase };
  /** The reported words: from after the verb (and "that") to the end of the sentence, or the sentence before ", X said". */
  content: MatchRange;
  /** First token of the content, and one past its last. */
  startToken: number;
  endToken: number;
  paragraph: number;
}

/**
 * Verbs that report what was said and take the reported words as a clause. "told" and its like take
 * an object first ("told reporters (that) ..."); "posted", "described", "accused" or "laughed" report
 * no clause and are left out.
 */
const CLAUSE_VERBS = new Set(
  `say says said saying tell tells told add adds added argue argues argued claim claims claimed insist insists
  insisted warn warns warned note notes noted explain explains explained suggest suggests suggested stress stresses
  stressed maintain maintains maintained contend contends contended predict predicts predicted acknowledge
  acknowledges acknowledged admit admits admitted concede concedes conceded write writes wrote tweet tweets tweeted
  testify testifies testified confirm confirms confirmed announce announces announced report reports reported
  reveal reveals revealed promise promises promised agree agrees agreed reiterate reiterates reiterated emphasize
  emphasizes emphasized emphasise emphasises emphasised assert asserts asserted declare declares declared assure
  assures assured remind reminds reminded recall recalls recalled conclude concludes concluded deny denies denied
  complain complains complained boast boasts boasted vow vows vowed estimate estimates estimated believe believes
  believed
  сказал сказала сказали заявил заявила заявили заявляет заявляют отметил отметила отметили отмечает добавил
  добавила добавили подчеркнул подчеркнула подчеркнули подчеркивает сообщил сообщила сообщили сообщает пояснил
  пояснила пояснили рассказал рассказала рассказали уточнил уточнила уточнили считает считают полагает заверил
  заверила заверили напомнил напомнила напомнили признал признала указал указала указали предупредил предупредила
  предупредили написал написала написали пишет говорит говорят говорил говорила ответил ответила ответили`.split(/\s+/),
);

/** Verbs whose clause is only reported speech after "that" (or "что"): "confirmed the deal" is not. */
const THAT_ONLY_VERBS = new Set(
  `confirm confirms confirmed announce announces announced report reports reported reveal reveals revealed promise
  promises promised agree agrees agreed deny denies denied recall recalls recalled admit admits admitted acknowledge
  acknowledges acknowledged write writes wrote tweet tweets tweeted estimate estimates estimated predict predicts
  predicted remind reminds reminded assure assures assured vow vows vowed complain complains complained boast boasts
  boasted declare declares declared conclude concludes concluded`.split(/\s+/),
);

/** Verbs that take a person as object before the reported clause: "told reporters", "assured voters". */
const OBJECT_VERBS = new Set('tell tells told assure assures assured remind reminds reminded warn warns warned'.split(' '));

/** "that" and its Russian counterpart, which open the reported clause. */
const COMPLEMENTIZERS = new Set(['that', 'что', 'чтобы']);

/**
 * Words that show a run of words is a clause (it has a verb), not a noun phrase: "said the plan would
 * fail", not "said goodbye to the crowd". Auxiliaries and modals, and "-ed" or "-n't" words (below).
 */
const FINITE_WORDS = new Set(
  `is are was were will would could can should may might must has have had does did do isn't aren't wasn't weren't
  won't wouldn't couldn't can't cannot shouldn't hasn't haven't hadn't doesn't didn't don't 's 're 'll 'd ’s ’re ’ll ’d
  needs need wants want plans plan intends expects hopes remains remain seems seem`.split(/\s+/),
);

/** The verb of a reported clause comes within its first words: "the Fraser Highway extension could be built". */
const CLAUSE_VERB_WITHIN = 12;
/** Words of the object of "told" ("his monthly press conference") before the reported clause. */
const MAX_OBJECT_WORDS = 5;
/** Words that open a reported clause after the object of "told": determiners and subject pronouns. */
const CLAUSE_OPENERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'there', 'no', 'some', 'all', 'many', 'most']);
/** Fewest words of reported content: "he would", "it failed" say too little to be a statement. */
const MIN_CONTENT_WORDS = 4;
/** Tokens between the verb and "that": "said on Tuesday in a statement that". */
const MAX_BEFORE_THAT = 10;
/** Tokens after the speaker in ", X said": "in a statement on Tuesday". */
const MAX_CLAUSE_TAIL = 8;
/** Reported speech longer than a sentence is not looked for; a sentence longer than this is not one. */
const MAX_SENTENCE_TOKENS = 150;

const lower = (token: Token | undefined): string => token?.lower ?? '';

/**
 * The reported speech of an article, one per sentence at most, in order. `insideQuote` marks the tokens
 * of direct quotations: a verb or speaker inside one is someone's words, not the reporter's, and reported
 * words that open with a quotation mark are a direct quotation, found elsewhere. Linear in the tokens.
 */
export function findReportedSpeech(context: AttributionContext, insideQuote: Uint8Array): ReportedSpeech[] {
  const { tokens } = context;
  const found: ReportedSpeech[] = [];
  let start = 0;
  while (start < tokens.length) {
    let end = start;
    const paragraph = tokens[start]?.paragraph;
    // A sentence ends at a sentence end outside quotation marks, or at the paragraph's end.
    while (end < tokens.length && tokens[end]?.paragraph === paragraph && !(endsSentence(tokens, end) && insideQuote[end] === 0)) end++;
    const next = end < tokens.length && tokens[end]?.paragraph === paragraph ? end + 1 : end;
    // A sentence inside a quotation is someone's words, not the reporter's.
    const quoted = insideQuote[start] === 1 && insideQuote[end - 1] === 1;
    if (!quoted && end - start <= MAX_SENTENCE_TOKENS) {
      const speech = inSentence(context, insideQuote, start, end);
      if (speech !== null) found.push(speech);
    }
    start = Math.max(next, start + 1);
  }
  return found;
}

/** The reported speech of the sentence `[start, end)` (its final punctuation excluded), if any. */
function inSentence(context: AttributionContext, insideQuote: Uint8Array, start: number, end: number): ReportedSpeech | null {
  return accordingToFirst(context, insideQuote, start, end) ?? verbFirst(context, insideQuote, start, end) ?? subjectAndVerb(context, insideQuote, start, end) ?? clauseLast(context, insideQuote, start, end);
}

/** `According to X, CONTENT.`, `По словам X, CONTENT.` */
function accordingToFirst(context: AttributionContext, insideQuote: Uint8Array, start: number, end: number): ReportedSpeech | null {
  const { body, tokens } = context;
  const k = lower(tokens[start]) === 'but' || lower(tokens[start]) === 'and' || lower(tokens[start]) === 'но' ? start + 1 : start;
  const according = accordingToLength(tokens, k);
  if (according === 0) return null;
  const phrase = parseSubjectAfter(body, tokens, k + according, end);
  if (phrase === null || tokens[phrase.lastToken + 1]?.text !== ',') return null;
  return speech(context, insideQuote, { phrase, verb: null }, phrase.lastToken + 2, end);
}

/** `Как заявил X, CONTENT.`, `As X said, CONTENT.`: the verb first, its subject, a comma, then the content. */
function verbFirst(context: AttributionContext, insideQuote: Uint8Array, start: number, end: number): ReportedSpeech | null {
  const { body, tokens } = context;
  if (!['как', 'as'].includes(lower(tokens[start]))) return null;
  const verb = tokens[start + 1];
  if (isReportingVerb(verb) && CLAUSE_VERBS.has(lower(verb))) {
    const phrase = parseSubjectAfter(body, tokens, start + 2, end);
    if (phrase !== null && tokens[phrase.lastToken + 1]?.text === ',') return speech(context, insideQuote, { phrase, verb: lower(verb) }, phrase.lastToken + 2, end);
  }
  // "As Smith said, ...": the subject first.
  for (let v = start + 2; v < end && v - start < 8; v++) {
    if (!isReportingVerb(tokens[v]) || !CLAUSE_VERBS.has(lower(tokens[v]))) continue;
    const phrase = parseSubjectBefore(body, tokens, start + 1, v);
    if (phrase !== null && phrase.firstToken === start + 1 && tokens[v + 1]?.text === ',') return speech(context, insideQuote, { phrase, verb: lower(tokens[v]) }, v + 2, end);
    return null;
  }
  return null;
}

/** `X said (on Tuesday) (that) CONTENT.`, `X told reporters CONTENT.`, `X заявил, что CONTENT.` */
function subjectAndVerb(context: AttributionContext, insideQuote: Uint8Array, start: number, end: number): ReportedSpeech | null {
  const { body, tokens } = context;
  for (let v = start + 1; v < end; v++) {
    const verbToken = tokens[v];
    if (insideQuote[v] === 1 || !isReportingVerb(verbToken) || !CLAUSE_VERBS.has(lower(verbToken))) continue;
    // "is said to", "was told": the passive names no speaker before the verb.
    if (['is', 'are', 'was', 'were', 'be', 'been', 'being'].includes(lower(tokens[v - 1]))) continue;
    // What is reported first, then who reported it: the content rules out most verbs, and is cheaper.
    const from = contentStart(tokens, v, end);
    if (from < 0 || end - from < MIN_CONTENT_WORDS) continue;
    const verb = lower(verbToken);
    const opened = COMPLEMENTIZERS.has(lower(tokens[from - 1]));
    if (!opened && (THAT_ONLY_VERBS.has(verb) || endsInCyrillic(verb))) continue;
    // "Roy Graf protested the two bills, saying they ...": a participle's subject is its sentence's.
    const participle = isParticiple(verb) && tokens[v - 1]?.text === ',' ? sentenceSubject(context, start, v) : null;
    const phrase = participle ?? parseSubjectBefore(body, tokens, start, v) ?? subjectOfClause(context, start, v);
    if (phrase === null || insideQuote[phrase.firstToken] === 1 || !canReport(phrase)) continue;
    const found = speech(context, insideQuote, { phrase, verb }, from, end);
    if (found !== null && (opened || isClause(tokens, found.startToken, found.endToken))) return found;
  }
  return null;
}

/** `CONTENT, X said (in a statement).`, `CONTENT, said X.`, `CONTENT, — сказал X.`, `CONTENT, according to X.` */
function clauseLast(context: AttributionContext, insideQuote: Uint8Array, start: number, end: number): ReportedSpeech | null {
  const { tokens } = context;
  // The comma nearest the end whose clause reaches the end of the sentence; only a clause with a
  // reporting verb or "according to" after the comma can be one.
  let reports = false;
  for (let c = end - 1; c > start + MIN_CONTENT_WORDS && end - c <= MAX_CLAUSE_TAIL + 12; c--) {
    reports ||= isReportingVerb(tokens[c]) || accordingToLength(tokens, c) > 0;
    if (!reports || tokens[c]?.text !== ',' || insideQuote[c] === 1 || tokens[c - 1]?.kind === 'mark') continue;
    const clause = findClauseAfter(context, c, end);
    if (clause === null || clause.phrase === null || !canReport(clause.phrase)) continue;
    if (end - 1 - clause.phrase.lastToken > MAX_CLAUSE_TAIL) continue;
    // What stands before ", Smith said" is what Smith said: a sentence, even one whose verb the clause
    // test cannot see ("The market moves to the square in June, the council said").
    return speech(context, insideQuote, { phrase: clause.phrase, verb: clause.verb }, start, c);
  }
  return null;
}

/**
 * Whether the phrase can be the source of reported speech: a name, a pronoun, or a role, group,
 * organisation or document ("the minister", "critics", "the council", "the report"); not a thing ("the
 * gesture toward China suggests").
 */
function canReport(phrase: SpeakerPhrase): boolean {
  if (phrase.kind !== 'role') return true;
  const head = phrase.head ?? '';
  return isRoleNoun(head) || DOCUMENT_NOUNS.has(head) || GROUP_NOUNS.has(head) || ORGANISATION_NOUNS.has(head);
}

/** The name or pronoun that opens the sentence `[start, v)` as its subject: followed by a lower-case word (its verb). */
function sentenceSubject(context: AttributionContext, start: number, v: number): SpeakerPhrase | null {
  const { body, tokens } = context;
  const first = SUBJECT_LEADERS.has(lower(tokens[start])) ? start + 1 : start;
  const phrase = parseSubjectAfter(body, tokens, first, v);
  if (phrase === null || phrase.kind === 'role' || phrase.firstToken !== first || !isLowerWord(tokens[phrase.lastToken + 1])) return null;
  return phrase;
}

/**
 * The subject of the clause that ends at the verb `v` when opening words come first ("On Tuesday,
 * Smith said"): a pronoun or a person's name followed by nothing but the verb.
 */
function subjectOfClause(context: AttributionContext, start: number, v: number): SpeakerPhrase | null {
  const phrase = clauseSubject(context, start, v);
  if (phrase === null || phrase.lastToken !== v - 1) return null;
  return phrase.kind === 'pronoun' || phrase.personLike ? phrase : null;
}

/**
 * Where the reported words start after the verb at `v`: after "that" when it comes within a few words
 * ("said on Tuesday that", "told the committee that"), after the object of "told" ("told reporters",
 * "told CBC News"), else right after the verb. -1 when what follows is not reported words: a quotation
 * mark, "to" ("told him to leave"), a comma or the sentence end.
 */
function contentStart(tokens: readonly Token[], v: number, end: number): number {
  // "told a crowd of about 100 party members gathered at a banquet hall in Burnaby that": an object may be long.
  const reach = OBJECT_VERBS.has(lower(tokens[v])) ? 2 * MAX_BEFORE_THAT : MAX_BEFORE_THAT;
  for (let k = v + 1; k < end && k - v <= reach; k++) {
    const token = tokens[k];
    if (token === undefined) break;
    if (COMPLEMENTIZERS.has(lower(token))) return k + 1;
    // "что" follows a comma in Russian: "заявил, что".
    if (token.text === ',' && k === v + 1 && COMPLEMENTIZERS.has(lower(tokens[k + 1]))) return k + 2;
    if (token.kind !== 'word') break;
  }
  let k = v + 1;
  if (OBJECT_VERBS.has(lower(tokens[v]))) {
    // The object runs up to where the reported clause starts: a determiner or a subject pronoun after it
    // ("told Labour members the Tories ...", "told his monthly press conference the matter ...", "told
    // CBC News he ..."). Past a few words without one, where the clause starts cannot be told.
    const objectEnd = k;
    while (k < end && k - objectEnd < MAX_OBJECT_WORDS && tokens[k]?.kind === 'word' && !(k > objectEnd && opensClause(tokens[k]))) k++;
    if (k === objectEnd || !opensClause(tokens[k])) return -1;
  }
  while (k < end && ['on', 'in', 'at', 'during', 'last', 'this', 'yesterday', 'today', 'tuesday', 'monday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'earlier', 'later', 'again', 'also', 'repeatedly', 'previously'].includes(lower(tokens[k])) && !isDayPhraseEnd(tokens, k)) k++;
  const first = tokens[k];
  if (first === undefined || k >= end || first.kind !== 'word' || lower(first) === 'to' || lower(first) === 'goodbye') return -1;
  return k;
}

/** Whether the word can open a reported clause after an object: a determiner or a subject pronoun. */
function opensClause(token: Token | undefined): boolean {
  return token?.kind === 'word' && CLAUSE_OPENERS.has(lower(token));
}

/** Whether a lower-case time word is followed by a sentence end (nothing reported after it). */
function isDayPhraseEnd(tokens: readonly Token[], k: number): boolean {
  return endsSentence(tokens, k + 1);
}

/** The reported speech with content `[from, to)`, if it is long enough and is not a direct quotation. */
function speech(context: AttributionContext, insideQuote: Uint8Array, clause: ReportingClause & { phrase: SpeakerPhrase }, from: number, to: number): ReportedSpeech | null {
  const { tokens } = context;
  let end = to;
  // Not the sentence's closing punctuation, nor a comma before an attribution.
  while (end > from && tokens[end - 1]?.kind === 'punct' && !['%', ')', '$'].includes(tokens[end - 1]?.text ?? '')) end--;
  const first = tokens[from];
  const last = tokens[end - 1];
  if (first === undefined || last === undefined || first.kind === 'mark' || insideQuote[from] === 1) return null;
  // Reported words that are mostly a direct quotation are that quotation.
  let words = 0;
  let quoted = 0;
  for (let k = from; k < end; k++) {
    if (tokens[k]?.kind !== 'word') continue;
    words++;
    if (insideQuote[k] === 1) quoted++;
  }
  if (words < MIN_CONTENT_WORDS || quoted * 2 > words) return null;
  return { clause, content: { start: first.start, end: last.end }, startToken: from, endToken: end, paragraph: first.paragraph };
}

/**
 * Whether the words `[from, to)` open with a clause: a verb (an auxiliary, a modal, a "-ed" or "-n't"
 * word) among the first few words, before any "and" ("suggested a possible strengthening of sanctions
 * and even said this could" opens with a noun phrase).
 */
function isClause(tokens: readonly Token[], from: number, to: number): boolean {
  let words = 0;
  for (let k = from; k < to && words < CLAUSE_VERB_WITHIN; k++) {
    const token = tokens[k];
    if (token === undefined || token.kind !== 'word') continue;
    words++;
    const word = lower(token);
    if (word === 'and' || word === 'or') return false;
    if (FINITE_WORDS.has(word) || (isLowerWord(token) && word.length > 4 && word.endsWith('ed')) || word.endsWith("n't") || word.endsWith('n’t')) return true;
    if (endsInCyrillic(word)) return true;
  }
  return false;
}
