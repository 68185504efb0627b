// "Cite as" above the quotes panel's list: which citation style its "Copy" buttons write (issue 15). The
// choice is remembered in localStorage, so it outlives a reload and the next start.

import { citationStyles, isCitationStyle, type CitationStyle } from '../format-citation.js';
import { h } from '../dom.js';

const storageKey = 'verbatim-citation-style';

export interface CitationStyleChooser {
  /** The `<label>` holding the `<select>`, to place in the panel. */
  readonly element: HTMLElement;
  /** The style chosen now. */
  readonly style: CitationStyle;
}

export function createCitationStyleChooser(): CitationStyleChooser {
  const select = h(
    'select',
    { id: 'citation-style', class: 'citation-style' },
    ...citationStyles.map(({ style, label }) => h('option', { value: style }, label)),
  );
  select.value = remembered() ?? 'archive';
  select.addEventListener('change', () => {
    try {
      localStorage.setItem(storageKey, select.value);
    } catch {
      // Storage can be disabled: the choice then lasts until the page is reloaded.
    }
  });
  const element = h('label', { class: 'citation-style-chooser' }, 'Cite as ', select);
  return {
    element,
    get style() {
      return isCitationStyle(select.value) ? select.value : 'archive';
    },
  };
}

function remembered(): CitationStyle | null {
  try {
    const value = localStorage.getItem(storageKey);
    return isCitationStyle(value) ? value : null;
  } catch {
    return null;
  }
}
