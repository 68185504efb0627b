// The People view of the results pane (issue 16): the people and organisations quoted in the archive, or in
// the articles matching the query (`api.speakers`), most quoted first, each with their counts and the span of
// their quotes. Choosing one opens their page. Like the other lists, it is a listbox that the search box
// points into with aria-activedescendant.

import type { ApiError, Speaker, SpeakersReply, VerbatimApi } from '../../main/contract/api.js';
import { h, plural } from '../dom.js';
import { latestRequest } from '../latest-request.js';
import { wireListNavigation } from '../list-navigation.js';
import { incompleteNotice } from './incomplete-notice.js';

/** How many speakers the view lists (the most quoted; the API's limit is 1000). */
const peopleShown = 300;

export interface PeopleListElements {
  /** `ol#people`, `role="listbox"`. */
  list: HTMLOListElement;
  /** The line above it: "42 people". */
  summary: HTMLElement;
  /** Also point at the selected option while the view is shown (the search box). */
  owners: HTMLElement[];
}

export interface PeopleList {
  /** Lists the speakers of the articles matching `query`; a later call wins. */
  search(query: string): void;
  /** Asks again for the latest query (the archive or a correction changed who is who), keeping the selection. */
  refresh(): void;
  /** The view is shown (`true`) or hidden: only then does the search box point into it. */
  setShown(shown: boolean): void;
  move(delta: number): void;
  selected(): Speaker | null;
  /** Marks the person whose page is open. */
  markOpen(id: string | null): void;
  /** The speakers listed last (for names to pick from). */
  readonly speakers: readonly Speaker[];
  readonly busy: boolean;
  /** The query of the latest `search`, answered or not. */
  readonly requested: string | null;
}

/** `onOpen` gets the speaker chosen (click, Enter), `onListed` is told when a list is shown, `onError` a failed request's error. */
export function createPeopleList(
  elements: PeopleListElements,
  api: Pick<VerbatimApi, 'speakers'>,
  handlers: { onOpen(speaker: Speaker): void; onListed(): void; onError(query: string, error: ApiError): void },
): PeopleList {
  const { list, summary, owners } = elements;
  let speakers: Speaker[] = [];
  let selectedIndex = -1;
  let openId: string | null = null;
  let shown = false;
  let requested: string | null = null;
  const requests = latestRequest();

  const options = (): HTMLElement[] => [...list.querySelectorAll<HTMLElement>('li.person-hit')];

  const pointOwners = (): void => {
    const current = options()[selectedIndex];
    for (const owner of [list, ...(shown ? owners : [])]) {
      if (current === undefined) owner.removeAttribute('aria-activedescendant');
      else owner.setAttribute('aria-activedescendant', current.id);
    }
    if (shown) for (const owner of owners) owner.setAttribute('aria-expanded', String(speakers.length > 0));
  };

  const select = (index: number, scroll = true): void => {
    selectedIndex = speakers.length === 0 ? -1 : Math.max(0, Math.min(speakers.length - 1, index));
    const all = options();
    all.forEach((option, i) => option.setAttribute('aria-selected', String(i === selectedIndex)));
    pointOwners();
    if (scroll) all[selectedIndex]?.scrollIntoView({ block: 'nearest' });
  };

  wireListNavigation(list, 'li.person-hit', {
    options,
    selectedIndex: () => selectedIndex,
    select,
    open: () => {
      const speaker = speakers[selectedIndex];
      if (speaker !== undefined) handlers.onOpen(speaker);
    },
  });

  const show = (query: string, reply: SpeakersReply, keep: boolean): void => {
    const selectedId = keep ? (speakers[selectedIndex]?.id ?? null) : null;
    speakers = reply.speakers;
    list.removeAttribute('aria-busy');
    list.replaceChildren(...speakers.map((speaker, i) => renderPerson(speaker, i, speaker.id === openId)));
    delete summary.dataset['tone'];
    summary.replaceChildren(...describe(query, reply));
    const index = speakers.findIndex((speaker) => speaker.id === selectedId);
    select(speakers.length > 0 ? Math.max(index, 0) : -1, !keep);
  };

  const run = (query: string, keep: boolean): void => {
    requested = query;
    requests.send(
      api.speakers({ query, limit: peopleShown }),
      (result) => {
        if (result.ok) {
          show(query, result.value, keep);
          handlers.onListed();
          return;
        }
        speakers = [];
        list.removeAttribute('aria-busy');
        list.replaceChildren();
        delete summary.dataset['tone'];
        summary.textContent = '';
        select(-1);
        handlers.onError(query, result.error);
      },
      keep
        ? undefined
        : {
            afterMs: 120,
            show: () => {
              list.setAttribute('aria-busy', 'true');
              summary.textContent = 'Searching…';
              summary.dataset['tone'] = 'busy';
            },
          },
    );
  };

  return {
    search: (query) => run(query, false),
    refresh: () => {
      if (requested !== null) run(requested, true);
    },
    setShown: (next) => {
      shown = next;
      if (!next) for (const owner of owners) owner.removeAttribute('aria-activedescendant');
      pointOwners();
    },
    move: (delta) => select(selectedIndex < 0 ? 0 : selectedIndex + delta),
    selected: () => speakers[selectedIndex] ?? null,
    markOpen: (id) => {
      openId = id;
      options().forEach((option, i) => option.classList.toggle('open', speakers[i]?.id === id));
    },
    get speakers() {
      return speakers;
    },
    get busy() {
      return requests.busy;
    },
    get requested() {
      return requested;
    },
  };
}

function describe(query: string, reply: SpeakersReply): Node[] {
  if (reply.total === 0) return [h('span', {}, query.trim() === '' ? 'No one is quoted in the archive yet.' : 'No one is quoted in the matching articles.'), ...incompleteNotice(reply)];
  const parts: Node[] = [h('strong', {}, plural(reply.total, 'speaker'))];
  parts.push(h('span', {}, query.trim() === '' ? ' quoted in the archive, most quoted first' : ' quoted in the matching articles, most quoted first'));
  if (reply.speakers.length < reply.total) parts.push(h('span', {}, ` · showing the first ${reply.speakers.length.toLocaleString('en-US')}`));
  return [...parts, ...incompleteNotice(reply)];
}

/** "2003 – 2005", "2004", or nothing: the years of a speaker's first and last quote. */
export function speakerSpan(speaker: Pick<Speaker, 'first' | 'last'>): string | null {
  const first = speaker.first?.slice(0, 4) ?? null;
  const last = speaker.last?.slice(0, 4) ?? null;
  if (first === null || last === null) return first ?? last;
  return first === last ? first : `${first} – ${last}`;
}

function renderPerson(speaker: Speaker, index: number, open: boolean): HTMLLIElement {
  const facts: Node[] = [h('span', {}, plural(speaker.quotes, 'quote')), h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '), h('span', {}, plural(speaker.articles, 'article'))];
  const span = speakerSpan(speaker);
  if (span !== null) facts.push(h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '), h('span', {}, span));
  return h(
    'li',
    { class: open ? 'person-hit open' : 'person-hit', id: `person-hit-${index}`, role: 'option', 'aria-selected': 'false', 'data-speaker-id': speaker.id },
    h('span', { class: 'person-name' }, speaker.name, speaker.kind === 'organisation' ? h('span', { class: 'kind-label' }, 'Organisation') : null),
    speaker.aliases.length > 0 ? h('span', { class: 'person-aliases' }, `Also: ${speaker.aliases.slice(0, 4).join(', ')}${speaker.aliases.length > 4 ? ', …' : ''}`) : null,
    h('span', { class: 'person-facts' }, ...facts),
  );
}
