// Keeps every WebContents on the app's origin: no new windows, no navigation away, no <webview>. A folder
// dropped on the window arrives here as a request to open its file: URL, refused like any other, and is
// handed to the shell to open as the archive; the renderer never sends a path.

import { fileURLToPath } from 'node:url';
import type { WebContents } from 'electron';
import { isAppUrl } from './app-origin.js';
import { isDirectory as isDirectoryOnDisk } from './is-directory.js';

export interface DropOptions {
  /** Called with the folder a refused `file:` URL names (a folder dropped on the window). */
  onOpenFolder: (folder: string) => void;
  isDirectory?: (target: string) => Promise<boolean>;
}

/**
 * Hardens one WebContents (call it from `app.on('web-contents-created')`, so every one is covered):
 * `window.open` and `target=_blank` are denied, and http/https/mailto links among them are passed to
 * `openExternal`; `will-navigate` and `will-redirect` are prevented unless the target is on the app
 * origin, and so is `will-frame-navigate` for subframes (an `<iframe>` must not load another origin
 * either; `will-navigate` covers the main frame only); `will-attach-webview` is always prevented.
 *
 * With `drop`, a refused `file:` URL (a window-open request or a navigation) that names a folder is passed
 * to `drop.onOpenFolder`; one naming a file, or nothing, is ignored. Chromium turns a drop into such a
 * request only when `navigateOnDragDrop` is on (`window-options.ts`). Current Chromium asks for a new tab
 * (Blink's DragController::PerformDrag, crbug.com/451659), which Electron routes to the window-open
 * handler; older ones navigated the page itself (`will-navigate`). Both are covered.
 */
export function hardenWebContents(contents: WebContents, openExternal: (url: string) => unknown, drop?: DropOptions): void {
  const openIfFolder = (url: string): void => {
    if (drop === undefined) return;
    void folderOfFileUrl(url, drop.isDirectory ?? isDirectoryOnDisk).then((folder) => {
      if (folder !== null) drop.onOpenFolder(folder);
    });
  };
  contents.setWindowOpenHandler(({ url }) => {
    if (isFileUrl(url)) openIfFolder(url);
    else void openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    if (isFileUrl(event.url)) openIfFolder(event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    // The main frame is will-navigate's (which also opens a dropped folder); preventing it here would hide it from that handler.
    if (!event.isMainFrame && !isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/**
 * The folder a `file:` URL names, or null when it is not a `file:` URL of this machine, or names a file,
 * or nothing. A file's folder is deliberately not returned: dropping one article must not open its folder.
 * @example
 * await folderOfFileUrl('file:///home/ana/news', isDirectory);       // '/home/ana/news'
 * await folderOfFileUrl('file:///home/ana/news/a.txt', isDirectory); // null
 */
export async function folderOfFileUrl(url: string, isDirectory: (target: string) => Promise<boolean>): Promise<string | null> {
  let folder: string;
  try {
    // Throws for URLs of another scheme, and on POSIX for a host other than localhost.
    folder = fileURLToPath(url);
  } catch {
    return null;
  }
  return (await isDirectory(folder)) ? folder : null;
}

function isFileUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'file:';
  } catch {
    return false;
  }
}
