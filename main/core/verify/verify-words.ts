// The words that verifying compares: case, accents, typographic quotes and apostrophes, punctuation and
// hyphenation folded away, so a retyped quote has the same words as the original (issue 17).

/** One word of a text: its folded form and where it stands. */
export interface VerifyWord {
  /** Lower case, accents and typographic apostrophes folded (`Don’t` -> `don't`). */
  norm: string;
  /** UTF-16 offsets of the word as written. */
  start: number;
  end: number;
  /** True when an ellipsis (`...`, `…`) stands just before it: the writer marks words left out there. */
  afterEllipsis: boolean;
}

// Letters and digits, with apostrophes inside a word ("don't", "O’Neill"); hyphens split words, so
// "well-known" and "well known" are the same two words (the merge of "wellknown" is alignment's job).
const wordPattern = /[\p{L}\p{N}]+(?:['’‘`][\p{L}\p{N}]+)*/gu;
const ellipsisPattern = /(?:\.\s*\.\s*\.|…)\s*[\])]?\s*$/u;

/** Folds one word as written to the form compared. */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  // Only non-ASCII words pay for the decomposition: most of an English archive is ASCII.
  // eslint-disable-next-line no-control-regex -- the ASCII range itself
  if (/^[\x00-\x7f]*$/u.test(lower)) return lower;
  return lower.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[’‘`]/gu, "'");
}

/** The folded words of `text`, and nothing else: what comparing whole texts needs (quote clusters). */
export function foldedWords(text: string): string[] {
  return Array.from(text.matchAll(wordPattern), (match) => foldWord(match[0]));
}

/** The words of `text[from..to)`, offsets into `text`. */
export function verifyWords(text: string, from = 0, to = text.length): VerifyWord[] {
  const words: VerifyWord[] = [];
  const slice = text.slice(from, to);
  let previousEnd = 0;
  for (const match of slice.matchAll(wordPattern)) {
    const at = match.index;
    const between = slice.slice(previousEnd, at);
    words.push({ norm: foldWord(match[0]), start: from + at, end: from + at + match[0].length, afterEllipsis: words.length > 0 && ellipsisPattern.test(between) });
    previousEnd = at + match[0].length;
  }
  return words;
}
