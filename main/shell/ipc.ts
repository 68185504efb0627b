// The one wrapper around ipcMain.handle: a `verbatim:<method>` channel per API method, sender and
// arguments checked before the shared handler table sees anything.

import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import type { ApiError, ApiMethod } from '../contract/api.js';
import { apiMethods, type ApiHandlers } from '../transport/api-handlers.js';
import { appOrigin, isAppUrl } from './app-origin.js';

/** Largest request accepted, measured as UTF-8 JSON. */
export const maxRequestBytes = 64 * 1024;

/** The IPC channel of an API method; the preload invokes exactly these. */
export function ipcChannel(method: ApiMethod): `verbatim:${ApiMethod}` {
  return `verbatim:${method}`;
}

type Rejection = { ok: false; error: ApiError };

/**
 * Registers one `ipcMain.handle` per method of `apiMethods`. Each call is answered with a `Result`,
 * never a rejection: `forbidden` unless the sender is the main frame of a page on `app://verbatim`,
 * `invalid-argument` unless there is exactly one argument whose JSON is at most 64 KiB; otherwise the
 * handler's own answer (it validates the request's shape).
 */
export function registerApiIpc(ipcMain: Pick<IpcMain, 'handle'>, handlers: ApiHandlers): void {
  for (const method of apiMethods) {
    ipcMain.handle(ipcChannel(method), createIpcListener(method, handlers));
  }
}

/** The listener for one method's channel; exported for tests. */
export function createIpcListener(
  method: ApiMethod,
  handlers: ApiHandlers,
): (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, ...args: unknown[]) => Promise<unknown> {
  return async (event, ...args) => {
    const sender = checkSender(event.senderFrame);
    if (sender !== null) return reject('forbidden', `verbatim:${method}: ${sender}`);
    const argument = checkArguments(args);
    if (argument !== null) return reject('invalid-argument', `verbatim:${method}: ${argument}`);
    try {
      return await handlers[method](args[0]);
    } catch (error) {
      // Handlers resolve to Results by contract; a throw here is a bug, still answered as a value.
      const message = error instanceof Error ? error.message : String(error);
      return reject('internal', `verbatim:${method}: Verbatim hit an unexpected error: ${message}`);
    }
  };
}

/** Why `frame` may not call the API, or null when it may. */
function checkSender(frame: WebFrameMain | null): string | null {
  if (frame === null) return 'the sending frame is gone';
  // Distinct WebFrameMain objects can stand for the same frame (electron.d.ts, `routingId`), so the
  // main frame is recognized by having no parent and being its own top, compared by frame id.
  const top = frame.top;
  if (frame.parent !== null || top === null || (top !== frame && top.frameTreeNodeId !== frame.frameTreeNodeId)) {
    return 'only the main frame may call the API';
  }
  if (!isAppUrl(frame.url) || frame.origin !== appOrigin) {
    return `calls from ${describeOrigin(frame.origin)} are not allowed`;
  }
  return null;
}

/** Why `args` is not exactly one request of at most `maxRequestBytes`, or null when it is. */
function checkArguments(args: readonly unknown[]): string | null {
  if (args.length !== 1) return `expected exactly one request argument, got ${args.length}`;
  let json: string | undefined;
  try {
    json = JSON.stringify(args[0]);
  } catch {
    return 'the request is not plain JSON data';
  }
  if (json === undefined) return 'the request is not plain JSON data';
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > maxRequestBytes) return `the request is ${bytes} bytes; the limit is ${maxRequestBytes}`;
  return null;
}

function reject(code: ApiError['code'], message: string): Rejection {
  return { ok: false, error: { code, message } };
}

function describeOrigin(origin: string): string {
  return JSON.stringify(origin.slice(0, 100));
}
