// Splits an article body into paragraphs and into word, punctuation and quotation-mark tokens.
import type { MatchRange } from '../../contract/model.js';
import { lowerBound } from '../util/lower-bound.js';
import { ABBREVIATIONS } from './quote-lexicon.js';
import { maxInnerSeparators, maxRunLength } from '../util/text-budgets.js';

/** `mark` is a double quotation mark of any style; `punct` is any other single non-space character. */
export type TokenKind = 'word' | 'punct' | 'mark';

/**
 * A token with its UTF-16 offsets into the body and the index of its paragraph. The case of its first
 * letter is worked out once, and its lower-case form on first use: attribution looks at each token
 * many times, and a `toLowerCase()` or a Unicode regex at every look was a sixth of extraction's time.
 */
export interface Token {
  text: string;
  /** `text` in lower case. */
  lower: string;
  start: number;
  end: number;
  kind: TokenKind;
  paragraph: number;
  /** Whether `text` starts with a capital letter (any script). */
  upperInitial: boolean;
  /** Whether `text` starts with a lower-case letter (any script). */
  lowerInitial: boolean;
}

/** Double quotation marks of one character: straight, curly, low-high, guillemets (NYT-style `''` is told by `kindOf`). */
const QUOTE_MARKS = new Set(['"', '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB']);

// A word is letters, marks and digits, with single inner hyphens, apostrophes or dots ("Al-Maeena",
// "Trump's", "U.S"); `''` is one token (NYT copy's double quotation mark, `'''` when it meets a
// single one); anything else is a
// one-character token. Each repetition of the group must start with a separator, so the pattern
// cannot backtrack catastrophically; its runs are bounded (`maxRunLength`: a longer run is split), so
// that a 10-million-character word never overflows the stack (issue 14). Sticky: `tokenizeBody` matches
// it at each token's start.
const TOKEN = new RegExp(
  `'''|''|[\\p{L}\\p{M}\\p{N}]{1,${maxRunLength}}(?:[-'\\u2019.\\u00B7][\\p{L}\\p{M}\\p{N}]{1,${maxRunLength}}){0,${maxInnerSeparators}}|\\S`,
  'uy',
);
const SPACE = /\s/;
const WORD_START = /^[\p{L}\p{M}\p{N}]/u;
const UPPER_START = /^\p{Lu}/u;
const LOWER_START = /^\p{Ll}/u;
const SINGLE_CAPITAL = /^\p{Lu}$/u;

/** The paragraphs of `body` (one definition, shared with the reader so quotes and the page agree). */
export { splitParagraphs } from '../../common/split-paragraphs.js';

/**
 * The tokens of `body` in order. A full stop after an abbreviation ("Dr.", "U.S.", an initial "B.")
 * belongs to the word, so that a `.` token always ends a sentence or a number.
 */
export function tokenizeBody(body: string, paragraphs: readonly MatchRange[]): Token[] {
  const tokens: Token[] = [];
  // Matched in place at each token's start with `test`, white space skipped by hand: `exec` in a loop
  // built a match array per token, a sixth of tokenizing.
  const pattern = new RegExp(TOKEN.source, TOKEN.flags);
  let paragraph = 0;
  for (let start = skipSpace(body, 0); start < body.length; ) {
    pattern.lastIndex = start;
    if (!pattern.test(body)) {
      // Not reached: `\S` matches wherever `skipSpace` stops.
      start = skipSpace(body, start + 1);
      continue;
    }
    let text = body.slice(start, pattern.lastIndex);
    const kind = kindOf(text);
    if (kind === 'word' && body.charCodeAt(start + text.length) === 0x2e && isAbbreviation(text)) text += '.';
    while (paragraph < paragraphs.length - 1 && start >= (paragraphs[paragraph]?.end ?? 0)) paragraph++;
    const initial = text.charCodeAt(0);
    const upperInitial = isAscii(initial) ? initial >= 0x41 && initial <= 0x5a : UPPER_START.test(text);
    const lowerInitial = isAscii(initial) ? initial >= 0x61 && initial <= 0x7a : LOWER_START.test(text);
    tokens.push(new BodyToken(text, start, kind, paragraph, upperInitial, lowerInitial));
    start = skipSpace(body, start + text.length);
  }
  return tokens;
}

/**
 * A token as `tokenizeBody` makes it. Its lower-case form is made on first use and kept: three tokens
 * in four are never asked for it, and lowering every one took a twentieth of extraction's time.
 */
class BodyToken implements Token {
  readonly end: number;
  private lowered: string | undefined = undefined;

  constructor(
    readonly text: string,
    readonly start: number,
    public kind: TokenKind,
    readonly paragraph: number,
    readonly upperInitial: boolean,
    readonly lowerInitial: boolean,
  ) {
    this.end = start + text.length;
  }

  get lower(): string {
    this.lowered ??= this.text.toLowerCase();
    return this.lowered;
  }
}

/** The token as a capitalised word: a name in text written all in lower case (see `lower-case-names.ts`). */
export function asCapitalised(token: Token): Token {
  return new BodyToken(token.text, token.start, token.kind, token.paragraph, true, false);
}

/** The first offset from `from` that is not white space (`\s`), or the body's length. */
function skipSpace(body: string, from: number): number {
  let i = from;
  while (i < body.length) {
    const code = body.charCodeAt(i);
    // A zero-width space or word joiner left by a web page ("Traeger\u200b said") separates like a space.
    const space = isAscii(code) ? code === 0x20 || (code >= 0x09 && code <= 0x0d) : code === 0x200b || code === 0x2060 || SPACE.test(body.charAt(i));
    if (!space) break;
    i++;
  }
  return i;
}

/** What a match of `TOKEN` is, from its first character: an ASCII one without a Set lookup or a regex. */
function kindOf(text: string): TokenKind {
  const initial = text.charCodeAt(0);
  // `''` and `'''` are double marks; `'` alone is punctuation (`extractQuotes` marks the single marks it pairs).
  if (initial === 0x27) return text.length > 1 ? 'mark' : 'punct';
  if (isAscii(initial)) return isAsciiLetterOrDigit(initial) ? 'word' : initial === 0x22 ? 'mark' : 'punct';
  if (QUOTE_MARKS.has(text)) return 'mark';
  return WORD_START.test(text) ? 'word' : 'punct';
}

function isAscii(code: number): boolean {
  return code < 0x80;
}

function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isAbbreviation(word: string): boolean {
  return ABBREVIATIONS.has(word) || SINGLE_CAPITAL.test(word) || word.includes('.');
}

/** Punctuation after a full stop that shows the sentence goes on: "in Everett, Wash., recently". */
const CONTINUING_PUNCTUATION = new Set([',', ';', ')', ']']);

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
      return next === undefined || next.paragraph !== token.paragraph || !(isLowerWord(next) || CONTINUING_PUNCTUATION.has(next.text));
    }
    default:
      return false;
  }
}

/** Whether the token at `i` opens its sentence or paragraph, where any word is capitalised. */
export function opensSentence(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  return before === undefined || before.paragraph !== tokens[i]?.paragraph || endsSentence(tokens, i - 1) || before.kind === 'mark';
}

/** Whether the word's last character is Cyrillic: a cheap test before the regexes for Russian endings. */
export function endsInCyrillic(word: string): boolean {
  const last = word.charCodeAt(word.length - 1);
  return last >= 0x400 && last <= 0x4ff;
}

/** Whether the token is a word starting with a lower-case letter. */
export function isLowerWord(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'word' && token.lowerInitial;
}

/** Whether the token is a word starting with a capital letter (any script). */
export function isCapitalWord(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'word' && token.upperInitial;
}

/** The index of the first token whose start is at or after `offset` (tokens.length if none). */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  return lowerBound(tokens.length, (i) => (tokens[i]?.start ?? 0) < offset);
}
