// The one way out of the app to the user's browser or mail client: http, https and mailto only.

import { shell } from 'electron';

const allowedSchemes: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);
const maxUrlLength = 8192;

/**
 * The URL to hand to the operating system, normalized, or null when it is refused: anything that is not
 * `http:`, `https:` or `mailto:`, web URLs without a host or with credentials (`https://bank@evil/`),
 * and absurdly long strings.
 * @example
 * externalUrl('https://en.wikinews.org/wiki/Main_Page'); // 'https://en.wikinews.org/wiki/Main_Page'
 * externalUrl('file:///etc/passwd');                     // null
 */
export function externalUrl(url: unknown): string | null {
  if (typeof url !== 'string' || url.length > maxUrlLength) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!allowedSchemes.has(parsed.protocol)) return null;
  if (parsed.protocol !== 'mailto:' && (parsed.hostname === '' || parsed.username !== '' || parsed.password !== '')) {
    return null;
  }
  return parsed.href;
}

/**
 * Opens `url` with the operating system when `externalUrl` allows it; resolves to whether it did.
 * Never throws: a failure to launch the browser is logged and reported as `false`.
 */
export async function openExternal(url: unknown): Promise<boolean> {
  const allowed = externalUrl(url);
  if (allowed === null) return false;
  try {
    await shell.openExternal(allowed);
    return true;
  } catch (error) {
    console.error(`Verbatim could not open ${allowed}: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}
