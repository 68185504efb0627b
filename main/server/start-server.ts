// `verbatim serve`: the renderer and the VerbatimApi over HTTP, on loopback only, behind a per-run token.
// The same handler table as Electron's IPC (main/transport/api-handlers.ts), so validation is identical.

import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiMethods, type ApiHandlers } from '../transport/api-handlers.js';
import { contentSecurityPolicy, contentTypeOf, resolveUiFile } from '../transport/ui-files.js';
import type { ApiMethod } from '../contract/api.js';

/** Largest request body accepted, in bytes (requests are small JSON objects). */
export const maxBodyBytes = 64 * 1024;

export interface ServerOptions {
  handlers: ApiHandlers;
  /** Folder holding the built renderer (index.html, app.js, styles.css). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
}

export interface RunningServer {
  /** The address to open, with the token in the fragment (never sent to the server in a request line). */
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

/** The port asked for is taken: an expected failure, told to the user in words they can act on. */
export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`port ${port} on 127.0.0.1 is in use: choose another with --port N, or --port 0 for any free port`);
    this.name = 'PortInUseError';
  }
}

/** Starts the server on 127.0.0.1. Rejects with a PortInUseError when the port asked for is taken. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = randomBytes(24).toString('base64url');
  let allowedHosts: Set<string> = new Set();

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      send(response, 500, 'text/plain; charset=utf-8', `internal error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    // DNS rebinding: a page on another name that resolves to 127.0.0.1 must not reach us.
    if (!allowedHosts.has(request.headers.host ?? '')) {
      send(response, 421, 'text/plain; charset=utf-8', 'unknown Host header');
      return;
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) {
      await handleApi(request, response, url.pathname.slice('/api/'.length));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, 'text/plain; charset=utf-8', 'method not allowed');
      return;
    }
    await serveStatic(request.url ?? '/', response);
  }

  async function handleApi(request: http.IncomingMessage, response: http.ServerResponse, method: string): Promise<void> {
    if (request.method !== 'POST') {
      send(response, 405, 'text/plain; charset=utf-8', 'use POST');
      return;
    }
    if (!tokenMatches(request.headers['x-verbatim-token'], token)) {
      sendJson(response, 403, { ok: false, error: { code: 'forbidden', message: 'missing or wrong token' } });
      return;
    }
    if (!(apiMethods as readonly string[]).includes(method)) {
      sendJson(response, 404, { ok: false, error: { code: 'not-found', message: `no API method "${method.slice(0, 40)}"` } });
      return;
    }
    const body = await readBody(request);
    if (body === null) {
      sendJson(response, 413, { ok: false, error: { code: 'invalid-argument', message: `the request is over ${maxBodyBytes} bytes` } });
      return;
    }
    let argument: unknown;
    try {
      argument = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      sendJson(response, 400, { ok: false, error: { code: 'invalid-argument', message: 'the request body is not JSON' } });
      return;
    }
    const result = await options.handlers[method as ApiMethod](argument);
    sendJson(response, 200, result);
  }

  async function serveStatic(rawUrl: string, response: http.ServerResponse): Promise<void> {
    // The raw path, not the URL parser's normalized one: "/a/../b" must be refused, not resolved.
    const rawPath = rawUrl.split(/[?#]/, 1)[0] ?? '/';
    const resolved = await resolveUiFile(options.rendererDir, rawPath);
    if ('refused' in resolved) {
      send(response, 404, 'text/plain; charset=utf-8', 'not found');
      return;
    }
    send(response, 200, contentTypeOf(resolved.file), await readFile(resolved.file));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new PortInUseError(options.port ?? 0) : error));
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function tokenMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(request: http.IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(response: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  response.end(body);
}

function sendJson(response: http.ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));
}
