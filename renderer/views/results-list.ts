// The result list: one option per article found (headline, date, source, hit count, snippet, matching
// quotes; with `in:quotes`, the matching quotations themselves), a summary line above it with the sort
// order beside it, "Show more" below it, and the start page with the query syntax when the query is empty.
// Selection follows the listbox pattern: the list (or the search box) owns focus and points at the
// selected option with aria-activedescendant.

import type { ApiError, LibraryStatus, Quote, ResultLimits, SearchHit, SearchReply, SearchSort, VerbatimApi } from '../../main/contract/api.js';
import { latestRequest } from '../latest-request.js';
import { wireListNavigation } from '../list-navigation.js';
import { formatDate, h, highlightedText, plural } from '../dom.js';
import { quoteWords } from './quote-words.js';
import { incompleteNotice } from './incomplete-notice.js';
import { hasQuoteScope } from '../query-text.js';
import { isFindingQuotes } from '../status-change.js';
import { wireShowMore } from './show-more.js';

/** Quotations shown under a result when the query has `in:quotes`; the rest are counted. */
export const scopedQuotesShown = 3;

/** Results per page: the API's default, and what "Show more" adds. */
const pageSize: ResultLimits['search']['default'] = 50;
/** The most one request may ask for: a refresh asks for every result listed, up to this. */
const maxLimit: ResultLimits['search']['max'] = 500;

export interface ResultsElements {
  /** `ol#results`, `role="listbox"`. */
  list: HTMLOListElement;
  /** The line above the list: "23 articles", "Searching…". */
  summary: HTMLElement;
  /** Shown instead of the list when the query is empty. */
  start: HTMLElement;
  /** `select#sort`: relevance, newest or oldest first; sent with every search. */
  sort: HTMLSelectElement;
  /** What holds the sort control, hidden with no results to sort. */
  sortControl: HTMLElement;
  /** "Show 50 more articles", below the list. */
  more: HTMLButtonElement;
  /** Also points at the selected option (the search box, as a combobox). */
  owners: HTMLElement[];
}

export interface ResultsHandlers {
  /** A result was chosen (click, Enter): show its article. */
  onOpen(hit: SearchHit): void;
  /** The latest search failed (a bad query, or the server is gone). */
  onError(query: string, error: ApiError): void;
  /** The latest search succeeded (or the query was emptied): any earlier error is void. */
  onSuccess(query: string): void;
}

/** Wait before saying "Searching…", so fast replies do not flicker; in milliseconds. */
const searchingDelayMs = 120;

export interface ResultsList {
  /**
   * Runs `query` (or shows the start page when it is blank). Replies to earlier calls that arrive late
   * are dropped, so the list always matches the latest query.
   */
  search(query: string): void;
  /**
   * Runs the latest query again, because the archive changed. `quiet` (the same archive, new content):
   * the list stays as it is until the answer arrives, which then keeps the selection and the scroll
   * position, and is not redrawn when nothing changed. Otherwise (another archive) it is a new `search`.
   */
  refresh(quiet: boolean): void;
  /** Whether a search is under way. */
  readonly busy: boolean;
  /** Tells the start page what the archive holds (refreshes it if shown). */
  setStatus(status: LibraryStatus): void;
  /** The empty-query page: what is in the archive and how to search it. */
  showStart(status: LibraryStatus | null): void;
  /** A search is under way: say so, and dim the results it will replace. */
  showSearching(): void;
  /** Shows `reply`; with `keep`, the selected article stays selected and the list where it was scrolled. */
  showReply(reply: SearchReply, keep?: boolean): void;
  /** The search failed: the error is shown by the search box; the list gives way to the syntax help. */
  showFailed(): void;
  /** Moves the selection by `delta` (clamped); selects the first result when none is. */
  move(delta: number): void;
  selected(): SearchHit | null;
  /** Marks the result whose article the reader shows. */
  markOpen(id: string | null): void;
  /** The query of the results shown, or null on the start page or while failed. */
  readonly query: string | null;
  /** The reply shown, or null on the start page or while failed. */
  readonly reply: SearchReply | null;
  /** The Articles view is shown (`true`) or not: only then does the search box point into the list. */
  setShown(shown: boolean): void;
}

export function createResultsList(
  elements: ResultsElements,
  api: Pick<VerbatimApi, 'search'>,
  handlers: ResultsHandlers,
): ResultsList {
  const { list, summary, start, sort, sortControl } = elements;
  const requests = latestRequest();
  let lastStatus: LibraryStatus | null = null;
  let hits: SearchHit[] = [];
  let selectedIndex = -1;
  let openId: string | null = null;
  let shownQuery: string | null = null;
  /** The reply on show, to tell whether a refreshed one differs. */
  let shownReply: SearchReply | null = null;
  /** The query of the latest `search` call, answered or not. */
  let requestedQuery: string | null = null;
  let shown = true;

  const options = (): HTMLElement[] => [...list.querySelectorAll<HTMLElement>('li.result')];

  const select = (index: number, scroll = true): void => {
    selectedIndex = hits.length === 0 ? -1 : Math.max(0, Math.min(hits.length - 1, index));
    const all = options();
    all.forEach((option, i) => option.setAttribute('aria-selected', String(i === selectedIndex)));
    const current = all[selectedIndex];
    for (const owner of [list, ...(shown ? elements.owners : [])]) {
      if (current === undefined) owner.removeAttribute('aria-activedescendant');
      else owner.setAttribute('aria-activedescendant', current.id);
    }
    if (current !== undefined && scroll) current.scrollIntoView({ block: 'nearest' });
  };

  const openSelected = (): void => {
    const hit = hits[selectedIndex];
    if (hit !== undefined) handlers.onOpen(hit);
  };

  wireListNavigation(list, 'li.result', { options, selectedIndex: () => selectedIndex, select, open: openSelected });

  const setExpanded = (expanded: boolean): void => {
    // While the Quotes view is shown, the search box's popup is that view's list, not this one.
    if (!shown) return;
    for (const owner of elements.owners) owner.setAttribute('aria-expanded', String(expanded));
  };

  const sortOrder = (): SearchSort => (sort.value === 'newest' || sort.value === 'oldest' ? sort.value : 'relevance');

  sort.addEventListener('change', () => {
    if (requestedQuery !== null && requestedQuery.trim() !== '') run(requestedQuery, false);
  });

  const run = (query: string, quiet: boolean): void => {
    requestedQuery = query;
    if (query.trim() === '') {
      requests.drop();
      self.showStart(lastStatus);
      handlers.onSuccess(query);
      return;
    }
    const order = sortOrder();
    // A refresh keeps every result listed, those "Show more" added too.
    const limit = quiet ? Math.min(maxLimit, Math.max(pageSize, hits.length)) : pageSize;
    more.setBusy(true);
    requests.send(
      api.search({ query, ...(limit === pageSize ? {} : { limit }), ...(order === 'relevance' ? {} : { sort: order }) }),
      (result) => {
        more.setBusy(false);
        if (result.ok) {
          self.showReply(result.value, quiet);
          shownQuery = query;
          // Says which query the list answers (tests wait on it; stale replies never get here).
          list.dataset['query'] = query;
          list.dataset['sort'] = order;
          handlers.onSuccess(query);
        } else {
          self.showFailed();
          handlers.onError(query, result.error);
        }
      },
      quiet ? undefined : { afterMs: searchingDelayMs, show: () => self.showSearching() },
    );
  };

  /** The next page of the results shown, added below them: the list is not drawn again. */
  const more = wireShowMore(elements.more, pageSize, 'article', (offset) => {
    const query = shownQuery;
    const reply = shownReply;
    if (query === null || reply === null || requests.busy) return;
    const order = sortOrder();
    more.setBusy(true);
    requests.send(api.search({ query, offset, ...(order === 'relevance' ? {} : { sort: order }) }), (result) => {
      more.setBusy(false);
      if (!result.ok) {
        handlers.onError(query, result.error);
        return;
      }
      const added = result.value.hits;
      const scoped = hasQuoteScope(query);
      hits = [...hits, ...added];
      shownReply = { ...result.value, hits };
      list.append(...added.map((hit, i) => renderHit(hit, offset + i, hit.id === openId, scoped)));
      summary.replaceChildren(...describeReply(shownReply));
      more.update(hits.length, result.value.total);
      // The first of the new results, for the arrow keys to go on from.
      if (added.length > 0) select(offset);
    });
  });

  const self: ResultsList = {
    search: (query) => run(query, false),
    refresh: (quiet) => {
      if (requestedQuery !== null) run(requestedQuery, quiet);
    },
    setStatus: (status) => {
      lastStatus = status;
      if (!start.hidden) describeStart(start, status);
    },
    get busy() {
      return requests.busy;
    },
    get query() {
      return shownQuery;
    },
    get reply() {
      return shownReply;
    },
    setShown: (next) => {
      shown = next;
      if (!next) for (const owner of elements.owners) owner.removeAttribute('aria-activedescendant');
      select(selectedIndex, false);
      setExpanded(hits.length > 0);
    },
    showStart: (status) => {
      lastStatus = status;
      delete list.dataset['query'];
      hits = [];
      shownQuery = null;
      shownReply = null;
      list.replaceChildren();
      list.hidden = true;
      list.removeAttribute('aria-busy');
      select(-1);
      setExpanded(false);
      summary.textContent = '';
      sortControl.hidden = true;
      more.hide();
      start.hidden = false;
      describeStart(start, status);
    },
    showSearching: () => {
      list.setAttribute('aria-busy', 'true');
      summary.textContent = 'Searching…';
      summary.dataset['tone'] = 'busy';
    },
    showReply: (reply, keep = false) => {
      const selectedId = keep ? (hits[selectedIndex]?.id ?? null) : null;
      const scrollTop = list.scrollTop;
      if (keep && shownReply !== null && sameResults(shownReply, reply) && !list.hidden) {
        shownReply = reply;
        return;
      }
      hits = reply.hits;
      shownReply = reply;
      shownQuery = reply.query;
      start.hidden = true;
      list.hidden = false;
      list.removeAttribute('aria-busy');
      const scoped = hasQuoteScope(reply.query);
      list.replaceChildren(...reply.hits.map((hit, i) => renderHit(hit, i, hit.id === openId, scoped)));
      delete summary.dataset['tone'];
      summary.replaceChildren(...describeReply(reply));
      sortControl.hidden = reply.total < 2;
      more.update(hits.length, reply.total);
      setExpanded(hits.length > 0);
      if (keep) {
        list.scrollTop = scrollTop;
        const index = hits.findIndex((hit) => hit.id === selectedId);
        select(hits.length > 0 ? Math.max(index, 0) : -1, false);
      } else {
        list.scrollTop = 0;
        select(hits.length > 0 ? 0 : -1);
      }
    },
    showFailed: () => {
      // The start page's syntax help is the best thing to show beside the error.
      hits = [];
      shownQuery = null;
      shownReply = null;
      delete list.dataset['query'];
      start.hidden = false;
      describeStart(start, lastStatus);
      list.hidden = true;
      list.removeAttribute('aria-busy');
      list.replaceChildren();
      delete summary.dataset['tone'];
      summary.textContent = '';
      sortControl.hidden = true;
      more.hide();
      setExpanded(false);
      select(-1);
    },
    move: (delta) => select(selectedIndex < 0 ? 0 : selectedIndex + delta),
    selected: () => hits[selectedIndex] ?? null,
    markOpen: (id) => {
      openId = id;
      options().forEach((option, i) => option.classList.toggle('open', hits[i]?.id === id));
    },
  };
  return self;
}

/** Whether two replies list the same articles with the same snippets and counts (timing aside). */
function sameResults(a: SearchReply, b: SearchReply): boolean {
  return a.query === b.query && a.total === b.total && a.partial === b.partial && a.incomplete === b.incomplete && JSON.stringify(a.hits) === JSON.stringify(b.hits);
}

function describeStart(start: HTMLElement, status: LibraryStatus | null): void {
  const lead = start.querySelector<HTMLElement>('.start-lead');
  if (lead === null) return;
  const text =
    status?.state === 'ready'
      ? isFindingQuotes(status)
        ? `Search ${plural(status.articles, 'article')} in ${status.archiveName} (finding their quotes…).`
        : `Search ${plural(status.articles, 'article')} and ${plural(status.quotes, 'quote')} in ${status.archiveName}.`
      : 'Search the archive for what was written, and see who said what.';
  // Called at every status poll: leave the page alone unless something changed.
  if (lead.textContent !== text) lead.textContent = text;
}

function describeReply(reply: SearchReply): Node[] {
  return [...describeCount(reply), ...incompleteNotice(reply)];
}

function describeCount(reply: SearchReply): Node[] {
  if (reply.total === 0) {
    return [h('span', {}, 'No articles match. Try fewer words, or a prefix like ', h('code', {}, 'negotiat*'), '.')];
  }
  const parts: Node[] = [h('strong', {}, plural(reply.total, 'article'))];
  if (reply.hits.length < reply.total) parts.push(h('span', {}, ` · showing the first ${reply.hits.length}`));
  if (reply.partial) {
    parts.push(h('span', { class: 'partial' }, 'No article has all the words; showing the closest matches'));
  }
  return parts;
}

function renderHit(hit: SearchHit, index: number, open: boolean, scoped: boolean): HTMLLIElement {
  const meta: Node[] = [];
  const addMeta = (node: Node): void => {
    if (meta.length > 0) meta.push(h('span', { class: 'sep', 'aria-hidden': 'true' }, '·'));
    meta.push(node);
  };
  if (hit.date !== null) addMeta(h('time', { datetime: hit.date }, formatDate(hit.date)));
  if (hit.source !== null) addMeta(h('span', { class: 'source' }, hit.source));
  addMeta(h('span', { class: 'hit-count' }, plural(hit.hitCount, 'hit')));
  if (hit.quotes.length > 0) {
    // "With search words", not "matching": the speakers list counts quotes with every word (issue 15).
    meta.push(h('span', { class: 'quote-count' }, `${plural(hit.quotes.length, 'quote')} with search words`));
  }

  const title = h('span', { class: 'result-title' });
  title.append(highlightedText(hit.title || hit.path, hit.titleHighlights));
  let body: HTMLElement;
  if (scoped && hit.quotes.length > 0) {
    // `in:quotes`: the quotations that match are what the user asked for, so they replace the snippet.
    body = h('span', { class: 'result-quotes' }, ...hit.quotes.slice(0, scopedQuotesShown).map(renderScopedQuote));
    if (hit.quotes.length > scopedQuotesShown) body.append(h('span', { class: 'result-quotes-more' }, `and ${plural(hit.quotes.length - scopedQuotesShown, 'more quote')}`));
  } else {
    body = h('span', { class: 'result-snippet' });
    body.append(highlightedText(hit.snippet.text, hit.snippet.highlights));
  }

  return h(
    'li',
    { class: open ? 'result open' : 'result', id: `result-${index}`, role: 'option', 'aria-selected': 'false' },
    title,
    h('span', { class: 'result-meta' }, ...meta),
    body,
  );
}

function renderScopedQuote(quote: Quote): HTMLElement {
  const speaker = quote.speaker === null ? h('span', { class: 'speaker unattributed' }, 'Unattributed') : h('span', { class: 'speaker' }, quote.speaker);
  return h('span', { class: 'result-quote' }, quoteWords(quote), h('span', { class: 'result-quote-by' }, '— ', speaker));
}
