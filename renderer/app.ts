// The renderer's entry: picks the API (the Electron preload's `window.verbatim`, else HTTP to
// `verbatim serve`), builds the views on the page's skeleton and wires them and the global keys together:
// the search box (with its notices, "Quotes only" and the query help), the results pane (Articles, Quotes or
// People, sort, facets and speakers), the reader (or a person's page in its place) and the quotes panel.

import type { QuoteHit, VerbatimApi } from '../main/contract/api.js';
import { fetchAllHits, fetchAllQuotes, exportHits, exportQuotes } from './export-results.js';
import { createHttpApi } from './http-api.js';
import { toggleFilter, toggleOnlyFilter } from './query-text.js';
import { takeToken } from './session-token.js';
import { statusChange } from './status-change.js';
import { createUrlHistory } from './url-history.js';
import type { UrlState } from './url-state.js';
import { createExportButtons } from './views/export-buttons.js';
import { createQueryHelp, renderSyntaxSummary } from './views/query-help.js';
import { createQuoteResults } from './views/quote-results.js';
import { createFileActions } from './views/file-actions.js';
import { createPeopleView } from './views/people-view.js';
import { createQuotesPanel } from './views/quotes-panel.js';
import { createReader } from './views/reader.js';
import { createRefinePanel } from './views/refine-panel.js';
import { createResultsList } from './views/results-list.js';
import { createSearchBox } from './views/search-box.js';
import { createStatusLine } from './views/status-line.js';
import { createVerifyPanel } from './views/verify-panel.js';
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

function start(api: VerbatimApi, inApp: boolean): void {
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
  const fileActions = createFileActions(
    {
      group: byId('file-actions', HTMLElement),
      open: byId('open-original', HTMLButtonElement),
      reveal: byId('show-in-folder', HTMLButtonElement),
      status: byId('hit-counter', HTMLElement),
    },
    api,
    inApp,
  );

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
        fileActions.show(view.article.id);
        quotes.show(view.quotes, view.article);
        if (pendingQuote !== null && pendingQuote.articleId === view.article.id) quotes.choose(pendingQuote.id);
        pendingQuote = null;
      },
      onRemoved: () => {
        fileActions.show(null);
        quotes.clear();
        results.markOpen(null);
        quoteResults.markOpen(null);
        address.update(urlState());
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

  // Issue 17: a match's article opens in the reader, as a result does.
  createVerifyPanel({ toggle: byId('verify-open', HTMLButtonElement), panel: byId('verify-panel', HTMLElement) }, api, (match) => reader.open(match.articleId, ''));

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

  const sort = byId('sort', HTMLSelectElement);
  sort.addEventListener('change', () => address.update(urlState()));

  // Export buttons beside each view's summary: every result of the query on show, in its order.
  byId('results-summary', HTMLElement).after(
    createExportButtons('article', async (format) => {
      const query = results.query;
      if (query === null) return null;
      const reply = await fetchAllHits(api, query, sort.value === 'newest' || sort.value === 'oldest' ? sort.value : 'relevance');
      return reply.ok ? { ok: true, value: exportHits(reply.value, format) } : reply;
    }),
  );
  byId('quote-results-summary', HTMLElement).after(
    createExportButtons('quote', async (format) => {
      const query = quoteResults.query;
      if (query === null) return null;
      const reply = await fetchAllQuotes(api, query);
      return reply.ok ? { ok: true, value: exportQuotes(query, reply.value, format) } : reply;
    }),
  );

  const people = createPeopleView(
    {
      list: byId('people', HTMLOListElement),
      summary: byId('people-summary', HTMLElement),
      corrections: byId('corrections', HTMLElement),
      person: byId('person', HTMLElement),
      readerParts: [byId('reader-toolbar', HTMLElement), byId('reader', HTMLElement)],
      owners: [input],
    },
    api,
    {
      onPersonChange: () => address.update(urlState()),
      onOpenQuote: (quote, query) => openQuote(quote, query),
      onOpenArticle: (id, query) => openResult(id, query),
      onMonth: (month) => searchBox.setQuery(toggleOnlyFilter(input.value, 'date', month)),
      onCorrected: () => {
        // Who said what changed: every list and the open article show it.
        results.refresh(true);
        reader.refresh();
        if (viewSwitch.view === 'quotes') quoteResults.refresh();
        else quotesStale = true;
      },
      onError: (query, error) => searchBox.showError(query, error),
    },
  );

  const views = { articles: byId('articles-view', HTMLElement), quotes: byId('quotes-view', HTMLElement), people: byId('people-view', HTMLElement) };
  const lists = { articles: 'results', quotes: 'quote-results', people: 'people' } as const;
  const showView = (view: ResultsView): void => {
    for (const [name, element] of Object.entries(views)) element.hidden = name !== view;
    // The facets and speakers serve the article and quote lists. They follow the list of the one shown, so that
    // Tab reaches the results before a dozen facets (issue 15); the stylesheet draws them above the list.
    byId(view === 'quotes' ? 'quote-results' : 'results', HTMLElement).after(byId('refine', HTMLElement));
    results.setShown(view === 'articles');
    quoteResults.setShown(view === 'quotes');
    people.setShown(view === 'people', currentQuery);
    input.setAttribute('aria-controls', lists[view]);
    if (view === 'quotes') {
      if (quotesStale || quoteResults.requested !== currentQuery) quoteResults.search(currentQuery);
      quotesStale = false;
    }
  };
  const viewSwitch = createViewSwitch({ articles: byId('view-articles', HTMLButtonElement), quotes: byId('view-quotes', HTMLButtonElement), people: byId('view-people', HTMLButtonElement) }, (view) => {
    showView(view);
    address.update(urlState());
  });

  // Whether the reader shows article `id` with the hits of the results' query.
  const isOpen = (id: string): boolean => reader.articleId === id && reader.query === (results.query ?? '');

  // Opening an article (from a list or a person's page) closes the person's page that stood in for it.
  const openResult = (id: string, query = results.query ?? ''): void => {
    pendingQuote = null;
    people.showPerson(null, query);
    quotes.clear();
    results.markOpen(id);
    quoteResults.markOpen(null);
    reader.open(id, query);
    address.update(urlState());
  };

  const openQuote = (quote: QuoteHit, query = quoteResults.query ?? ''): void => {
    people.showPerson(null, query);
    results.markOpen(quote.articleId);
    quoteResults.markOpen(quote.id);
    if (reader.articleId === quote.articleId && reader.query === query && !reader.loading) {
      pendingQuote = null;
      quotes.choose(quote.id);
      address.update(urlState());
      return;
    }
    pendingQuote = { articleId: quote.articleId, id: quote.id };
    quotes.clear();
    reader.open(quote.articleId, query);
    address.update(urlState());
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
        address.update(urlState());
        results.search(query);
        if (viewSwitch.view === 'quotes') quoteResults.search(query);
        people.search(query);
        refine.markPressed(query);
      },
      onMove: (delta) => ({ articles: results, quotes: quoteResults, people }[viewSwitch.view].move(delta)),
      onEnter: (shift) => {
        if (viewSwitch.view === 'people') {
          if (people.requested === input.value) people.openSelected();
          return;
        }
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
        people.showPerson(null, currentQuery);
        fileActions.show(null);
        quotes.clear();
        results.markOpen(null);
        quoteResults.markOpen(null);
        address.update(urlState());
        results.refresh(false);
      } else {
        // Files were added, changed or removed: the same query and article, from the updated index.
        results.refresh(true);
        reader.refresh();
      }
      if (viewSwitch.view === 'quotes') quoteResults.refresh();
      else quotesStale = true;
      people.refresh();
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
    } else if (event.key === 'Escape' && event.target instanceof Element && event.target.closest('#results, #quote-results, #people') !== null) {
      event.preventDefault();
      searchBox.focus();
    }
  });

  // The address's state: written at every step, applied at start and on Back/Forward.
  const urlState = (): UrlState => ({
    query: currentQuery,
    view: viewSwitch.view,
    sort: sort.value === 'newest' || sort.value === 'oldest' ? sort.value : 'relevance',
    article: reader.articleId,
    person: people.personId,
  });
  const applyUrlState = (state: UrlState): void => {
    const sortChanged = state.sort !== urlState().sort;
    sort.value = state.sort;
    // The same query in another order is not reported by the search box: ask for it here.
    if (sortChanged && state.query === currentQuery) results.search(state.query);
    searchBox.setQuery(state.query);
    if (viewSwitch.view !== state.view) {
      viewSwitch.set(state.view);
      showView(state.view);
    }
    if (state.article === null) {
      if (reader.articleId !== null) {
        pendingQuote = null;
        reader.clear();
        quotes.clear();
        results.markOpen(null);
        quoteResults.markOpen(null);
      }
    } else if (reader.articleId !== state.article || reader.query !== state.query) {
      pendingQuote = null;
      quotes.clear();
      results.markOpen(state.article);
      quoteResults.markOpen(null);
      reader.open(state.article, state.query);
    }
    if (state.person !== people.personId) people.showPerson(state.person, state.query);
  };
  const address = createUrlHistory(applyUrlState);

  results.showStart(null);
  searchBox.clearError();
  statusLine.start();
  searchBox.focus();
  if (location.hash !== '') address.applyCurrent();
  else if (input.value !== '') searchBox.flush();
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type);
}

// Only the app (the preload's API) can open an article's file; a browser on `verbatim serve` cannot.
start(window.verbatim ?? createHttpApi(takeToken()), window.verbatim !== undefined);
