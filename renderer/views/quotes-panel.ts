// The quotes panel beside the reader: every direct quotation of the open article with its speaker, those
// matching the query first and marked. Choosing one asks the reader to show it in the text.

import type { QuoteMatch } from '../../main/contract/api.js';
import { h, plural } from '../dom.js';

export interface QuotesPanel {
  /** Lists `quotes` in the order given (the API puts the matching ones first). */
  show(quotes: readonly QuoteMatch[]): void;
  clear(): void;
}

/** Fills `panel` (`aside#quotes`) with a heading and a list of quote buttons; `onChoose` gets the one clicked. */
export function createQuotesPanel(panel: HTMLElement, onChoose: (quote: QuoteMatch) => void): QuotesPanel {
  const heading = h('h2', { class: 'pane-heading', id: 'quotes-heading' }, 'Quotes');
  const summary = h('p', { class: 'pane-summary' });
  const list = h('ol', { class: 'quote-list', 'aria-labelledby': 'quotes-heading' });
  panel.replaceChildren(heading, summary, list);
  let quotes: readonly QuoteMatch[] = [];

  const setActive = (index: number): void => {
    list.querySelectorAll('li.quote').forEach((item, i) => {
      item.classList.toggle('active', i === index);
      item.querySelector('button')?.setAttribute('aria-pressed', String(i === index));
    });
  };

  list.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    const item = button?.closest('li.quote');
    if (item === null || item === undefined) return;
    const index = [...list.querySelectorAll('li.quote')].indexOf(item);
    const quote = quotes[index];
    if (quote === undefined) return;
    setActive(index);
    onChoose(quote);
  });

  const clearPanel = (message: string): void => {
    quotes = [];
    heading.textContent = 'Quotes';
    summary.textContent = message;
    list.replaceChildren();
  };

  clearPanel('The quotations of the article you open, with who said them.');

  return {
    show: (next) => {
      quotes = next;
      heading.textContent = `Quotes (${next.length})`;
      const matching = next.filter((q) => q.matches).length;
      if (next.length === 0) summary.textContent = 'No direct quotations in this article.';
      else if (matching > 0) summary.textContent = `${plural(matching, 'quote')} ${matching === 1 ? 'matches' : 'match'} the search; ${matching === 1 ? 'it comes' : 'they come'} first.`;
      else summary.textContent = 'Choose a quote to find it in the text.';
      list.replaceChildren(...next.map(renderQuote));
      panel.scrollTop = 0;
    },
    clear: () => clearPanel('The quotations of the article you open, with who said them.'),
  };
}

function renderQuote(quote: QuoteMatch): HTMLLIElement {
  const speaker = quote.speaker === null ? h('span', { class: 'speaker unattributed' }, 'Unattributed') : h('span', { class: 'speaker' }, quote.speaker);
  const attribution = h('span', { class: 'attribution' }, speaker);
  if (quote.verb !== null) attribution.append(' ', h('span', { class: 'verb' }, quote.verb));
  if (quote.description !== null) attribution.append(h('span', { class: 'description' }, quote.description));
  const marker = quote.matches ? h('span', { class: 'match-marker' }, h('span', { 'aria-hidden': 'true' }, '●'), ' Matches') : null;
  const button = h(
    'button',
    { type: 'button', class: 'quote-button', 'aria-pressed': 'false' },
    h('span', { class: 'quote-head' }, attribution, marker),
    h('q', { class: 'quote-text' }, quote.text),
  );
  return h('li', { class: quote.matches ? 'quote match' : 'quote' }, button);
}
