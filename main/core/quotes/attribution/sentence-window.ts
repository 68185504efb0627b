// The stretch of tokens a reporting clause is looked for in: the sentence before or after a quotation.
import { lower } from '../speaker-phrase/word-classes.js';
import { endsSentence, type Token } from '../tokenize-body.js';
import type { AttributionContext } from './attribution.js';

/** Tokens a window spans at most. */
const MAX_WINDOW = 40;

/** Words of a name in guillemets inside an attribution: «Стейдж Энтертейнмент». */
const MAX_GUILLEMETS_NAME = 6;

/** One past the last token of the sentence that starts at `from`, within its paragraph. */
export function windowAfter(context: AttributionContext, from: number): number {
  const { tokens } = context;
  const paragraph = tokens[from - 1]?.paragraph ?? tokens[from]?.paragraph;
  let k = from;
  while (k < tokens.length && k - from < MAX_WINDOW && tokens[k]?.paragraph === paragraph && !endsSentence(tokens, k)) {
    // A mark starts another quotation, but for a short name in guillemets that the clause goes on after
    // ("директор «Стейдж Энтертейнмент» Дмитрий Богачев", "с корреспондентом «Голоса Америки» лидер").
    if (tokens[k]?.kind === 'mark') {
      const close = tokens[k]?.text === '\u00AB' ? guillemetsEnd(tokens, k) : -1;
      if (close < 0 || tokens[close + 1]?.kind !== 'word') break;
      k = close;
    }
    k++;
  }
  return k;
}

/** The closing » of a short run in guillemets opening at `open`, or -1. */
export function guillemetsEnd(tokens: readonly Token[], open: number): number {
  for (let k = open + 1; k < tokens.length && k - open <= MAX_GUILLEMETS_NAME; k++) {
    if (tokens[k]?.text === '\u00BB') return k;
    if (tokens[k]?.kind !== 'word') return -1;
  }
  return -1;
}

/** The first token of the sentence that ends before `end` in `paragraph`; long quotations stop it. */
export function windowBefore(context: AttributionContext, end: number, paragraph: number): number {
  const { tokens, stops } = context;
  let k = end;
  while (k > 0 && end - k < MAX_WINDOW) {
    const token = tokens[k - 1];
    if (token === undefined || token.paragraph !== paragraph || stops[k - 1] === 1 || endsSentence(tokens, k - 1)) break;
    k--;
  }
  return k;
}

/** How many words lie in tokens `[from, end)`, "that" not counted. */
export function wordsBetween(tokens: readonly Token[], from: number, end: number): number {
  let count = 0;
  for (let k = from; k < end; k++) {
    if (tokens[k]?.kind === 'word' && lower(tokens[k]) !== 'that') count++;
  }
  return count;
}
