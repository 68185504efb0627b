// The quotes panel beside the reader: every direct quotation of the open article with its speaker, those
// matching the query first and marked, and where else the archive holds the same words, ↑ ↓ moving between them. Choosing one asks the reader to show it in the
// text; each has a "Copy" button that puts the quotation on the clipboard with who said it and where it was published.

import type { Article, QuoteMatch } from '../../main/contract/api.js';
import { formatCitation } from '../format-citation.js';
import { copyText } from '../copy-text.js';
import { h, plural } from '../dom.js';
import { quoteWords } from './quote-words.js';
import { createCitationStyleChooser } from './citation-style-chooser.js';

/** How long a "Copy" button says "Copied", in milliseconds. */
const copiedShownMs = 1800;

export interface QuotesPanel {
  /** Lists `quotes` of `article` in the order given (the API puts the matching ones first). */
  show(quotes: readonly QuoteMatch[], article: Article): void;
  /** Chooses the quote with this id, as a click on it would, and scrolls the panel to it; false if absent. */
  choose(quoteId: string): boolean;
  /** The id of the quote chosen last (shown in the reader), if any. */
  readonly chosen: string | null;
  clear(): void;
}

/** Fills `panel` (`aside#quotes`) with a heading and a list of quote buttons; `onChoose` gets the one clicked. */
export function createQuotesPanel(panel: HTMLElement, onChoose: (quote: QuoteMatch) => void): QuotesPanel {
  const heading = h('h2', { class: 'pane-heading', id: 'quotes-heading' }, 'Quotes');
  const summary = h('p', { class: 'pane-summary' });
  const list = h('ol', { class: 'quote-list', 'aria-labelledby': 'quotes-heading' });
  // Says "Copied …" to screen readers; the button itself shows it to everyone else.
  const copyStatus = h('p', { class: 'visually-hidden', id: 'copy-status', 'aria-live': 'polite' });
  const citationStyle = createCitationStyleChooser();
  panel.replaceChildren(heading, summary, citationStyle.element, list, copyStatus);
  let quotes: readonly QuoteMatch[] = [];
  let article: Article | null = null;
  let copyTimer: ReturnType<typeof setTimeout> | undefined;
  let chosen: string | null = null;

  const items = (): HTMLElement[] => [...list.querySelectorAll<HTMLElement>('li.quote')];

  const setActive = (index: number): void => {
    chosen = quotes[index]?.id ?? null;
    items().forEach((item, i) => {
      item.classList.toggle('active', i === index);
      item.querySelector('.quote-button')?.setAttribute('aria-pressed', String(i === index));
    });
  };

  const copy = async (quote: QuoteMatch, button: HTMLButtonElement): Promise<void> => {
    if (article === null) return;
    const copied = await copyText(formatCitation(quote, article, citationStyle.style));
    if (copyTimer !== undefined) clearTimeout(copyTimer);
    for (const other of list.querySelectorAll<HTMLElement>('.copy-quote')) {
      other.textContent = 'Copy';
      delete other.dataset['state'];
    }
    button.textContent = copied ? 'Copied' : 'Not copied';
    button.dataset['state'] = copied ? 'copied' : 'failed';
    copyStatus.textContent = copied ? 'Copied the quote with its citation.' : 'Could not copy: the clipboard is not available.';
    copyTimer = setTimeout(() => {
      button.textContent = 'Copy';
      delete button.dataset['state'];
      copyStatus.textContent = '';
    }, copiedShownMs);
  };

  list.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    const item = button?.closest<HTMLElement>('li.quote');
    if (button === null || button === undefined || item === null || item === undefined) return;
    const index = items().indexOf(item);
    const quote = quotes[index];
    if (quote === undefined) return;
    if (button.classList.contains('copy-quote')) {
      void copy(quote, button);
      return;
    }
    setActive(index);
    onChoose(quote);
  });

  // ↑ ↓ Home End move the keyboard from quote to quote (from a "Copy" button too); Enter or Space chooses one.
  list.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const buttons = [...list.querySelectorAll<HTMLElement>('.quote-button')];
    const current = event.target instanceof Element ? event.target.closest('li.quote') : null;
    const index = buttons.findIndex((button) => button.closest('li.quote') === current);
    const targets: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: buttons.length - 1 };
    const target = targets[event.key];
    if (target === undefined || index < 0) return;
    event.preventDefault();
    buttons[Math.max(0, Math.min(target, buttons.length - 1))]?.focus();
  });

  const clearPanel = (message: string): void => {
    quotes = [];
    article = null;
    chosen = null;
    heading.textContent = 'Quotes';
    summary.textContent = message;
    list.replaceChildren();
    copyStatus.textContent = '';
  };

  clearPanel('The quotations of the article you open, with who said them.');

  return {
    show: (next, from) => {
      quotes = next;
      article = from;
      chosen = null;
      heading.textContent = `Quotes (${next.length})`;
      const matching = next.filter((q) => q.matches).length;
      if (next.length === 0) summary.textContent = 'No quotes or reported speech in this article.';
      else if (matching > 0) summary.textContent = `${plural(matching, 'quote')} ${matching === 1 ? 'matches' : 'match'} the search; ${matching === 1 ? 'it comes' : 'they come'} first.`;
      else summary.textContent = 'Choose a quote to find it in the text.';
      list.replaceChildren(...next.map((quote) => renderQuote(quote, from.body)));
      copyStatus.textContent = '';
      panel.scrollTop = 0;
    },
    choose: (quoteId) => {
      const index = quotes.findIndex((quote) => quote.id === quoteId);
      const quote = quotes[index];
      if (quote === undefined) return false;
      setActive(index);
      items()[index]?.scrollIntoView({ block: 'nearest' });
      onChoose(quote);
      return true;
    },
    get chosen() {
      return chosen;
    },
    clear: () => clearPanel('The quotations of the article you open, with who said them.'),
  };
}

/**
 * How a speaker the text does not name here was found, so that a reader can weigh it: `(from "he")`,
 * `(from "the analyst")`, `(carried over)` for a quotation that goes on from the one before. Null when
 * the attribution names the speaker.
 */
function foundBy(quote: QuoteMatch, body: string): string | null {
  if (quote.speaker === null || quote.speakerFound === null || quote.speakerFound === 'name') return null;
  if (quote.speakerFound === 'carried') return '(carried over)';
  const words = quote.mention === null ? '' : body.slice(quote.mention.start, quote.mention.end).trim();
  return words === '' || words.length > 40 ? null : `(from “${words}”)`;
}

/**
 * Where else the archive holds this quotation (issue 17): "Also in 4 articles, first on 2005-03-02 (BBC)";
 * null when no other article does. The first appearance is named only when dated (undated, "first" is arbitrary).
 */
export function clusterLine(quote: QuoteMatch): string | null {
  const cluster = quote.cluster;
  if (cluster === undefined || cluster.articles < 2) return null;
  const also = `Also in ${plural(cluster.articles - 1, 'article')}`;
  const { first } = cluster;
  if (first.date === null) return also;
  if (first.articleId === quote.articleId) return `${also}; first here`;
  return `${also}, first on ${first.date.slice(0, 10)}${first.source === null ? '' : ` (${first.source})`}`;
}

function renderQuote(quote: QuoteMatch, body: string): HTMLLIElement {
  const speaker = quote.speaker === null ? h('span', { class: 'speaker unattributed' }, 'Unattributed') : h('span', { class: 'speaker' }, quote.speaker);
  const attribution = h('span', { class: 'attribution' }, speaker);
  if (quote.verb !== null) attribution.append(' ', h('span', { class: 'verb' }, quote.verb));
  // A user's correction decided the speaker (issue 16): say so.
  if (quote.correction !== undefined) attribution.append(' ', h('span', { class: 'corrected-label' }, 'Corrected'));
  const found = foundBy(quote, body);
  if (found !== null) attribution.append(' ', h('span', { class: 'found' }, found));
  if (quote.description !== null) attribution.append(h('span', { class: 'description' }, quote.description));
  const clusterText = clusterLine(quote);
  const marker = quote.matches ? h('span', { class: 'match-marker' }, h('span', { 'aria-hidden': 'true' }, '●'), ' Matches') : null;
  const button = h(
    'button',
    { type: 'button', class: 'quote-button', 'aria-pressed': 'false', 'data-quote-id': quote.id },
    h('span', { class: 'quote-head' }, attribution),
    quoteWords(quote),
    clusterText === null ? null : h('span', { class: 'quote-cluster' }, clusterText),
    // The "Copy" button is drawn over this line's right end (a button cannot hold another).
    h('span', { class: 'quote-foot' }, marker),
  );
  const copy = h(
    'button',
    { type: 'button', class: 'copy-quote', 'aria-label': 'Copy quote with citation', title: 'Copy the quote with its speaker, headline, source, date and file' },
    'Copy',
  );
  return h('li', { class: quote.matches ? 'quote match' : 'quote' }, button, copy);
}
