// A person's page (issue 16), shown in the reader pane instead of an article: their name, the other forms of it
// the archive used, their roles, a timeline of their quotes per month, their quotes (newest first, only those
// matching the query when there is one), the articles quoting them and who else is quoted there; with the
// controls that correct a quote's speaker or the person (views/correction-controls.ts).

import type { ApiError, PersonView, QuoteHit, Speaker, SpeakerRole, VerbatimApi } from '../../main/contract/api.js';
import { append, formatDate, h, plural } from '../dom.js';
import { latestRequest } from '../latest-request.js';
import { monthFilter } from '../query-text.js';
import { personCorrection, quoteCorrection, type CorrectionHandlers } from './correction-controls.js';
import { speakerSpan } from './people-list.js';
import { quoteWords } from './quote-words.js';
import { createTimelineChart } from './timeline-chart.js';

export interface PersonPageHandlers extends CorrectionHandlers {
  /** Open the article of this quote with the quote marked. */
  onOpenQuote(quote: QuoteHit): void;
  onOpenArticle(id: string): void;
  /** Open another person's page (one quoted with them). */
  onOpenPerson(id: string): void;
  /** A month of the timeline was clicked (`2005-03`): narrow the query to it. */
  onMonth(month: string): void;
  onClose(): void;
}

export interface PersonPage {
  /** Shows person `id`, their quotes narrowed to `query`; a later call wins. */
  open(id: string, query: string): void;
  /** Asks again for the person shown (a correction or the archive changed), keeping the scroll. */
  refresh(): void;
  /** The id of the person shown or loading, if any. */
  readonly personId: string | null;
  /** The query their quotes are narrowed to. */
  readonly query: string;
}

/** Fills `section` (`section#person`) with the page of the person `open` asks for. */
export function createPersonPage(section: HTMLElement, api: Pick<VerbatimApi, 'person'>, handlers: PersonPageHandlers): PersonPage {
  const requests = latestRequest();
  const timeline = createTimelineChart((month) => handlers.onMonth(month));
  let personId: string | null = null;
  let query = '';

  const load = (keep: boolean): void => {
    const id = personId;
    if (id === null) return;
    const asked = query;
    const scrollTop = section.scrollTop;
    requests.send(
      api.person({ id, query: asked }),
      (result) => {
        if (result.ok) {
          render(result.value, asked);
          section.scrollTop = keep ? scrollTop : 0;
        } else {
          showError(result.error);
        }
      },
      keep ? undefined : { afterMs: 120, show: () => section.replaceChildren(h('p', { class: 'pane-summary', 'data-tone': 'busy' }, 'Loading…')) },
    );
  };

  const showError = (error: ApiError): void => {
    const message = error.code === 'not-found' ? 'This person is no longer in the archive: a correction or a change of its files took them out.' : error.message;
    section.replaceChildren(closeButton(handlers), h('p', { class: 'person-error', role: 'alert' }, message));
  };

  const render = (view: PersonView, asked: string): void => {
    const { speaker } = view;
    timeline.show(view.months, monthFilter(asked));
    section.replaceChildren();
    append(section, [
      h(
        'header',
        { class: 'person-header' },
        closeButton(handlers),
        h('h2', { id: 'person-name', class: 'person-title', tabindex: '-1' }, speaker.name, speaker.kind === 'organisation' ? h('span', { class: 'kind-label' }, 'Organisation') : null),
        h('p', { class: 'person-facts' }, describeSpeaker(speaker)),
        speaker.aliases.length > 0 ? h('p', { class: 'person-aliases' }, h('span', { class: 'label' }, 'Also called: '), speaker.aliases.join(', ')) : null,
        speaker.roles.length > 0 ? h('ul', { class: 'person-roles', 'aria-label': 'Roles' }, ...speaker.roles.map((role) => h('li', {}, describeRole(role)))) : null,
        personCorrection(speaker, handlers),
      ),
      timeline.element,
      quotesSection(view, asked, handlers),
      articlesSection(view, handlers),
      quotedWithSection(view, handlers),
    ]);
  };

  return {
    open: (id, nextQuery) => {
      const same = id === personId;
      personId = id;
      query = nextQuery;
      load(same);
    },
    refresh: () => load(true),
    get personId() {
      return personId;
    },
    get query() {
      return query;
    },
  };
}

function closeButton(handlers: PersonPageHandlers): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'icon-button person-close', 'aria-label': 'Close the person’s page', title: 'Close (back to the article)' }, '×');
  button.addEventListener('click', () => handlers.onClose());
  return button;
}

function describeSpeaker(speaker: Speaker): string {
  const span = speakerSpan(speaker);
  return `${plural(speaker.quotes, 'quote')} in ${plural(speaker.articles, 'article')}${span === null ? '' : `, ${span}`}`;
}

function describeRole(role: SpeakerRole): string {
  if (role.first === null) return role.role;
  const first = formatDate(role.first);
  const last = role.last === null ? first : formatDate(role.last);
  return `${role.role} (${first === last ? first : `${first} – ${last}`})`;
}

function quotesSection(view: PersonView, asked: string, handlers: PersonPageHandlers): HTMLElement {
  const filtered = asked.trim() !== '';
  const heading = `Quotes (${view.quotes.length.toLocaleString('en-US')}${filtered ? ' matching the search' : ''})`;
  const empty = filtered ? 'None of their quotes matches the search.' : 'No quotes.';
  return h(
    'section',
    { class: 'person-section', 'aria-labelledby': 'person-quotes-heading' },
    h('h3', { id: 'person-quotes-heading' }, heading),
    view.quotes.length === 0
      ? h('p', { class: 'pane-summary' }, empty)
      : h('ol', { class: 'person-quotes' }, ...view.quotes.map((quote, i) => personQuote(quote, i, handlers))),
  );
}

function personQuote(quote: QuoteHit, index: number, handlers: PersonPageHandlers): HTMLLIElement {
  const open = h('button', { type: 'button', class: 'link-button person-quote-title', title: 'Open the article at this quote' }, quote.title || quote.path);
  open.addEventListener('click', () => handlers.onOpenQuote(quote));
  const where: Node[] = [open];
  if (quote.date !== null) where.push(h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '), h('time', { datetime: quote.date }, formatDate(quote.date)));
  if (quote.source !== null) where.push(h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '), h('span', { class: 'source' }, quote.source));
  const attribution = h('span', { class: 'attribution' }, h('span', { class: 'speaker' }, quote.speaker ?? 'Unattributed'));
  if (quote.verb !== null) attribution.append(' ', h('span', { class: 'verb' }, quote.verb));
  // A correction beats the extractor, and says so.
  if (quote.correction !== undefined) attribution.append(' ', h('span', { class: 'corrected-label' }, 'Corrected'));
  return h(
    'li',
    { class: 'person-quote', 'data-quote-id': quote.id },
    attribution,
    quoteWords(quote, quote.highlights ?? []),
    h('span', { class: 'quote-hit-where' }, ...where),
    quoteCorrection(quote, index, handlers),
  );
}

function articlesSection(view: PersonView, handlers: PersonPageHandlers): HTMLElement {
  const items = view.articles.map((article) => {
    const button = h('button', { type: 'button', class: 'link-button' }, article.title || article.path);
    button.addEventListener('click', () => handlers.onOpenArticle(article.id));
    const facts = [article.date === null ? null : formatDate(article.date), article.source, plural(article.quotes, 'quote')].filter((fact) => fact !== null);
    return h('li', {}, button, h('span', { class: 'quote-hit-where' }, ` · ${facts.join(' · ')}`));
  });
  return h(
    'section',
    { class: 'person-section', 'aria-labelledby': 'person-articles-heading' },
    h('h3', { id: 'person-articles-heading' }, `Articles (${view.articles.length.toLocaleString('en-US')})`),
    h('ul', { class: 'person-articles' }, ...items),
  );
}

function quotedWithSection(view: PersonView, handlers: PersonPageHandlers): HTMLElement | null {
  if (view.quotedWith.length === 0) return null;
  const items = view.quotedWith.map((other) => {
    const button = h('button', { type: 'button', class: 'link-button', 'data-speaker-id': other.id }, other.name);
    button.addEventListener('click', () => handlers.onOpenPerson(other.id));
    return h('li', {}, button, h('span', { class: 'quote-hit-where' }, ` · ${plural(other.articles, 'article')}`));
  });
  return h(
    'section',
    { class: 'person-section', 'aria-labelledby': 'person-with-heading' },
    h('h3', { id: 'person-with-heading' }, 'Quoted with them'),
    h('ul', { class: 'person-quoted-with' }, ...items),
  );
}
