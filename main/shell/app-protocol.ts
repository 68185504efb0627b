// Serves the renderer's files on app://verbatim/ from one folder, refusing anything that leaves it.

import { readFile } from 'node:fs/promises';
import { contentSecurityPolicy, contentTypeOf, resolveUiFile, type ResolvedUiFile } from '../transport/ui-files.js';
import { appHost, appScheme } from './app-origin.js';

/** The file to serve, or why the request is refused (every refusal is answered with 404). */
export type ResolvedAppFile = ResolvedUiFile;

/**
 * Maps an `app://verbatim/...` URL to a file under `root`, or says why not: the URL must be on the app
 * origin, and its path passes `resolveUiFile`'s checks.
 * @example
 * await resolveAppFile('/app/dist/renderer', 'app://verbatim/app.js'); // { file: '/app/dist/renderer/app.js' }
 * await resolveAppFile(root, 'app://verbatim/%2e%2e%2fmain.cjs');      // { refused: 'a path segment is . or ..' }
 */
export async function resolveAppFile(root: string, requestUrl: string): Promise<ResolvedAppFile> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { refused: 'not a URL' };
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost || url.username !== '' || url.password !== '') {
    return { refused: 'not on the app origin' };
  }
  return resolveUiFile(root, url.pathname);
}

/**
 * The `protocol.handle('app', ...)` handler: GET only, files from `root` via `resolveAppFile`, the CSP
 * and `nosniff` headers on every response (errors included).
 */
export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET') {
      return respond(405, 'Method not allowed', 'text/plain; charset=utf-8', { allow: 'GET' });
    }
    const resolved = await resolveAppFile(root, request.url);
    if ('refused' in resolved) return respond(404, 'Not found', 'text/plain; charset=utf-8');
    let body: Buffer;
    try {
      body = await readFile(resolved.file);
    } catch {
      return respond(404, 'Not found', 'text/plain; charset=utf-8');
    }
    return respond(200, body, contentTypeOf(resolved.file));
  };
}

function respond(status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): Response {
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
    status,
    headers: {
      'content-type': type,
      'content-security-policy': contentSecurityPolicy,
      'x-content-type-options': 'nosniff',
      ...extra,
    },
  });
}

export { contentSecurityPolicy };
