import { describe, expect, it } from 'vitest';
import type { Session } from 'electron';
import { applySessionPolicy, isAppExportUrl, isNetworkUrl, isRefusedUrl } from '../../main/shell/session-policy.js';
import { navigationEvent, recorded, resetFakeElectron, session } from './fake-electron.js';
import { permissions } from './expected-policy.js';

function policed(): typeof recorded.session {
  resetFakeElectron();
  applySessionPolicy(session.defaultSession as unknown as Session);
  return recorded.session;
}

describe('applySessionPolicy', () => {
  it.each([
    ['http://tracker.example/pixel.gif', true],
    ['https://fonts.example/font.woff2', true],
    ['ws://127.0.0.1:9000/', true],
    ['wss://push.example/', true],
    ['ftp://files.example/a', true],
    ['app://verbatim/index.html', false],
    ['data:image/png;base64,AAAA', false],
    ['devtools://devtools/bundled/inspector.html', false],
  ])('cancels %s: %s', (url, cancelled) => {
    const record = policed();
    let response: { cancel?: boolean } | null = null;
    record.beforeRequest?.({ url }, (r) => {
      response = r;
    });
    expect(response).toEqual({ cancel: cancelled });
    expect(isNetworkUrl(url)).toBe(cancelled);
  });

  it.each([
    ['file:///etc/passwd', true],
    ['FILE:///home/ana/news/a.txt', true],
    ['file://server/share/news', true],
    ['app://verbatim/app.js', false],
    ['not a url', false],
  ])('cancels the file: request %s: %s', (url, cancelled) => {
    const record = policed();
    let response: { cancel?: boolean } | null = null;
    record.beforeRequest?.({ url }, (r) => {
      response = r;
    });
    expect(response).toEqual({ cancel: cancelled });
    expect(isRefusedUrl(url)).toBe(cancelled);
    expect(isNetworkUrl(url)).toBe(false);
  });

  it.each(permissions)('denies the permission request %s', (permission) => {
    const record = policed();
    let granted: boolean | null = null;
    record.permissionRequest?.({}, permission, (g) => {
      granted = g;
    }, { requestingUrl: 'app://verbatim/index.html' });
    expect(granted).toBe(false);
  });

  it.each(permissions)('denies the permission check %s, even for the app origin', (permission) => {
    const record = policed();
    expect(record.permissionCheck?.({}, permission, 'app://verbatim', {})).toBe(false);
  });

  it('denies device permissions', () => {
    expect(policed().devicePermission?.({ deviceType: 'usb', origin: 'app://verbatim' })).toBe(false);
  });

  // Issue 15: the page's exports (a Blob of its own) are saved through a save dialog; nothing else downloads.
  it.each([
    ['blob:app://verbatim/0b6a3e2c-1d2f-4c55-9d0e-7c1a2b3c4d5e', false],
    ['blob:app://verbatim.evil/1', true],
    ['blob:https://evil.example/1', true],
    ['blob:null/1', true],
    ['https://example.org/file.zip', true],
    ['file:///etc/passwd', true],
    ['data:text/csv,a,b', true],
    ['app://verbatim/app.js', true],
  ])('the download of %s is refused: %s', (url, refused) => {
    const record = policed();
    const event = navigationEvent(url);
    const dialogs: unknown[] = [];
    const item = { getURL: () => url, getFilename: () => 'verbatim-war-articles.csv', setSaveDialogOptions: (options: unknown) => dialogs.push(options) };
    for (const listener of record.listeners.get('will-download') ?? []) listener(event, item, {});
    expect(event.defaultPrevented).toBe(refused);
    expect(dialogs).toEqual(refused ? [] : [{ title: 'Save the export', defaultPath: 'verbatim-war-articles.csv' }]);
    expect(isAppExportUrl(url)).toBe(!refused);
  });
});
