// The controls that make a correction (issue 16), each in a disclosure so that the page stays a page of quotes:
// on a quote, "Wrong speaker" (pick the right person from the names the archive knows, or type a name) and
// "Not a quotation"; on a person, "Same person as…" (merge) and "Not them" on one of their names (split).
// They only build the `CorrectionChange`; the person page sends it.

import type { CorrectionChange, QuoteHit, Speaker } from '../../main/contract/api.js';
import { h } from '../dom.js';

/** The `<datalist>` of every speaker's name that the name fields offer (`list="speaker-names"`). */
export const speakerNamesId = 'speaker-names';

/** What the controls need from the page: the person a typed name means, and where to send a change. */
export interface CorrectionHandlers {
  /** The one speaker called `name` (by name or alias), or null when none or several are. */
  speakerNamed(name: string): Speaker | null;
  /** Sends the change; resolves to an error message, or null once it is made. */
  correct(change: CorrectionChange): Promise<string | null>;
}

/** "Correct…" on one quote: wrong speaker (a name, picked or typed) or not a quotation. */
export function quoteCorrection(quote: QuoteHit, index: number, handlers: CorrectionHandlers): HTMLDetailsElement {
  const inputId = `correct-speaker-${index}`;
  const input = h('input', { id: inputId, type: 'text', list: speakerNamesId, autocomplete: 'off', maxlength: 200, required: true, placeholder: 'Name' });
  const status = h('p', { class: 'correction-status', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'correction-form' },
    h('label', { for: inputId }, 'Said by'),
    input,
    h('button', { type: 'submit', class: 'tool-button' }, 'Set speaker'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = input.value.replace(/\s+/gu, ' ').trim();
    if (name === '') {
      status.textContent = 'Type or pick the name of who said it.';
      return;
    }
    const known = handlers.speakerNamed(name);
    void send(status, handlers, { type: 'speaker', quoteId: quote.id, quoteText: quote.text, speakerId: known?.id ?? null, speakerName: known?.name ?? name });
  });
  const notQuote = h('button', { type: 'button', class: 'tool-button' }, 'Not a quotation');
  notQuote.addEventListener('click', () => void send(status, handlers, { type: 'not-quote', quoteId: quote.id, quoteText: quote.text }));
  return h(
    'details',
    { class: 'correction' },
    h('summary', { 'aria-label': `Correct this quote${quote.speaker === null ? '' : ` by ${quote.speaker}`}` }, 'Correct…'),
    h('div', { class: 'correction-body' }, h('p', { class: 'correction-lead' }, 'Wrong speaker?'), form, h('p', { class: 'correction-lead' }, 'Or:'), notQuote, status),
  );
}

/** "Correct this person": merge another speaker into them, or split one of their names off. */
export function personCorrection(speaker: Speaker, handlers: CorrectionHandlers): HTMLDetailsElement {
  const input = h('input', { id: 'merge-speaker', type: 'text', list: speakerNamesId, autocomplete: 'off', maxlength: 200, required: true, placeholder: 'Name' });
  const status = h('p', { class: 'correction-status', 'aria-live': 'polite' });
  const merge = h('form', { class: 'correction-form' }, h('label', { for: 'merge-speaker' }, 'Same person as'), input, h('button', { type: 'submit', class: 'tool-button' }, 'Merge'));
  merge.addEventListener('submit', (event) => {
    event.preventDefault();
    const other = handlers.speakerNamed(input.value);
    if (other === null) status.textContent = `No one in the archive is called “${input.value.trim()}” (or several are): pick a name from the list.`;
    else if (other.id === speaker.id) status.textContent = `That is ${speaker.name}.`;
    else void send(status, handlers, { type: 'merge', into: speaker.id, from: other.id });
  });
  const splits = speaker.aliases.map((alias) => {
    const button = h('button', { type: 'button', class: 'tool-button', 'aria-label': `“${alias}” is not ${speaker.name}: split it off` }, `“${alias}” is someone else`);
    button.addEventListener('click', () => void send(status, handlers, { type: 'split', speakerId: speaker.id, alias }));
    return h('li', {}, button);
  });
  return h(
    'details',
    { class: 'correction person-correction' },
    h('summary', {}, 'Correct this person'),
    h(
      'div',
      { class: 'correction-body' },
      merge,
      splits.length > 0 ? h('p', { class: 'correction-lead' }, 'A name here is someone else’s:') : null,
      splits.length > 0 ? h('ul', { class: 'split-list' }, ...splits) : null,
      status,
    ),
  );
}

async function send(status: HTMLElement, handlers: CorrectionHandlers, change: CorrectionChange): Promise<void> {
  status.textContent = 'Saving the correction…';
  const error = await handlers.correct(change);
  // On success the page is drawn again with the correction applied; this line goes with it.
  if (error !== null) status.textContent = `Not corrected: ${error}`;
}
