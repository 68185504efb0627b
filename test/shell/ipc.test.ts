import { describe, expect, it, vi } from 'vitest';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { LibraryStatus, SearchReply } from '../../main/contract/api.js';
import { apiMethods, createApiHandlers, type ApiHandlers } from '../../main/transport/api-handlers.js';
import { createIpcListener, ipcChannel, maxRequestBytes, registerApiIpc } from '../../main/shell/ipc.js';
import { appMainFrame, fakeFrame, type FakeFrame } from './fake-electron.js';

type Session = Parameters<typeof createApiHandlers>[0];

const status: LibraryStatus = {
  archiveDir: '/archive',
  archiveName: 'archive',
  state: 'ready',
  progress: { done: 1, total: 1 },
  articles: 1,
  quotes: 0,
  quotesPending: false,
  problems: [],
  duplicates: 0,
  cache: 'built',
  generation: 0,
  watching: false,
  updating: false,
  error: null,
};

/** What the fake library answers every search with. */
function emptyReply(query: string): SearchReply {
  return { query, total: 0, tookMs: 0, partial: false, notices: [], facets: { source: [], year: [], language: [] }, speakers: [], hits: [] };
}

/** A library session that answers from memory and records the searches it receives. */
function fakeSession(): { session: Session; searches: string[] } {
  const searches: string[] = [];
  const library = {
    search: (query: string): SearchReply => {
      searches.push(query);
      return emptyReply(query);
    },
    article: () => {
      throw new Error('not used');
    },
    quotes: () => ({ total: 0, quotes: [] }),
  };
  const session = { status: () => status, ready: () => Promise.resolve(library), close: () => Promise.resolve() };
  return { session: session as unknown as Session, searches };
}

const frame = fakeFrame;

function event(senderFrame: FakeFrame | null): IpcMainInvokeEvent {
  return { senderFrame } as unknown as IpcMainInvokeEvent;
}

const appFrame = appMainFrame;

function searchListener(): { listener: ReturnType<typeof createIpcListener>; searches: string[]; handlers: ApiHandlers } {
  const { session, searches } = fakeSession();
  const handlers = createApiHandlers(session);
  return { listener: createIpcListener('search', handlers), searches, handlers };
}

describe('registerApiIpc', () => {
  it('registers one verbatim:<method> channel per API method, and nothing else', () => {
    const channels: string[] = [];
    const ipcMain = { handle: (channel: string) => void channels.push(channel) } as unknown as IpcMain;
    registerApiIpc(ipcMain, createApiHandlers(fakeSession().session));
    expect(channels).toEqual(apiMethods.map((m) => `verbatim:${m}`));
    expect(apiMethods.map(ipcChannel)).toEqual(channels);
  });
});

describe('the IPC listener', () => {
  it('passes a good call from the app main frame to the real handler table', async () => {
    const { listener, searches } = searchListener();
    const reply = await listener(event(appFrame()), { query: 'Putin Trump Alaska' });
    expect(reply).toEqual({ ok: true, value: emptyReply('Putin Trump Alaska') });
    expect(searches).toEqual(['Putin Trump Alaska']);
  });

  it('answers status through the real handler table', async () => {
    const listener = createIpcListener('status', createApiHandlers(fakeSession().session));
    expect(await listener(event(appFrame()), {})).toEqual({ ok: true, value: status });
  });

  it('accepts a main frame whose top is a distinct object for the same frame', async () => {
    const { listener } = searchListener();
    const main = appFrame();
    main.top = { ...main };
    expect(await listener(event(main), { query: 'x' })).toMatchObject({ ok: true });
  });

  it.each([
    ['a foreign https origin', () => frame('https://evil.example/', 'https://evil.example')],
    ['a look-alike host', () => frame('app://verbatim.evil/index.html', 'app://verbatim.evil')],
    ['a file: page', () => frame('file:///tmp/evil.html', 'file://')],
    ['an opaque origin on the app URL (sandboxed frame)', () => frame('app://verbatim/index.html', 'null')],
    ['an app origin with a foreign URL', () => frame('about:blank', 'app://verbatim')],
    ['a subframe on the app origin', () => frame('app://verbatim/frame.html', 'app://verbatim', appFrame())],
    ['a subframe with a foreign origin', () => frame('https://evil.example/', 'https://evil.example', appFrame())],
    ['a frame whose top is another frame', () => ({ ...appFrame(), top: appFrame() })],
    ['a destroyed frame', () => null],
  ])('forbids %s without calling the handler', async (_name, makeFrame) => {
    const { listener, searches } = searchListener();
    const reply = await listener(event(makeFrame()), { query: 'x' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(searches).toEqual([]);
  });

  it.each([
    ['no argument', []],
    ['two arguments', [{ query: 'x' }, { query: 'y' }]],
    ['an oversize request', [{ query: 'x'.repeat(maxRequestBytes) }]],
    ['a request of multi-byte text over 64 KiB in UTF-8', [{ query: 'é'.repeat(maxRequestBytes / 2 + 1) }]],
    ['a cyclic request', [(() => { const r: Record<string, unknown> = { query: 'x' }; r['self'] = r; return r; })()]],
    ['undefined', [undefined]],
    ['a BigInt', [{ query: 'x', limit: 10n }]],
  ])('rejects %s as invalid-argument without calling the handler', async (_name, args) => {
    const { listener, searches } = searchListener();
    const reply = await listener(event(appFrame()), ...(args as unknown[]));
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(searches).toEqual([]);
  });

  it.each([
    ['a query that is not a string', { query: 5 }],
    ['an unknown field', { query: 'x', path: '/etc/passwd' }],
    ['an array', ['x']],
    ['a string', 'x'],
    ['null', null],
  ])('lets the handler table reject %s as invalid-argument', async (_name, request) => {
    const { listener, searches } = searchListener();
    expect(await listener(event(appFrame()), request)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(searches).toEqual([]);
  });

  it('answers a handler that throws with an internal error value instead of rejecting', async () => {
    const handlers = createApiHandlers(fakeSession().session);
    const throwing = { ...handlers, quotes: vi.fn(() => Promise.reject(new Error('boom'))) } as ApiHandlers;
    const reply = await createIpcListener('quotes', throwing)(event(appFrame()), {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
