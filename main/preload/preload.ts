// The sandboxed preload (bundled to dist/preload.cjs): exposes exactly VerbatimApi as window.verbatim.
// A sandboxed preload may require only 'electron', so this file imports nothing else at runtime.

import { contextBridge, ipcRenderer } from 'electron';
import type { VerbatimApi } from '../contract/api.js';

// An explicit object literal typed `VerbatimApi`: adding a method to the API fails compilation here
// until it is forwarded. `ipcRenderer` itself is never exposed. Channels match `ipcChannel` in
// main/shell/ipc.ts (a test checks both against `apiMethods`).
const api: VerbatimApi = {
  status: (request) => ipcRenderer.invoke('verbatim:status', request),
  search: (request) => ipcRenderer.invoke('verbatim:search', request),
  article: (request) => ipcRenderer.invoke('verbatim:article', request),
  quotes: (request) => ipcRenderer.invoke('verbatim:quotes', request),
  speakers: (request) => ipcRenderer.invoke('verbatim:speakers', request),
  person: (request) => ipcRenderer.invoke('verbatim:person', request),
  showFile: (request) => ipcRenderer.invoke('verbatim:showFile', request),
  corrections: (request) => ipcRenderer.invoke('verbatim:corrections', request),
  correct: (request) => ipcRenderer.invoke('verbatim:correct', request),
  undoCorrection: (request) => ipcRenderer.invoke('verbatim:undoCorrection', request),
  verify: (request) => ipcRenderer.invoke('verbatim:verify', request),
};

contextBridge.exposeInMainWorld('verbatim', api);
