// Keeps every WebContents on the app's origin: no new windows, no navigation away, no <webview>.

import type { WebContents } from 'electron';
import { isAppUrl } from './app-origin.js';

/**
 * Hardens one WebContents (call it from `app.on('web-contents-created')`, so every one is covered):
 * `window.open` and `target=_blank` are denied, and http/https/mailto links among them are passed to
 * `openExternal`; `will-navigate` and `will-redirect` are prevented unless the target is on the app
 * origin; `will-attach-webview` is always prevented.
 */
export function hardenWebContents(contents: WebContents, openExternal: (url: string) => unknown): void {
  contents.setWindowOpenHandler(({ url }) => {
    void openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}
