import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMainWindow, windowTitle } from '../../main/shell/window-options.js';
import { expectedWebPreferences } from './expected-policy.js';
import { recorded, resetFakeElectron, type FakeBrowserWindow } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectron);

interface CapturedOptions {
  show?: boolean;
  backgroundColor?: string;
  webPreferences?: Record<string, unknown>;
}

function created(preloadPath: string, backgroundColor: string): CapturedOptions {
  createMainWindow(preloadPath, backgroundColor);
  return (recorded.windows.at(-1) as FakeBrowserWindow).options as CapturedOptions;
}

beforeEach(() => {
  resetFakeElectron();
});

describe('createMainWindow', () => {
  it('creates the window with exactly the security policy in webPreferences', () => {
    expect(created('/app/dist/preload.cjs', '#ffffff').webPreferences).toEqual(expectedWebPreferences('/app/dist/preload.cjs'));
  });

  it.each(['webSecurity', 'allowRunningInsecureContent', 'experimentalFeatures', 'enableBlinkFeatures', 'partition'])(
    'leaves %s at its safe default',
    (key) => {
      expect(created('/p.cjs', '#fff').webPreferences).not.toHaveProperty(key);
    },
  );

  it('shows the window at once with a background color', () => {
    const options = created('/p.cjs', '#1e1e1e');
    expect(options.show).toBe(true);
    expect(options.backgroundColor).toBe('#1e1e1e');
  });
});

describe('windowTitle', () => {
  it.each([
    ['/home/ana/news', 'news — Verbatim'],
    ['/home/ana/news/', 'news — Verbatim'],
    ['/', '/ — Verbatim'],
  ])('titles the window for %s as %s', (archiveDir, title) => {
    expect(windowTitle(archiveDir)).toBe(title);
  });
});
