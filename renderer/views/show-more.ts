// The "Show more" button under a result list (issue 15: there was no way past the 50th result): it says
// how many more it loads, is hidden once every result is listed, and waits while a request is under way.

import { plural } from '../dom.js';

export interface ShowMore {
  /** `shown` of `total` results are listed: offer the next page, or nothing when all are. */
  update(shown: number, total: number): void;
  /** Hides the button (no results, or a failed search). */
  hide(): void;
  /** A request is under way (the next page, or a new search): the button waits. */
  setBusy(busy: boolean): void;
}

/**
 * Wires `button` to call `onMore` with the number of results listed so far, `pageSize` at a time; `noun`
 * names the results ("article", "quote").
 */
export function wireShowMore(button: HTMLButtonElement, pageSize: number, noun: string, onMore: (shown: number) => void): ShowMore {
  let shown = 0;
  button.addEventListener('click', () => {
    if (!button.hidden && button.getAttribute('aria-disabled') !== 'true') onMore(shown);
  });
  return {
    update: (count, total) => {
      shown = count;
      button.hidden = count >= total;
      button.textContent = `Show ${plural(Math.min(pageSize, total - count), `more ${noun}`)}`;
      button.removeAttribute('aria-disabled');
    },
    hide: () => {
      shown = 0;
      button.hidden = true;
    },
    // aria-disabled, not disabled: a disabled button would drop the keyboard focus of whoever pressed it.
    setBusy: (busy) => {
      if (busy) button.setAttribute('aria-disabled', 'true');
      else button.removeAttribute('aria-disabled');
    },
  };
}
