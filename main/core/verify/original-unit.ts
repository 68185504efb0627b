// The original a match is shown against: the quotation of the article holding the matched words (its
// speaker is who the archive says said them), or, for words the extractor found in no quotation, the
// article's sentences around them.

import type { VerifyMatchKind } from '../../contract/api.js';
import type { Article, Quote } from '../../contract/model.js';
import { verifyWords, type VerifyWord } from './verify-words.js';

/** A quotation or a stretch of sentences of an article, with its words. */
export interface OriginalUnit {
  quote: Quote | null;
  kind: VerifyMatchKind;
  text: string;
  start: number;
  end: number;
  /** Offsets into the body, as `start` and `end` are. */
  words: VerifyWord[];
}

/** A sentence longer than this many characters is cut around the match (a body with no full stops). */
const maxSentenceReach = 600;

/** The quote covering most of `body[from..to)`, or else the sentences holding it. */
export function originalUnit(article: Article, quotes: readonly Quote[], from: number, to: number): OriginalUnit {
  let best: Quote | null = null;
  let bestOverlap = 0;
  for (const quote of quotes) {
    const overlap = quote.parts.reduce((n, part) => n + Math.max(0, Math.min(to, part.end) - Math.max(from, part.start)), 0);
    // Quoted words before reported speech: an indirect quote's words are the reporter's.
    const better = overlap > bestOverlap || (overlap === bestOverlap && overlap > 0 && best?.kind === 'indirect' && quote.kind !== 'indirect');
    if (better) [best, bestOverlap] = [quote, overlap];
  }
  if (best !== null && bestOverlap * 2 >= to - from) {
    const words = best.parts.flatMap((part) => verifyWords(article.body, part.start, part.end));
    return { quote: best, kind: best.kind, text: best.text, start: best.start, end: best.end, words };
  }
  const start = sentenceStart(article.body, from);
  const end = sentenceEnd(article.body, to);
  return { quote: null, kind: 'text', text: article.body.slice(start, end), start, end, words: verifyWords(article.body, start, end) };
}

function sentenceStart(body: string, from: number): number {
  const floor = Math.max(0, from - maxSentenceReach);
  for (let i = from - 1; i > floor; i--) {
    const ch = body.charAt(i);
    if (ch === '\n' || (/\s/u.test(ch) && /[.!?]["”’)]*$/u.test(body.slice(Math.max(0, i - 3), i)))) return i + 1;
  }
  return floor;
}

function sentenceEnd(body: string, to: number): number {
  const ceiling = Math.min(body.length, to + maxSentenceReach);
  for (let i = to; i < ceiling; i++) {
    const ch = body.charAt(i);
    if (ch === '\n') return i;
    if (/[.!?]/u.test(ch) && (i + 1 >= body.length || /[\s"”’)]/u.test(body.charAt(i + 1)))) {
      let end = i + 1;
      while (end < body.length && /["”’)]/u.test(body.charAt(end))) end++;
      return end;
    }
  }
  return ceiling;
}
