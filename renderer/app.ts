// The renderer's entry: picks the API (the Electron preload's `window.verbatim`, else HTTP to
// `verbatim serve`), builds the views on the page's skeleton and wires them and the global keys together:
// the search box (with its notices, "Quotes only" and the query help), the results pane (Articles or
// Quotes, sort, facets and speakers), the reader and the quotes panel.

import type { QuoteHit, VerbatimApi } from '../main/contract/api.js';
import { createHttpApi, tokenFromHash } from './http-api.js';
import { toggleFilter } from './query-text.js';
import { statusChange } from './status-change.js';
import { createQueryHelp, renderSyntaxSummary } from './views/query-help.js';
import { createQuoteResults } from './views/quote-results.js';
import { createQuotesPanel } from './views/quotes-panel.js';
import { createReader } from './views/reader.js';
import { createRefinePanel } from './views/refine-panel.js';
import { createResultsList } from './views/results-list.js';
import { createSearchBox } from './views/search-box.js';
import { createStatusLine } from './views/status-line.js';
import { createViewSwitch, type ResultsView } from './views/view-switch.js';

declare global {
  interface Window {
    /** Set by the Electron preload; absent when the page is served by `verbatim serve`. */
    readonly verbatim?: VerbatimApi;
  }
}

function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`Verbatim: index.html has no #${id} ${type.name}`);
  return element;
}

function start(api: VerbatimApi): void {
  const input = byId('search', HTMLInputElement);

  // Enter pressed before the results of the typed query arrived: open the first one when they do.
  let openWhenReady = false;
  // The query last reported by the search box (what both views list).
  let currentQuery = input.value;
  // A quotation chosen in the Quotes view, to mark once its article has loaded.
  let pendingQuote: { articleId: string; id: string } | null = null;
  // The Quotes view missed a change of the archive while hidden: ask again when it is shown.
  let quotesStale = false;

  const help = createQueryHelp({ button: byId('query-help-button', HTMLButtonElement), popover: byId('query-help', HTMLElement) });
  renderSyntaxSummary(byId('start-syntax', HTMLElement), help);

  const quotes = createQuotesPanel(byId('quotes', HTMLElement), (quote) => reader.showQuote(quote));

  const reader = createReader(
    {
      article: byId('reader', HTMLElement),
      prevButton: byId('prev-hit', HTMLButtonElement),
      nextButton: byId('next-hit', HTMLButtonElement),
      counter: byId('hit-counter', HTMLElement),
    },
    api,
    {
      onLoaded: (view) => {
        quotes.show(view.quotes, view.article);
        if (pendingQuote !== null && pendingQuote.articleId === view.article.id) quotes.choose(pendingQuote.id);
        pendingQuote = null;
      },
      onRemoved: () => {
        quotes.clear();
        results.markOpen(null);
        quoteResults.markOpen(null);
      },
    },
  );

  const refine = createRefinePanel({ panel: byId('refine', HTMLElement) }, (field, value) => {
    searchBox.setQuery(toggleFilter(input.value, field, value));
  });

  const results = createResultsList(
    {
      list: byId('results', HTMLOListElement),
      summary: byId('results-summary', HTMLElement),
      start: byId('start', HTMLElement),
      sort: byId('sort', HTMLSelectElement),
      sortControl: byId('sort-control', HTMLElement),
      more: byId('more-results', HTMLButtonElement),
      owners: [input],
    },
    api,
    {
      onOpen: (hit) => {
        if (!isOpen(hit.id)) openResult(hit.id);
      },
      onError: (query, error) => {
        openWhenReady = false;
        searchBox.showError(query, error);
        searchBox.showNotices([]);
        refine.clear();
      },
      onSuccess: (query) => {
        searchBox.clearError();
        // The reader may show an article with the marks of an earlier search: say so (issue 15).
        reader.markStale(query);
        const reply = results.reply;
        searchBox.showNotices(reply?.notices ?? []);
        if (reply === null) refine.clear();
        else refine.show(reply, input.value);
        if (openWhenReady && viewSwitch.view === 'articles') {
          openWhenReady = false;
          const hit = results.selected();
          if (hit !== null) openResult(hit.id);
        }
      },
    },
  );

  const quoteResults = createQuoteResults(
    {
      list: byId('quote-results', HTMLOListElement),
      summary: byId('quote-results-summary', HTMLElement),
      more: byId('more-quotes', HTMLButtonElement),
      owners: [input],
    },
    api,
    {
      onOpen: (quote) => openQuote(quote),
      onError: (query, error) => searchBox.showError(query, error),
    },
  );

  const articlesView = byId('articles-view', HTMLElement);
  const quotesView = byId('quotes-view', HTMLElement);
  const showView = (view: ResultsView): void => {
    articlesView.hidden = view !== 'articles';
    quotesView.hidden = view !== 'quotes';
    // The facets and speakers serve both views: they sit under the summary of the one shown.
    const summaryRow = (view === 'articles' ? articlesView : quotesView).querySelector('.summary-row');
    summaryRow?.after(byId('refine', HTMLElement));
    results.setShown(view === 'articles');
    quoteResults.setShown(view === 'quotes');
    input.setAttribute('aria-controls', view === 'articles' ? 'results' : 'quote-results');
    if (view === 'quotes') {
      if (quotesStale || quoteResults.requested !== currentQuery) quoteResults.search(currentQuery);
      quotesStale = false;
    }
  };
  const viewSwitch = createViewSwitch({ articles: byId('view-articles', HTMLButtonElement), quotes: byId('view-quotes', HTMLButtonElement) }, showView);

  // Whether the reader shows article `id` with the hits of the results' query.
  const isOpen = (id: string): boolean => reader.articleId === id && reader.query === (results.query ?? '');

  const openResult = (id: string): void => {
    pendingQuote = null;
    quotes.clear();
    results.markOpen(id);
    quoteResults.markOpen(null);
    reader.open(id, results.query ?? '');
  };

  const openQuote = (quote: QuoteHit): void => {
    const query = quoteResults.query ?? '';
    results.markOpen(quote.articleId);
    quoteResults.markOpen(quote.id);
    if (reader.articleId === quote.articleId && reader.query === query && !reader.loading) {
      pendingQuote = null;
      quotes.choose(quote.id);
      return;
    }
    pendingQuote = { articleId: quote.articleId, id: quote.id };
    quotes.clear();
    reader.open(quote.articleId, query);
  };

  const searchBox = createSearchBox(
    {
      input,
      error: byId('search-error', HTMLElement),
      notices: byId('search-notices', HTMLElement),
      quotesOnly: byId('quotes-only', HTMLButtonElement),
    },
    {
      onQuery: (query) => {
        currentQuery = query;
        results.search(query);
        if (viewSwitch.view === 'quotes') quoteResults.search(query);
        refine.markPressed(query);
      },
      onMove: (delta) => (viewSwitch.view === 'quotes' ? quoteResults.move(delta) : results.move(delta)),
      onEnter: (shift) => {
        if (viewSwitch.view === 'quotes') {
          const quote = quoteResults.selected();
          if (quoteResults.busy || quoteResults.query !== input.value || quote === null) return;
          if (reader.articleId === quote.articleId && quotes.chosen === quote.id) reader.moveHit(shift ? -1 : 1);
          else openQuote(quote);
          return;
        }
        if (results.busy || results.query !== input.value) {
          openWhenReady = input.value.trim() !== '';
          return;
        }
        const hit = results.selected();
        if (hit === null) return;
        // Enter again on the article already open steps through its hits, like a find bar.
        if (isOpen(hit.id)) reader.moveHit(shift ? -1 : 1);
        else openResult(hit.id);
      },
    },
  );

  const statusLine = createStatusLine(
    { status: byId('status', HTMLElement), problemsPanel: byId('problems', HTMLElement) },
    api,
    (status, previous) => {
      results.setStatus(status);
      const change = statusChange(previous, status);
      if (change === 'none') return;
      if (change === 'archive') {
        // Another archive: its articles are not the ones shown. Same query, fresh results, empty reader.
        pendingQuote = null;
        reader.clear();
        quotes.clear();
        results.markOpen(null);
        quoteResults.markOpen(null);
        results.refresh(false);
      } else {
        // Files were added, changed or removed: the same query and article, from the updated index.
        results.refresh(true);
        reader.refresh();
      }
      if (viewSwitch.view === 'quotes') quoteResults.refresh();
      else quotesStale = true;
    },
  );

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.isComposing) return;
    const mod = event.ctrlKey || event.metaKey;
    if (mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      searchBox.focus();
    } else if (event.key === '/' && !mod && !event.altKey && !isEditable(event.target)) {
      event.preventDefault();
      searchBox.focus();
    } else if (event.key === '?' && !mod && !event.altKey && !isEditable(event.target)) {
      event.preventDefault();
      help.toggle(true);
    } else if (event.key === 'F3' && !mod && !event.altKey) {
      event.preventDefault();
      reader.moveHit(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Enter' && !mod && !event.altKey && event.target === document.body) {
      event.preventDefault();
      reader.moveHit(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape' && event.target instanceof Element && event.target.closest('#results, #quote-results') !== null) {
      event.preventDefault();
      searchBox.focus();
    }
  });

  results.showStart(null);
  searchBox.clearError();
  statusLine.start();
  searchBox.focus();
  if (input.value !== '') searchBox.flush();
}

/**
 * The token of `verbatim serve`, from the address (`#token=...`), which is then taken out of the address
 * bar and history. It is kept in `sessionStorage` (this tab only) so that reloading the page keeps working.
 */
function takeToken(): string {
  const storageKey = 'verbatim-token';
  const fromHash = tokenFromHash(location.hash);
  if (fromHash !== null) {
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    try {
      sessionStorage.setItem(storageKey, fromHash);
    } catch {
      // Storage can be disabled; the token still works until the page is reloaded.
    }
    return fromHash;
  }
  try {
    return sessionStorage.getItem(storageKey) ?? '';
  } catch {
    return '';
  }
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type);
}

start(window.verbatim ?? createHttpApi(takeToken()));
