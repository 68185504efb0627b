import { mkdtempSync } from 'node:fs';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, createAppProtocolHandler, resolveAppFile } from '../../main/shell/app-protocol.js';
import { expectedCsp } from './expected-policy.js';

// Layout: <tmp>/secret.txt outside the root; <tmp>/renderer is the root, with files, a subfolder and
// symlinks pointing out of it.
const tmp = mkdtempSync(path.join(tmpdir(), 'verbatim-protocol-'));
const root = path.join(tmp, 'renderer');

beforeAll(async () => {
  await mkdir(path.join(root, 'views'), { recursive: true });
  await writeFile(path.join(tmp, 'secret.txt'), 'SECRET');
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Verbatim</title>');
  await writeFile(path.join(root, 'app.js'), 'console.log(1);');
  await writeFile(path.join(root, 'views', 'styles.css'), 'body{}');
  await writeFile(path.join(root, '..dots.txt'), 'a file whose name starts with two dots');
  await symlink(path.join(tmp, 'secret.txt'), path.join(root, 'link-out.txt'));
  await symlink(tmp, path.join(root, 'link-dir'));
  await symlink(path.join(root, 'app.js'), path.join(root, 'link-in.js'));
  await symlink(root, path.join(tmp, 'root-link'));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('resolveAppFile', () => {
  it.each([
    ['app://verbatim/index.html', 'index.html'],
    ['app://verbatim/', 'index.html'],
    ['app://verbatim', 'index.html'],
    ['app://verbatim/app.js?v=1#x', 'app.js'],
    ['app://verbatim/views/styles.css', 'views/styles.css'],
    ['app://verbatim/%2e%2edots.txt', '..dots.txt'],
    ['app://verbatim/link-in.js', 'app.js'],
  ])('serves %s from %s', async (url, file) => {
    expect(await resolveAppFile(root, url)).toEqual({ file: path.join(root, file) });
  });

  it('serves from a root reached through a symlink', async () => {
    expect(await resolveAppFile(path.join(tmp, 'root-link'), 'app://verbatim/app.js')).toEqual({
      file: path.join(root, 'app.js'),
    });
  });

  it.each([
    ['../ (normalized away by the URL parser, then not found)', 'app://verbatim/../secret.txt', 'no such file'],
    ['%2e%2e%2f', 'app://verbatim/%2e%2e%2fsecret.txt', 'a path segment is . or ..'],
    ['%2E%2E%2F in upper case', 'app://verbatim/%2E%2E%2Fsecret.txt', 'a path segment is . or ..'],
    ['%2F..', 'app://verbatim/views%2F..%2F..%2Fsecret.txt', 'a path segment is . or ..'],
    ['a leading %2F..', 'app://verbatim/%2F..%2Fsecret.txt', 'absolute path'],
    ['an absolute path', `app://verbatim/${encodeURIComponent(path.join(tmp, 'secret.txt'))}`, 'absolute path'],
    ['a double slash', `app://verbatim//${tmp.slice(1)}/secret.txt`, 'absolute path'],
    ['a drive letter', 'app://verbatim/C:/Windows/win.ini', 'absolute path'],
    ['a backslash', 'app://verbatim/..%5csecret.txt', 'backslash in path'],
    ['NUL', 'app://verbatim/index.html%00.js', 'NUL in path'],
    ['malformed percent-encoding', 'app://verbatim/%E0%A4%A', 'malformed percent-encoding'],
    ['a symlink to a file outside the root', 'app://verbatim/link-out.txt', 'outside the renderer folder'],
    ['a symlink to a folder outside the root', 'app://verbatim/link-dir/secret.txt', 'outside the renderer folder'],
    ['a folder', 'app://verbatim/views', 'not a file'],
    ['a missing file', 'app://verbatim/missing.js', 'no such file'],
    ['another host', 'app://verbatim.evil/index.html', 'not on the app origin'],
    ['another scheme', 'file:///etc/passwd', 'not on the app origin'],
    ['credentials', 'app://user@verbatim/index.html', 'not on the app origin'],
  ])('refuses %s', async (_name, url, reason) => {
    expect(await resolveAppFile(root, url)).toEqual({ refused: reason });
  });
});

describe('createAppProtocolHandler', () => {
  const get = (url: string, method = 'GET'): Promise<Response> =>
    createAppProtocolHandler(root)(new Request(url, { method }));

  it('serves a real file with its type, the CSP and nosniff', async () => {
    const response = await get('app://verbatim/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html><title>Verbatim</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(expectedCsp);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await get('app://verbatim/app.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404, with the CSP, for a symlink out of the root', async () => {
    const response = await get('app://verbatim/link-out.txt');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('SECRET');
    expect(response.headers.get('content-security-policy')).toBe(expectedCsp);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 404 for traversal', async () => {
    expect((await get('app://verbatim/%2e%2e%2fsecret.txt')).status).toBe(404);
  });

  it.each(['POST', 'PUT', 'DELETE'])('refuses %s', async (method) => {
    const response = await get('app://verbatim/index.html', method);
    expect(response.status).toBe(405);
    expect(response.headers.get('content-security-policy')).toBe(expectedCsp);
  });

  it('sends the policy the security notes require', () => {
    expect(contentSecurityPolicy).toBe(expectedCsp);
    expect(contentSecurityPolicy).not.toMatch(/unsafe-(inline|eval)/);
  });
});
