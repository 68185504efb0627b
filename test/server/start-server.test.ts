import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHandlers } from '../../main/transport/api-handlers.js';
import { startLibrary } from '../../main/core/library.js';
import { contentSecurityPolicy } from '../../main/transport/ui-files.js';
import { startServer, type RunningServer } from '../../main/server/start-server.js';
import { contentDir, repoRoot, tempDir } from '../support/paths.js';

let server: RunningServer;

beforeAll(async () => {
  const rendererDir = tempDir();
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Verbatim</title>');
  writeFileSync(path.join(rendererDir, 'app.js'), '// app');
  mkdirSync(path.join(rendererDir, 'views'));
  symlinkSync('/etc/passwd', path.join(rendererDir, 'views', 'passwd'));
  const session = startLibrary({ archiveDir: contentDir, cacheDir: tempDir() });
  server = await startServer({ handlers: createApiHandlers(session), rendererDir });
});

afterAll(async () => {
  await server.close();
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request, so tests control the path (no normalization) and the Host header. */
function request(method: string, rawPath: string, options: { headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, method, path: rawPath, headers: { host: `127.0.0.1:${server.port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (method: string, body: unknown, token = server.token) =>
  request('POST', `/api/${method}`, { headers: { 'x-verbatim-token': token, 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('verbatim serve', () => {
  it('listens on 127.0.0.1 and prints an address with the token in its fragment', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the renderer with the strict CSP', async () => {
    const reply = await request('GET', '/');
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>Verbatim</title>');
    expect(reply.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it("gives the renderer's <meta> the same policy, less frame-ancestors (ignored in a meta tag)", () => {
    const html = readFileSync(path.join(repoRoot, 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(contentSecurityPolicy.replace("; frame-ancestors 'none'", ''));
  });

  it.each(['/../package.json', '/a/../../package.json', '/%2e%2e/package.json', '/%2e%2e%2fpackage.json', '/views/passwd', '/%00index.html', '/%2Fetc%2Fpasswd', '/views', '/missing.js'])(
    'refuses %s',
    async (rawPath) => {
      const reply = await request('GET', rawPath);
      expect(reply.status).toBe(404);
      expect(reply.body).not.toContain('root:');
    },
  );

  it('answers API calls that carry the token', async () => {
    const reply = await api('search', { query: 'Putin Trump Alaska' });
    expect(reply.status).toBe(200);
    const result = JSON.parse(reply.body) as { ok: boolean; value: { hits: { path: string }[] } };
    expect(result.ok).toBe(true);
    expect(result.value.hits[0]?.path).toBe('kazinform-putin-trump-alaska.txt');
  });

  it('refuses to open or show files: only the app does that (issue 15)', async () => {
    const search = JSON.parse((await api('search', { query: 'Putin Trump Alaska' })).body) as { value: { hits: { id: string }[] } };
    const reply = await api('showFile', { id: search.value.hits[0]?.id, action: 'open' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('lists the quotes of the kinds asked for, and refuses a kind that is not one', async () => {
    type Listed = { ok: boolean; value: { total: number; quotes: { kind: string; speaker: string | null }[] } };
    const reported = JSON.parse((await api('quotes', { speaker: 'Maigeldinov', kinds: ['indirect'] })).body) as Listed;
    expect(reported.ok).toBe(true);
    expect(reported.value.quotes.length).toBeGreaterThanOrEqual(2);
    expect(reported.value.quotes.every((q) => q.kind === 'indirect' && q.speaker === 'Kazbek Maigeldinov')).toBe(true);
    const quoted = JSON.parse((await api('quotes', { speaker: 'Maigeldinov', kinds: ['direct', 'partial'] })).body) as Listed;
    expect(quoted.value.quotes.map((q) => q.kind)).toEqual(['direct', 'direct', 'direct']);
    const wrong = JSON.parse((await api('quotes', { kinds: ['rumour'] })).body) as { ok: boolean; error: { code: string; message: string } };
    expect(wrong).toEqual({ ok: false, error: { code: 'invalid-argument', message: 'kinds must be one of direct, partial, indirect' } });
    const empty = JSON.parse((await api('quotes', { kinds: [] })).body) as { ok: boolean; error: { code: string } };
    expect(empty.error.code).toBe('invalid-argument');
  });

  it('refuses API calls without the right token', async () => {
    expect((await api('status', {}, 'wrong')).status).toBe(403);
    expect((await request('POST', '/api/status', { body: '{}' })).status).toBe(403);
  });

  it('refuses requests for another Host (DNS rebinding)', async () => {
    const reply = await request('GET', '/', { headers: { host: 'evil.example:80' } });
    expect(reply.status).toBe(421);
    expect((await request('POST', '/api/status', { headers: { host: 'evil.example', 'x-verbatim-token': server.token }, body: '{}' })).status).toBe(421);
  });

  it('validates arguments exactly as IPC does, answering with values', async () => {
    const bad = JSON.parse((await api('search', { query: 42 })).body) as { ok: boolean; error: { code: string } };
    expect(bad).toEqual({ ok: false, error: { code: 'invalid-argument', message: 'query must be a string' } });
    const extra = JSON.parse((await api('article', { id: 'x', path: '/etc/passwd' })).body) as { ok: boolean; error: { message: string } };
    expect(extra.error.message).toMatch(/unknown field "path"/);
    expect((await api('nope', {})).status).toBe(404);
    expect((await request('GET', '/api/status', { headers: { 'x-verbatim-token': server.token } })).status).toBe(405);
    const notJson = await request('POST', '/api/status', { headers: { 'x-verbatim-token': server.token }, body: '{' });
    expect(notJson.status).toBe(400);
    const huge = await api('search', { query: 'x'.repeat(70_000) });
    expect(huge.status).toBe(413);
  });
});
