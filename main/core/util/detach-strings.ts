// Copies of strings that hold nothing else alive. V8 makes a substring of 13 characters or more a slice of
// the string it was taken from: a quote's text, parts, verb and speaker kept their article's whole text in
// memory long after the article's text was dropped (issue 19: after a cold build at 10x BBC, 98 MB of article
// texts were held by 65,000 slices, and every quote of the archive is held then).

/** `text` as a string of its own: its characters copied, nothing else kept. */
export function detachedString(text: string): string {
  if (text.length < 13) return text;
  // Through its bytes: a new string for sure (V8 answers `(' ' + text).slice(1)` and `structuredClone(text)` with
  // a slice of the same text). Latin-1 when every character is one, so the copy keeps a byte per character;
  // otherwise UTF-16 code units, lone surrogates too.
  return beyondLatin1.test(text) ? Buffer.from(text, 'utf16le').toString('utf16le') : Buffer.from(text, 'latin1').toString('latin1');
}

const beyondLatin1 = /[\u0100-\uffff]/;

/**
 * `value` with every string in it (in arrays and plain objects, at any depth) replaced by its own copy;
 * other values are kept. New arrays and objects: `value` itself is left as it was.
 */
export function detachStrings<T>(value: T): T {
  if (typeof value === 'string') return detachedString(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => detachStrings(item)) as T;
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = detachStrings(item);
  return copy as T;
}
