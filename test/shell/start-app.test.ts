import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IpcMainInvokeEvent, MenuItemConstructorOptions } from 'electron';
import { afterAll, afterEach, beforeEach, describe, expect, it, onTestFinished, vi, type MockInstance } from 'vitest';
import type { LibraryStatus, Result } from '../../main/contract/api.js';
import type { LibrarySession, StartLibraryOptions } from '../../main/core/library.js';
import { letPendingWorkRun } from '../support/let-pending-work-run.js';
import { expectedCsp, expectedWebPreferences } from './expected-policy.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectron);

const { startApp } = await import('../../main/shell/start-app.js');
const { navigationEvent, recorded, resetFakeElectron } = await import('./fake-electron.js');

const distDir = mkdtempSync(path.join(tmpdir(), 'verbatim-dist-'));
mkdirSync(path.join(distDir, 'renderer'));
writeFileSync(path.join(distDir, 'renderer', 'index.html'), '<!doctype html><title>Verbatim</title>');
afterAll(() => rmSync(distDir, { recursive: true, force: true }));

// Electron sets process.resourcesPath; plain Node does not.
const processWithResources = process as NodeJS.Process & { resourcesPath: string };
processWithResources.resourcesPath = '/fake/resources';

interface Started {
  opened: StartLibraryOptions[];
  /** The `close` of each session started, in order. */
  closes: Array<ReturnType<typeof vi.fn<() => Promise<void>>>>;
  /** The first session's `close`. */
  close: ReturnType<typeof vi.fn<() => Promise<void>>>;
}

function start(): Started {
  const opened: StartLibraryOptions[] = [];
  const closes: Started['closes'] = [];
  startApp({
    distDir,
    startLibrary: (options): LibrarySession => {
      opened.push(options);
      const close = vi.fn(() => Promise.resolve());
      closes.push(close);
      return {
        // Enough of a status to tell the sessions apart.
        status: () => ({ archiveDir: options.archiveDir, state: 'indexing' }) as LibraryStatus,
        ready: () => new Promise(() => undefined),
        close,
      };
    },
  });
  const first = vi.fn(() => Promise.resolve());
  return {
    opened,
    closes,
    get close() {
      return closes[0] ?? first;
    },
  };
}

async function startReady(): Promise<Started> {
  const started = start();
  recorded.resolveReady();
  await vi.waitFor(() => expect(recorded.windows, recorded.calls.join("\n")).toHaveLength(1));
  return started;
}

// Each test gets its own user-data folder (settings.json is written there) and archive folders.
let scratch = '';
beforeEach(() => {
  resetFakeElectron();
  scratch = mkdtempSync(path.join(tmpdir(), 'verbatim-start-'));
  recorded.userData = path.join(scratch, 'user-data');
  for (const name of ['news', 'older', 'Q&A']) mkdirSync(path.join(scratch, name));
});
afterEach(async () => {
  await quitAndWait(); // so that no settings write under way lands in a removed folder
  rmSync(scratch, { recursive: true, force: true });
});

/** Quits as Electron does (`will-quit`), and waits until the app has closed its archive and saved its settings. */
async function quitAndWait(): Promise<void> {
  const quits = (): number => recorded.calls.filter((call) => call === 'app.quit').length;
  const before = quits();
  const event = navigationEvent('');
  for (const listener of recorded.appListeners.get('will-quit') ?? []) listener(event);
  // The app holds the quit back only while it has an archive to close; it quits again once done.
  if (event.defaultPrevented) await vi.waitFor(() => expect(quits()).toBeGreaterThan(before));
}

const archive = (name: string): string => path.join(scratch, name);
const settingsFile = (): string => path.join(recorded.userData, 'settings.json');

/** Keeps every question dialog open until `answer()`, and silences (while recording) the warnings. */
function holdQuestionsOpen(): { answer: () => void; warn: MockInstance<typeof console.warn> } {
  let answer = (): void => undefined;
  recorded.messageBoxesOpenUntil = new Promise<void>((resolve) => {
    answer = resolve;
  });
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  onTestFinished(() => warn.mockRestore());
  return { answer: () => answer(), warn };
}

function readSavedSettings(): unknown {
  return JSON.parse(readFileSync(settingsFile(), 'utf8'));
}

function writeSavedSettings(settings: unknown): void {
  mkdirSync(recorded.userData, { recursive: true });
  writeFileSync(settingsFile(), typeof settings === 'string' ? settings : JSON.stringify(settings));
}

function menu(): MenuItemConstructorOptions[] {
  return recorded.menuTemplate as MenuItemConstructorOptions[];
}

function fileMenu(): MenuItemConstructorOptions[] {
  return menu().find((m) => m.label === 'File')?.submenu as MenuItemConstructorOptions[];
}

function fileItem(label: string): MenuItemConstructorOptions | undefined {
  return fileMenu().find((i) => i.label === label);
}

function recentMenu(): MenuItemConstructorOptions[] {
  return fileItem('Open Recent')?.submenu as MenuItemConstructorOptions[];
}

function recentLabels(): string[] {
  return recentMenu()
    .filter((i) => i.click !== undefined && i.label !== 'Clear Recent')
    .map((i) => i.label ?? '');
}

function click(item: MenuItemConstructorOptions | undefined): void {
  if (item?.click === undefined) throw new Error(`no such menu item: ${JSON.stringify(item)}`);
  (item.click as () => void)();
}

/** Calls the `verbatim:status` IPC handler as the app's own page would. */
async function ipcStatus(): Promise<Result<LibraryStatus>> {
  const frame = { url: 'app://verbatim/index.html', origin: 'app://verbatim', parent: null, frameTreeNodeId: 1, top: null as unknown };
  frame.top = frame;
  const handler = recorded.ipcHandlers.get('verbatim:status');
  return (await handler?.({ senderFrame: frame } as unknown as IpcMainInvokeEvent, {})) as Result<LibraryStatus>;
}

/** Runs `action` with `--archive DIR` on the command line. */
async function withArgv<T>(extra: string[], action: () => Promise<T>): Promise<T> {
  const saved = process.argv;
  process.argv = [...saved, ...extra];
  try {
    return await action();
  } finally {
    process.argv = saved;
  }
}

describe('startApp before ready', () => {
  it('enables the sandbox and registers the app scheme before ready, without bypassCSP', () => {
    start();
    expect(recorded.calls.slice(0, 3)).toEqual([
      'app.enableSandbox',
      'protocol.registerSchemesAsPrivileged',
      'app.requestSingleInstanceLock',
    ]);
    expect(recorded.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(recorded.windows).toHaveLength(0);
  });

  it('quits when another instance holds the lock', async () => {
    recorded.singleInstance = false;
    const { opened } = start();
    recorded.resolveReady();
    expect(recorded.calls).toContain('app.quit');
    // Nothing may follow `ready`: give it the time it would take, then check nothing happened.
    await letPendingWorkRun(10);
    expect(recorded.windows).toHaveLength(0);
    expect(opened).toHaveLength(0);
  });
});

describe('startApp on ready', () => {
  it('creates one window with exactly the security policy, loading the app origin', async () => {
    await startReady();
    const window = recorded.windows[0];
    expect((window?.options as { webPreferences: unknown }).webPreferences).toEqual(
      expectedWebPreferences(path.join(distDir, 'preload.cjs')),
    );
    expect(window?.loadedUrl).toBe('app://verbatim/index.html');
  });

  it('applies the session policy and the protocol before creating the window', async () => {
    await startReady();
    const ready = recorded.calls.indexOf('ready');
    expect(recorded.calls.indexOf('protocol.handle app')).toBeGreaterThan(ready);
    expect(recorded.calls.indexOf('new BrowserWindow')).toBeGreaterThan(recorded.calls.indexOf('protocol.handle app'));
    expect(recorded.session.beforeRequest).not.toBeNull();
    expect(recorded.session.permissionRequest).not.toBeNull();
    expect(recorded.session.permissionCheck?.({}, 'media', 'app://verbatim', {})).toBe(false);
  });

  it('serves the renderer from dist/renderer with the CSP', async () => {
    await startReady();
    const handler = recorded.protocolHandlers.get('app');
    const response = await handler?.(new Request('app://verbatim/index.html'));
    expect(response?.status).toBe(200);
    expect(response?.headers.get('content-security-policy')).toBe(expectedCsp);
  });

  it('starts the library on the bundled sample, watching it, with the cache in userData and the bundled worker', async () => {
    const { opened } = await startReady();
    expect(opened).toEqual([
      {
        archiveDir: path.join(recorded.appPath, 'content'),
        cacheDir: path.join(recorded.userData, 'index-cache'),
        workerScript: path.join(distDir, 'index-worker.cjs'),
        watch: true,
      },
    ]);
    // The sample is not an archive the user chose: nothing is remembered.
    expect(existsSync(settingsFile())).toBe(false);
  });

  it('uses the sample in the resources folder when packaged', async () => {
    recorded.isPackaged = true;
    const { opened } = await startReady();
    expect(opened[0]?.archiveDir).toBe(path.join('/fake/resources', 'content'));
  });

  it('registers a verbatim: IPC channel for every API method', async () => {
    await startReady();
    expect([...recorded.ipcHandlers.keys()]).toEqual([
      'verbatim:status',
      'verbatim:search',
      'verbatim:article',
      'verbatim:quotes',
      'verbatim:speakers',
      'verbatim:person',
      'verbatim:showFile',
      'verbatim:corrections',
      'verbatim:correct',
      'verbatim:undoCorrection',
      'verbatim:verify',
    ]);
  });

  it('hardens every web contents: window.open denied, foreign navigation prevented', async () => {
    await startReady();
    const contents = recorded.windows[0]?.webContents;
    expect(contents?.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    const away = navigationEvent('https://example.org/');
    contents?.emit('will-navigate', away);
    expect(away.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(recorded.openedExternally).toEqual(['https://example.org/']));
  });

  it('sets a menu with developer tools only when not packaged', async () => {
    await startReady();
    const view = menu().find((m) => m.label === 'View');
    expect((view?.submenu as MenuItemConstructorOptions[]).map((i) => i.role)).toContain('toggleDevTools');

    resetFakeElectron();
    recorded.isPackaged = true;
    await startReady();
    const packagedView = menu().find((m) => m.label === 'View');
    expect((packagedView?.submenu as MenuItemConstructorOptions[]).map((i) => i.role)).not.toContain('toggleDevTools');
  });

  it('closes the library before quitting', async () => {
    const { close } = await startReady();
    const quit = navigationEvent('');
    for (const listener of recorded.appListeners.get('will-quit') ?? []) listener(quit);
    expect(quit.defaultPrevented).toBe(true);
    expect(close).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(recorded.calls).toContain('app.quit'));
  });
});

describe('the archive at start', () => {
  it('opens --archive DIR before anything remembered, and remembers it', async () => {
    writeSavedSettings({ archive: archive('older'), recent: [archive('older')] });
    const { opened } = await withArgv(['--archive', archive('news')], startReady);
    expect(opened.map((o) => o.archiveDir)).toEqual([archive('news')]);
    await vi.waitFor(() => expect(readSavedSettings()).toEqual({ archive: archive('news'), recent: [archive('news'), archive('older')] }));
    expect(recorded.windows[0]?.title).toBe('news — Verbatim');
  });

  it('opens the remembered archive when it is still there', async () => {
    writeSavedSettings({ archive: archive('older'), recent: [archive('older')] });
    const { opened } = await startReady();
    expect(opened.map((o) => o.archiveDir)).toEqual([archive('older')]);
    expect(recorded.windows[0]?.title).toBe('older — Verbatim');
  });

  it('falls back to the bundled sample when the remembered archive is gone', async () => {
    writeSavedSettings({ archive: archive('gone'), recent: [archive('gone'), archive('older')] });
    const { opened } = await startReady();
    expect(opened.map((o) => o.archiveDir)).toEqual([path.join(recorded.appPath, 'content')]);
    expect(recorded.windows[0]?.title).toBe('content — Verbatim');
    // Open Recent leaves out the folder that is gone.
    expect(recentLabels()).toEqual([archive('older')]);
  });

  it('starts on the sample with a corrupt settings file, and overwrites it on the next open', async () => {
    writeSavedSettings('{ "archive": "/da');
    const { opened } = await startReady();
    expect(opened.map((o) => o.archiveDir)).toEqual([path.join(recorded.appPath, 'content')]);
    recorded.openDialogAnswers.push({ canceled: false, filePaths: [archive('news')] });
    click(fileItem('Open Archive…'));
    await vi.waitFor(() => expect(readSavedSettings()).toEqual({ archive: archive('news'), recent: [archive('news')] }));
  });
});

describe('starting Verbatim again while it runs', () => {
  it('opens the --archive of the second start in the running window (relative to its folder)', async () => {
    const started = await startReady();
    const emit = (argv: string[], cwd: string): void => {
      for (const listener of recorded.appListeners.get('second-instance') ?? []) listener({}, argv, cwd);
    };
    emit(['electron', 'dist/main.cjs', '--archive', 'news'], scratch);
    await vi.waitFor(() => expect(recorded.windows[0]?.title).toBe('news — Verbatim'));
    expect(started.opened.map((o) => o.archiveDir)).toEqual([path.join(recorded.appPath, 'content'), archive('news')]);
    emit(['electron', 'dist/main.cjs'], scratch);
    emit(['electron', 'dist/main.cjs', '--archive', 'gone'], scratch);
    await vi.waitFor(() => expect(recorded.messageBoxes).toHaveLength(1));
    expect(recorded.messageBoxes[0]?.message).toContain(archive('gone'));
    expect(started.opened).toHaveLength(2);
  });
});

describe('File > Open Archive…', () => {
  it('is on Ctrl+O (Cmd+O on macOS) and asks for a folder', async () => {
    await startReady();
    const item = fileItem('Open Archive…');
    expect(item?.accelerator).toBe('CmdOrCtrl+O');
    click(item);
    await vi.waitFor(() => expect(recorded.openDialogs).toHaveLength(1));
    expect(recorded.openDialogs[0]).toMatchObject({ properties: ['openDirectory'] });
  });

  it('switches to the chosen folder: old session closed, new one started, title, menu and settings updated', async () => {
    const started = await startReady();
    recorded.openDialogAnswers.push({ canceled: false, filePaths: [archive('news')] });
    click(fileItem('Open Archive…'));
    await vi.waitFor(() => expect(started.opened).toHaveLength(2));
    expect(started.opened[1]).toMatchObject({ archiveDir: archive('news'), watch: true, cacheDir: path.join(recorded.userData, 'index-cache') });
    expect(started.closes[0]).toHaveBeenCalledOnce();
    expect(started.closes[1]).not.toHaveBeenCalled();
    expect(recorded.windows[0]?.title).toBe('news — Verbatim');
    await vi.waitFor(() => expect(recentLabels()).toEqual([archive('news')]));
    await vi.waitFor(() => expect(readSavedSettings()).toEqual({ archive: archive('news'), recent: [archive('news')] }));
  });

  it('keeps the IPC handlers (registered once) answering from the current archive', async () => {
    await startReady();
    expect(await ipcStatus()).toMatchObject({ ok: true, value: { archiveDir: path.join(recorded.appPath, 'content') } });
    recorded.openDialogAnswers.push({ canceled: false, filePaths: [archive('news')] });
    click(fileItem('Open Archive…'));
    await vi.waitFor(async () => expect(await ipcStatus()).toMatchObject({ ok: true, value: { archiveDir: archive('news') } }));
    expect([...recorded.ipcHandlers.keys()]).toHaveLength(11);
  });

  it('does nothing when the dialog is cancelled', async () => {
    const started = await startReady();
    recorded.openDialogAnswers.push({ canceled: true, filePaths: [] });
    click(fileItem('Open Archive…'));
    await vi.waitFor(() => expect(recorded.openDialogs).toHaveLength(1));
    await letPendingWorkRun(20); // a cancelled dialog must lead to nothing: no condition to wait for
    expect(started.opened).toHaveLength(1);
    expect(started.close).not.toHaveBeenCalled();
    expect(existsSync(settingsFile())).toBe(false);
  });

  it('keeps the page from retitling the window', async () => {
    await startReady();
    const event = navigationEvent('');
    recorded.windows[0]?.emit('page-title-updated', event, 'Verbatim');
    expect(event.defaultPrevented).toBe(true);
    expect(recorded.windows[0]?.title).toBe('content — Verbatim');
  });
});

describe('File > Open Recent', () => {
  it('lists the archives opened, most recent first, and opens one', async () => {
    const started = await startReady();
    for (const name of ['news', 'older', 'Q&A']) {
      recorded.openDialogAnswers.push({ canceled: false, filePaths: [archive(name)] });
      click(fileItem('Open Archive…'));
      await vi.waitFor(() => expect(recorded.windows[0]?.title).toBe(`${name} — Verbatim`));
    }
    await vi.waitFor(() => expect(recentLabels()).toEqual([archive('Q&&A'), archive('older'), archive('news')]));
    click(recentMenu()[2]);
    await vi.waitFor(() => expect(recorded.windows[0]?.title).toBe('news — Verbatim'));
    expect(started.opened.map((o) => path.basename(o.archiveDir))).toEqual(['content', 'news', 'older', 'Q&A', 'news']);
    await vi.waitFor(() => expect(recentLabels()).toEqual([archive('news'), archive('Q&&A'), archive('older')]));
  });

  it('offers at most ten, leaving out folders that are gone', async () => {
    const many = Array.from({ length: 10 }, (_v, i) => archive(`a${i}`));
    for (const dir of many.slice(1)) mkdirSync(dir);
    writeSavedSettings({ archive: null, recent: many });
    await startReady();
    expect(recentLabels()).toEqual(many.slice(1));
    mkdirSync(many[0] as string);
    recorded.openDialogAnswers.push({ canceled: false, filePaths: [archive('news')] });
    click(fileItem('Open Archive…'));
    await vi.waitFor(() => expect(recentLabels()).toHaveLength(10));
    expect(recentLabels()[0]).toBe(archive('news'));
    expect(recentLabels()).not.toContain(many[9]);
  });

  it('says so, and drops the entry, when a folder is gone by the time it is chosen', async () => {
    writeSavedSettings({ archive: null, recent: [archive('older'), archive('news')] });
    const started = await startReady();
    rmSync(archive('older'), { recursive: true });
    click(recentMenu()[0]);
    await vi.waitFor(() => expect(recorded.messageBoxes).toHaveLength(1));
    expect(recorded.messageBoxes[0]?.message).toContain(archive('older'));
    expect(recorded.messageBoxes[0]?.detail).toContain('removed from Open Recent');
    expect(started.opened).toHaveLength(1);
    await vi.waitFor(() => expect(recentLabels()).toEqual([archive('news')]));
    await vi.waitFor(() => expect(readSavedSettings()).toEqual({ archive: null, recent: [archive('news')] }));
  });

  it('Clear Recent empties the list but keeps the current archive remembered', async () => {
    await startReady();
    recorded.openDialogAnswers.push({ canceled: false, filePaths: [archive('news')] });
    click(fileItem('Open Archive…'));
    await vi.waitFor(() => expect(recentLabels()).toEqual([archive('news')]));
    click(recentMenu().find((i) => i.label === 'Clear Recent'));
    await vi.waitFor(() => expect(recentMenu()[0]).toMatchObject({ label: 'No Recent Archives', enabled: false }));
    await vi.waitFor(() => expect(readSavedSettings()).toEqual({ archive: archive('news'), recent: [] }));
  });
});

describe('dropping on the window', () => {
  it('opens a dropped folder as the archive (and records it)', async () => {
    const started = await startReady();
    const contents = recorded.windows[0]?.webContents;
    expect(contents?.windowOpenHandler?.({ url: pathToFileURL(archive('news')).href })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(started.opened.map((o) => o.archiveDir)).toEqual([path.join(recorded.appPath, 'content'), archive('news')]));
    expect(started.close).toHaveBeenCalledOnce();
    expect(recorded.windows[0]?.title).toBe('news — Verbatim');
    await vi.waitFor(() => expect(readSavedSettings()).toEqual({ archive: archive('news'), recent: [archive('news')] }));

    const navigation = navigationEvent(pathToFileURL(archive('older')).href);
    contents?.emit('will-navigate', navigation);
    expect(navigation.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(recorded.windows[0]?.title).toBe('older — Verbatim'));
    expect(recorded.messageBoxes.map((m) => m.message)).toEqual(['Open news as the archive?', 'Open older as the archive?']);
  });

  it('opens nothing when the user cancels the confirmation (a page cannot open folders by itself)', async () => {
    const started = await startReady();
    recorded.messageBoxResponses.push(1);
    const contents = recorded.windows[0]?.webContents;
    expect(contents?.windowOpenHandler?.({ url: pathToFileURL(archive('news')).href })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(recorded.messageBoxes).toHaveLength(1));
    await letPendingWorkRun(50); // a refused confirmation must open nothing: no condition to wait for
    expect(started.opened).toHaveLength(1);
  });

  it('asks about one drop at a time: drops while the question is open are ignored, not stacked', async () => {
    const started = await startReady();
    const { answer, warn } = holdQuestionsOpen();
    const contents = recorded.windows[0]?.webContents;
    contents?.windowOpenHandler?.({ url: pathToFileURL(archive('news')).href });
    await vi.waitFor(() => expect(recorded.messageBoxes).toHaveLength(1));
    for (const name of ['older', 'Q&A', 'older']) contents?.windowOpenHandler?.({ url: pathToFileURL(archive(name)).href });
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(3));
    expect(recorded.messageBoxes.map((m) => m.message)).toEqual(['Open news as the archive?']);
    // The folder checks of the three drops race, so their warnings come in any order.
    const ignored = (name: string): string => `Verbatim ignored the drop of ${archive(name)}: the question about an earlier drop is still open.`;
    expect(warn.mock.calls.map((call) => String(call[0])).sort()).toEqual([ignored('Q&A'), ignored('older'), ignored('older')].sort());
    answer();
    await vi.waitFor(() => expect(started.opened.map((o) => o.archiveDir)).toContain(archive('news')));
    // Once answered, the next drop is asked about again.
    recorded.messageBoxesOpenUntil = null;
    contents?.windowOpenHandler?.({ url: pathToFileURL(archive('older')).href });
    await vi.waitFor(() => expect(started.opened.map((o) => o.archiveDir)).toContain(archive('older')));
    expect(recorded.messageBoxes).toHaveLength(2);
    await vi.waitFor(() => expect(readSavedSettings()).toMatchObject({ archive: archive('older') }));
  });

  it('ignores a dropped file, a missing folder and a web link, without a message', async () => {
    const started = await startReady();
    writeFileSync(path.join(archive('news'), 'a.txt'), 'Headline\n\nText.');
    const contents = recorded.windows[0]?.webContents;
    for (const url of [pathToFileURL(path.join(archive('news'), 'a.txt')).href, pathToFileURL(archive('gone')).href]) {
      const event = navigationEvent(url);
      contents?.emit('will-navigate', event);
      expect(event.defaultPrevented).toBe(true);
      contents?.windowOpenHandler?.({ url });
    }
    const web = navigationEvent('https://example.org/');
    contents?.emit('will-navigate', web);
    expect(web.defaultPrevented).toBe(true);
    await letPendingWorkRun(50); // the folder checks run, and must open nothing: no condition to wait for
    expect(started.opened).toHaveLength(1);
    expect(recorded.messageBoxes).toEqual([]);
  });

  it('ignores a folder "dropped" on another web contents than the window', async () => {
    const started = await startReady();
    const { FakeWebContents } = await import('./fake-electron.js');
    const other = new FakeWebContents();
    for (const listener of recorded.appListeners.get('web-contents-created') ?? []) listener({}, other);
    other.windowOpenHandler?.({ url: pathToFileURL(archive('news')).href });
    await letPendingWorkRun(50); // nothing may open: no condition to wait for
    expect(started.opened).toHaveLength(1);
  });
});

describe('links from the page', () => {
  it('open in the browser only after the user agrees, one question at a time', async () => {
    await startReady();
    const { answer, warn } = holdQuestionsOpen();
    const contents = recorded.windows[0]?.webContents;
    // Links reach the question synchronously, in order: no wait is needed between them.
    for (const url of ['https://en.wikinews.org/', 'https://tracker.example/1', 'https://tracker.example/2']) {
      expect(contents?.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(2));
    expect(recorded.messageBoxes.map((m) => m.detail)).toEqual(['https://en.wikinews.org/']);
    expect(recorded.openedExternally).toEqual([]);
    answer();
    await vi.waitFor(() => expect(recorded.openedExternally).toEqual(['https://en.wikinews.org/']));
  });

  it('open nothing when the user cancels', async () => {
    await startReady();
    recorded.messageBoxResponses.push(1);
    recorded.windows[0]?.webContents.windowOpenHandler?.({ url: 'https://en.wikinews.org/' });
    await vi.waitFor(() => expect(recorded.messageBoxes).toHaveLength(1));
    await letPendingWorkRun(20); // a cancelled question must open nothing: no condition to wait for
    expect(recorded.openedExternally).toEqual([]);
  });
});

describe('quitting', () => {
  it('closes the archive open now (not only the first) and waits for the settings to be saved', async () => {
    const started = await startReady();
    recorded.openDialogAnswers.push({ canceled: false, filePaths: [archive('news')] });
    click(fileItem('Open Archive…'));
    await vi.waitFor(() => expect(started.opened).toHaveLength(2));
    const quit = navigationEvent('');
    for (const listener of recorded.appListeners.get('will-quit') ?? []) listener(quit);
    expect(quit.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(recorded.calls).toContain('app.quit'));
    expect(started.closes[1]).toHaveBeenCalledOnce();
    expect(readSavedSettings()).toEqual({ archive: archive('news'), recent: [archive('news')] });
    // Nothing opens an archive any more.
    recorded.openDialogAnswers.push({ canceled: false, filePaths: [archive('older')] });
    click(fileItem('Open Archive…'));
    await letPendingWorkRun(20); // nothing may open after quitting: no condition to wait for
    expect(started.opened).toHaveLength(2);
  });
});
