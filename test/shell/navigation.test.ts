import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { folderOfFileUrl, hardenWebContents } from '../../main/shell/navigation.js';
import { isDirectory } from '../../main/shell/is-directory.js';
import { FakeWebContents, navigationEvent } from './fake-electron.js';

function hardened(): { contents: FakeWebContents; openExternal: ReturnType<typeof vi.fn>; opened: string[] } {
  const contents = new FakeWebContents();
  const openExternal = vi.fn();
  const opened: string[] = [];
  hardenWebContents(contents as unknown as WebContents, openExternal, { onOpenFolder: (folder) => opened.push(folder) });
  return { contents, openExternal, opened };
}

// A real folder and file to drop.
const dropRoot = mkdtempSync(path.join(tmpdir(), 'verbatim-drop-'));
const folder = path.join(dropRoot, 'news archive');
const file = path.join(folder, 'article.txt');
mkdirSync(folder);
writeFileSync(file, 'Headline\n\nText.');
afterAll(() => rmSync(dropRoot, { recursive: true, force: true }));
const folderUrl = pathToFileURL(folder).href;
const fileUrl = pathToFileURL(file).href;

/** Lets the folder check (an fs.stat) finish. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
}

const table: [string, boolean][] = [
  ['app://verbatim/index.html', true],
  ['app://verbatim/other.html', true],
  // The address's state lives in the hash (issue 15); a change of it stays on the app's origin.
  ['app://verbatim/index.html#q=war&view=quotes&article=a1', true],
  ['app://verbatim.evil/index.html#q=war', false],
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

  it.each(table)('will-frame-navigate of a subframe to %s is allowed: %s', (url, allowed) => {
    const { contents } = hardened();
    const event = Object.assign(navigationEvent(url), { isMainFrame: false });
    contents.emit('will-frame-navigate', event);
    expect(event.defaultPrevented).toBe(!allowed);
  });

  it('leaves the main frame\'s navigations to will-navigate (which opens a dropped folder)', async () => {
    const { contents, opened } = hardened();
    const frameEvent = Object.assign(navigationEvent(folderUrl), { isMainFrame: true });
    contents.emit('will-frame-navigate', frameEvent);
    expect(frameEvent.defaultPrevented).toBe(false);
    const event = navigationEvent(folderUrl);
    contents.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(true);
    await settle();
    expect(opened).toEqual([folder]);
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

describe('a folder dropped on the window', () => {
  it('arrives as a navigation to its file: URL, which is refused, and opens the folder', async () => {
    const { contents, opened } = hardened();
    const event = navigationEvent(folderUrl);
    contents.emit('will-navigate', event, folderUrl);
    expect(event.defaultPrevented).toBe(true);
    await settle();
    expect(opened).toEqual([folder]);
  });

  it('arrives as a new-tab request (current Chromium), which is denied, and opens the folder', async () => {
    const { contents, opened, openExternal } = hardened();
    expect(contents.windowOpenHandler?.({ url: folderUrl })).toEqual({ action: 'deny' });
    await settle();
    expect(opened).toEqual([folder]);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('accepts a folder URL with a trailing slash', async () => {
    const { contents, opened } = hardened();
    contents.emit('will-navigate', navigationEvent(`${folderUrl}/`));
    await settle();
    expect(opened.map((p) => path.resolve(p))).toEqual([folder]);
  });

  it.each([
    ['a dropped file (its folder is not opened)', fileUrl],
    ['a path that does not exist', pathToFileURL(path.join(dropRoot, 'gone')).href],
    ['a file: URL of another host', 'file://server/share/news'],
    ['a web link', 'https://example.org/news'],
    ['the app itself', 'app://verbatim/index.html'],
    ['not a URL', 'not a url'],
  ])('ignores %s', async (_name, url) => {
    const { contents, opened } = hardened();
    contents.emit('will-navigate', navigationEvent(url));
    contents.windowOpenHandler?.({ url });
    await settle();
    expect(opened).toEqual([]);
  });

  it('still refuses every file: navigation when no drop handler is given', async () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as unknown as WebContents, vi.fn());
    const event = navigationEvent(folderUrl);
    contents.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: folderUrl })).toEqual({ action: 'deny' });
  });

  it('never follows a redirect to a file: URL', async () => {
    const { contents, opened } = hardened();
    const event = navigationEvent(folderUrl);
    contents.emit('will-redirect', event);
    expect(event.defaultPrevented).toBe(true);
    await settle();
    expect(opened).toEqual([]);
  });
});

describe('folderOfFileUrl', () => {
  it('gives the folder a file: URL names, and null for files and other URLs', async () => {
    expect(await folderOfFileUrl(folderUrl, isDirectory)).toBe(folder);
    expect(await folderOfFileUrl(fileUrl, isDirectory)).toBeNull();
    expect(await folderOfFileUrl('https://example.org/', isDirectory)).toBeNull();
    expect(await folderOfFileUrl('file:///%00', isDirectory)).toBeNull();
  });
});
