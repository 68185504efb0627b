// The reader: one article in full, every hit of the query marked, with previous/next-hit navigation, and
// the quote chosen in the quotes panel marked (with its speaker's name) and scrolled into view.

import type { ArticleView, Quote, VerbatimApi } from '../../main/contract/api.js';
import { splitParagraphs } from '../../main/common/split-paragraphs.js';
import { segmentText, type HighlightLayer, type Segment } from '../highlight.js';
import { appendSegments, formatDate, h, highlightedText } from '../dom.js';

export interface ReaderElements {
  /** `article#reader`: the scrolling text. */
  article: HTMLElement;
  prevButton: HTMLButtonElement;
  nextButton: HTMLButtonElement;
  /** "3 / 12". */
  counter: HTMLElement;
}

export interface ReaderHandlers {
  /** An article arrived and is shown (its quotes are for the quotes panel). */
  onLoaded(view: ArticleView): void;
  /** The article shown is no longer in the archive (found by `refresh`); the reader says so. */
  onRemoved?(id: string): void;
}

export interface Reader {
  /** Fetches article `id` with `query`'s matches and shows it; a later call wins over an earlier one. */
  open(id: string, query: string): void;
  /** The id of the article shown or being opened. */
  readonly articleId: string | null;
  /** The query its hits are for. */
  readonly query: string | null;
  /** True while the article asked for by `open` has not arrived yet. */
  readonly loading: boolean;
  /** Goes to the next (`+1`) or previous (`-1`) hit, wrapping around. */
  moveHit(delta: 1 | -1): void;
  /**
   * Marks `quote` (and where its speaker is named) in the text and scrolls to it; the next hit is then the
   * first one from the quote on, and the previous hit the last one before it.
   */
  showQuote(quote: Quote): void;
  /**
   * Says that the hits marked are those of an earlier search (`query` is the one now listed), until
   * another article is opened; nothing when they are this query's.
   */
  markStale(query: string): void;
  /**
   * Fetches the article shown again, because the archive changed: redrawn (keeping the scroll position
   * and the current hit) only if it changed; if it is gone, the reader says it was removed.
   */
  refresh(): void;
  /** Back to the empty reader. */
  clear(): void;
}

/** What the reader says when `refresh` finds the article gone. */
export const removedMessage = 'This article was removed from the archive.';

export function createReader(elements: ReaderElements, api: Pick<VerbatimApi, 'article'>, handlers: ReaderHandlers): Reader {
  const { article, prevButton, nextButton, counter } = elements;
  let view: ArticleView | null = null;
  let openingId: string | null = null;
  let openingQuery: string | null = null;
  let requests = 0;
  let loading = false;
  let currentHit = -1;
  /**
   * Set when a quote was chosen: the number of the first hit from the quote on, where the next hit (F3,
   * Enter) goes instead of the one after `currentHit` (issue 15: it went back to the top).
   */
  let hitAfterQuote: number | null = null;
  let quote: Quote | null = null;
  let body: HTMLElement | null = null;

  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
  const scrollToCenter = (element: Element): void => {
    element.scrollIntoView({ block: 'center', behavior: reducedMotion.matches ? 'auto' : 'smooth' });
  };

  const updateNavigation = (): void => {
    const total = view?.highlights.length ?? 0;
    prevButton.disabled = total === 0;
    nextButton.disabled = total === 0;
    prevButton.hidden = view === null;
    nextButton.hidden = view === null;
    if (view === null) counter.textContent = '';
    else if (total === 0) counter.textContent = 'No hits';
    else counter.textContent = `${currentHit + 1} / ${total}`;
  };

  const markCurrent = (scroll: 'center' | 'if-hidden' | 'none'): void => {
    if (body === null) return;
    let first: HTMLElement | null = null;
    for (const mark of body.querySelectorAll<HTMLElement>('mark.hit')) {
      const isCurrent = mark.dataset['hit'] === String(currentHit);
      mark.classList.toggle('current', isCurrent);
      if (isCurrent && first === null) first = mark;
    }
    updateNavigation();
    if (first === null || scroll === 'none') return;
    if (scroll === 'center' || !isVisibleIn(first, article)) scrollToCenter(first);
  };

  const renderBody = (): HTMLElement => {
    const current = view as ArticleView;
    const text = current.article.body;
    const layers: HighlightLayer[] = [{ name: 'hit', ranges: current.highlights }];
    if (quote !== null) {
      layers.push({ name: 'quote', ranges: quote.parts });
      if (quote.mention !== null) layers.push({ name: 'speaker', ranges: [quote.mention] });
    }
    const container = h('div', { class: 'reader-body' });
    for (const paragraph of splitParagraphs(text)) {
      const p = h('p');
      appendSegments(p, segmentText(text, layers, paragraph.start, paragraph.end), styleMark);
      container.appendChild(p);
    }
    if (container.childElementCount === 0) container.appendChild(h('p', { class: 'placeholder' }, 'This article has no text.'));
    return container;
  };

  const render = (): void => {
    if (view === null) return;
    const a = view.article;
    const title = h('h2', { class: 'reader-title', id: 'reader-title' });
    title.append(highlightedText(a.title || a.path, view.titleHighlights, 'title-hit'));
    const meta: Node[] = [];
    const addMeta = (node: Node): void => {
      if (meta.length > 0) meta.push(h('span', { class: 'sep', 'aria-hidden': 'true' }, '·'));
      meta.push(node);
    };
    if (a.date !== null) addMeta(h('time', { datetime: a.date }, formatDate(a.date)));
    if (a.source !== null) addMeta(h('span', { class: 'source' }, a.source));
    if (a.author !== null) addMeta(h('span', { class: 'author' }, a.author));
    // A CSV row is shown with its place in the file: "row 12 of ods/rt.csv.gz".
    addMeta(h('span', { class: 'path' }, a.where === undefined ? a.path : `${a.where} of ${a.path}`));
    // `copies` is absent from servers older than the field.
    const copies = view.copies ?? [];
    if (copies.length > 0) addMeta(h('span', { class: 'copies' }, `Also saved as: ${copies.join(', ')}`));
    body = renderBody();
    article.replaceChildren(h('header', { class: 'reader-header' }, title, h('p', { class: 'reader-meta' }, ...meta)), body);
    article.setAttribute('aria-labelledby', 'reader-title');
    article.removeAttribute('aria-busy');
    delete article.dataset['state'];
  };

  const showMessage = (state: 'empty' | 'error', message: string, hint = ''): void => {
    view = null;
    body = null;
    quote = null;
    currentHit = -1;
    hitAfterQuote = null;
    article.dataset['state'] = state;
    article.removeAttribute('aria-busy');
    article.removeAttribute('aria-labelledby');
    article.replaceChildren(
      h('div', { class: 'reader-message' }, h('p', { class: 'reader-message-text' }, message), hint === '' ? null : h('p', { class: 'hint' }, hint)),
    );
    updateNavigation();
  };

  const moveHit = (delta: 1 | -1): void => {
    const total = view?.highlights.length ?? 0;
    if (total === 0) return;
    if (hitAfterQuote !== null) currentHit = (hitAfterQuote - (delta > 0 ? 0 : 1) + total) % total;
    else currentHit = currentHit < 0 ? (delta > 0 ? 0 : total - 1) : (currentHit + delta + total) % total;
    hitAfterQuote = null;
    markCurrent('center');
  };

  prevButton.addEventListener('click', () => moveHit(-1));
  nextButton.addEventListener('click', () => moveHit(1));
  article.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.target instanceof Element && event.target.closest('a, button, input, select, textarea') !== null) return;
    event.preventDefault();
    moveHit(event.shiftKey ? -1 : 1);
  });

  showMessage('empty', 'Choose a result to read it here.', 'Arrow keys move through the results; Enter opens one.');

  return {
    get articleId() {
      return openingId;
    },
    get query() {
      return openingQuery;
    },
    get loading() {
      return loading;
    },
    open: (id, query) => {
      const request = ++requests;
      openingId = id;
      openingQuery = query;
      loading = true;
      article.setAttribute('aria-busy', 'true');
      void api.article(query.trim() === '' ? { id } : { id, query }).then((result) => {
        if (request !== requests) return;
        loading = false;
        if (!result.ok) {
          showMessage('error', `Could not open this article: ${result.error.message}`);
          return;
        }
        view = result.value;
        quote = null;
        hitAfterQuote = null;
        currentHit = view.highlights.length > 0 ? 0 : -1;
        render();
        article.scrollTop = 0;
        markCurrent('if-hidden');
        handlers.onLoaded(view);
      });
    },
    moveHit,
    refresh: () => {
      const id = openingId;
      if (id === null || view === null || view.article.id !== id) return;
      const query = openingQuery ?? '';
      const request = ++requests;
      void api.article(query.trim() === '' ? { id } : { id, query }).then((result) => {
        if (request !== requests) return;
        if (!result.ok) {
          if (result.error.code !== 'not-found') return; // e.g. the server is briefly away: keep what is shown
          openingId = null;
          openingQuery = null;
          showMessage('empty', removedMessage, 'Choose another result to read it here.');
          handlers.onRemoved?.(id);
          return;
        }
        if (view !== null && JSON.stringify(view) === JSON.stringify(result.value)) return;
        const scrollTop = article.scrollTop;
        const total = result.value.highlights.length;
        view = result.value;
        quote = null;
        hitAfterQuote = null;
        currentHit = total === 0 ? -1 : Math.min(Math.max(currentHit, 0), total - 1);
        render();
        article.scrollTop = scrollTop;
        markCurrent('none');
        handlers.onLoaded(view);
      });
    },
    showQuote: (chosen) => {
      if (view === null || body === null || chosen.articleId !== view.article.id) return;
      quote = chosen;
      const from = chosen.parts[0]?.start ?? chosen.start;
      const after = view.highlights.findIndex((hit) => hit.start >= from);
      hitAfterQuote = after < 0 ? view.highlights.length : after;
      const fresh = renderBody();
      body.replaceWith(fresh);
      body = fresh;
      markCurrent('none');
      const first = body.querySelector('mark.quote-mark');
      if (first !== null) {
        for (const part of body.querySelectorAll('mark.quote-mark, mark.speaker-mark')) part.classList.add('active');
        scrollToCenter(first);
      }
    },
    markStale: (query) => {
      article.querySelector('.reader-stale')?.remove();
      if (view === null || loading || openingQuery === query) return;
      // The header stays; the hits are dimmed (reader.css) and a line says why.
      article.dataset['state'] = 'stale';
      const line = h('p', { class: 'reader-stale', role: 'status' }, 'The marked words are from an earlier search. Open a result to see this one’s.');
      article.querySelector('.reader-header')?.append(line);
    },
    clear: () => {
      requests++;
      loading = false;
      openingId = null;
      openingQuery = null;
      showMessage('empty', 'Choose a result to read it here.', 'Arrow keys move through the results; Enter opens one.');
    },
  };
}

function styleMark(segment: Segment): { classes: string[]; data?: Record<string, string> } {
  const classes: string[] = [];
  const data: Record<string, string> = {};
  for (const mark of segment.marks) {
    if (mark.layer === 'hit' && !classes.includes('hit')) {
      classes.push('hit');
      data['hit'] = String(mark.index);
    } else if (mark.layer === 'quote' && !classes.includes('quote-mark')) {
      classes.push('quote-mark');
      data['part'] = String(mark.index);
    } else if (mark.layer === 'speaker' && !classes.includes('speaker-mark')) {
      classes.push('speaker-mark');
    }
  }
  return { classes, data };
}

/** Whether `element` is fully inside the visible part of the scrolling `container`. */
function isVisibleIn(element: Element, container: Element): boolean {
  const box = element.getBoundingClientRect();
  const view = container.getBoundingClientRect();
  const top = Math.max(view.top, 0);
  const bottom = Math.min(view.bottom, window.innerHeight);
  return box.top >= top && box.bottom <= bottom;
}
