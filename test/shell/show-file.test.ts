// "Open Original" / "Show in Folder" (issue 15): the app's `showFile` finds the file from the article's id on
// the main side, opens only files inside the archive, and `verbatim serve` (no opener) refuses it.

import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NotFoundError } from '../../main/core/errors.js';
import { createIpcListener } from '../../main/shell/ipc.js';
import { createFileOpener } from '../../main/shell/show-file.js';
import { createApiHandlers, fileInArchive } from '../../main/transport/api-handlers.js';
import { appMainFrame, fakeFrame, recorded, resetFakeElectron, shell } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectron);

type Session = Parameters<typeof createApiHandlers>[0];

const archiveDir = path.resolve('/archives/news');

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

const articles = { a1: 'politics/017.txt', escaping: '../../etc/passwd', absolute: '/etc/passwd' };
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
  ])('refuses %s and touches no file', async (_name, request, code) => {
    expect(await showFile(request)).toMatchObject({ ok: false, error: { code } });
    expect(recorded.shownFiles).toEqual([]);
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
