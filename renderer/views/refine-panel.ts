// Under the result count: the search's facets (the top sources, years and languages of all matching
// articles, with counts; collapsible) and "Quoted on this search" (who is quoted on the query, and how
// often). Each value is a toggle button: it adds its filter to the query (`source:"Example Wire"`,
// `date:2005`, `lang:ru`, `speaker:"Kazbek Maigeldinov"`), or takes it out when the query has it.

import type { FacetValue, SearchReply } from '../../main/contract/api.js';
import { h, plural } from '../dom.js';
import { formatFilter, hasFilter, type FilterField } from '../query-text.js';

/** Values shown per facet before its "+n more" button. */
export const facetValuesShown = 6;
/** Speakers shown before the "+n more" button. */
export const speakersShown = 8;

export interface RefinePanelElements {
  /** The whole section; hidden while there is nothing to show. */
  panel: HTMLElement;
}

export interface RefinePanel {
  /** Shows the facets and speakers of `reply`, pressed where `query` (the search box's text) has the filter. */
  show(reply: SearchReply, query: string): void;
  /** Marks the values whose filter `query` has, without waiting for a new reply. */
  markPressed(query: string): void;
  clear(): void;
}

interface Group {
  field: FilterField;
  /** For the group's label and for `id`s. */
  name: string;
  /** The noun of the counts: "3 articles". */
  counts: string;
  values: readonly FacetValue[];
  label(value: string): string;
}

/** `onToggle` gets the filter of the button pressed; it edits the query and searches again. */
export function createRefinePanel(elements: RefinePanelElements, onToggle: (field: FilterField, value: string) => void): RefinePanel {
  const { panel } = elements;
  const toggle = h(
    'button',
    { type: 'button', class: 'facets-toggle', id: 'facets-toggle', 'aria-expanded': 'true', 'aria-controls': 'facets' },
    h('span', { class: 'disclosure', 'aria-hidden': 'true' }),
    'Refine',
  );
  const facets = h('div', { class: 'facets', id: 'facets' });
  const speakersHeading = h('h2', { class: 'refine-heading', id: 'speakers-heading' }, 'Quoted on this search');
  // Says which quotes are counted: a result's "matching quotes" hold any word of the search (issue 15: two
  // meanings of "matching quote" on one screen, unsaid).
  const speakersNote = h('p', { class: 'refine-note', id: 'speakers-note' }, 'In quotes with every word of the search');
  const speakersList = h('div', { class: 'facet-values', role: 'group', 'aria-labelledby': 'speakers-heading' });
  const speakers = h(
    'section',
    { class: 'speakers', id: 'speakers', 'aria-labelledby': 'speakers-heading', 'aria-describedby': 'speakers-note' },
    speakersHeading,
    speakersNote,
    speakersList,
  );
  panel.replaceChildren(h('div', { class: 'facets-block' }, toggle, facets), speakers);
  panel.hidden = true;

  /** Groups whose "+n more" was pressed (by name), kept while the user refines the same search. */
  const expanded = new Set<string>();
  let query = '';

  const languageNames = ((): Intl.DisplayNames | null => {
    try {
      return new Intl.DisplayNames(['en'], { type: 'language' });
    } catch {
      return null;
    }
  })();
  const languageLabel = (code: string): string => {
    try {
      return languageNames?.of(code) ?? code;
    } catch {
      return code;
    }
  };

  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    facets.hidden = !open;
  });

  panel.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button') : null;
    if (button === null || !panel.contains(button)) return;
    const { field, value, more } = button.dataset;
    if (more !== undefined) {
      expanded.add(more);
      const revealed = [...(button.parentElement?.querySelectorAll<HTMLElement>('button[hidden]') ?? [])];
      for (const hidden of revealed) hidden.hidden = false;
      button.remove();
      revealed[0]?.focus();
      return;
    }
    if (field !== undefined && value !== undefined) onToggle(field as FilterField, value);
  });

  const valueButton = (group: Group, value: FacetValue, hidden: boolean): HTMLButtonElement => {
    const speaker = group.field === 'speaker';
    const filter = formatFilter(group.field, value.value);
    const pressed = hasFilter(query, group.field, value.value);
    return h(
      'button',
      {
        type: 'button',
        class: speaker ? 'speaker-facet' : 'facet',
        'aria-pressed': String(pressed),
        'data-field': group.field,
        'data-value': value.value,
        title: `${pressed ? 'Take out' : 'Add'} ${filter} ${pressed ? 'from' : 'to'} the query`,
        hidden,
      },
      h('span', { class: 'facet-value' }, group.label(value.value)),
      ' ',
      h('span', { class: 'facet-count' }, value.count.toLocaleString('en-US'), h('span', { class: 'visually-hidden' }, ` ${group.counts}${value.count === 1 ? '' : 's'}`)),
    );
  };

  const renderValues = (group: Group, limit: number): HTMLElement[] => {
    const open = expanded.has(group.name);
    const buttons = group.values.map((value, i) => valueButton(group, value, !open && i >= limit && !hasFilter(query, group.field, value.value)));
    const hiddenCount = buttons.filter((button) => button.hidden).length;
    if (hiddenCount === 0) return buttons;
    const more = h(
      'button',
      { type: 'button', class: 'facet-more', 'data-more': group.name, 'aria-label': `Show ${plural(hiddenCount, `more ${group.name.toLowerCase()}`, `more ${pluralName(group.name)}`)}` },
      `+${hiddenCount}`,
    );
    return [...buttons, more];
  };

  const render = (reply: SearchReply): void => {
    // A facet button pressed with the keyboard is replaced by the new one: give it the focus back.
    const focused = document.activeElement instanceof HTMLElement && panel.contains(document.activeElement) ? document.activeElement : null;
    const focusKey = focused === null ? null : `${focused.dataset['field'] ?? ''}\u0000${focused.dataset['value'] ?? ''}`;

    const all: Group[] = [
      { field: 'source', name: 'Source', counts: 'article', values: reply.facets.source, label: (v) => v },
      { field: 'date', name: 'Year', counts: 'article', values: reply.facets.year, label: (v) => v },
      { field: 'lang', name: 'Language', counts: 'article', values: reply.facets.language, label: languageLabel },
    ];
    const groups = all.filter((group) => group.values.length > 0);
    facets.replaceChildren(
      ...groups.map((group) => {
        const labelId = `facet-${group.name.toLowerCase()}-label`;
        return h(
          'div',
          { class: 'facet-group', role: 'group', 'aria-labelledby': labelId, 'data-facet': group.name.toLowerCase() },
          h('span', { class: 'facet-label', id: labelId }, group.name),
          h('span', { class: 'facet-values' }, ...renderValues(group, facetValuesShown)),
        );
      }),
    );
    const speakerGroup: Group = { field: 'speaker', name: 'Speaker', counts: 'quote', values: reply.speakers ?? [], label: (v) => v };
    speakersList.replaceChildren(...renderValues(speakerGroup, speakersShown));
    speakers.hidden = speakerGroup.values.length === 0;
    toggle.hidden = groups.length === 0;
    facets.hidden = groups.length === 0 || toggle.getAttribute('aria-expanded') !== 'true';
    panel.hidden = groups.length === 0 && speakers.hidden;

    if (focused !== null && !panel.contains(focused)) {
      const again = [...panel.querySelectorAll<HTMLElement>('button[data-field]')].find(
        (button) => `${button.dataset['field'] ?? ''}\u0000${button.dataset['value'] ?? ''}` === focusKey,
      );
      (again ?? (toggle.hidden ? null : toggle))?.focus({ preventScroll: true });
    }
  };

  return {
    show: (reply, text) => {
      query = text;
      render(reply);
    },
    markPressed: (text) => {
      query = text;
      for (const button of panel.querySelectorAll<HTMLButtonElement>('button[data-field]')) {
        const { field, value } = button.dataset;
        if (field === undefined || value === undefined) continue;
        button.setAttribute('aria-pressed', String(hasFilter(text, field as FilterField, value)));
      }
    },
    clear: () => {
      query = '';
      expanded.clear();
      facets.replaceChildren();
      speakersList.replaceChildren();
      panel.hidden = true;
    },
  };
}

function pluralName(name: string): string {
  return name === 'Speaker' ? 'speakers' : name === 'Source' ? 'sources' : name === 'Year' ? 'years' : 'languages';
}
