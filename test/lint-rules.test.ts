// The boundary rules of eslint.config.js (STYLE.md, SECURITY.md), run through ESLint's Node API on code
// written here and "placed" at chosen paths: each rule fires where the boundary forbids the construct and
// stays quiet in the one file allowed to use it.

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/paths.js';

const eslint = new ESLint({ cwd: repoRoot });

/** The messages of the `no-restricted-syntax` findings for `code` linted as if it were `file`. */
async function restrictions(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${repoRoot}/${file}`, warnIgnored: true });
  if (result === undefined) throw new Error(`ESLint returned no result for ${file}`);
  const fatal = result.messages.filter((m) => m.fatal === true || m.ruleId === null);
  if (fatal.length > 0) throw new Error(`${file} did not lint: ${fatal.map((m) => m.message).join('; ')}`);
  return result.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

// Snippets that compile as TypeScript modules; each uses its offending construct exactly once.
const code = {
  ipcMainHandle: "import { ipcMain } from 'electron';\nipcMain.handle('verbatim:search', () => null);\n",
  ipcMainOn: "import { ipcMain } from 'electron';\nipcMain.on('verbatim:search', () => undefined);\n",
  ipcMainHandleOnce: "import { ipcMain } from 'electron';\nipcMain.handleOnce('verbatim:search', () => null);\n",
  ipcRendererInvoke: "import { ipcRenderer } from 'electron';\nexport const search = (q: string): Promise<unknown> => ipcRenderer.invoke('verbatim:search', q);\n",
  ipcRendererAlias: "import { ipcRenderer as r } from 'electron';\nexport const send = r;\n",
  openExternal: "import { shell } from 'electron';\nexport const open = (url: string): Promise<void> => shell.openExternal(url);\n",
  loadFileCall: "import type { BrowserWindow } from 'electron';\nexport const load = (w: BrowserWindow): Promise<void> => w.loadFile('index.html');\n",
  evalCall: 'export const run = (text: string): unknown => eval(text);\n',
  newFunction: "export const make = (body: string): unknown => new Function('a', body);\n",
  innerHtmlAssignment: "export const show = (el: { innerHTML: string }, text: string): void => {\n  el.innerHTML = text;\n};\n",
  outerHtmlAssignment: "export const show = (el: { outerHTML: string }, text: string): void => {\n  el.outerHTML = text;\n};\n",
  insertAdjacentHtmlCall:
    "export const show = (el: { insertAdjacentHTML(p: string, t: string): void }, text: string): void => {\n  el.insertAdjacentHTML('beforeend', text);\n};\n",
};

const messages = {
  ipcMain: 'Register IPC only through main/shell/ipc.ts.',
  ipcRenderer: 'Only main/preload/preload.ts may use ipcRenderer.',
  openExternal: 'Open links only through main/shell/open-external.ts.',
  loadFileBan: 'Serve the UI from app://, never loadFile (SECURITY.md).',
  evalBan: 'eval is forbidden (SECURITY.md).',
  newFunction: 'new Function is forbidden (SECURITY.md).',
  html: 'Build DOM with textContent; article text is untrusted.',
};

// Places in every layer the boundary rules cover (main/** and renderer/**), none of them an allowed file.
const elsewhere = ['main/shell/start-app.ts', 'main/shell/navigation.ts', 'main/core/library.ts', 'main/server/start-server.ts', 'main/cli/main.ts', 'renderer/app.ts', 'renderer/views/reader.ts'];

describe('the IPC, preload and open-external boundaries', () => {
  const boundaries: Array<[string, string, string, string]> = [
    ['ipcMain.handle', code.ipcMainHandle, messages.ipcMain, 'main/shell/ipc.ts'],
    ['ipcMain.handleOnce', code.ipcMainHandleOnce, messages.ipcMain, 'main/shell/ipc.ts'],
    ['ipcMain.on', code.ipcMainOn, messages.ipcMain, 'main/shell/ipc.ts'],
    ['ipcRenderer', code.ipcRendererInvoke, messages.ipcRenderer, 'main/preload/preload.ts'],
    ['ipcRenderer imported under another name', code.ipcRendererAlias, messages.ipcRenderer, 'main/preload/preload.ts'],
    ['shell.openExternal', code.openExternal, messages.openExternal, 'main/shell/open-external.ts'],
  ];

  it.each(boundaries.flatMap(([name, snippet, message]) => elsewhere.map((file) => [name, file, snippet, message] as const)))(
    'reports %s in %s',
    async (_name, file, snippet, message) => {
      expect(await restrictions(snippet, file)).toContain(message);
    },
  );

  it.each(boundaries.map(([name, snippet, message, allowed]) => [name, allowed, snippet, message] as const))(
    'allows %s in its one file, %s',
    async (_name, allowed, snippet, message) => {
      expect(await restrictions(snippet, allowed)).not.toContain(message);
    },
  );

  // Each exemption is for one rule: the IPC wrapper may register handlers, not open links or talk to
  // ipcRenderer; the preload may use ipcRenderer, not register handlers; and so on.
  it.each([
    ['ipcMain.handle', 'main/preload/preload.ts', code.ipcMainHandle, messages.ipcMain],
    ['ipcMain.handle', 'main/shell/open-external.ts', code.ipcMainHandle, messages.ipcMain],
    ['ipcRenderer', 'main/shell/ipc.ts', code.ipcRendererInvoke, messages.ipcRenderer],
    ['ipcRenderer', 'main/shell/open-external.ts', code.ipcRendererInvoke, messages.ipcRenderer],
    ['shell.openExternal', 'main/shell/ipc.ts', code.openExternal, messages.openExternal],
    ['shell.openExternal', 'main/preload/preload.ts', code.openExternal, messages.openExternal],
  ])("reports %s in another boundary's file, %s", async (_name, file, snippet, message) => {
    expect(await restrictions(snippet, file)).toContain(message);
  });
});

describe('constructs banned in every source file', () => {
  const banned: Array<[string, string, string]> = [
    ['loadFile', code.loadFileCall, messages.loadFileBan],
    ['eval', code.evalCall, messages.evalBan],
    ['new Function', code.newFunction, messages.newFunction],
    ['innerHTML', code.innerHtmlAssignment, messages.html],
    ['outerHTML', code.outerHtmlAssignment, messages.html],
    ['insertAdjacentHTML', code.insertAdjacentHtmlCall, messages.html],
  ];
  // The renderer first (where article text is drawn), then main, including the three files that are
  // exempt from the boundary rules: the exemption must not lift these bans.
  const everywhere = [
    'renderer/app.ts',
    'renderer/dom.ts',
    'renderer/views/reader.ts',
    'renderer/views/results-list.ts',
    'main/shell/window-options.ts',
    'main/shell/start-app.ts',
    'main/core/archive/parse-html.ts',
    'main/shell/ipc.ts',
    'main/preload/preload.ts',
    'main/shell/open-external.ts',
  ];

  it.each(banned.flatMap(([name, snippet, message]) => everywhere.map((file) => [name, file, snippet, message] as const)))(
    'reports %s in %s',
    async (_name, file, snippet, message) => {
      expect(await restrictions(snippet, file)).toContain(message);
    },
  );

  it('reports each banned construct exactly once where several meet', async () => {
    const all = Object.values(code).join('\n').replace(/^import .*\n/gm, '');
    const found = await restrictions(all, 'renderer/app.ts');
    expect(found.filter((m) => m === messages.html)).toHaveLength(3);
    for (const message of [messages.loadFileBan, messages.evalBan, messages.newFunction]) {
      expect(found.filter((m) => m === message)).toHaveLength(1);
    }
  });
});

describe('clean code', () => {
  it.each([
    ['renderer/app.ts', "export const show = (el: { textContent: string | null }, text: string): void => {\n  el.textContent = text;\n};\n"],
    ['main/shell/start-app.ts', "export const load = (w: { loadURL(u: string): Promise<void> }): Promise<void> => w.loadURL('app://verbatim/index.html');\n"],
    ['main/core/library.ts', "export const parse = (text: string): unknown => JSON.parse(text);\n"],
  ])('passes in %s', async (file, snippet) => {
    expect(await restrictions(snippet, file)).toEqual([]);
  });
});

describe('the rules cannot be sidestepped by spelling', () => {
  // The same forbidden operation written another way. Each of these is as dangerous as the spelling the
  // rule names; a rule that misses one lets it through review unnoticed.
  it.each([
    ['Function called without new', 'renderer/app.ts', "export const make = (body: string): unknown => Function('a', body);\n"],
    ['eval reached through globalThis', 'main/core/library.ts', 'export const run = (text: string): unknown => globalThis.eval(text);\n'],
    ['innerHTML as a computed property', 'renderer/views/reader.ts', "export const show = (el: Record<string, string>, text: string): void => {\n  el['innerHTML'] = text;\n};\n"],
    ["ipcMain['handle']", 'main/shell/start-app.ts', "import { ipcMain } from 'electron';\nipcMain['handle']('verbatim:x', () => null);\n"],
    ['ipcMain imported under another name', 'main/shell/start-app.ts', "import { ipcMain as bus } from 'electron';\nbus.handle('verbatim:x', () => null);\n"],
    ["shell['openExternal']", 'main/shell/navigation.ts', "import { shell } from 'electron';\nexport const open = (url: string): Promise<void> => shell['openExternal'](url);\n"],
  ])('reports %s (in %s)', async (_name, file, snippet) => {
    expect(await restrictions(snippet, file)).not.toEqual([]);
  });
});
