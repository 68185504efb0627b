// The text of a phrase as the body writes it: tokens joined, white space collapsed, a leading article dropped.
import type { Token } from '../tokenize-body.js';

const ARTICLE = /^(?:the|a|an) /i;

/** The phrase without a leading article: "the Crown prosecutor" is described as "Crown prosecutor". */
export function withoutArticle(text: string): string {
  return text.replace(ARTICLE, '');
}

/** The text of tokens `[first, end)` as written, with runs of white space collapsed. */
export function spanText(tokens: readonly Token[], first: number, end: number): string {
  let text = '';
  for (let i = first; i < end; i++) {
    const token = tokens[i];
    if (token === undefined) continue;
    const previous = tokens[i - 1];
    const glued = i === first || previous === undefined || previous.end === token.start;
    text += glued ? token.text : ` ${token.text}`;
  }
  return text;
}
