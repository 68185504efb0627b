// The corrections in force (issue 16), under the People view's list: what each says and when it was made,
// newest first, each with an "Undo" button. The list is the one the API keeps (next to the index cache), so it
// is the same after a reload and in every window on the archive.

import type { Correction, VerbatimApi } from '../../main/contract/api.js';
import { describeCorrection, newestFirst } from '../correction-text.js';
import { formatDate, h } from '../dom.js';
import { latestRequest } from '../latest-request.js';

export interface CorrectionsList {
  /** Asks for the corrections again (after one was made or undone). */
  refresh(): void;
}

/**
 * Fills `section` (`section#corrections`); `nameOf` gives a speaker id's name, `onUndone` is told after an
 * undo succeeded (for the views to show the extractor's answer again).
 */
export function createCorrectionsList(
  section: HTMLElement,
  api: Pick<VerbatimApi, 'corrections' | 'undoCorrection'>,
  nameOf: (id: string) => string,
  onUndone: () => void,
): CorrectionsList {
  const requests = latestRequest();
  const heading = h('h2', { class: 'pane-heading', id: 'corrections-heading' }, 'Corrections');
  const summary = h('p', { class: 'pane-summary', 'aria-live': 'polite' });
  const list = h('ol', { class: 'corrections', 'aria-labelledby': 'corrections-heading' });
  section.replaceChildren(heading, summary, list);

  const refresh = (): void => {
    requests.send(api.corrections({}), (result) => {
      if (!result.ok) {
        summary.textContent = `Could not list the corrections: ${result.error.message}`;
        return;
      }
      const { corrections } = result.value;
      heading.textContent = `Corrections (${corrections.length})`;
      summary.textContent = corrections.length === 0 ? 'None yet. “Correct…” on a person’s quote says who said it, or that it is not a quotation.' : '';
      list.replaceChildren(...newestFirst(corrections).map(renderCorrection));
    });
  };

  const renderCorrection = (correction: Correction): HTMLLIElement => {
    const text = describeCorrection(correction.change, nameOf);
    const undo = h('button', { type: 'button', class: 'tool-button', 'aria-label': `Undo: ${text}` }, 'Undo');
    undo.addEventListener('click', () => {
      undo.setAttribute('aria-disabled', 'true');
      void api.undoCorrection({ id: correction.id }).then((result) => {
        undo.removeAttribute('aria-disabled');
        if (!result.ok) {
          summary.textContent = `Not undone: ${result.error.message}`;
          return;
        }
        refresh();
        onUndone();
      });
    });
    return h('li', { class: 'correction-item' }, h('span', { class: 'correction-text' }, text), h('time', { class: 'quote-hit-where', datetime: correction.made }, formatDate(correction.made)), undo);
  };

  return { refresh };
}
