// Splits an article body into paragraphs and into word, punctuation and quotation-mark tokens.
import type { MatchRange } from '../model.js';
import { ABBREVIATIONS } from './quote-lexicon.js';

/** `mark` is a double quotation mark of any style; `punct` is any other single non-space character. */
export type TokenKind = 'word' | 'punct' | 'mark';

/** A token with its UTF-16 offsets into the body and the index of its paragraph. */
export interface Token {
  text: string;
  start: number;
  end: number;
  kind: TokenKind;
  paragraph: number;
}

const QUOTE_MARKS = new Set(['"', '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB']);

/** Whether `text` is a double quotation mark: straight, curly, low-high, guillemet, or NYT-style `''`. */
export function isQuoteMark(text: string | undefined): boolean {
  return text !== undefined && (QUOTE_MARKS.has(text) || text === "''" || text === "'''");
}

// A word is letters, marks and digits, with single inner hyphens, apostrophes or dots ("Al-Maeena",
// "Trump's", "U.S"); `''` is one token (NYT copy's double quotation mark, `'''` when it meets a
// single one); anything else is a
// one-character token. Each repetition of the group must start with a separator, so the pattern
// cannot backtrack catastrophically.
const TOKEN = /'''|''|[\p{L}\p{M}\p{N}]+(?:[-'\u2019.\u00B7][\p{L}\p{M}\p{N}]+)*|\S/gu;
const WORD_START = /^[\p{L}\p{M}\p{N}]/u;
const SINGLE_CAPITAL = /^\p{Lu}$/u;
const PARAGRAPH_BREAK = /\n[^\S\n]*\n/;

/**
 * The paragraphs of `body`: text between blank lines, trimmed, empty ones skipped. A single line break
 * is not a paragraph break (hard-wrapped text keeps its paragraphs).
 */
export function splitParagraphs(body: string): MatchRange[] {
  const paragraphs: MatchRange[] = [];
  const push = (from: number, to: number): void => {
    let start = from;
    let end = to;
    while (start < end && /\s/.test(body.charAt(start))) start++;
    while (end > start && /\s/.test(body.charAt(end - 1))) end--;
    if (end > start) paragraphs.push({ start, end });
  };
  let from = 0;
  const breaks = new RegExp(PARAGRAPH_BREAK.source, 'g');
  for (let m = breaks.exec(body); m !== null; m = breaks.exec(body)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, body.length);
  return paragraphs;
}

/**
 * The tokens of `body` in order. A full stop after an abbreviation ("Dr.", "U.S.", an initial "B.")
 * belongs to the word, so that a `.` token always ends a sentence or a number.
 */
export function tokenizeBody(body: string, paragraphs: readonly MatchRange[]): Token[] {
  const tokens: Token[] = [];
  const pattern = new RegExp(TOKEN.source, TOKEN.flags);
  let paragraph = 0;
  for (let m = pattern.exec(body); m !== null; m = pattern.exec(body)) {
    let text = m[0];
    const start = m.index;
    const kind: TokenKind = isQuoteMark(text) ? 'mark' : WORD_START.test(text) ? 'word' : 'punct';
    if (kind === 'word' && body.charAt(start + text.length) === '.' && isAbbreviation(text)) {
      text += '.';
      pattern.lastIndex = start + text.length;
    }
    while (paragraph < paragraphs.length - 1 && start >= (paragraphs[paragraph]?.end ?? 0)) paragraph++;
    tokens.push({ text, start, end: start + text.length, kind, paragraph });
  }
  return tokens;
}

function isAbbreviation(word: string): boolean {
  return ABBREVIATIONS.has(word) || SINGLE_CAPITAL.test(word) || word.includes('.');
}

/** Whether `ch` ends a sentence: `.`, `?`, `!` or `…`. */
export function isSentenceFinal(ch: string | undefined): boolean {
  return ch === '.' || ch === '?' || ch === '!' || ch === '\u2026';
}

/** Whether the token at `i` ends a sentence or clause: `.`, `?`, `!`, `…` or `;`. */
export function endsSentence(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  if (token === undefined || token.kind !== 'punct') return false;
  switch (token.text) {
    case '?':
    case '!':
    case '\u2026':
    case ';':
      return true;
    case '.': {
      // "... etc. and so on", "in Everett, Wash., recently": a full stop followed by a lower-case word
      // or by a comma in the same paragraph is not an end, nor is one closing "(D-Ore.)".
      const next = tokens[i + 1];
      return next === undefined || next.paragraph !== token.paragraph || !(isLowerWord(next) || [',', ';', ')', ']'].includes(next.text));
    }
    default:
      return false;
  }
}

/** Whether the token is a word starting with a lower-case letter. */
export function isLowerWord(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'word' && /^\p{Ll}/u.test(token.text);
}

/** Whether the token is a word starting with a capital letter (any script). */
export function isCapitalWord(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'word' && /^\p{Lu}/u.test(token.text);
}

/** The index of the first token whose start is at or after `offset` (tokens.length if none). */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((tokens[mid]?.start ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
