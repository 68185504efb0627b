// The status line at the bottom: the archive's name and counts, "Indexing n/N…" while the index builds,
// "Updating…" while changed files are re-read, or why the archive could not be opened. Files that could
// not be read are a button that opens a list of them with the reasons; exact duplicates are counted.
// The status is asked for every 300 ms while busy and every 2 s otherwise, so that another archive or a
// change to this one shows within a few seconds.

import type { ImportProblem, LibraryStatus, VerbatimApi } from '../../main/contract/api.js';
import { h, plural } from '../dom.js';
import { isFindingQuotes, isUpdating, nextPollDelay } from '../status-change.js';

/** How many problems the list shows; the rest are counted (`verbatim index --json` lists them all). */
export const maxProblemsShown = 1000;

export interface StatusLineElements {
  /** The `role="status"` region in the footer. */
  status: HTMLElement;
  /** The panel listing unreadable files: outside the live region, so opening it is not announced as status. */
  problemsPanel: HTMLElement;
}

export interface StatusLine {
  /** Asks for the status now, then keeps asking (every 300 ms while busy, every 2 s otherwise). */
  start(): void;
  /** The last status received, if any. */
  current(): LibraryStatus | null;
}

/**
 * Shows the library's status in `elements.status`. `onChange` is told about every status received, with
 * the one before it (null the first time), e.g. to search again when the archive changed.
 */
export function createStatusLine(
  elements: StatusLineElements,
  api: Pick<VerbatimApi, 'status'>,
  onChange: (status: LibraryStatus, previous: LibraryStatus | null) => void = () => {},
): StatusLine {
  const { status: region, problemsPanel: panel } = elements;
  let last: LibraryStatus | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let shownProblems = '';

  // The parts of the line are built once and only their text changes: rewriting the same text would make
  // screen readers announce it again at every poll, and replacing the button would drop its focus.
  const main = h('span', { class: 'status-main' });
  const problemsButton = h('button', {
    type: 'button',
    class: 'problems-toggle',
    'aria-expanded': 'false',
    'aria-controls': panel.id,
  });
  const problems = h('span', { class: 'status-problems', hidden: true }, ' · ', problemsButton);
  const duplicates = h('span', { class: 'status-duplicates', hidden: true });
  const updating = h('span', { class: 'status-updating', hidden: true }, ' · ', h('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Updating…');
  region.replaceChildren(main, problems, duplicates, updating);

  const heading = h('h2', { class: 'problems-heading', id: `${panel.id}-heading` });
  const hint = h('p', { class: 'problems-hint' }, 'Verbatim could not read these files; the rest of the archive is searchable.');
  const list = h('ul', { class: 'problems-list', 'aria-labelledby': heading.id, tabindex: '0' });
  panel.setAttribute('role', 'region');
  panel.setAttribute('aria-labelledby', heading.id);
  panel.replaceChildren(heading, hint, list);
  panel.hidden = true;

  const setText = (element: HTMLElement, text: string): void => {
    if (element.textContent !== text) element.textContent = text;
  };

  const setOpen = (open: boolean, returnFocus = false): void => {
    panel.hidden = !open;
    problemsButton.setAttribute('aria-expanded', String(open));
    if (!open && returnFocus) problemsButton.focus();
  };

  problemsButton.addEventListener('click', () => setOpen(panel.hidden));
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || panel.hidden || event.defaultPrevented) return;
    event.preventDefault();
    const focusInside = panel.contains(document.activeElement) || document.activeElement === problemsButton;
    setOpen(false, focusInside);
  });
  document.addEventListener('click', (event) => {
    if (panel.hidden || !(event.target instanceof Node)) return;
    if (panel.contains(event.target) || problemsButton.contains(event.target)) return;
    setOpen(false);
  });

  let shownMain = '';
  const showMain = (tone: 'busy' | 'ready' | 'error', ...parts: Array<Node | string>): void => {
    const text = parts.map((p) => (typeof p === 'string' ? p : (p.textContent ?? ''))).join('');
    // The folder's full path (the name's tooltip) counts too: two archives can have the same name.
    const key = `${tone}\u0000${text}\u0000${last?.archiveDir ?? ''}`;
    if (key === shownMain) return;
    shownMain = key;
    region.dataset['tone'] = tone;
    main.replaceChildren(...parts);
  };

  const showProblems = (items: readonly ImportProblem[]): void => {
    const key = JSON.stringify(items);
    if (key === shownProblems) return;
    shownProblems = key;
    problems.hidden = items.length === 0;
    if (items.length === 0) setOpen(false);
    const summary = `${plural(items.length, 'file')} could not be read`;
    setText(problemsButton, summary);
    setText(heading, summary);
    const rows = items.slice(0, maxProblemsShown).map((problem) =>
      h('li', { class: 'problem' }, h('span', { class: 'problem-path' }, problem.path), h('span', { class: 'problem-reason' }, ` — ${problem.reason}`)),
    );
    if (items.length > maxProblemsShown) {
      rows.push(h('li', { class: 'problem more' }, `… and ${(items.length - maxProblemsShown).toLocaleString('en-US')} more (verbatim index --json lists them all)`));
    }
    list.replaceChildren(...rows);
  };

  const render = (status: LibraryStatus): void => {
    const name = h('span', { class: 'archive-name', title: status.archiveDir }, status.archiveName || status.archiveDir);
    if (status.state === 'failed') {
      showMain('error', `Could not open ${status.archiveName || 'the archive'}: ${status.error ?? 'unknown error'}`);
      showProblems([]);
      duplicates.hidden = true;
      updating.hidden = true;
      return;
    }
    if (status.state === 'indexing') {
      const { done, total } = status.progress;
      const progress = total > 0 ? `Indexing ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}…` : 'Indexing…';
      showMain('busy', h('span', { class: 'spinner', 'aria-hidden': 'true' }), name, ` · ${progress}`);
      showProblems([]);
      duplicates.hidden = true;
      updating.hidden = true;
      return;
    }
    showMain('ready', name, ` · ${plural(status.articles, 'article')} · ${isFindingQuotes(status) ? 'finding quotes…' : plural(status.quotes, 'quote')}`);
    showProblems(status.problems);
    // `duplicates` is absent from servers older than the field.
    const duplicateCount = status.duplicates ?? 0;
    duplicates.hidden = duplicateCount === 0;
    setText(duplicates, duplicateCount === 0 ? '' : ` · ${plural(duplicateCount, 'duplicate')} hidden`);
    updating.hidden = !isUpdating(status);
  };

  const schedule = (delay: number): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void poll(), delay);
  };

  const poll = async (): Promise<void> => {
    timer = undefined;
    const result = await api.status({});
    if (!result.ok) {
      showMain('error', `Cannot read the archive's status: ${result.error.message}`);
      schedule(nextPollDelay(null));
      return;
    }
    const status = result.value;
    const previous = last;
    last = status;
    render(status);
    const title = status.archiveName ? `${status.archiveName} — Verbatim` : 'Verbatim';
    if (document.title !== title) document.title = title;
    onChange(status, previous);
    schedule(nextPollDelay(status));
  };

  return {
    start: () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      void poll();
    },
    current: () => last,
  };
}
