// Wires the app together: sandbox and scheme before ready; on ready, the session policy, the app://
// protocol, the menu, the library, IPC and the window. `main.ts` calls it with the real library.

import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, session } from 'electron';
import { createApiHandlers } from '../core/api-handlers.js';
import type { LibrarySession, OpenLibraryOptions } from '../core/library.js';
import { appIndexUrl, appScheme } from './app-origin.js';
import { createAppProtocolHandler } from './app-protocol.js';
import { registerApiIpc } from './ipc.js';
import { attributionLine, buildMenuTemplate } from './menu.js';
import { hardenWebContents } from './navigation.js';
import { openExternal } from './open-external.js';
import { resolveShellPaths } from './paths.js';
import { applySessionPolicy } from './session-policy.js';
import { createWindowOptions } from './window-options.js';

export interface StartAppOptions {
  /** The folder holding `main.cjs`, `preload.cjs`, `index-worker.cjs` and `renderer/`. */
  distDir: string;
  startLibrary: (options: OpenLibraryOptions) => LibrarySession;
}

/** How long quitting waits for the library (its worker threads) to close. */
const closeTimeoutMs = 3000;

/**
 * Starts Verbatim's main process. Must run before `ready`: it enables the sandbox for every renderer
 * and registers `app:` as a privileged (standard, secure, fetch-capable) scheme, which Electron
 * accepts only before `ready`.
 */
export function startApp({ distDir, startLibrary }: StartAppOptions): void {
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  let window: BrowserWindow | null = null;
  let library: LibrarySession | null = null;

  const createWindow = (preloadPath: string): void => {
    // The renderer's --bg (renderer/styles.css), so the first paint does not flash.
    const backgroundColor = nativeTheme.shouldUseDarkColors ? '#16181b' : '#f6f5f2';
    const created = new BrowserWindow(createWindowOptions(preloadPath, backgroundColor));
    created.on('closed', () => {
      if (window === created) window = null;
    });
    window = created;
    void created.loadURL(appIndexUrl);
  };

  const showAbout = (): void => {
    const options = {
      type: 'info' as const,
      title: 'About Verbatim',
      message: `Verbatim ${app.getVersion()}`,
      detail: `Offline search of a news archive, with who said what.\n\n${attributionLine}`,
    };
    void (window === null ? dialog.showMessageBox(options) : dialog.showMessageBox(window, options));
  };

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, openExternal);
  });
  app.on('second-instance', () => {
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', (event) => {
    // Quit once more after the library (its worker thread) has closed, or after a timeout.
    const closing = library;
    if (closing === null) return;
    library = null;
    event.preventDefault();
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, closeTimeoutMs).unref());
    void Promise.race([closing.close(), timeout])
      .catch((error: unknown) => console.error(`Verbatim could not close the library: ${String(error)}`))
      .finally(() => app.quit());
  });

  void app.whenReady().then(() => {
    const paths = resolveShellPaths({
      argv: process.argv,
      cwd: process.cwd(),
      distDir,
      isPackaged: app.isPackaged,
      resourcesPath: process.resourcesPath,
      appPath: app.getAppPath(),
      userDataDir: app.getPath('userData'),
    });
    applySessionPolicy(session.defaultSession);
    protocol.handle(appScheme, createAppProtocolHandler(paths.rendererRoot));
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ isPackaged: app.isPackaged, onAbout: showAbout })));

    // Indexing starts in the background; the renderer polls `status` until the library is ready.
    library = startLibrary({ archiveDir: paths.archiveDir, cacheDir: paths.cacheDir, workerScript: paths.workerScript });
    registerApiIpc(ipcMain, createApiHandlers(library));
    createWindow(paths.preloadPath);
    app.on('activate', () => {
      if (window === null) createWindow(paths.preloadPath);
    });
  }).catch((error: unknown) => {
    dialog.showErrorBox('Verbatim could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}
