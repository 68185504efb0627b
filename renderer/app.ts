// The renderer's entry: picks the API (the Electron preload's `window.verbatim`, else HTTP to
// `verbatim serve`), builds the views on the page's skeleton and wires them and the global keys together.

import type { VerbatimApi } from '../main/contract/api.js';
import { createHttpApi, tokenFromHash } from './http-api.js';
import { createQuotesPanel } from './views/quotes-panel.js';
import { createReader } from './views/reader.js';
import { createResultsList } from './views/results-list.js';
import { createSearchBox } from './views/search-box.js';
import { statusChange } from './status-change.js';
import { createStatusLine } from './views/status-line.js';

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
      onLoaded: (view) => quotes.show(view.quotes),
      onRemoved: () => {
        quotes.clear();
        results.markOpen(null);
      },
    },
  );

  const results = createResultsList(
    {
      list: byId('results', HTMLOListElement),
      summary: byId('results-summary', HTMLElement),
      start: byId('start', HTMLElement),
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
      },
      onSuccess: () => {
        searchBox.clearError();
        if (openWhenReady) {
          openWhenReady = false;
          const hit = results.selected();
          if (hit !== null) openResult(hit.id);
        }
      },
    },
  );

  // Whether the reader shows article `id` with the hits of the results' query.
  const isOpen = (id: string): boolean => reader.articleId === id && reader.query === (results.query ?? '');

  const openResult = (id: string): void => {
    quotes.clear();
    results.markOpen(id);
    reader.open(id, results.query ?? '');
  };

  const searchBox = createSearchBox(input, byId('search-error', HTMLElement), {
    onQuery: (query) => results.search(query),
    onMove: (delta) => results.move(delta),
    onEnter: (shift) => {
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
  });

  const statusLine = createStatusLine(
    { status: byId('status', HTMLElement), problemsPanel: byId('problems', HTMLElement) },
    api,
    (status, previous) => {
      results.setStatus(status);
      const change = statusChange(previous, status);
      if (change === 'archive') {
        // Another archive: its articles are not the ones shown. Same query, fresh results, empty reader.
        reader.clear();
        quotes.clear();
        results.markOpen(null);
        results.refresh(false);
      } else if (change === 'content') {
        // Files were added, changed or removed: the same query and article, from the updated index.
        results.refresh(true);
        reader.refresh();
      }
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
    } else if (event.key === 'F3' && !mod && !event.altKey) {
      event.preventDefault();
      reader.moveHit(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Enter' && !mod && !event.altKey && event.target === document.body) {
      event.preventDefault();
      reader.moveHit(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape' && event.target instanceof Element && event.target.closest('#results') !== null) {
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
