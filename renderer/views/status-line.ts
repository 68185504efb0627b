// The status line at the bottom: the archive's name and counts, "Indexing n/N…" while the index builds
// (polled every 300 ms), or why the archive could not be opened.

import type { LibraryStatus, VerbatimApi } from '../../main/contract/api.js';
import { h, plural } from '../dom.js';

/** How often the status is asked for while the index builds, in milliseconds. */
export const statusPollMs = 300;

export interface StatusLine {
  /** Asks for the status now, then again every `statusPollMs` while indexing. */
  start(): void;
  /** The last status received, if any. */
  current(): LibraryStatus | null;
}

/**
 * Shows the library's status in `element` (a `role="status"` region).
 * `onChange` is told about every status received, e.g. to refresh a start page.
 */
export function createStatusLine(
  element: HTMLElement,
  api: Pick<VerbatimApi, 'status'>,
  onChange: (status: LibraryStatus) => void = () => {},
): StatusLine {
  let last: LibraryStatus | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let shown = '';

  const show = (tone: 'busy' | 'ready' | 'error', ...parts: Array<Node | string>): void => {
    // Rewriting the same text would make screen readers announce it again every 300 ms.
    const text = parts.map((p) => (typeof p === 'string' ? p : (p.textContent ?? ''))).join('');
    if (text === shown && element.dataset['tone'] === tone) return;
    shown = text;
    element.dataset['tone'] = tone;
    element.replaceChildren(...parts);
  };

  const poll = async (): Promise<void> => {
    timer = undefined;
    const result = await api.status({});
    if (!result.ok) {
      show('error', `Cannot read the archive's status: ${result.error.message}`);
      return;
    }
    const status = result.value;
    last = status;
    onChange(status);
    if (status.state === 'indexing') {
      const { done, total } = status.progress;
      show('busy', h('span', { class: 'spinner', 'aria-hidden': 'true' }), total > 0 ? `Indexing ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}…` : 'Indexing…');
      timer = setTimeout(() => void poll(), statusPollMs);
      return;
    }
    if (status.state === 'failed') {
      show('error', `Could not open ${status.archiveName || 'the archive'}: ${status.error ?? 'unknown error'}`);
      return;
    }
    show('ready', ...describeReady(status));
  };

  return {
    start: () => {
      if (timer !== undefined) clearTimeout(timer);
      void poll();
    },
    current: () => last,
  };
}

function describeReady(status: LibraryStatus): Array<Node | string> {
  const parts: Array<Node | string> = [
    h('span', { class: 'archive-name', title: status.archiveDir }, status.archiveName),
    ` · ${plural(status.articles, 'article')} · ${plural(status.quotes, 'quote')}`,
  ];
  const problems = status.problems.length;
  if (problems > 0) {
    const list = status.problems
      .slice(0, 20)
      .map((p) => `${p.path}: ${p.reason}`)
      .join('\n');
    const more = problems > 20 ? `\n… and ${problems - 20} more` : '';
    parts.push(' · ', h('span', { class: 'problems', title: list + more }, `${plural(problems, 'file')} could not be read`));
  }
  return parts;
}
