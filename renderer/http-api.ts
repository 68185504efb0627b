// The VerbatimApi over HTTP, for the renderer served by `verbatim serve`: every method is
// `POST /api/<method>` with a JSON body and the session token; failures of the transport become values.

import type { ApiError, ApiMethod, Result, VerbatimApi } from '../main/contract/api.js';

/** Header that carries the token printed by `verbatim serve` (`http://127.0.0.1:PORT/#token=TOKEN`). */
export const tokenHeader = 'X-Verbatim-Token';

/**
 * Creates a client that calls `verbatim serve` on the page's own origin. Like every `VerbatimApi`, its
 * methods never reject: a network or HTTP failure resolves to `{ ok: false, error: { code: 'transport' } }`.
 * @example
 * const api = createHttpApi(readTokenFromLocation());
 * const result = await api.search({ query: 'sanctions' });
 */
export function createHttpApi(token: string): VerbatimApi {
  const call = async <T>(method: ApiMethod, request: object): Promise<Result<T>> => {
    let response: Response;
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [tokenHeader]: token },
        body: JSON.stringify(request),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return transportError(`Cannot reach the Verbatim server (${method}): ${reason}`);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    if (response.ok && isResult(body)) return body as Result<T>;
    // Expected failures (a bad query) come as a Result with 200; any other status is the transport's.
    const reason = isResult(body) && !body.ok ? `: ${body.error.message}` : '';
    const hint = response.status === 401 || response.status === 403 ? ' (open the address that `verbatim serve` printed)' : '';
    return transportError(`The Verbatim server answered ${method} with HTTP ${response.status}${reason}${hint}`);
  };
  return {
    status: (request) => call('status', request),
    search: (request) => call('search', request),
    article: (request) => call('article', request),
    quotes: (request) => call('quotes', request),
    speakers: (request) => call('speakers', request),
    person: (request) => call('person', request),
    // verbatim serve answers `forbidden`; the renderer hides the buttons that call it there.
    showFile: (request) => call('showFile', request),
    corrections: (request) => call('corrections', request),
    correct: (request) => call('correct', request),
    undoCorrection: (request) => call('undoCorrection', request),
    verify: (request) => call('verify', request),
  };
}

/**
 * The token in an address fragment as printed by `verbatim serve` (`#token=TOKEN`), or null.
 * @example
 * tokenFromHash('#token=abc'); // 'abc'
 */
export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token === null || token === '' ? null : token;
}

function transportError(message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code: 'transport', message } };
}

/** Whether `value` has the shape of a `Result` (its `value` is not checked: the API's types are trusted). */
function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  if (value.ok !== false || !('error' in value)) return false;
  const error = value.error;
  return typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string';
}
