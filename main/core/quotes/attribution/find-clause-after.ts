// Finds the reporting clause right after a quotation: `, said Redfield`, `, Leslie told the conference`, `― Justin Trudeau`.
import { nominativeName } from '../russian-names.js';
import { SUBJECT_VERB_FILLERS } from '../quote-lexicon.js';
import { parseSubjectAfter } from '../speaker-phrase/subject-after.js';
import { parseSubjectBefore } from '../speaker-phrase/subject-before.js';
import { isActiveVerb, isOutletName, isReportingVerb, lower } from '../speaker-phrase/word-classes.js';
import { endsSentence, isCapitalWord, isLowerWord, type Token } from '../tokenize-body.js';
import { accordingToLength } from './according-to.js';
import type { AttributionContext, ReportingClause } from './attribution.js';
import { guillemetsEnd } from './sentence-window.js';

/** Tokens of a role after a signature's name: `― Justin Trudeau, Prime Minister of Canada`. */
export const MAX_SIGNATURE_ROLE = 10;

/** Dashes that set off an attribution or a signature: em, en, horizontal bar, hyphen. */
export const DASHES = ['\u2014', '\u2013', '\u2015', '-'];

/** Tokens a subject may span before its verb. */
export const MAX_SUBJECT_TOKENS = 15;

/** Reporting verbs whose next words are their object (who was told), not the speaker ("asked Mr. Manafort" is inverted). */
const OBJECT_FIRST_VERBS = new Set(['told', 'tells', 'tell', 'telling', 'reminded', 'assured', 'urged']);

/** "цитирует «Взгляд» Дмитрия Медведева": the outlet quotes, the person after it spoke. */
const QUOTING_VERBS = new Set(['цитирует', 'цитируют', 'процитировал', 'процитировала', 'процитировали']);

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
