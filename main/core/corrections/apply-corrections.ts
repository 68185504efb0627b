// Applying the user's corrections to an article's quotes: a correction beats the extractor. A quote is found
// by its id and, when the extractor numbered the article's quotes anew (a better extractor, a changed file),
// by its text within the same article.

import type { Correction, CorrectionChange, Quote } from '../../contract/model.js';

/** A correction of one quote: of its speaker, or that it is no quotation. */
export type QuoteCorrection = Correction & { change: Extract<CorrectionChange, { quoteId: string }> };

/** The article a quote id names: a quote's id is `${articleId}:${n}` (extract-quotes.ts), and an article id may hold colons. */
export function articleOfQuote(quoteId: string): string {
  const colon = quoteId.lastIndexOf(':');
  return colon === -1 ? quoteId : quoteId.slice(0, colon);
}

/** The quote corrections of `corrections` by the article they correct, each article's oldest first. */
export function quoteCorrectionsByArticle(corrections: readonly Correction[]): Map<string, QuoteCorrection[]> {
  const byArticle = new Map<string, QuoteCorrection[]>();
  for (const correction of corrections) {
    if (!isQuoteCorrection(correction)) continue;
    const article = articleOfQuote(correction.change.quoteId);
    const list = byArticle.get(article);
    if (list === undefined) byArticle.set(article, [correction]);
    else list.push(correction);
  }
  return byArticle;
}

/**
 * One article's `quotes` with `corrections` (its own, oldest first) applied in order, so the latest
 * correction of a quote wins: `speaker` sets the quote's speaker, `speakerId` and `correction` (and clears
 * what described the extractor's speaker: its mention and description); `not-quote` drops it. A correction
 * whose quote is not found (the text changed) changes nothing. Returns `quotes` itself when nothing changed.
 * @example
 * correctQuotes(quotes, [{ id: 'c1', made, change: { type: 'not-quote', quoteId: 'a:0', quoteText: quotes[0].text } }]);
 * // quotes without the first
 */
export function correctQuotes(quotes: readonly Quote[], corrections: readonly QuoteCorrection[]): readonly Quote[] {
  if (corrections.length === 0) return quotes;
  const result: (Quote | null)[] = [...quotes];
  let changed = false;
  for (const correction of corrections) {
    const at = findQuote(result, correction.change);
    if (at === -1) continue;
    const quote = result[at] as Quote;
    const change = correction.change;
    result[at] =
      change.type === 'not-quote'
        ? null
        : { ...quote, speaker: change.speakerName, speakerId: change.speakerId, correction: correction.id, speakerFound: 'name', mention: null, description: null };
    changed = true;
  }
  return changed ? result.filter((q) => q !== null) : quotes;
}

/** Where the quote `change` names is in `quotes`: by id when its text is the same, else the first with that text; -1 when none. */
function findQuote(quotes: readonly (Quote | null)[], change: QuoteCorrection['change']): number {
  const byId = quotes.findIndex((q) => q?.id === change.quoteId);
  if (byId !== -1 && quotes[byId]?.text === change.quoteText) return byId;
  return quotes.findIndex((q) => q?.text === change.quoteText);
}

function isQuoteCorrection(correction: Correction): correction is QuoteCorrection {
  return correction.change.type === 'speaker' || correction.change.type === 'not-quote';
}
