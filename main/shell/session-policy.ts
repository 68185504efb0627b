// The renderer session's rules: no network, no file: loads, no permissions, and no downloads but the
// page's own exports.

import type { Session } from 'electron';
import { isAppUrl } from './app-origin.js';

const networkSchemes: ReadonlySet<string> = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);

/**
 * True for URLs that would reach the network. Saved pages carry tracking pixels and remote fonts that
 * would reveal what the user reads (SECURITY.md: zero network).
 */
export function isNetworkUrl(url: string): boolean {
  try {
    return networkSchemes.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/**
 * True for URLs the renderer session never loads: the network's, and `file:` (the UI comes from
 * `app://`, and a page that could load `file:` URLs could read the disk; a dropped folder reaches the
 * shell as a navigation, which `navigation.ts` refuses before any request is made).
 */
export function isRefusedUrl(url: string): boolean {
  if (isNetworkUrl(url)) return true;
  try {
    return new URL(url).protocol === 'file:';
  } catch {
    return false;
  }
}

/**
 * True for the one kind of download the session allows: a Blob the app's own page made (its CSV and JSON
 * exports, issue 15: `blob:app://verbatim/<uuid>`). A `blob:` URL names the origin that created it.
 * @example
 * isAppExportUrl('blob:app://verbatim/4a1f…');   // true
 * isAppExportUrl('blob:https://evil.example/…'); // false
 */
export function isAppExportUrl(url: string): boolean {
  return url.startsWith('blob:') && isAppUrl(url.slice('blob:'.length));
}

/**
 * Applies the policy to `session`: every http(s)/ws(s)/ftp and file: request is cancelled, every permission
 * request and check is denied (device permissions too), and downloads are refused except the page's
 * exports, which Electron saves where the user says in a save dialog (no `savePath` is set).
 */
export function applySessionPolicy(session: Session): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: isRefusedUrl(details.url) });
  });
  session.setPermissionRequestHandler((_webContents, _permission, callback) => {
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event, item) => {
    if (isAppExportUrl(item.getURL())) {
      item.setSaveDialogOptions({ title: 'Save the export', defaultPath: item.getFilename() });
      return;
    }
    event.preventDefault();
  });
}
