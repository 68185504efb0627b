// A quote's words as the views show them: someone's words in quotation marks, reported speech without them
// and labelled, so that a paraphrase is never mistaken for a quotation (issue 12).

import type { MatchRange, Quote } from '../../main/contract/api.js';
import { h, highlightedText } from '../dom.js';

/** What each kind is called where a label says it; direct quotations need none. */
const kindLabels: Record<Quote['kind'], string | null> = { direct: null, partial: 'Quoted words', indirect: 'Reported' };

/**
 * The words of `quote`, in an element with the class `quote-text`: a `<q>` for a quotation or quoted words,
 * a `<span class="quote-text reported">` for reported speech; the latter two after a label saying which.
 * `highlights` (offsets into `text`) are marked as the query's words.
 */
export function quoteWords(quote: Pick<Quote, 'kind' | 'text'>, highlights: readonly MatchRange[] = []): HTMLElement {
  const text = highlightedText(quote.text, highlights);
  const words = quote.kind === 'indirect' ? h('span', { class: 'quote-text reported' }, text) : h('q', { class: 'quote-text' }, text);
  const label = kindLabels[quote.kind];
  return label === null ? words : h('span', { class: `quote-words ${quote.kind}` }, h('span', { class: 'kind-label' }, label), ' ', words);
}
