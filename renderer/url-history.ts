// The page's history kept in step with the address's state (url-state.ts, issue 15): each of the user's
// steps is a history entry, and Back and Forward apply theirs to the page.

import { isNewStep, readUrlState, urlStateHash, type UrlState } from './url-state.js';

export interface UrlHistory {
  /** Records `state` in the address: a new history entry when it is a new step, else in place. */
  update(state: UrlState): void;
  /** Applies the address's state to the page (at start: a reload or a bookmark), without recording it again. */
  applyCurrent(): void;
}

/**
 * Keeps the address in step with the page: `update` writes it, and Back/Forward (`popstate`) and
 * `applyCurrent` call `apply` with the address's state; the updates `apply` causes are not recorded again.
 */
export function createUrlHistory(apply: (state: UrlState) => void): UrlHistory {
  let current = readUrlState(location.hash);
  let applying = false;
  const applyCurrent = (): void => {
    current = readUrlState(location.hash);
    applying = true;
    try {
      apply(current);
    } finally {
      applying = false;
    }
  };
  window.addEventListener('popstate', applyCurrent);
  return {
    applyCurrent,
    update: (state) => {
      if (applying) return;
      const hash = urlStateHash(state);
      if (hash === urlStateHash(current)) return;
      const url = `${location.pathname}${location.search}${hash}`;
      if (isNewStep(current, state)) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
      current = state;
    },
  };
}
