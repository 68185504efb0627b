// Reading an article the way Verbatim does, and mapping file offsets (the annotations') to body offsets.

/**
 * Reads `text` with `parseTxt` and maps every non-space character of the file to its offset in the
 * body. The reader only drops the headline line and rewrites white space, so the other characters of
 * the file appear in the body in the same order; anything else is a bug here, and throws.
 */
export function readArticle(parseTxt, name, text) {
  const [draft] = parseTxt(name, text);
  const body = draft.body;
  const map = new Int32Array(text.length + 1).fill(-1);
  // The headline is the first non-blank line; the body starts after its line break.
  const headlineStart = text.search(/\S/);
  const newline = text.indexOf('\n', headlineStart);
  let b = 0;
  for (let i = newline < 0 ? text.length : newline; i < text.length; i++) {
    if (/\s/.test(text[i])) continue;
    while (b < body.length && /\s/.test(body[b])) b++;
    if (body[b] !== text[i]) throw new Error(`${name}: the body read by parseTxt differs from the file at offset ${i} (${JSON.stringify(text.slice(i, i + 20))})`);
    map[i] = b++;
  }
  return { title: draft.title, body, map };
}

/** The body range of the file range `[start, end)`, white space trimmed; null when it lies in the headline. */
export function toBody(map, text, start, end) {
  let s = start;
  let e = end;
  while (s < e && map[s] < 0) s++;
  while (e > s && map[e - 1] < 0) e--;
  if (s >= e) return null;
  return { start: map[s], end: map[e - 1] + 1 };
}

/** UTF-16 offset of every code point offset of `text` (BRAT offsets count code points). */
export function codePointOffsets(text) {
  const offsets = [];
  let u = 0;
  for (const ch of text) {
    offsets.push(u);
    u += ch.length;
  }
  offsets.push(u);
  return offsets;
}
