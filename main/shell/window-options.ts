// The BrowserWindow options: the renderer's security settings live here and nowhere else.

import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * Options for the main window. The `webPreferences` are written out in full (SECURITY.md): the
 * renderer is sandboxed, isolated from the preload, has no Node and no `<webview>`. Nothing here ever
 * relaxes `webSecurity`, `allowRunningInsecureContent`, `experimentalFeatures` or Blink features.
 */
export function createWindowOptions(preloadPath: string, backgroundColor: string): BrowserWindowConstructorOptions {
  return {
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
    },
  };
}
