// Splits a quotation whose attribution sits inside its marks between dashes, as Russian copy writes it.
import type { MatchRange } from '../../contract/model.js';
import { trimRange } from '../util/white-space.js';
import { isReportingVerb } from './speaker-phrase/word-classes.js';
import { PRONOUNS } from './quote-lexicon.js';
import { isCapitalWord, tokenIndexAt, type Token } from './tokenize-body.js';

/** A quotation's parts once the attribution between dashes is cut out, and where that attribution is. */
export interface DashSplit {
  parts: MatchRange[];
  /** Token range `[from, to)` of the attribution, from its first dash to the punctuation before its second. */
  clause: [number, number] | null;
}

const DASHES = new Set(['\u2014', '\u2013']);
const BEFORE_DASH = new Set([',', '.', '!', '?', '\u2026']);
/** Most tokens between the two dashes: `, — сказал пресс-секретарь президента Дмитрий Песков. —`. */
const MAX_CLAUSE_TOKENS = 20;

/**
 * Cuts `«Мы восстановим город, — сказал мэр. — Это займёт два года»` into the parts `Мы восстановим
 * город,` and `Это займёт два года`, with `— сказал мэр.` as the attribution: Russian copy keeps one
 * pair of marks around a quotation and sets the attribution off with dashes. The attribution must start
 * with a reporting verb (`— сказал он`, `— заявил Песков`) or a speaker and a verb (`— Песков
 * отметил`), after a comma or a sentence end, and end at a second dash within a few words. Parts
 * without such a clause come back unchanged.
 */
export function splitDashAttribution(body: string, tokens: readonly Token[], parts: readonly MatchRange[]): DashSplit {
  const result: MatchRange[] = [];
  let clause: [number, number] | null = null;
  for (const part of parts) {
    let from = part.start;
    const last = tokenIndexAt(tokens, part.end);
    for (let k = tokenIndexAt(tokens, part.start); k < last; k++) {
      if (!opensClause(tokens, k)) continue;
      const close = closingDash(tokens, k, last);
      if (close < 0) continue;
      const first = trimRange(body, from, tokens[k]?.start ?? from);
      const closeEnd = tokens[close]?.end ?? part.end;
      if (first === null || trimRange(body, closeEnd, part.end) === null) continue;
      result.push(first);
      clause ??= [k, close - 1];
      from = closeEnd;
      k = close;
    }
    const rest = trimRange(body, from, part.end);
    if (rest !== null) result.push(rest);
  }
  return { parts: result, clause };
}

/** A dash after `,` or a sentence end, followed by a reporting verb, or by a speaker and a verb. */
function opensClause(tokens: readonly Token[], k: number): boolean {
  const dash = tokens[k];
  // Asked of every token of every quotation: the kind rules out most before the set lookups.
  if (dash === undefined || dash.kind !== 'punct' || !DASHES.has(dash.text) || !BEFORE_DASH.has(tokens[k - 1]?.text ?? '')) return false;
  const next = tokens[k + 1];
  if (isReportingVerb(next)) return true;
  const speaker = next !== undefined && (PRONOUNS.has(next.text.toLowerCase()) || isCapitalWord(next));
  return speaker && (isReportingVerb(tokens[k + 2]) || (isCapitalWord(tokens[k + 2]) && isReportingVerb(tokens[k + 3])));
}

/** The second dash of the attribution opened at `k`: after `,` or a sentence end, same paragraph, no quotation mark between. */
function closingDash(tokens: readonly Token[], k: number, last: number): number {
  const paragraph = tokens[k]?.paragraph;
  for (let j = k + 2; j < last && j - k <= MAX_CLAUSE_TOKENS; j++) {
    const token = tokens[j];
    if (token === undefined || token.paragraph !== paragraph || token.kind === 'mark') return -1;
    if (DASHES.has(token.text)) return BEFORE_DASH.has(tokens[j - 1]?.text ?? '') ? j : -1;
  }
  return -1;
}
