// The search box: reports the query as the user types (debounced), arrow keys and Enter to the results,
// shows a bad query's message with the offending span underlined, below the box (never a dialog), and the
// search's notices ("Ignored common words: the.") as a quiet line there. Beside it, the "Quotes only"
// toggle adds or removes `in:quotes` in the query and shows whether the query has it.

import type { ApiError } from '../../main/contract/api.js';
import { h } from '../dom.js';
import { hasQuoteScope, toggleQuoteScope } from '../query-text.js';

/** Pause after the last keystroke before searching, in milliseconds. */
export const searchDebounceMs = 150;

export interface SearchBoxHandlers {
  /** The query changed and the user paused typing (or pressed Enter early). */
  onQuery(query: string): void;
  /** Arrow Up/Down, Page Up/Down: move the result selection by `delta`. */
  onMove(delta: number): void;
  /** Enter (after any pending query was reported): open the selected result, or step through its hits. */
  onEnter(shift: boolean): void;
}

export interface SearchBoxElements {
  input: HTMLInputElement;
  /** Below the box: a bad query's message and the query with the bad part underlined. */
  error: HTMLElement;
  /** Below the box: what the search changed or ignored in the query. */
  notices: HTMLElement;
  /** `button#quotes-only`, `aria-pressed`: adds or removes `in:quotes`. */
  quotesOnly: HTMLButtonElement;
}

export interface SearchBox {
  readonly query: string;
  focus(): void;
  /** Runs a pending debounced query now. */
  flush(): void;
  /** Replaces the query (a facet or the "Quotes only" toggle edited it) and searches at once. */
  setQuery(query: string): void;
  showError(query: string, error: ApiError): void;
  clearError(): void;
  /** Shows the search's notices under the box (none: the line is empty). */
  showNotices(notices: readonly string[]): void;
}

export function createSearchBox(elements: SearchBoxElements, handlers: SearchBoxHandlers): SearchBox {
  const { input, error: errorRegion, notices: noticeRegion, quotesOnly } = elements;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let reported: string | null = null;

  const syncToggle = (): void => {
    const pressed = String(hasQuoteScope(input.value));
    if (quotesOnly.getAttribute('aria-pressed') !== pressed) quotesOnly.setAttribute('aria-pressed', pressed);
  };

  const report = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const query = input.value;
    if (query === reported) return;
    reported = query;
    handlers.onQuery(query);
  };

  const setQuery = (query: string): void => {
    input.value = query;
    syncToggle();
    report();
  };

  input.addEventListener('input', () => {
    syncToggle();
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(report, searchDebounceMs);
  });

  quotesOnly.addEventListener('click', () => setQuery(toggleQuoteScope(input.value)));
  syncToggle();

  input.addEventListener('keydown', (event) => {
    if (event.isComposing) return;
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };
    const delta = moves[event.key];
    if (delta !== undefined && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      report();
      handlers.onMove(delta);
    } else if (event.key === 'Enter' && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      report();
      handlers.onEnter(event.shiftKey);
    }
  });

  return {
    get query() {
      return input.value;
    },
    focus: () => {
      input.focus();
      input.select();
    },
    flush: report,
    setQuery,
    showError: (query, error) => {
      input.setAttribute('aria-invalid', 'true');
      const children: Node[] = [h('p', { class: 'error-message' }, error.message)];
      if (error.start !== undefined && error.end !== undefined && query.length > 0) {
        children.push(underline(query, error.start, error.end));
      }
      errorRegion.replaceChildren(...children);
      errorRegion.hidden = false;
    },
    clearError: () => {
      input.removeAttribute('aria-invalid');
      errorRegion.replaceChildren();
      errorRegion.hidden = true;
    },
    showNotices: (notices) => {
      const text = notices.join(' ');
      if (noticeRegion.textContent === text) return;
      noticeRegion.textContent = text;
      noticeRegion.title = text;
    },
  };
}

/** The query once more, with `[start, end)` in a `span.bad`; an empty span marks a position instead. */
function underline(query: string, start: number, end: number): HTMLElement {
  const a = Math.max(0, Math.min(start, query.length));
  const b = Math.max(a, Math.min(end, query.length));
  const bad = h('span', { class: b > a ? 'bad' : 'bad at' }, b > a ? query.slice(a, b) : '\u00a0');
  return h('p', { class: 'error-query', 'aria-hidden': 'true' }, query.slice(0, a), bad, query.slice(b));
}
