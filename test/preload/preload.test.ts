import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it, vi } from 'vitest';
import { apiMethods } from '../../main/transport/api-handlers.js';
import { ipcChannel } from '../../main/shell/ipc.js';

const exposed = new Map<string, unknown>();
const invoke = vi.fn((channel: string, request: unknown) => Promise.resolve({ ok: true, value: { channel, request } }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api) },
  ipcRenderer: { invoke, send: vi.fn(), on: vi.fn(), sendSync: vi.fn() },
}));

await import('../../main/preload/preload.js');

const api = (): Record<string, unknown> => exposed.get('verbatim') as Record<string, unknown>;

describe('the preload', () => {
  it('exposes one key, verbatim', () => {
    expect([...exposed.keys()]).toEqual(['verbatim']);
  });

  it('exposes exactly the VerbatimApi methods, as functions', () => {
    expect(Object.keys(api()).sort()).toEqual([...apiMethods].sort());
    for (const method of apiMethods) expect(typeof api()[method]).toBe('function');
  });

  it('never exposes ipcRenderer or anything that reaches it', () => {
    const values = Object.values(api());
    expect(values.every((v) => typeof v === 'function')).toBe(true);
    // Each name on its own: `undoCorrection` ends in "on" without being ipcRenderer's `on`.
    for (const name of Object.keys(api())) expect(name).not.toMatch(/ipc|invoke|send|^(on|once|off)$/i);
  });

  it.each(apiMethods)('forwards %s to ipcRenderer.invoke on its verbatim: channel with the request', async (method) => {
    invoke.mockClear();
    const request = { query: 'Putin Trump Alaska' };
    const call = api()[method] as (r: unknown) => Promise<unknown>;
    await expect(call(request)).resolves.toEqual({ ok: true, value: { channel: `verbatim:${method}`, request } });
    expect(invoke).toHaveBeenCalledExactlyOnceWith(`verbatim:${method}`, request);
    expect(ipcChannel(method)).toBe(`verbatim:${method}`);
  });

  it('bundles to code that requires nothing but electron (a sandboxed preload can load nothing else)', async () => {
    const result = await build({
      entryPoints: [path.join(import.meta.dirname, '../../main/preload/preload.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    const required = [...code.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
    expect(code).not.toMatch(/\bimport\(/);
  });
});
