import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectron);

const { externalUrl, openExternal } = await import('../../main/shell/open-external.js');
const { recorded, resetFakeElectron } = await import('./fake-electron.js');

beforeEach(() => resetFakeElectron());

describe('openExternal', () => {
  it.each([
    ['https://en.wikinews.org/wiki/Main_Page', 'https://en.wikinews.org/wiki/Main_Page'],
    ['http://example.org/a?b=c', 'http://example.org/a?b=c'],
    ['mailto:desk@example.org', 'mailto:desk@example.org'],
    ['HTTPS://Example.org', 'https://example.org/'],
  ])('opens %s', async (url, opened) => {
    expect(externalUrl(url)).toBe(opened);
    expect(await openExternal(url)).toBe(true);
    expect(recorded.openedExternally).toEqual([opened]);
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'app://verbatim/index.html',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'vbscript:msgbox(1)',
    'data:text/html,hi',
    'ftp://files.example/',
    'https://user:pass@example.org/',
    'https://bank.example@evil.example/',
    'http://',
    'not a url',
    `https://example.org/${'a'.repeat(9000)}`,
  ])('refuses %s', async (url) => {
    expect(externalUrl(url)).toBeNull();
    expect(await openExternal(url)).toBe(false);
    expect(recorded.openedExternally).toEqual([]);
  });

  it.each([undefined, null, 42, { href: 'https://x' }])('refuses the non-string %s', async (value) => {
    expect(await openExternal(value)).toBe(false);
    expect(recorded.openedExternally).toEqual([]);
  });
});
