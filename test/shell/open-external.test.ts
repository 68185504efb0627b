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
    expect(recorded.messageBoxes).toEqual([]);
  });

  it.each([undefined, null, 42, { href: 'https://x' }])('refuses the non-string %s', async (value) => {
    expect(await openExternal(value)).toBe(false);
    expect(recorded.openedExternally).toEqual([]);
  });

  it('asks first, showing the address it will open', async () => {
    expect(await openExternal('https://en.wikinews.org/wiki/Main_Page')).toBe(true);
    expect(recorded.messageBoxes).toEqual([
      expect.objectContaining({ message: 'Open this link in your browser?', detail: 'https://en.wikinews.org/wiki/Main_Page', buttons: ['Open Link', 'Cancel'] }),
    ]);
  });

  it('shows a look-alike host as the punycode it really is', async () => {
    await openExternal('https://аpple.com/');
    expect(recorded.messageBoxes[0]?.detail).toBe('https://xn--pple-43d.com/');
  });

  it('asks about writing an email for mailto: links', async () => {
    await openExternal('mailto:desk@example.org');
    expect(recorded.messageBoxes[0]).toMatchObject({ message: 'Write to this address in your mail app?', buttons: ['Write Email', 'Cancel'] });
  });

  it('opens nothing when the user cancels', async () => {
    recorded.messageBoxResponses.push(1);
    expect(await openExternal('https://tracker.example/')).toBe(false);
    expect(recorded.messageBoxes).toHaveLength(1);
    expect(recorded.openedExternally).toEqual([]);
  });
});
