// The Quotes view of the results pane: the quotations across the archive whose own words match the query
// (`api.quotes`, the query as typed; every quotation when it is empty), each with its speaker, verb, text
// and where it was published, and "Show more" below them. Choosing one opens its article with the
// quotation marked. Like the article list, it is a listbox that the search box points into with
// aria-activedescendant.

import type { ApiError, QuoteHit, QuotesReply, ResultLimits, VerbatimApi } from '../../main/contract/api.js';
import { latestRequest } from '../latest-request.js';
import { wireListNavigation } from '../list-navigation.js';
import { formatDate, h, plural } from '../dom.js';
import { incompleteNotice } from './incomplete-notice.js';
import { quoteWords } from './quote-words.js';
import { wireShowMore } from './show-more.js';

/** How many quotations the view asks for at a time (a first page, and each "Show more"). */
export const quotesShown = 200;
/** The most one request may ask for: a refresh asks for every quotation listed, up to this. */
const maxLimit: ResultLimits['quotes']['max'] = 1000;

export interface QuoteResultsElements {
  /** `ol#quote-results`, `role="listbox"`. */
  list: HTMLOListElement;
  /** The line above it: "3 quotes". */
  summary: HTMLElement;
  /** "Show 200 more quotes", below the list. */
  more: HTMLButtonElement;
  /** Also point at the selected option while the view is shown (the search box). */
  owners: HTMLElement[];
}

export interface QuoteResultsHandlers {
  /** A quotation was chosen (click, Enter): open its article with it marked. */
  onOpen(quote: QuoteHit): void;
  /** The latest request failed (a bad query, or the server is gone). */
  onError(query: string, error: ApiError): void;
}

export interface QuoteResults {
  /** Lists the quotations matching `query`; a later call wins over an earlier one. */
  search(query: string): void;
  /** Asks again for the latest query (the archive changed), keeping the selection when it is still there. */
  refresh(): void;
  /** The view is shown (`true`) or hidden: only then does the search box point into it. */
  setShown(shown: boolean): void;
  move(delta: number): void;
  selected(): QuoteHit | null;
  /** Marks the quotation the reader shows. */
  markOpen(quoteId: string | null): void;
  readonly busy: boolean;
  /** The query of the list shown, or null before any answer (or after a failure). */
  readonly query: string | null;
  /** The query of the latest `search`, answered or not. */
  readonly requested: string | null;
}

export function createQuoteResults(elements: QuoteResultsElements, api: Pick<VerbatimApi, 'quotes'>, handlers: QuoteResultsHandlers): QuoteResults {
  const { list, summary, owners } = elements;
  let quotes: QuoteHit[] = [];
  let selectedIndex = -1;
  let openId: string | null = null;
  let shown = false;
  const requests = latestRequest();
  let shownQuery: string | null = null;
  let requestedQuery: string | null = null;

  const options = (): HTMLElement[] => [...list.querySelectorAll<HTMLElement>('li.quote-hit')];

  const pointOwners = (): void => {
    const current = options()[selectedIndex];
    for (const owner of [list, ...(shown ? owners : [])]) {
      if (current === undefined) owner.removeAttribute('aria-activedescendant');
      else owner.setAttribute('aria-activedescendant', current.id);
    }
    if (shown) for (const owner of owners) owner.setAttribute('aria-expanded', String(quotes.length > 0));
  };

  const select = (index: number, scroll = true): void => {
    selectedIndex = quotes.length === 0 ? -1 : Math.max(0, Math.min(quotes.length - 1, index));
    const all = options();
    all.forEach((option, i) => option.setAttribute('aria-selected', String(i === selectedIndex)));
    pointOwners();
    const current = all[selectedIndex];
    if (current !== undefined && scroll) current.scrollIntoView({ block: 'nearest' });
  };

  const openSelected = (): void => {
    const quote = quotes[selectedIndex];
    if (quote !== undefined) handlers.onOpen(quote);
  };

  wireListNavigation(list, 'li.quote-hit', { options, selectedIndex: () => selectedIndex, select, open: openSelected });

  const show = (query: string, reply: QuotesReply, keep: boolean): void => {
    const selectedId = keep ? (quotes[selectedIndex]?.id ?? null) : null;
    const scrollTop = list.scrollTop;
    quotes = reply.quotes;
    shownQuery = query;
    list.removeAttribute('aria-busy');
    list.replaceChildren(...quotes.map((quote, i) => renderQuoteHit(quote, i, quote.id === openId)));
    list.dataset['query'] = query;
    delete summary.dataset['tone'];
    summary.replaceChildren(...describe(query, reply));
    more.update(quotes.length, reply.total);
    if (keep) {
      list.scrollTop = scrollTop;
      const index = quotes.findIndex((quote) => quote.id === selectedId);
      select(quotes.length > 0 ? Math.max(index, 0) : -1, false);
    } else {
      list.scrollTop = 0;
      select(quotes.length > 0 ? 0 : -1);
    }
  };

  const run = (query: string, keep: boolean): void => {
    requestedQuery = query;
    const searching = (): void => {
      list.setAttribute('aria-busy', 'true');
      summary.textContent = 'Searching…';
      summary.dataset['tone'] = 'busy';
    };
    more.setBusy(true);
    requests.send(
      // A refresh keeps every quotation listed, those "Show more" added too.
      api.quotes({ query, limit: keep ? Math.min(maxLimit, Math.max(quotesShown, quotes.length)) : quotesShown }),
      (result) => {
        more.setBusy(false);
        if (result.ok) {
          show(query, result.value, keep);
          return;
        }
        quotes = [];
        shownQuery = null;
        delete list.dataset['query'];
        list.removeAttribute('aria-busy');
        list.replaceChildren();
        delete summary.dataset['tone'];
        summary.textContent = '';
        more.hide();
        select(-1);
        handlers.onError(query, result.error);
      },
      // A refresh keeps the list on show until the new one is ready.
      keep ? undefined : { afterMs: 120, show: searching },
    );
  };

  /** The next page of the quotations shown, added below them: the list is not drawn again. */
  const more = wireShowMore(elements.more, quotesShown, 'quote', (offset) => {
    const query = shownQuery;
    if (query === null || requests.busy) return;
    more.setBusy(true);
    requests.send(api.quotes({ query, limit: quotesShown, offset }), (result) => {
      more.setBusy(false);
      if (!result.ok) {
        handlers.onError(query, result.error);
        return;
      }
      const added = result.value.quotes;
      quotes = [...quotes, ...added];
      list.append(...added.map((quote, i) => renderQuoteHit(quote, offset + i, quote.id === openId)));
      summary.replaceChildren(...describe(query, { ...result.value, quotes }));
      more.update(quotes.length, result.value.total);
      // The first of the new quotations, for the arrow keys to go on from.
      if (added.length > 0) select(offset);
    });
  });

  return {
    search: (query) => run(query, false),
    refresh: () => {
      if (requestedQuery !== null) run(requestedQuery, true);
    },
    setShown: (next) => {
      shown = next;
      if (!next) for (const owner of owners) owner.removeAttribute('aria-activedescendant');
      pointOwners();
    },
    move: (delta) => select(selectedIndex < 0 ? 0 : selectedIndex + delta),
    selected: () => quotes[selectedIndex] ?? null,
    markOpen: (id) => {
      openId = id;
      options().forEach((option, i) => option.classList.toggle('open', quotes[i]?.id === id));
    },
    get busy() {
      return requests.busy;
    },
    get query() {
      return shownQuery;
    },
    get requested() {
      return requestedQuery;
    },
  };
}

function describe(query: string, reply: QuotesReply): Node[] {
  return [...describeCount(query, reply), ...incompleteNotice(reply)];
}

function describeCount(query: string, reply: QuotesReply): Node[] {
  if (reply.total === 0) {
    return [h('span', {}, 'No quotation has these words. Quotes are matched on their own words; try fewer.')];
  }
  const parts: Node[] = [h('strong', {}, plural(reply.total, 'quote'))];
  if (query.trim() === '') parts.push(h('span', {}, ' in the archive, newest first'));
  if (reply.quotes.length < reply.total) parts.push(h('span', {}, ` · showing the first ${reply.quotes.length.toLocaleString('en-US')}`));
  return parts;
}

function renderQuoteHit(quote: QuoteHit, index: number, open: boolean): HTMLLIElement {
  const speaker = quote.speaker === null ? h('span', { class: 'speaker unattributed' }, 'Unattributed') : h('span', { class: 'speaker' }, quote.speaker);
  const attribution = h('span', { class: 'attribution' }, speaker);
  if (quote.verb !== null) attribution.append(' ', h('span', { class: 'verb' }, quote.verb));
  // A user's correction decided the speaker (issue 16): say so.
  if (quote.correction !== undefined) attribution.append(' ', h('span', { class: 'corrected-label' }, 'Corrected'));
  if (quote.description !== null) attribution.append(h('span', { class: 'description' }, quote.description));
  const where: Node[] = [h('span', { class: 'quote-hit-title' }, quote.title || quote.path)];
  if (quote.date !== null) where.push(h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '), h('time', { datetime: quote.date }, formatDate(quote.date)));
  if (quote.source !== null) where.push(h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '), h('span', { class: 'source' }, quote.source));
  return h(
    'li',
    { class: open ? 'quote-hit open' : 'quote-hit', id: `quote-hit-${index}`, role: 'option', 'aria-selected': 'false', 'data-quote-id': quote.id },
    attribution,
    // `highlights` is absent from servers older than the field.
    quoteWords(quote, quote.highlights ?? []),
    h('span', { class: 'quote-hit-where' }, ...where),
  );
}
