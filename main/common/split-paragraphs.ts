// The paragraphs of an article body as ranges into it, read one way wherever they are read: the reader
// lays them out and the quote finder numbers them (main/core/quotes/tokenize-body.ts re-exports it), so a
// quote's paragraph is the one the reader shows.

/**
 * The paragraphs of `body`: the text between blank lines (a line of only white space is blank), trimmed
 * of white space as JavaScript's `\s` reads it (Unicode White_Space), empty ones skipped. A single line
 * break is not a paragraph break (hard-wrapped text keeps its paragraphs). Offsets are UTF-16, half-open.
 * @example
 * splitParagraphs('One.\n\nTwo.'); // [{ start: 0, end: 4 }, { start: 6, end: 10 }]
 */
export function splitParagraphs(body: string): { start: number; end: number }[] {
  const paragraphs: { start: number; end: number }[] = [];
  const push = (from: number, to: number): void => {
    let start = from;
    let end = to;
    while (start < end && /\s/.test(body.charAt(start))) start++;
    while (end > start && /\s/.test(body.charAt(end - 1))) end--;
    if (end > start) paragraphs.push({ start, end });
  };
  let from = 0;
  const breaks = /\n[^\S\n]*\n/g;
  for (let m = breaks.exec(body); m !== null; m = breaks.exec(body)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, body.length);
  return paragraphs;
}
