// The People view and the person page together (issue 16): the list of speakers in the results pane, the
// corrections under it, a person's page in the reader pane (in place of the article), and the names the
// correction fields offer. app.ts wires it to the search box, the address and the reader.

import type { ApiError, CorrectionChange, QuoteHit, Speaker, VerbatimApi } from '../../main/contract/api.js';
import { speakerNamed } from '../correction-text.js';
import { h } from '../dom.js';
import { speakerNamesId } from './correction-controls.js';
import { createCorrectionsList } from './corrections-list.js';
import { createPeopleList } from './people-list.js';
import { createPersonPage } from './person-page.js';

/** The most names the correction fields offer (the API's largest page of speakers). */
const namesOffered = 1000;

export interface PeopleViewElements {
  /** `ol#people`, `role="listbox"`, and the summary line above it. */
  list: HTMLOListElement;
  summary: HTMLElement;
  /** `section#corrections`, under the list. */
  corrections: HTMLElement;
  /** `section#person` in the reader pane, and what it stands in for while a person is open (toolbar, article). */
  person: HTMLElement;
  readerParts: HTMLElement[];
  /** Also point at the selected person while the view is shown (the search box). */
  owners: HTMLElement[];
}

export interface PeopleViewHandlers {
  /** A person was chosen in the list or on a page (the address should follow), or their page closed. */
  onPersonChange(): void;
  onOpenQuote(quote: QuoteHit, query: string): void;
  onOpenArticle(id: string, query: string): void;
  /** A month of the timeline was clicked (`2005-03`). */
  onMonth(month: string): void;
  /** A correction was made or undone: who said what has changed everywhere. */
  onCorrected(): void;
  onError(query: string, error: ApiError): void;
}

export interface PeopleView {
  /** Lists the speakers of `query`'s articles (when the view is shown) and narrows the open person's quotes to it. */
  search(query: string): void;
  /** Asks everything shown again (the archive changed); the list, if hidden, once it is shown. */
  refresh(): void;
  /** The view is shown (`true`, listing the speakers of `query`) or hidden. */
  setShown(shown: boolean, query: string): void;
  move(delta: number): void;
  /** Opens the person selected in the list; while the list is being asked for, once it is there (Enter typed ahead). */
  openSelected(): void;
  /** Shows person `id`'s page (their quotes narrowed to `query`) in the reader pane; null closes it. */
  showPerson(id: string | null, query: string): void;
  readonly personId: string | null;
  /** The query of the list's latest request. */
  readonly requested: string | null;
}

export function createPeopleView(
  elements: PeopleViewElements,
  api: Pick<VerbatimApi, 'speakers' | 'person' | 'corrections' | 'correct' | 'undoCorrection'>,
  handlers: PeopleViewHandlers,
): PeopleView {
  // Every speaker's name, for the name fields to offer and the corrections list to name ids with.
  let known: readonly Speaker[] = [];
  // Every name seen under an id this session: a speaker merged into another is gone from the list, but the
  // correction that merged them still names them (after a reload, only its id is known).
  const namesSeen = new Map<string, string>();
  let namesLoaded = false;
  let shown = false;
  // The list missed a change of the archive while hidden: ask again when it is shown.
  let stale = false;
  // Enter was pressed before the list of the query typed arrived: open its first person when it does.
  let openWhenListed = false;
  const names = h('datalist', { id: speakerNamesId });
  elements.person.after(names);
  const loadNames = (): void => {
    namesLoaded = true;
    void api.speakers({ limit: namesOffered }).then((result) => {
      if (!result.ok) return;
      known = result.value.speakers;
      for (const speaker of known) namesSeen.set(speaker.id, speaker.name);
      names.replaceChildren(...known.map((speaker) => h('option', { value: speaker.name })));
      corrections.refresh();
    });
  };
  const nameOf = (id: string): string => namesSeen.get(id) ?? id;

  const changed = (): void => {
    list.refresh();
    page.refresh();
    loadNames();
    handlers.onCorrected();
  };

  const list = createPeopleList({ list: elements.list, summary: elements.summary, owners: elements.owners }, api, {
    onOpen: (speaker) => {
      showPerson(speaker.id, list.requested ?? '');
      handlers.onPersonChange();
    },
    onListed: () => {
      if (openWhenListed) openSelected();
    },
    onError: (query, error) => {
      openWhenListed = false;
      handlers.onError(query, error);
    },
  });
  const corrections = createCorrectionsList(elements.corrections, api, nameOf, changed);
  const page = createPersonPage(elements.person, api, {
    onOpenQuote: (quote) => handlers.onOpenQuote(quote, page.query),
    onOpenArticle: (id) => handlers.onOpenArticle(id, page.query),
    onOpenPerson: (id) => {
      showPerson(id, page.query);
      handlers.onPersonChange();
    },
    onMonth: handlers.onMonth,
    onClose: () => {
      showPerson(null, page.query);
      handlers.onPersonChange();
    },
    speakerNamed: (name) => speakerNamed(name, known),
    correct: async (change: CorrectionChange) => {
      const result = await api.correct({ change });
      if (!result.ok) return result.error.message;
      changed();
      return null;
    },
  });

  const openSelected = (): void => {
    openWhenListed = list.busy;
    const speaker = list.selected();
    if (list.busy || speaker === null) return;
    showPerson(speaker.id, list.requested ?? '');
    handlers.onPersonChange();
  };

  let openId: string | null = null;
  const showPerson = (id: string | null, query: string): void => {
    const opening = openId === null && id !== null;
    openId = id;
    elements.person.hidden = id === null;
    for (const part of elements.readerParts) part.hidden = id !== null;
    list.markOpen(id);
    if (id === null) return;
    page.open(id, query);
    if (opening && !namesLoaded) loadNames();
  };

  return {
    search: (query) => {
      if (shown) list.search(query);
      if (openId !== null && page.query !== query) page.open(openId, query);
    },
    refresh: () => {
      if (openId !== null) page.refresh();
      if (!shown) {
        stale = true;
        return;
      }
      list.refresh();
      loadNames();
    },
    setShown: (next, query) => {
      shown = next;
      list.setShown(next);
      if (!next) return;
      if (stale || list.requested !== query) list.search(query);
      stale = false;
      if (namesLoaded) corrections.refresh();
      else loadNames();
    },
    move: (delta) => list.move(delta),
    openSelected,
    showPerson,
    get personId() {
      return openId;
    },
    get requested() {
      return list.requested;
    },
  };
}
