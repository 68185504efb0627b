// `verbatim serve`'s session token: read once from the address, then kept for this tab only.

import { tokenFromHash } from './http-api.js';
import { hashWithoutToken } from './url-state.js';

/**
 * The token of `verbatim serve`, from the address (`#token=...`), which is then taken out of the address
 * bar and history. It is kept in `sessionStorage` (this tab only) so that reloading the page keeps working.
 */
export function takeToken(): string {
  const storageKey = 'verbatim-token';
  const fromHash = tokenFromHash(location.hash);
  if (fromHash !== null) {
    // Only the token goes: a bookmarked search after it (`#token=…&q=…`) stays in the address (url-state.ts).
    history.replaceState(history.state, '', `${location.pathname}${location.search}${hashWithoutToken(location.hash)}`);
    try {
      sessionStorage.setItem(storageKey, fromHash);
    } catch {
      // Storage can be disabled; the token still works until the page is reloaded.
    }
    return fromHash;
  }
  try {
    return sessionStorage.getItem(storageKey) ?? '';
  } catch {
    return '';
  }
}
