import { describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { hardenWebContents } from '../../main/shell/navigation.js';
import { FakeWebContents, navigationEvent } from './fake-electron.js';

function hardened(): { contents: FakeWebContents; openExternal: ReturnType<typeof vi.fn> } {
  const contents = new FakeWebContents();
  const openExternal = vi.fn();
  hardenWebContents(contents as unknown as WebContents, openExternal);
  return { contents, openExternal };
}

const table: [string, boolean][] = [
  ['app://verbatim/index.html', true],
  ['app://verbatim/other.html', true],
  ['app://verbatim.evil/', false],
  ['javascript:alert(1)', false],
  ['file:///etc/passwd', false],
  ['https://x', false],
  ['http://127.0.0.1:8080/', false],
  ['data:text/html,hi', false],
];

describe('hardenWebContents', () => {
  it.each(table)('will-navigate to %s is allowed: %s', (url, allowed) => {
    const { contents } = hardened();
    const event = navigationEvent(url);
    contents.emit('will-navigate', event, url);
    expect(event.defaultPrevented).toBe(!allowed);
  });

  it.each(table)('will-redirect to %s is allowed: %s', (url, allowed) => {
    const { contents } = hardened();
    const event = navigationEvent(url);
    contents.emit('will-redirect', event, url);
    expect(event.defaultPrevented).toBe(!allowed);
  });

  it.each(['https://en.wikinews.org/', 'app://verbatim/index.html', 'javascript:alert(1)', 'file:///etc/passwd'])(
    'denies window.open of %s',
    (url) => {
      const { contents } = hardened();
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    },
  );

  it('passes links from window.open to the openExternal wrapper, which decides', () => {
    const { contents, openExternal } = hardened();
    contents.windowOpenHandler?.({ url: 'https://en.wikinews.org/wiki/Main_Page' });
    expect(openExternal).toHaveBeenCalledWith('https://en.wikinews.org/wiki/Main_Page');
  });

  it('prevents attaching a webview', () => {
    const { contents } = hardened();
    const event = navigationEvent('');
    contents.emit('will-attach-webview', event, {}, { src: 'https://x' });
    expect(event.defaultPrevented).toBe(true);
  });
});
