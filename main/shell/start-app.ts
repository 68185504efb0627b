// Wires the app together: sandbox and scheme before ready; on ready, the session policy, the app://
// protocol, the settings, the library (switchable from archive to archive), IPC, the menu and the window.
// `main.ts` calls it with the real library.

import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { app, dialog, ipcMain, Menu, nativeTheme, protocol, session, shell, type MessageBoxOptions, type OpenDialogOptions } from 'electron';
import { createApiHandlers } from '../transport/api-handlers.js';
import type { LibrarySession, StartLibraryOptions } from '../core/library.js';
import { appIndexUrl, appScheme } from './app-origin.js';
import { createAppProtocolHandler } from './app-protocol.js';
import { registerApiIpc } from './ipc.js';
import { isDirectory } from './is-directory.js';
import { createLibrarySwitcher, type LibrarySwitcher } from './library-switcher.js';
import { attributionLine, buildMenuTemplate } from './menu.js';
import { hardenWebContents } from './navigation.js';
import { createFileOpener } from './show-file.js';
import { oneAtATime } from './one-at-a-time.js';
import { openExternal } from './open-external.js';
import { archiveArgument, resolveShellPaths } from './paths.js';
import { existingRecentArchives } from './recent-archives.js';
import { applySessionPolicy } from './session-policy.js';
import { readSettings } from './settings.js';
import { chooseStartupArchive } from './startup-archive.js';
import { createMainWindow, windowTitle } from './window-options.js';

export interface StartAppOptions {
  /** The folder holding `main.cjs`, `preload.cjs`, `index-worker.cjs` and `renderer/`. */
  distDir: string;
  startLibrary: (options: StartLibraryOptions) => LibrarySession;
}

/** How an archive came to be opened; decides how a folder that is not there is reported. */
type OpenedBy = 'dialog' | 'recent' | 'drop' | 'argument';

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
  let switcher: LibrarySwitcher | null = null;
  /** The library to close at quit: the switcher's forwarding session, until it has been closed. */
  let library: LibrarySession | null = null;
  /** Counts menu rebuilds, so that a slow one (it checks which recent folders exist) never undoes a later one. */
  let menuBuilds = 0;

  const createWindow = (preloadPath: string): void => {
    // The renderer's --bg (renderer/base.css), so the first paint does not flash.
    const backgroundColor = nativeTheme.shouldUseDarkColors ? '#16181b' : '#f6f5f2';
    const created = createMainWindow(preloadPath, backgroundColor);
    created.on('closed', () => {
      if (window === created) window = null;
    });
    // The title names the archive (set by main, which knows when it switches), not the page's <title>.
    created.on('page-title-updated', (event) => event.preventDefault());
    if (switcher !== null) created.setTitle(windowTitle(switcher.archiveDir));
    window = created;
    void created.loadURL(appIndexUrl);
  };

  const showMessage = (options: MessageBoxOptions): void => {
    void (window === null ? dialog.showMessageBox(options) : dialog.showMessageBox(window, options));
  };

  const showAbout = (): void => {
    const options = {
      type: 'info' as const,
      title: 'About Verbatim',
      message: `Verbatim ${app.getVersion()}`,
      detail: `Offline search of a news archive, with who said what.\n\n${attributionLine}`,
    };
    showMessage(options);
  };

  const refreshMenu = async (): Promise<void> => {
    const build = ++menuBuilds;
    const recent = switcher === null ? [] : await existingRecentArchives(switcher.recent, isDirectory);
    if (build !== menuBuilds) return;
    const template = buildMenuTemplate({
      isPackaged: app.isPackaged,
      onAbout: showAbout,
      onOpenArchive: () => void chooseArchive(),
      recent,
      onOpenRecent: (archiveDir) => void openArchive(archiveDir, 'recent'),
      onClearRecent: () => void switcher?.clearRecent(),
      onPrint: () => window?.webContents.print(),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };

  /** After a switch or a change to the recent list: retitle the window, rebuild Open Recent. */
  const onArchiveChange = (): void => {
    if (window !== null && switcher !== null) window.setTitle(windowTitle(switcher.archiveDir));
    void refreshMenu();
  };

  const openArchive = async (archiveDir: string, by: OpenedBy): Promise<void> => {
    if (switcher === null) return;
    const outcome = await switcher.open(archiveDir);
    if (outcome === 'missing' && by !== 'drop') {
      showMessage({
        type: 'warning',
        title: 'Open Archive',
        message: `Verbatim cannot open ${archiveDir}`,
        detail: by === 'recent' ? 'The folder is no longer there; it has been removed from Open Recent.' : 'It is not a folder, or it is not there.',
      });
    }
  };

  /** File > Open Archive…: a folder dialog, starting at the current archive. */
  const chooseArchive = async (): Promise<void> => {
    const options: OpenDialogOptions = {
      title: 'Open Archive',
      buttonLabel: 'Open Archive',
      properties: ['openDirectory'],
      ...(switcher === null ? {} : { defaultPath: switcher.archiveDir }),
    };
    const result = window === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(window, options);
    const chosen = result.canceled ? undefined : result.filePaths[0];
    if (chosen !== undefined) await openArchive(chosen, 'dialog');
  };

  /**
   * A dropped folder opens only after the user confirms in a native dialog: the request to open it comes
   * from the page (a file: URL), and a page must never be able to open folders on its own. Drops while
   * the question is open are ignored (and logged), so repeated drops never stack dialogs.
   */
  const confirmDrop = oneAtATime(async (folder: string): Promise<void> => {
    if (window === null) return;
    const { response } = await dialog.showMessageBox(window, {
      type: 'question',
      title: 'Open Archive',
      message: `Open ${path.basename(folder) || folder} as the archive?`,
      detail: folder,
      buttons: ['Open Archive', 'Cancel'],
      defaultId: 0,
      cancelId: 1,
    });
    if (response === 0) await openArchive(folder, 'drop');
  }, (folder) => console.warn(`Verbatim ignored the drop of ${folder}: the question about an earlier drop is still open.`));

  /** A link leaves the app only once the user agrees, one question at a time (open-external.ts). */
  const confirmLink = oneAtATime(
    (url: string) => openExternal(url, window),
    (url) => console.warn(`Verbatim ignored a request to open ${url}: the question about an earlier link is still open.`),
  );

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, confirmLink, {
      // Only a drop on the app's own window opens an archive, and only once the user confirms it.
      onOpenFolder: (folder) => {
        if (window !== null && window.webContents === contents) void confirmDrop(folder);
      },
    });
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    // Starting Verbatim again (`npm start -- --archive DIR`) brings this window forward, on that archive.
    const argument = archiveArgument(argv);
    if (argument !== undefined) void openArchive(path.resolve(workingDirectory, argument), 'argument');
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', (event) => {
    // Quit once more after the library (its worker thread and watcher) has closed and the settings are
    // saved, or after a timeout. No archive is opened from here on.
    const closing = library;
    const saved = switcher?.saved() ?? Promise.resolve();
    switcher = null;
    if (closing === null) return;
    library = null;
    event.preventDefault();
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, closeTimeoutMs).unref());
    void Promise.race([Promise.all([closing.close(), saved]), timeout])
      .catch((error: unknown) => console.error(`Verbatim could not close the library: ${String(error)}`))
      .finally(() => app.quit());
  });

  void app.whenReady().then(async () => {
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

    const settings = await readSettings(paths.settingsFile);
    const first = await chooseStartupArchive({
      argument: paths.argumentArchiveDir,
      remembered: settings.archive,
      bundled: paths.bundledArchiveDir,
      isDirectory,
    });
    // Indexing starts in the background and the library then follows the folder; the renderer polls
    // `status`, and sees a switch when its `archiveDir` changes. The handlers are built once, over the
    // switcher's forwarding session, so they always answer from the current archive.
    switcher = createLibrarySwitcher({
      startLibrary,
      libraryOptions: { cacheDir: paths.cacheDir, workerScript: paths.workerScript, watch: true },
      first,
      settings,
      settingsFile: paths.settingsFile,
      onChange: onArchiveChange,
    });
    library = switcher.session;
    registerApiIpc(ipcMain, createApiHandlers(switcher.session, createFileOpener(shell)));
    await refreshMenu();
    createWindow(paths.preloadPath);
    app.on('activate', () => {
      if (window === null) createWindow(paths.preloadPath);
    });
  }).catch((error: unknown) => {
    dialog.showErrorBox('Verbatim could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}
