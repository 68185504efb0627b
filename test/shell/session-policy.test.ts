import { describe, expect, it } from 'vitest';
import type { Session } from 'electron';
import { applySessionPolicy, isNetworkUrl, isRefusedUrl } from '../../main/shell/session-policy.js';
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

  it('refuses downloads', () => {
    const record = policed();
    const event = navigationEvent('blob:app://verbatim/1');
    for (const listener of record.listeners.get('will-download') ?? []) listener(event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });
});
