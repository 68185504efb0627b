// The archive switch without Electron: a fake startLibrary that records the sessions it starts.

import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LibraryStatus } from '../../main/contract/api.js';
import { createApiHandlers } from '../../main/transport/api-handlers.js';
import type { Library, LibrarySession, StartLibraryOptions } from '../../main/core/library.js';
import { createLibrarySwitcher, type LibrarySwitcherOptions } from '../../main/shell/library-switcher.js';
import { defaultSettings, type Settings } from '../../main/shell/settings.js';

let root = '';
let settingsFile = '';
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'verbatim-switch-'));
  settingsFile = path.join(root, 'user-data', 'settings.json');
  for (const name of ['first', 'second', 'third']) mkdirSync(path.join(root, name));
});
/** Switchers made by the test: their settings writes finish before the folder is removed. */
const made: Array<{ saved(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((s) => s.saved()));
  rmSync(root, { recursive: true, force: true });
});

const dir = (name: string): string => path.join(root, name);

interface FakeSession extends LibrarySession {
  options: StartLibraryOptions;
  close: ReturnType<typeof vi.fn<() => Promise<void>>>;
  state: LibraryStatus['state'];
}

/** A startLibrary whose sessions answer with their own folder, so a test can tell which one answered. */
function fakeStarter(): { startLibrary: (options: StartLibraryOptions) => LibrarySession; started: FakeSession[] } {
  const started: FakeSession[] = [];
  const startLibrary = (options: StartLibraryOptions): LibrarySession => {
    const library = {
      search: (query: string) => ({ query, total: 0, tookMs: 0, partial: false, hits: [], from: options.archiveDir }),
    } as unknown as Library;
    const session: FakeSession = {
      options,
      state: 'ready',
      status: () => ({ archiveDir: options.archiveDir, state: session.state }) as LibraryStatus,
      ready: () => Promise.resolve(library),
      close: vi.fn(() => Promise.resolve()),
    };
    started.push(session);
    return session;
  };
  return { startLibrary, started };
}

function create(overrides: Partial<LibrarySwitcherOptions> = {}, settings: Settings = defaultSettings()) {
  const starter = fakeStarter();
  const onChange = vi.fn();
  const switcher = createLibrarySwitcher({
    startLibrary: starter.startLibrary,
    libraryOptions: { cacheDir: '/cache', watch: true },
    first: { archiveDir: dir('first'), record: false },
    settings,
    settingsFile,
    onChange,
    log: () => undefined,
    ...overrides,
  });
  made.push(switcher);
  return { switcher, onChange, ...starter };
}

function savedSettings(): unknown {
  return JSON.parse(readFileSync(settingsFile, 'utf8'));
}

describe('createLibrarySwitcher', () => {
  it('starts the first archive with the shared options, watching it', () => {
    const { started, switcher } = create();
    expect(started.map((s) => s.options)).toEqual([{ cacheDir: '/cache', watch: true, archiveDir: dir('first') }]);
    expect(switcher.archiveDir).toBe(dir('first'));
  });

  it('switches: closes the old session, starts the new one, and the forwarding session follows', async () => {
    const { switcher, started, onChange } = create();
    expect(switcher.session.status().archiveDir).toBe(dir('first'));
    expect(await switcher.open(dir('second'))).toBe('opened');
    expect(started).toHaveLength(2);
    expect(started[0]?.close).toHaveBeenCalledOnce();
    expect(started[1]?.close).not.toHaveBeenCalled();
    expect(switcher.archiveDir).toBe(dir('second'));
    expect(switcher.session.status().archiveDir).toBe(dir('second'));
    expect(onChange).toHaveBeenCalledOnce();
  });

  it('keeps API handlers built once answering from whichever archive is current', async () => {
    const { switcher } = create();
    const handlers = createApiHandlers(switcher.session);
    const from = async (): Promise<unknown> => {
      const reply = await handlers.search({ query: 'x' });
      return reply.ok ? (reply.value as unknown as { from: string }).from : reply.error;
    };
    expect(await from()).toBe(dir('first'));
    await switcher.open(dir('second'));
    expect(await from()).toBe(dir('second'));
    expect(await handlers.status({})).toMatchObject({ ok: true, value: { archiveDir: dir('second') } });
  });

  it('records each archive opened as the current one and at the top of the recent list', async () => {
    const { switcher } = create();
    await switcher.open(dir('second'));
    await switcher.open(dir('third'));
    await switcher.open(dir('second'));
    await switcher.saved();
    expect(switcher.recent).toEqual([dir('second'), dir('third')]);
    expect(savedSettings()).toEqual({ archive: dir('second'), recent: [dir('second'), dir('third')] });
  });

  it('records the first archive only when told to (an --archive folder, not the sample)', async () => {
    const told = create({ first: { archiveDir: dir('first'), record: true } });
    await told.switcher.saved();
    expect(savedSettings()).toEqual({ archive: dir('first'), recent: [dir('first')] });
    rmSync(settingsFile);

    const notTold = create();
    await notTold.switcher.saved();
    expect(() => readFileSync(settingsFile)).toThrow();
  });

  it('keeps the recent list it was given, adding to the front', async () => {
    const { switcher } = create({}, { archive: dir('third'), recent: [dir('third'), '/elsewhere'] });
    await switcher.open(dir('second'));
    expect(switcher.recent).toEqual([dir('second'), dir('third'), '/elsewhere']);
  });

  it('does not restart the archive already open, but moves it to the top of the recent list', async () => {
    const { switcher, started, onChange } = create({}, { archive: null, recent: [dir('second')] });
    expect(await switcher.open(`${dir('first')}${path.sep}`)).toBe('already-open');
    expect(started).toHaveLength(1);
    expect(started[0]?.close).not.toHaveBeenCalled();
    expect(switcher.recent).toEqual([dir('first'), dir('second')]);
    expect(onChange).toHaveBeenCalledOnce();
  });

  it('opens the current archive again when it had failed (a retry)', async () => {
    const { switcher, started } = create();
    if (started[0] !== undefined) started[0].state = 'failed';
    expect(await switcher.open(dir('first'))).toBe('opened');
    expect(started).toHaveLength(2);
    expect(started[0]?.close).toHaveBeenCalledOnce();
  });

  it('does not open a folder that is gone or a file, and drops it from the recent list', async () => {
    const { switcher, started } = create({}, { archive: null, recent: [dir('gone'), dir('second')] });
    expect(await switcher.open(dir('gone'))).toBe('missing');
    expect(started).toHaveLength(1);
    expect(switcher.archiveDir).toBe(dir('first'));
    expect(switcher.recent).toEqual([dir('second')]);
    await switcher.saved();
    expect(savedSettings()).toEqual({ archive: null, recent: [dir('second')] });
  });

  it('runs opens one after another, so the last one asked for wins', async () => {
    let release = (): void => undefined;
    const slow = new Promise<void>((resolve) => {
      release = resolve;
    });
    const isDirectory = async (target: string): Promise<boolean> => {
      if (target === dir('second')) await slow;
      return true;
    };
    const { switcher, started } = create({ isDirectory });
    const first = switcher.open(dir('second'));
    const second = switcher.open(dir('third'));
    release();
    await Promise.all([first, second]);
    expect(started.map((s) => s.options.archiveDir)).toEqual([dir('first'), dir('second'), dir('third')]);
    expect(switcher.archiveDir).toBe(dir('third'));
  });

  it('clears the recent list but keeps the current archive remembered', async () => {
    const { switcher, onChange } = create();
    await switcher.open(dir('second'));
    await switcher.clearRecent();
    await switcher.saved();
    expect(switcher.recent).toEqual([]);
    expect(savedSettings()).toEqual({ archive: dir('second'), recent: [] });
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('closing closes the current session and waits for earlier ones still closing', async () => {
    const { switcher, started } = create();
    let finishOld = (): void => undefined;
    started[0]?.close.mockImplementation(() => new Promise<void>((resolve) => (finishOld = resolve)));
    await switcher.open(dir('second'));
    let closed = false;
    const closing = switcher.session.close().then(() => (closed = true));
    await vi.waitFor(() => expect(started[1]?.close).toHaveBeenCalledOnce());
    expect(closed).toBe(false);
    finishOld();
    await closing;
    expect(closed).toBe(true);
  });

  it('logs a settings file it cannot write and carries on', async () => {
    const log = vi.fn();
    // A folder where the settings file should be: every write fails.
    mkdirSync(path.join(settingsFile, 'in-the-way'), { recursive: true });
    const { switcher } = create({ log });
    expect(await switcher.open(dir('second'))).toBe('opened');
    await switcher.saved();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('could not save its settings'));
    expect(switcher.archiveDir).toBe(dir('second'));
  });
});
