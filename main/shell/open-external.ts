// The one way out of the app to the user's browser or mail client: http, https and mailto only, and
// only after the user has seen the address and said yes.

import { dialog, shell, type BaseWindow, type MessageBoxOptions } from 'electron';

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
 * Opens `url` with the operating system when `externalUrl` allows it and the user confirms it in a dialog
 * (over `parent` when given); resolves to whether it did. A link in an article can lead anywhere, and
 * opening it tells that site what the user reads, so it is never opened without asking (issue 14).
 * Never throws: a failure to launch the browser is logged and reported as `false`.
 */
export async function openExternal(url: unknown, parent: BaseWindow | null = null): Promise<boolean> {
  const allowed = externalUrl(url);
  if (allowed === null) return false;
  if (!(await confirmOpen(allowed, parent))) return false;
  try {
    await shell.openExternal(allowed);
    return true;
  } catch (error) {
    console.error(`Verbatim could not open ${allowed}: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

/**
 * Asks before leaving the app. The address shown is the normalized one that will be opened (a
 * look-alike host shows as its punycode `xn--` form).
 */
async function confirmOpen(url: string, parent: BaseWindow | null): Promise<boolean> {
  const mail = url.startsWith('mailto:');
  const options: MessageBoxOptions = {
    type: 'question',
    title: 'Open Link',
    message: mail ? 'Write to this address in your mail app?' : 'Open this link in your browser?',
    detail: url,
    buttons: [mail ? 'Write Email' : 'Open Link', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  };
  const { response } = parent === null ? await dialog.showMessageBox(options) : await dialog.showMessageBox(parent, options);
  return response === 0;
}
