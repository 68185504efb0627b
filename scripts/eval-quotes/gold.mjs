// Which annotated spans are direct quotations: one gold quotation per quotation, and the quoted parts of
// mixed ones (ignored when scoring).
import { markAt, QUOTE_CHAR, readMarks } from './quotation-marks.mjs';

/**
 * Widens an annotated range over quotation marks that sit just outside it (`"` before, `,"` after),
 * so that `A,` in `"A," she said` reads as wrapped.
 */
function widen(body, range) {
  let { start, end } = range;
  const first = markAt(body, start);
  if (first === null || first.shape === 'close') {
    let k = start - 1;
    if (body[k] === ' ') k--;
    if (body[k - 1] === "'" && body[k] === "'") k--;
    const mark = k >= 0 ? markAt(body, k) : null;
    if (mark !== null && mark.shape !== 'close') start = k;
  }
  const lastIsMark = end > start && (markAt(body, end - 1) !== null || (body[end - 2] === "'" && body[end - 1] === "'"));
  if (!lastIsMark) {
    for (let k = end; k < body.length && k - end < 3 && body[k] !== '\n'; k++) {
      const mark = markAt(body, k);
      if (mark !== null && mark.shape !== 'open') {
        end = k + mark.length;
        break;
      }
      if (!/[ ,.;:!?\u2026]/.test(body[k])) break;
    }
  }
  return { start, end };
}

/** Whether `offset` is at the end of its paragraph (only punctuation and white space before the next line break). */
function atParagraphEnd(body, offset) {
  return /^[.,;:!?\u2026]*[^\S\n]*(?:\n|$)/.test(body.slice(offset, offset + 8));
}

/**
 * Sorts the annotated attributions of a document into direct quotations (every fragment wrapped in
 * quotation marks) and the quoted parts of mixed ones (to be ignored when scoring predictions).
 *
 * One gold quotation is what the issue calls one quotation: the parts of a quotation interrupted by its
 * attribution (`"A," she said, "B."`, `"A," she said. "B."`) and the paragraphs of one running over
 * several paragraphs. PolNeAR puts every part governed by one cue into one Content, sometimes across
 * paragraphs and other text: its fragments are split where the text between them is more than an
 * attribution. GGT records every part as a quote of its own: neighbours with the same attribution are
 * joined where the text between them is only that attribution.
 */
export function goldOf(doc) {
  const { body } = doc;
  const pieces = [];
  const ignore = [];
  const every = [];
  for (const attribution of doc.attributions) {
    if (attribution.fragments.length > 0) {
      const ranges = attribution.fragments.map((f) => innerRange(body, widen(body, f))).filter((r) => r.end > r.start);
      if (ranges.length > 0) every.push({ wide: { start: ranges[0].start, end: ranges[ranges.length - 1].end }, parts: ranges, speakers: attribution.speakers, relation: attribution.relation });
    }
    const fragments = [];
    let direct = true;
    for (const fragment of attribution.fragments) {
      const wide = widen(body, fragment);
      const marks = readMarks(body, wide.start, wide.end);
      const opens = markAt(body, wide.start);
      const closedOrContinued = !marks.open || atParagraphEnd(body, wide.end);
      const wrapped = opens !== null && opens.shape !== 'close' && marks.outside === 0 && marks.quoted.length > 0 && closedOrContinued;
      if (!wrapped) direct = false;
      fragments.push({ wide, parts: [innerRange(body, wide)], quoted: marks.quoted });
    }
    if (!direct) for (const fragment of fragments) ignore.push(...fragment.quoted);
    if (!direct || fragments.length === 0) continue;
    // Fragments of one annotated Content: split where more than an attribution lies between them.
    let current = null;
    for (const fragment of fragments) {
      if (current !== null && joinable(body, current.wide, fragment.wide)) {
        current.wide = { start: current.wide.start, end: fragment.wide.end };
        current.parts = current.parts.concat(fragment.parts);
      } else {
        current = { wide: fragment.wide, parts: fragment.parts, speakers: attribution.speakers, relation: attribution.relation };
        pieces.push(current);
      }
    }
  }
  return { gold: mergeGold(body, pieces), ignore, all: mergeGold(body, every) };
}

/**
 * One gold quotation per quotation: the same content annotated twice is one (with either speaker), one
 * annotated inside another is part of it, and GGT's separately recorded parts of one quotation are joined.
 */
function mergeGold(body, pieces) {
  pieces.sort((a, b) => a.wide.start - b.wide.start || b.wide.end - a.wide.end);
  const unique = [];
  for (const g of pieces) {
    const same = unique.find((u) => u.wide.start === g.wide.start && u.wide.end === g.wide.end);
    if (same !== undefined) same.speakers = same.speakers.concat(g.speakers);
    else unique.push(g);
  }
  // A quotation inside another one (an attribution annotated inside a quote) is part of the outer one.
  const outer = unique.filter((g) => !unique.some((o) => o !== g && o.wide.start <= g.wide.start && g.wide.end <= o.wide.end));
  // GGT: join the separately recorded parts of one quotation.
  const gold = [];
  for (const g of outer) {
    const last = gold[gold.length - 1];
    const sameAttribution =
      last !== undefined && g.relation !== null && last.relation !== null && g.relation.reference === last.relation.reference && (g.relation.clause === null || g.relation.clause === last.relation.clause);
    if (sameAttribution && joinable(body, last.wide, g.wide)) {
      last.wide = { start: last.wide.start, end: g.wide.end };
      last.parts = last.parts.concat(g.parts);
    } else gold.push({ ...g });
  }
  return gold;
}

/**
 * Whether two quoted stretches are parts of one quotation: the first is left open at its paragraph's
 * end and the second opens the next paragraph, or only an attribution lies between them in one
 * paragraph (no quotation mark, at most a short clause, a sentence end only at its end).
 */
function joinable(body, first, second) {
  const gap = body.slice(first.end, second.start);
  if (/^[.,;:!?\u2026]*\s*$/.test(gap) && gap.includes('\n')) return readMarks(body, first.start, first.end).open && atParagraphEnd(body, first.end);
  if (gap.includes('\n') || gap.length > 250) return false;
  for (let i = 0; i < gap.length; i++) if (markAt(gap, i) !== null && !(gap[i] === "'" || gap[i] === '\u2019')) return false;
  const words = gap.replace(/\b\p{Lu}[\p{L}]{0,3}\./gu, 'X').trim();
  return /^[^.?!\u2026]*[.?!\u2026]?$/u.test(words);
}

/** The widened range without its quotation marks and the white space and punctuation around them. */
function innerRange(body, wide) {
  let { start, end } = wide;
  while (start < end && (markAt(body, start) !== null || /[\s]/.test(body[start]))) start += markAt(body, start)?.length ?? 1;
  while (end > start && (/[\s,.;:!?\u2026]/.test(body[end - 1]) || QUOTE_CHAR.test(body[end - 1]))) end--;
  return { start, end };
}
