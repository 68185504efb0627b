import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpenLibraryOptions } from '../../main/core/library.js';
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
  opened: OpenLibraryOptions[];
  close: ReturnType<typeof vi.fn>;
}

function start(): Started {
  const opened: OpenLibraryOptions[] = [];
  const close = vi.fn(() => Promise.resolve());
  startApp({
    distDir,
    startLibrary: (options) => {
      opened.push(options);
      return {
        status: () => {
          throw new Error('not used');
        },
        ready: () => new Promise(() => undefined),
        close,
      };
    },
  });
  return { opened, close };
}

async function startReady(): Promise<Started> {
  const started = start();
  recorded.resolveReady();
  await vi.waitFor(() => expect(recorded.windows, recorded.calls.join("\n")).toHaveLength(1));
  return started;
}

beforeEach(() => resetFakeElectron());

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
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(recorded.calls).toContain('app.quit');
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

  it('starts the library on the bundled sample with the cache in userData and the bundled worker', async () => {
    const { opened } = await startReady();
    expect(opened).toEqual([
      {
        archiveDir: path.join(recorded.appPath, 'content'),
        cacheDir: path.join(recorded.userData, 'index-cache'),
        workerScript: path.join(distDir, 'index-worker.cjs'),
      },
    ]);
  });

  it('uses the sample in the resources folder when packaged', async () => {
    recorded.isPackaged = true;
    const { opened } = await startReady();
    expect(opened[0]?.archiveDir).toBe(path.join('/fake/resources', 'content'));
  });

  it('registers a verbatim: IPC channel for every API method', async () => {
    await startReady();
    expect([...recorded.ipcHandlers.keys()]).toEqual(['verbatim:status', 'verbatim:search', 'verbatim:article', 'verbatim:quotes']);
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
    const view = (recorded.menuTemplate as MenuItemConstructorOptions[]).find((m) => m.label === 'View');
    expect((view?.submenu as MenuItemConstructorOptions[]).map((i) => i.role)).toContain('toggleDevTools');

    resetFakeElectron();
    recorded.isPackaged = true;
    await startReady();
    const packagedView = (recorded.menuTemplate as MenuItemConstructorOptions[]).find((m) => m.label === 'View');
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
