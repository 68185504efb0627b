// Finds the quoted spans of a body by pairing quotation marks, paragraph by paragraph.
import type { MatchRange } from '../model.js';
import { isQuoteMark, isSentenceFinal } from './tokenize-body.js';

/** One quotation as the marks delimit it, before attribution or filtering. */
export interface QuoteSpan {
  /** Trimmed, non-empty, in order; each lies inside one paragraph and excludes the marks. */
  parts: MatchRange[];
  /** Offset of the opening mark of the first part, or null when the copy lost it. */
  open: number | null;
  /** Offset of the closing mark of the last part, or null when the quote was cut at a paragraph's end. */
  close: number | null;
}

type Role = 'open' | 'close';

/** Marks whose shape says which side they belong on, when the spacing around them does not. */
const LEANS: ReadonlyMap<string, Role> = new Map<string, Role>([
  ['\u201C', 'open'], // “ (also the closing mark of „…“, which the spacing then decides)
  ['\u201E', 'open'], // „
  ['\u201F', 'open'], // ‟
  ['\u00AB', 'open'], // «
  ['\u201D', 'close'], // ”
  ['\u00BB', 'close'], // »
]);
const OPENING_CONTEXT = new Set(['(', '[', '{', '<', '\u2014', '\u2013', '-', '/', "'", '\u2018']);
const CLOSING_CONTEXT = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}', '>', '\u2014', '\u2013', '-', '/', "'", '\u2019', '\u2026', '*']);
/** What a quotation ends with before a closing mark whose opening mark was lost (`...,” he said.`). */
const QUOTE_FINAL = new Set([',', '.', '?', '!', '\u2026', '\u2014', '\u2013', '-']);

interface OpenQuote {
  parts: MatchRange[];
  open: number | null;
  partStart: number;
  /** Opening marks seen inside the quote and not closed yet (`"He called it "stupid" today"`). */
  depth: number;
}

/**
 * Pairs the double quotation marks of `body` (straight, curly, guillemets, low-high) into quoted spans.
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
 */
export function findQuoteSpans(body: string, paragraphs: readonly MatchRange[]): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let current: OpenQuote | null = null;

  const addPart = (quote: OpenQuote, from: number, to: number): void => {
    const part = trimRange(body, from, to);
    if (part !== null) quote.parts.push(part);
  };
  const finish = (quote: OpenQuote, close: number | null): void => {
    if (quote.parts.length > 0) spans.push({ parts: quote.parts, open: quote.open, close });
  };

  for (let p = 0; p < paragraphs.length; p++) {
    const paragraph = paragraphs[p];
    if (paragraph === undefined) continue;
    const marks = markPositions(body, paragraph);
    let first = 0;
    if (current !== null) {
      // Continued from the previous paragraph, which checked that this one starts with an opening mark.
      current.partStart = paragraph.start + 1;
      current.depth = 0;
      first = 1;
    }
    for (let i = first; i < marks.length; i++) {
      const mark = marks[i] ?? 0;
      if (current === null) {
        if (roleOf(body, mark, paragraph, false) === 'open') {
          current = { parts: [], open: mark, partStart: mark + 1, depth: 0 };
          continue;
        }
        const next = marks[i + 1];
        if (next !== undefined && roleOf(body, next, paragraph, true) === 'close') {
          // `Wilkins said," [Warhol] liked ... looked".`: the opening mark was typed on the wrong side.
          current = { parts: [], open: mark, partStart: mark + 1, depth: 0 };
        } else if (i === 0 && QUOTE_FINAL.has(body.charAt(mark - 1))) {
          const part = trimRange(body, paragraph.start, mark);
          if (part !== null) spans.push({ parts: [part], open: null, close: mark });
        }
        continue;
      }
      if (roleOf(body, mark, paragraph, true) === 'close') {
        if (current.depth > 0) {
          current.depth--;
        } else {
          addPart(current, current.partStart, mark);
          finish(current, mark);
          current = null;
        }
      } else if (startsNewPart(body, current.partStart, mark)) {
        addPart(current, current.partStart, mark);
        current.partStart = mark + 1;
      } else {
        current.depth++;
      }
    }
    if (current !== null) {
      addPart(current, current.partStart, paragraph.end);
      const next = paragraphs[p + 1];
      const continues =
        next !== undefined && isQuoteMark(body.charAt(next.start)) && roleOf(body, next.start, next, false) === 'open';
      if (!continues) {
        finish(current, null);
        current = null;
      }
    }
  }
  return spans;
}

function markPositions(body: string, paragraph: MatchRange): number[] {
  const marks: number[] = [];
  for (let i = paragraph.start; i < paragraph.end; i++) {
    if (isQuoteMark(body.charAt(i))) marks.push(i);
  }
  return marks;
}

/** Which side the mark at `pos` is on: spacing first, then the mark's shape, then the open/closed state. */
function roleOf(body: string, pos: number, paragraph: MatchRange, inside: boolean): Role {
  const prev = pos > paragraph.start ? body.charAt(pos - 1) : '';
  const next = pos + 1 < paragraph.end ? body.charAt(pos + 1) : '';
  const opensAfter = next !== '' && !isSpace(next);
  const closesBefore = prev !== '' && !isSpace(prev);
  const leftFlanking = opensAfter && (prev === '' || isSpace(prev) || OPENING_CONTEXT.has(prev) || isQuoteMark(prev));
  const rightFlanking = closesBefore && (next === '' || isSpace(next) || CLOSING_CONTEXT.has(next) || isQuoteMark(next));
  if (leftFlanking && !rightFlanking) return 'open';
  if (rightFlanking && !leftFlanking) return 'close';
  return LEANS.get(body.charAt(pos)) ?? (inside ? 'close' : 'open');
}

/** An opening mark inside a quote, after a sentence end and a space, repeats the quote's opening mark. */
function startsNewPart(body: string, partStart: number, mark: number): boolean {
  if (!isSpace(body.charAt(mark - 1))) return false;
  let i = mark - 1;
  while (i > partStart && isSpace(body.charAt(i))) i--;
  return i > partStart && isSentenceFinal(body.charAt(i));
}

function trimRange(body: string, from: number, to: number): MatchRange | null {
  let start = from;
  let end = to;
  while (start < end && isSpace(body.charAt(start))) start++;
  while (end > start && isSpace(body.charAt(end - 1))) end--;
  return end > start ? { start, end } : null;
}

function isSpace(ch: string): boolean {
  return ch.trim() === '' && ch !== '';
}
