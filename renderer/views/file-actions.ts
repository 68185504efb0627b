// "Open Original" and "Show in Folder" beside the reader (issue 15): ask main to open the open article's file
// or show it in its folder. The app only: in `verbatim serve` the buttons stay hidden.

import type { FileAction, VerbatimApi } from '../../main/contract/api.js';

export interface FileActionElements {
  /** The group holding both buttons; hidden while there is nothing to open. */
  group: HTMLElement;
  open: HTMLButtonElement;
  reveal: HTMLButtonElement;
  /** Where a failure is said (the hit counter's live region). */
  status: HTMLElement;
}

export interface FileActions {
  /** The article whose file the buttons act on; null hides them. */
  show(articleId: string | null): void;
}

/** Wires the buttons; `available` false (a browser, not the app) keeps them hidden for good. */
export function createFileActions(elements: FileActionElements, api: Pick<VerbatimApi, 'showFile'>, available: boolean): FileActions {
  let articleId: string | null = null;
  const act = async (action: FileAction): Promise<void> => {
    if (articleId === null) return;
    const result = await api.showFile({ id: articleId, action });
    if (!result.ok) elements.status.textContent = result.error.message;
  };
  elements.open.addEventListener('click', () => void act('open'));
  elements.reveal.addEventListener('click', () => void act('reveal'));
  return {
    show: (id) => {
      articleId = id;
      elements.group.hidden = !available || id === null;
    },
  };
}
