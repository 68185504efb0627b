// Reading quotation marks in annotated text: which mark is where, and what a range holds inside and outside them.

const DOUBLE_OPEN = new Set(['\u201C', '\u201E', '\u201F', '\u00AB']);
const DOUBLE_CLOSE = new Set(['\u201D', '\u00BB']);
const SINGLE_OPEN = new Set(['\u2018', '\u201A', '\u2039']);
const SINGLE_CLOSE = new Set(['\u2019', '\u203A']);
const LETTER = /[\p{L}\p{N}]/u;
const SENTENCE_END = /[.?!\u2026]/;
export const QUOTE_CHAR = /["'\u201C\u201D\u201E\u201F\u00AB\u00BB\u2018\u2019\u201A\u201B\u2039\u203A]/;
export const QUOTE_CHARS = new RegExp(QUOTE_CHAR.source, 'g');

/** The quotation mark at `i` of `text`: its family, shape (open, close, either) and length; null if none. */
export function markAt(text, i) {
  const ch = text[i];
  if (ch === "'" && text[i + 1] === "'") return { family: 'double', shape: 'either', length: 2 };
  if (ch === '"') return { family: 'double', shape: 'either', length: 1 };
  if (DOUBLE_OPEN.has(ch)) return { family: 'double', shape: 'open', length: 1 };
  if (DOUBLE_CLOSE.has(ch)) return { family: 'double', shape: 'close', length: 1 };
  const before = text[i - 1] ?? ' ';
  const after = text[i + 1] ?? ' ';
  // An apostrophe between letters ("don't", "Clinton’s") is no mark.
  if ((ch === "'" || ch === '\u2019') && LETTER.test(before) && LETTER.test(after)) return null;
  if (ch === "'") return { family: 'single', shape: 'either', length: 1 };
  if (SINGLE_OPEN.has(ch)) return { family: 'single', shape: 'open', length: 1 };
  if (SINGLE_CLOSE.has(ch)) return { family: 'single', shape: 'close', length: 1 };
  return null;
}

/**
 * Reads the quotation marks of `text` from `start` to `end`: how many letters lie outside any
 * quotation, and the quoted ranges. A mark of the other family inside a quotation is nested; an
 * opening mark inside one at a paragraph start or after a sentence end repeats the opening mark
 * (quotations over several paragraphs).
 */
export function readMarks(text, start, end) {
  let state = null;
  let openedAt = -1;
  let outside = 0;
  const quoted = [];
  for (let i = start; i < end; i++) {
    const mark = markAt(text, i);
    if (mark === null) {
      if (state === null && LETTER.test(text[i])) outside++;
      continue;
    }
    const before = text[i - 1] ?? '\n';
    const after = text[i + mark.length] ?? '\n';
    const spaceBefore = /\s/.test(before) || i === start;
    const spaceAfter = /\s/.test(after) || i + mark.length >= end;
    if (state === null) {
      if (mark.shape !== 'close' && !(mark.family === 'single' && LETTER.test(before)) && !spaceAfter) {
        state = mark.family;
        openedAt = i;
      }
    } else if (mark.family === state) {
      let closes;
      if (mark.shape === 'close') closes = true;
      else if (mark.shape === 'open') closes = !spaceBefore && before !== '\n' && state === 'double' && text[i] === '\u201C';
      else {
        const previous = text.slice(Math.max(start, i - 3), i).trimEnd();
        const repeats = before === '\n' || (spaceBefore && !spaceAfter && (previous === '' || SENTENCE_END.test(previous.at(-1))));
        closes = !repeats && !(spaceBefore && !spaceAfter && state === 'double');
      }
      if (closes && !(state === 'single' && LETTER.test(after))) {
        quoted.push({ start: openedAt + 1, end: i });
        state = null;
      }
    }
    i += mark.length - 1;
  }
  if (state !== null) quoted.push({ start: openedAt + 1, end });
  return { outside, quoted, open: state !== null };
}
