// The one origin the UI is served from, and the test every navigation and IPC sender must pass.

/** The privileged custom scheme the renderer is served from (registered in `start-app.ts`). */
export const appScheme = 'app';
export const appHost = 'verbatim';
/** The serialized origin Chromium reports for pages on `app://verbatim/`. */
export const appOrigin = `${appScheme}://${appHost}`;
/** The page the window loads. */
export const appIndexUrl = `${appOrigin}/index.html`;

/**
 * True when `url` parses and belongs to exactly the app's origin (`app://verbatim`, no port, no
 * credentials). Node's WHATWG `URL` reports origin `"null"` for non-special schemes such as `app:`,
 * so the origin tuple (scheme, host, port) is compared field by field on the parsed URL, never by
 * string prefix: `app://verbatim.evil/` and `app://verbatim@evil/` are refused.
 * @example
 * isAppUrl('app://verbatim/index.html'); // true
 * isAppUrl('app://verbatim.evil/');      // false
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${appScheme}:` &&
    parsed.hostname === appHost &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
