// A recording stand-in for the 'electron' module, for `vi.mock('electron', ...)` in shell tests.
// Only what main/shell touches; every call is recorded so tests can assert on the policy applied.

import { EventEmitter } from 'node:events';

type Listener = (...args: unknown[]) => unknown;

/** A fake WebContents: an EventEmitter that remembers its window-open handler. */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

/** A fake navigation event as Electron 45 passes it (`details.url`, `preventDefault`). */
export function navigationEvent(url: string): { url: string; defaultPrevented: boolean; preventDefault: () => void } {
  const event = {
    url,
    defaultPrevented: false,
    preventDefault: () => {
      event.defaultPrevented = true;
    },
  };
  return event;
}

export interface FakeSessionRecord {
  beforeRequest: ((details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void) | null;
  permissionRequest: ((webContents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | null;
  permissionCheck: ((webContents: unknown, permission: string, origin: string, details: unknown) => boolean) | null;
  devicePermission: ((details: unknown) => boolean) | null;
  listeners: Map<string, Listener[]>;
}

/** Everything the fake saw, in one place; `resetFakeElectron()` clears it between tests. */
export const recorded = {
  calls: [] as string[],
  appListeners: new Map<string, Listener[]>(),
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
  ipcHandlers: new Map<string, Listener>(),
  windows: [] as FakeBrowserWindow[],
  menuTemplate: null as unknown,
  openedExternally: [] as string[],
  /** `shell.openPath` and `shell.showItemInFolder` calls, as 'open <path>' and 'reveal <path>'. */
  shownFiles: [] as string[],
  /** What the next `shell.openPath` answers: '' for opened, else the system's reason. */
  openPathProblem: '',
  /** Options of every `dialog.showOpenDialog` call, and what the next ones answer (first in, first out). */
  openDialogs: [] as unknown[],
  openDialogAnswers: [] as Array<{ canceled: boolean; filePaths: string[] }>,
  /** Buttons the fake user presses in message boxes, in order (default: the first button). */
  messageBoxResponses: [] as number[],
  /** Options of every `dialog.showMessageBox` call. */
  messageBoxes: [] as Array<{ type?: string; message?: string; detail?: string; buttons?: string[] }>,
  /** While set, message boxes stay open until it resolves: a user who has not answered yet. */
  messageBoxesOpenUntil: null as Promise<void> | null,
  session: null as unknown as FakeSessionRecord,
  resolveReady: (): void => undefined,
  singleInstance: true,
  isPackaged: false,
  userData: '/fake/user-data',
  appPath: '/fake/app',
};

function record(name: string): void {
  recorded.calls.push(name);
}

export class FakeBrowserWindow extends EventEmitter {
  readonly options: unknown;
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  title: string;
  constructor(options: unknown) {
    super();
    this.options = options;
    this.title = (options as { title?: string }).title ?? '';
    record('new BrowserWindow');
    recorded.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {}
  setTitle(title: string): void {
    this.title = title;
  }
  getTitle(): string {
    return this.title;
  }
}

let ready: Promise<void> = Promise.resolve();

export const app = {
  enableSandbox: () => record('app.enableSandbox'),
  requestSingleInstanceLock: () => {
    record('app.requestSingleInstanceLock');
    return recorded.singleInstance;
  },
  quit: () => record('app.quit'),
  exit: () => record('app.exit'),
  on(event: string, listener: Listener) {
    const list = recorded.appListeners.get(event) ?? [];
    list.push(listener);
    recorded.appListeners.set(event, list);
    return app;
  },
  emit(event: string, ...args: unknown[]) {
    for (const listener of recorded.appListeners.get(event) ?? []) listener(...args);
  },
  whenReady: () => {
    record('app.whenReady');
    return ready;
  },
  get isPackaged() {
    return recorded.isPackaged;
  },
  getPath: (name: string) => (name === 'userData' ? recorded.userData : `/fake/${name}`),
  getAppPath: () => recorded.appPath,
  getVersion: () => '0.0.0-test',
};

export const protocol = {
  registerSchemesAsPrivileged: (schemes: unknown[]) => {
    record('protocol.registerSchemesAsPrivileged');
    recorded.privilegedSchemes.push(...schemes);
  },
  handle: (scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
    record(`protocol.handle ${scheme}`);
    recorded.protocolHandlers.set(scheme, handler);
  },
};

function createFakeSession(): { record: FakeSessionRecord; session: unknown } {
  const r: FakeSessionRecord = {
    beforeRequest: null,
    permissionRequest: null,
    permissionCheck: null,
    devicePermission: null,
    listeners: new Map(),
  };
  const fake = {
    webRequest: {
      onBeforeRequest: (...args: unknown[]) => {
        r.beforeRequest = args[args.length - 1] as FakeSessionRecord['beforeRequest'];
      },
    },
    setPermissionRequestHandler: (h: FakeSessionRecord['permissionRequest']) => {
      r.permissionRequest = h;
    },
    setPermissionCheckHandler: (h: FakeSessionRecord['permissionCheck']) => {
      r.permissionCheck = h;
    },
    setDevicePermissionHandler: (h: FakeSessionRecord['devicePermission']) => {
      r.devicePermission = h;
    },
    on: (event: string, listener: Listener) => {
      const list = r.listeners.get(event) ?? [];
      list.push(listener);
      r.listeners.set(event, list);
    },
  };
  return { record: r, session: fake };
}

const defaultSession = createFakeSession();
export const session = { defaultSession: defaultSession.session };

export const ipcMain = {
  handle: (channel: string, listener: Listener) => {
    if (recorded.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    recorded.ipcHandlers.set(channel, listener);
  },
};

export const Menu = {
  buildFromTemplate: (template: unknown) => ({ template }),
  setApplicationMenu: (menu: { template: unknown }) => {
    recorded.menuTemplate = menu.template;
  },
};

export const shell = {
  openExternal: (url: string) => {
    recorded.openedExternally.push(url);
    return Promise.resolve();
  },
  openPath: (file: string) => {
    recorded.shownFiles.push(`open ${file}`);
    return Promise.resolve(recorded.openPathProblem);
  },
  showItemInFolder: (file: string) => {
    recorded.shownFiles.push(`reveal ${file}`);
  },
};

/** Electron's dialog functions take an optional parent window first. */
function lastArgument(args: unknown[]): unknown {
  return args[args.length - 1];
}

export const dialog = {
  showOpenDialog: (...args: unknown[]) => {
    recorded.openDialogs.push(lastArgument(args));
    return Promise.resolve(recorded.openDialogAnswers.shift() ?? { canceled: true, filePaths: [] });
  },
  showMessageBox: (...args: unknown[]) => {
    recorded.messageBoxes.push(lastArgument(args) as { type?: string; message?: string; detail?: string; buttons?: string[] });
    const answer = { response: recorded.messageBoxResponses.shift() ?? 0 };
    return (recorded.messageBoxesOpenUntil ?? Promise.resolve()).then(() => answer);
  },
  showErrorBox: (title: string, content: string) => record(`dialog.showErrorBox ${title}: ${content}`),
};

export const nativeTheme = { shouldUseDarkColors: false };

export const BrowserWindow = FakeBrowserWindow;

/** Clears every record; `app.whenReady()` then waits until `recorded.resolveReady()` is called. */
export function resetFakeElectron(): void {
  recorded.calls.length = 0;
  recorded.appListeners.clear();
  recorded.privilegedSchemes.length = 0;
  recorded.protocolHandlers.clear();
  recorded.ipcHandlers.clear();
  recorded.windows.length = 0;
  recorded.menuTemplate = null;
  recorded.openedExternally.length = 0;
  recorded.shownFiles.length = 0;
  recorded.openPathProblem = '';
  recorded.openDialogs.length = 0;
  recorded.openDialogAnswers.length = 0;
  recorded.messageBoxResponses.length = 0;
  recorded.messageBoxes.length = 0;
  recorded.messageBoxesOpenUntil = null;
  recorded.singleInstance = true;
  recorded.isPackaged = false;
  // The session object stays the same (modules may hold it); its methods now record into a fresh record.
  const fresh = createFakeSession();
  Object.assign(defaultSession.session as object, fresh.session as object);
  recorded.session = fresh.record;
  ready = new Promise<void>((resolve) => {
    recorded.resolveReady = () => {
      record('ready');
      resolve();
    };
  });
}

resetFakeElectron();

/** The module object `vi.mock('electron', ...)` returns. */
export const fakeElectron = {
  app,
  protocol,
  session,
  ipcMain,
  Menu,
  shell,
  dialog,
  nativeTheme,
  BrowserWindow,
};

/** A frame as IPC senders present it: enough of `WebFrameMain` for the sender checks. */
export interface FakeFrame {
  url: string;
  origin: string;
  parent: FakeFrame | null;
  top: FakeFrame | null;
  frameTreeNodeId: number;
}

let nextFrameId = 1;

/** A frame at `url` with `origin`; a subframe when `parent` is given. */
export function fakeFrame(url: string, origin: string, parent: FakeFrame | null = null): FakeFrame {
  const created: FakeFrame = { url, origin, parent, top: null, frameTreeNodeId: nextFrameId++ };
  created.top = parent === null ? created : parent.top;
  return created;
}

/** The app's own main frame. */
export const appMainFrame = (): FakeFrame => fakeFrame('app://verbatim/index.html', 'app://verbatim');
