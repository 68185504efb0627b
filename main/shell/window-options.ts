// The BrowserWindow options: the renderer's security settings live here and nowhere else.

import path from 'node:path';
import { BrowserWindow } from 'electron';

/**
 * Creates the main window. The `webPreferences` are written inline, in full (SECURITY.md; it also lets
 * electronegativity check them): the
 * renderer is sandboxed, isolated from the preload, has no Node and no `<webview>`. Nothing here ever
 * relaxes `webSecurity`, `allowRunningInsecureContent`, `experimentalFeatures` or Blink features.
 *
 * `navigateOnDragDrop` is on so that a folder dropped on the window reaches main as a request to open its
 * `file:` URL (Electron's default, off, makes a drop do nothing). That request never loads: `navigation.ts`
 * refuses it and, when the URL names a folder, opens the folder as the archive; files and links are ignored.
 */
export function createMainWindow(preloadPath: string, backgroundColor: string): BrowserWindow {
  return new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 640,
    minHeight: 420,
    title: 'Verbatim',
    // Shown at once with a background color: the library indexes in the background and the
    // renderer shows progress, so there is nothing to wait for.
    show: true,
    backgroundColor,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would open links in new windows (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: true,
    },
  });
}

/**
 * The window's title for an archive: its folder name, then the app's.
 * @example
 * windowTitle('/home/ana/news'); // 'news — Verbatim'
 */
export function windowTitle(archiveDir: string): string {
  const name = path.basename(archiveDir) || archiveDir;
  return `${name} — Verbatim`;
}
