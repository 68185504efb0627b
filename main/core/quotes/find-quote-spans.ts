// Finds the quoted spans of a body by pairing quotation marks, paragraph by paragraph.
import type { MatchRange } from '../../contract/model.js';
import { lowerBound } from '../util/lower-bound.js';
import { isSpace, trimRange } from '../util/white-space.js';
import { isSentenceFinal } from './tokenize-body.js';

/** One quotation as the marks delimit it, before attribution or filtering. */
export interface QuoteSpan {
  /** Trimmed, non-empty, in order; each lies inside one paragraph and excludes the marks. */
  parts: MatchRange[];
  /** Offset of the opening mark of the first part, or null when the copy lost it. */
  open: number | null;
  /** Offset of the closing mark of the last part, or null when the quote was cut at a paragraph's end. */
  close: number | null;
  /** Offsets of every mark that delimits a part, in order. */
  marks: number[];
}

type Role = 'open' | 'close';
/** Double marks (`"`, `“”`, `„“`, `«»`, NYT-style `''`) or single ones (`‘’`, `'`), which are outer quotes only where no double mark is. */
type Family = 'double' | 'single';

/** One quotation mark: where it is and how many characters it takes (`''` takes two). */
interface Mark {
  pos: number;
  length: number;
  /** A single mark that may be a plural possessive (`the voters' choice`): it closes a quote only when no other mark can. */
  weak?: boolean;
}

const DOUBLE_MARKS = new Set(['"', '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB']);
const SINGLE_MARKS = new Set(["'", '\u2018', '\u2019', '\u201A', '\u201B', '\u2039', '\u203A']);
/** Marks whose shape says which side they belong on, when the spacing around them does not. */
const LEANS: ReadonlyMap<string, Role> = new Map<string, Role>([
  ['\u201C', 'open'], // “ (also the closing mark of „…“, which the spacing then decides)
  ['\u201E', 'open'], // „
  ['\u201F', 'open'], // ‟
  ['\u00AB', 'open'], // «
  ['\u201D', 'close'], // ”
  ['\u00BB', 'close'], // »
  ['\u2018', 'open'], // ‘
  ['\u201A', 'open'], // ‚
  ['\u2039', 'open'], // ‹
  ['\u2019', 'close'], // ’
  ['\u203A', 'close'], // ›
]);
const OPENING_CONTEXT = new Set(['(', '[', '{', '<', '\u2014', '\u2013', '-', '/', "'", '\u2018']);
const CLOSING_CONTEXT = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}', '>', '\u2014', '\u2013', '-', '/', "'", '\u2019', '\u2026', '*']);
/** What a quotation ends with before a closing mark whose opening mark was lost (`...,” he said.`). */
const QUOTE_FINAL = new Set([',', '.', '?', '!', '\u2026', '\u2014', '\u2013', '-']);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Any character of `DOUBLE_MARKS` or `SINGLE_MARKS`. */
const MARK_CHARACTER = /["'\u00AB\u00BB\u2018-\u201F\u2039\u203A]/;

interface OpenQuote {
  parts: MatchRange[];
  open: number | null;
  partStart: number;
  marks: number[];
  /** Opening marks seen inside the quote and not closed yet (`"He called it "stupid" today"`). */
  depth: number;
}

/**
 * Pairs the quotation marks of `body` into quoted spans: double marks (straight, curly, guillemets,
 * low-high, and `''` as NYT copy writes them), and single marks in paragraphs without double ones
 * (British style). Single marks inside a double-quoted span are nested quotes and stay part of it.
 *
 * Rules, each for a pattern of real news copy:
 * - Which side a mark is on comes from the spacing around it (like CommonMark's flanking rules), then
 *   from its shape, then from whether a quote is open, so straight quotes and `„…“` pair correctly.
 * - A quote left open at a paragraph's end continues only if the next paragraph starts with an opening
 *   mark (the convention for quotes over several paragraphs); otherwise it ends with its paragraph, so
 *   an unbalanced mark never swallows the rest of the article.
 * - An opening mark inside an open quote right after a sentence end (`...weeks. "We are...`) starts a
 *   new part of the same quote: copies that joined paragraphs keep the repeated opening mark.
 * - A paragraph whose first mark is a closing one after `,` `.` `?` `!` (`...Ukraine,” he said.`) lost its
 *   opening mark: the quote runs from the start of the paragraph.
 * - A closing-looking mark followed by another closing one (`Wilkins said," [Warhol] liked ...".`) is an
 *   opening mark typed on the wrong side of its space.
 * - An apostrophe is no single mark: between letters (`don't`), before a year (`'90s`), or closing a
 *   plural possessive before a lower-case word (`the voters’ choice`).
 */
export function findQuoteSpans(body: string, paragraphs: readonly MatchRange[]): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const candidates = markCandidates(body);
  let current: OpenQuote | null = null;
  let family: Family = 'double';

  const addPart = (quote: OpenQuote, from: number, to: number): void => {
    const part = trimRange(body, from, to);
    if (part !== null) quote.parts.push(part);
  };
  const finish = (quote: OpenQuote, close: number | null): void => {
    if (close !== null) quote.marks.push(close);
    if (quote.parts.length > 0) spans.push({ parts: quote.parts, open: quote.open, close, marks: quote.marks });
  };

  for (let p = 0; p < paragraphs.length; p++) {
    const paragraph = paragraphs[p];
    if (paragraph === undefined) continue;
    let marks: Mark[];
    if (current !== null) {
      // Continued from the previous paragraph, which checked that this one starts with an opening mark.
      marks = marksOf(body, paragraph, family, candidates);
    } else {
      marks = marksOf(body, paragraph, 'double', candidates);
      family = 'double';
      if (marks.length === 0) {
        marks = marksOf(body, paragraph, 'single', candidates);
        family = 'single';
      }
    }
    let first = 0;
    if (current !== null) {
      const repeated = marks[0];
      current.partStart = paragraph.start + (repeated?.length ?? 1);
      if (repeated !== undefined) current.marks.push(repeated.pos);
      current.depth = 0;
      first = 1;
    }
    let lastStrong = -1;
    marks.forEach((mark, i) => {
      if (mark.weak !== true) lastStrong = i;
    });
    for (let i = first; i < marks.length; i++) {
      const mark = marks[i] ?? { pos: 0, length: 1 };
      // `'working the referees' at a game`: a possessive-looking mark closes the quote if nothing after it can.
      if (mark.weak === true && (current === null || i < lastStrong)) continue;
      if (current === null) {
        if (roleOf(body, mark, paragraph, false) === 'open') {
          current = { parts: [], open: mark.pos, partStart: mark.pos + mark.length, marks: [mark.pos], depth: 0 };
          continue;
        }
        const next = marks[i + 1];
        if (next !== undefined && roleOf(body, next, paragraph, true) === 'close') {
          // `Wilkins said," [Warhol] liked ... looked".`: the opening mark was typed on the wrong side.
          current = { parts: [], open: mark.pos, partStart: mark.pos + mark.length, marks: [mark.pos], depth: 0 };
        } else if (i === 0 && QUOTE_FINAL.has(body.charAt(mark.pos - 1))) {
          const part = trimRange(body, paragraph.start, mark.pos);
          if (part !== null) spans.push({ parts: [part], open: null, close: mark.pos, marks: [mark.pos] });
        }
        continue;
      }
      if (roleOf(body, mark, paragraph, true) === 'close') {
        if (current.depth > 0) {
          current.depth--;
        } else {
          addPart(current, current.partStart, mark.pos);
          finish(current, mark.pos);
          current = null;
        }
      } else if (startsNewPart(body, current.partStart, mark.pos)) {
        addPart(current, current.partStart, mark.pos);
        current.partStart = mark.pos + mark.length;
        current.marks.push(mark.pos);
      } else {
        current.depth++;
      }
    }
    if (current !== null) {
      addPart(current, current.partStart, paragraph.end);
      const next = paragraphs[p + 1];
      const opening = next === undefined ? undefined : marksOf(body, next, family, candidates)[0];
      const continues = next !== undefined && opening !== undefined && opening.pos === next.start && roleOf(body, opening, next, false) === 'open';
      if (!continues) {
        finish(current, null);
        current = null;
      }
    }
  }
  return spans;
}

/**
 * The offsets of every character of `body` that may be a quotation mark of either family, `'`
 * included, found in one pass: `marksOf` then reads each paragraph without visiting its letters
 * (scanning every character of every paragraph, twice where it held no double mark, took a sixth of
 * extraction's time).
 */
function markCandidates(body: string): number[] {
  const offsets: number[] = [];
  const pattern = new RegExp(MARK_CHARACTER.source, 'g');
  for (let m = pattern.exec(body); m !== null; m = pattern.exec(body)) offsets.push(m.index);
  return offsets;
}

/** The index of the first of the sorted `offsets` at or after `offset` (offsets.length if none). */
function firstAtOrAfter(offsets: readonly number[], offset: number): number {
  return lowerBound(offsets.length, (i) => (offsets[i] ?? 0) < offset);
}

/** The marks of one family in a paragraph, in order; `candidates` come from `markCandidates`. */
function marksOf(body: string, paragraph: MatchRange, family: Family, candidates: readonly number[]): Mark[] {
  const marks: Mark[] = [];
  // A run of `'` is read whole: the characters after its first are not marks of their own.
  let unread = paragraph.start;
  for (let c = firstAtOrAfter(candidates, paragraph.start); c < candidates.length; c++) {
    const i = candidates[c] ?? paragraph.end;
    if (i >= paragraph.end) break;
    if (i < unread) continue;
    const ch = body.charAt(i);
    if (ch === "'" && body.charAt(i + 1) === "'") {
      let run = 2;
      while (body.charAt(i + run) === "'") run++;
      // NYT style: `''` is a double mark; in `'old-school,'''` a single mark meets a double one, and the
      // double one is the outer: last when closing, first when opening. Longer runs are left alone.
      if (family === 'double' && run === 2) marks.push({ pos: i, length: 2 });
      if (family === 'double' && run === 3) marks.push({ pos: i > paragraph.start && !isSpace(body.charAt(i - 1)) ? i + 1 : i, length: 2 });
      unread = i + run;
      continue;
    }
    if (family === 'double') {
      if (DOUBLE_MARKS.has(ch)) marks.push({ pos: i, length: 1 });
    } else if (SINGLE_MARKS.has(ch)) {
      const apostrophe = apostropheAt(body, i, paragraph);
      if (apostrophe !== 'apostrophe') marks.push(apostrophe === 'possessive' ? { pos: i, length: 1, weak: true } : { pos: i, length: 1 });
    }
  }
  return marks;
}

/**
 * Whether the single mark at `i` is an apostrophe: `don't` (also typed `Obama‘s`), `G.M.R.'s`,
 * `'90s`; or may be one, closing a plural possessive (`the voters’ choice`).
 */
function apostropheAt(body: string, i: number, paragraph: MatchRange): 'apostrophe' | 'possessive' | null {
  const ch = body.charAt(i);
  if (ch !== "'" && ch !== '\u2019' && ch !== '\u201B' && ch !== '\u2018') return null;
  const prev = i > paragraph.start ? body.charAt(i - 1) : '';
  const next = i + 1 < paragraph.end ? body.charAt(i + 1) : '';
  if (LETTER_OR_DIGIT.test(prev) && LETTER_OR_DIGIT.test(next)) return 'apostrophe';
  if (ch === '\u2018') return null;
  // A possessive after an abbreviation or a number: "G.M.R.'s", "e.v.’s", "1990's".
  if (/[.\p{N}]/u.test(prev) && next === 's' && !LETTER_OR_DIGIT.test(body.charAt(i + 2))) return 'apostrophe';
  if (/\d/.test(next) && !LETTER_OR_DIGIT.test(prev)) return /^\d\ds\b/.test(body.slice(i + 1, i + 5)) ? 'apostrophe' : null;
  return (prev === 's' || prev === 'S') && next === ' ' && /\p{Ll}/u.test(body.charAt(i + 2)) ? 'possessive' : null;
}

/** Which side the mark is on: spacing first, then the mark's shape, then the open/closed state. */
function roleOf(body: string, mark: Mark, paragraph: MatchRange, inside: boolean): Role {
  const { pos } = mark;
  const after = pos + mark.length;
  const prev = pos > paragraph.start ? body.charAt(pos - 1) : '';
  const next = after < paragraph.end ? body.charAt(after) : '';
  const opensAfter = next !== '' && !isSpace(next);
  const closesBefore = prev !== '' && !isSpace(prev);
  const leftFlanking = opensAfter && (prev === '' || isSpace(prev) || OPENING_CONTEXT.has(prev) || isMarkChar(prev));
  const rightFlanking = closesBefore && (next === '' || isSpace(next) || CLOSING_CONTEXT.has(next) || isMarkChar(next));
  if (leftFlanking && !rightFlanking) return 'open';
  if (rightFlanking && !leftFlanking) return 'close';
  return (mark.length === 1 ? LEANS.get(body.charAt(pos)) : undefined) ?? (inside ? 'close' : 'open');
}

function isMarkChar(ch: string): boolean {
  return DOUBLE_MARKS.has(ch) || SINGLE_MARKS.has(ch);
}

/** An opening mark inside a quote, after a sentence end and a space, repeats the quote's opening mark. */
function startsNewPart(body: string, partStart: number, mark: number): boolean {
  if (!isSpace(body.charAt(mark - 1))) return false;
  let i = mark - 1;
  while (i > partStart && isSpace(body.charAt(i))) i--;
  return i > partStart && isSentenceFinal(body.charAt(i));
}
