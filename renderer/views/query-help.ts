// The query help: a popover under the "?" button beside the search box with the whole query language
// (README's "Query syntax" table, from query-syntax.ts), and the short list of examples on the start page.
// The popover opens with the button or the `?` key; Escape, a click elsewhere or the button closes it.

import { append, h } from '../dom.js';
import { parseInline, syntaxNote, syntaxRows } from '../query-syntax.js';

export interface QueryHelpElements {
  /** `button#query-help-button`, with `aria-expanded`. */
  button: HTMLButtonElement;
  /** `div#query-help`: the popover, filled here. */
  popover: HTMLElement;
}

export interface QueryHelp {
  readonly isOpen: boolean;
  /** Opens the popover; `focus` moves the keyboard into it (for the `?` key), to return on close. */
  open(focus?: boolean): void;
  /** Closes it; focus goes back where it was if it was inside. */
  close(): void;
  toggle(focus?: boolean): void;
}

export function createQueryHelp(elements: QueryHelpElements): QueryHelp {
  const { button, popover } = elements;
  const headingId = `${popover.id}-heading`;
  const close = h('button', { type: 'button', class: 'icon-button popover-close', 'aria-label': 'Close the query help', title: 'Close (Esc)' }, h('span', { class: 'cross', 'aria-hidden': 'true' }));
  const table = h(
    'table',
    { class: 'syntax-table' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'you type'), h('th', { scope: 'col' }, 'it finds'))),
    h('tbody', {}, ...syntaxRows.map((row) => h('tr', {}, inlineCell('th', row.type, { scope: 'row' }), inlineCell('td', row.finds)))),
  );
  const note = h('p', { class: 'syntax-note' });
  append(note, inlineNodes(syntaxNote));
  popover.setAttribute('role', 'dialog');
  popover.setAttribute('aria-labelledby', headingId);
  popover.tabIndex = -1;
  popover.replaceChildren(
    h('div', { class: 'popover-head' }, h('h2', { class: 'popover-title', id: headingId }, 'Query syntax'), close),
    // Focusable, so that the keyboard can scroll it (a table of text has nothing else to focus: axe-core, issue 15).
    h('div', { class: 'popover-body', tabindex: '0', role: 'region', 'aria-labelledby': headingId }, table, note),
  );
  popover.hidden = true;
  button.setAttribute('aria-controls', popover.id);
  button.setAttribute('aria-expanded', 'false');

  // Where the keyboard was before the `?` key moved it into the popover.
  let returnTo: HTMLElement | null = null;

  const setOpen = (open: boolean, focus = false): void => {
    if (open === !popover.hidden) return;
    // Asked before hiding: a hidden popover loses the focus.
    const focusInside = popover.contains(document.activeElement);
    popover.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) {
      returnTo = focus && document.activeElement instanceof HTMLElement ? document.activeElement : null;
      if (focus) popover.focus();
      return;
    }
    if (focusInside) (returnTo ?? button).focus();
    returnTo = null;
  };

  button.addEventListener('click', () => setOpen(popover.hidden));
  close.addEventListener('click', () => setOpen(false));
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || popover.hidden || event.defaultPrevented) return;
    event.preventDefault();
    setOpen(false);
  });
  document.addEventListener('click', (event) => {
    if (popover.hidden || !(event.target instanceof Node)) return;
    if (popover.contains(event.target) || button.contains(event.target)) return;
    setOpen(false);
  });

  return {
    get isOpen() {
      return !popover.hidden;
    },
    open: (focus = false) => setOpen(true, focus),
    close: () => setOpen(false),
    toggle: (focus = false) => setOpen(popover.hidden, focus),
  };
}

/**
 * Fills the start page's list with the examples of the query language it shows (the rows of README's table
 * marked for it), and a button that opens the full help.
 */
export function renderSyntaxSummary(list: HTMLElement, help: QueryHelp): void {
  const rows = syntaxRows.flatMap((row) => (row.start === undefined ? [] : [row.start]));
  list.replaceChildren(...rows.map((row) => h('li', {}, h('code', {}, row.example), ' ', h('span', { class: 'syntax-finds' }, row.finds))));
  const more = h('button', { type: 'button', class: 'link-button', id: 'start-query-help' }, 'All of the query syntax');
  more.addEventListener('click', (event) => {
    // The document's click handler would close what this opens.
    event.stopPropagation();
    help.open(true);
  });
  list.after(h('p', { class: 'syntax-more' }, more, ' ', h('span', { class: 'hint' }, 'or press ', h('kbd', {}, '?'))));
}

function inlineCell(tag: 'th' | 'td', markdown: string, attributes: Record<string, string> = {}): HTMLTableCellElement {
  const cell = h(tag, attributes);
  append(cell, inlineNodes(markdown));
  return cell;
}

function inlineNodes(markdown: string): Node[] {
  return parseInline(markdown).map((run) => (run.kind === 'text' ? document.createTextNode(run.text) : h(run.kind === 'code' ? 'code' : 'strong', {}, run.text)));
}
