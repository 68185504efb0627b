// "Open Original" / "Show in Folder" (issue 15): the app's `showFile` finds the file from the article's id on
// the main side, opens only files inside the archive, and `verbatim serve` (no opener) refuses it.

import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { NotFoundError } from '../../main/core/errors.js';
import { createIpcListener } from '../../main/shell/ipc.js';
import { createFileOpener } from '../../main/shell/show-file.js';
import { createApiHandlers, fileInArchive } from '../../main/transport/api-handlers.js';
import { appMainFrame, fakeFrame, recorded, resetFakeElectron, shell } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectron);

type Session = Parameters<typeof createApiHandlers>[0];

// A real archive: the handler follows links to where files really are.
const scratch = realpathSync(mkdtempSync(path.join(tmpdir(), 'verbatim-show-file-')));
const archiveDir = path.join(scratch, 'news');
mkdirSync(path.join(archiveDir, 'politics'), { recursive: true });
writeFileSync(path.join(archiveDir, 'politics/017.txt'), 'Headline\n\nText.\n');
// A page in a format Verbatim reads as a page, but that the system would run if opened.
writeFileSync(path.join(archiveDir, 'story.hta'), '<html><head><title>News</title></head><body><p>Text.</p></body></html>');
writeFileSync(path.join(scratch, 'outside.txt'), 'not in the archive');
// Articles read from inside a zip have paths inside it (issue 18); the zip is their file.
writeFileSync(path.join(archiveDir, 'dump.zip'), 'PK');
symlinkSync(path.join(scratch, 'outside.txt'), path.join(archiveDir, 'leaves.txt'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A library whose articles are `paths` (id -> path relative to the archive). */
function session(paths: Record<string, string>): Session {
  const library = {
    archiveDir,
    article: (id: string) => {
      const found = paths[id];
      if (found === undefined) throw new NotFoundError(`no article ${id}`);
      return { article: { id, path: found } };
    },
  };
  return { ready: () => Promise.resolve(library) } as unknown as Session;
}

const articles = { zipped: 'dump.zip/2019/a.json', zipGone: 'gone.zip/a.json', zipEscaping: 'dump.zip/../../etc/passwd', a1: 'politics/017.txt', escaping: '../../etc/passwd', absolute: '/etc/passwd', hta: 'story.hta', link: 'leaves.txt', gone: 'politics/999.txt' };
const showFile = (request: unknown): Promise<unknown> => {
  const listener = createIpcListener('showFile', createApiHandlers(session(articles), createFileOpener(shell)));
  return listener({ senderFrame: appMainFrame() } as unknown as IpcMainInvokeEvent, request);
};

beforeEach(() => resetFakeElectron());

describe('showFile in the app', () => {
  it.each([
    ['open', `open ${path.join(archiveDir, 'politics/017.txt')}`],
    ['reveal', `reveal ${path.join(archiveDir, 'politics/017.txt')}`],
  ])('does %s to the article file inside the archive', async (action, call) => {
    expect(await showFile({ id: 'a1', action })).toEqual({ ok: true, value: null });
    expect(recorded.shownFiles).toEqual([call]);
  });

  it.each([
    ['an article whose path leaves the archive', { id: 'escaping', action: 'open' }, 'not-found'],
    ['an absolute path', { id: 'absolute', action: 'reveal' }, 'not-found'],
    ['an unknown article', { id: 'nope', action: 'open' }, 'not-found'],
    ['a path instead of an id', { path: '/etc/passwd', action: 'open' }, 'invalid-argument'],
    ['an unknown action', { id: 'a1', action: 'delete' }, 'invalid-argument'],
    ['to open a file of a format Verbatim does not read (the system would run a .hta)', { id: 'hta', action: 'open' }, 'forbidden'],
    ['a file that became a link leading out of the archive', { id: 'link', action: 'open' }, 'not-found'],
    ['a file that is no longer there', { id: 'gone', action: 'reveal' }, 'not-found'],
    ['an article of a zip that is no longer there', { id: 'zipGone', action: 'reveal' }, 'not-found'],
    ['a path through a zip that leaves the archive', { id: 'zipEscaping', action: 'reveal' }, 'not-found'],
  ])('refuses %s and touches no file', async (_name, request, code) => {
    expect(await showFile(request)).toMatchObject({ ok: false, error: { code } });
    expect(recorded.shownFiles).toEqual([]);
  });

  it.each(['open', 'reveal'])('does %s to the zip that holds an article read from inside it', async (action) => {
    expect(await showFile({ id: 'zipped', action })).toEqual({ ok: true, value: null });
    expect(recorded.shownFiles).toEqual([`${action} ${path.join(archiveDir, 'dump.zip')}`]);
  });

  it('shows (but does not open) a file of a format it does not read', async () => {
    expect(await showFile({ id: 'hta', action: 'reveal' })).toEqual({ ok: true, value: null });
    expect(recorded.shownFiles).toEqual([`reveal ${path.join(archiveDir, 'story.hta')}`]);
  });

  it('says why a file could not be opened', async () => {
    recorded.openPathProblem = 'No application knows this file type';
    expect(await showFile({ id: 'a1', action: 'open' })).toMatchObject({
      ok: false,
      error: { code: 'unreadable-file', message: expect.stringContaining('No application knows this file type') },
    });
  });

  it('answers only the app page, as every channel does', async () => {
    const listener = createIpcListener('showFile', createApiHandlers(session(articles), createFileOpener(shell)));
    const foreign = fakeFrame('https://example.org/', 'https://example.org');
    expect(await listener({ senderFrame: foreign } as unknown as IpcMainInvokeEvent, { id: 'a1', action: 'open' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(recorded.shownFiles).toEqual([]);
  });
});

describe('showFile without an opener (verbatim serve)', () => {
  it('is forbidden', async () => {
    const handlers = createApiHandlers(session(articles));
    expect(await handlers.showFile({ id: 'a1', action: 'open' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('fileInArchive', () => {
  it.each([
    ['a.txt', true],
    ['politics/017.txt', true],
    ['..a.txt', true],
    ['../a.txt', false],
    ['politics/../../a.txt', false],
    ['/etc/passwd', false],
    ['', false],
  ])('%s inside the archive: %s', (relPath, inside) => {
    if (inside) expect(fileInArchive(archiveDir, relPath)).toBe(path.join(archiveDir, relPath));
    else expect(() => fileInArchive(archiveDir, relPath)).toThrow(NotFoundError);
  });
});
