// The renderer's files, as both transports serve them (Electron's app:// handler and `verbatim serve`):
// one Content-Security-Policy, one content-type table, one containment check.

import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * The page policy, sent as a header on every response. The renderer's HTML carries it as `<meta>` too,
 * without `frame-ancestors`, which browsers ignore (and Chromium reports) in a meta tag. Trusted Types
 * (issue 14, Electron's checklist): no HTML, script or script URL may be written into the page from a
 * string, and `trusted-types 'none'` allows no policy to make one, because the renderer builds its DOM
 * with `textContent` and elements only (it has no sanitizer because it needs none).
 */
export const contentSecurityPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'; trusted-types 'none'; " +
  "frame-ancestors 'none'";

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file to serve, or why the request is refused (every refusal is answered with 404). */
export type ResolvedUiFile = { file: string } | { refused: string };

/**
 * Maps a request's URL path (still percent-encoded, starting with `/`) to a file under `root`, or says
 * why not. The decoded path must not contain NUL, backslashes, a second leading slash, drive letters,
 * empty, `.` or `..` segments; the candidate's `realpath` must lie inside the `realpath` of `root` (a
 * lexical check alone lets a symlink to `/etc/passwd` through); it must be a regular file. `/` serves
 * `index.html`.
 * @example
 * await resolveUiFile('/app/dist/renderer', '/app.js');          // { file: '/app/dist/renderer/app.js' }
 * await resolveUiFile(root, '/%2e%2e%2fmain.cjs');               // { refused: 'a path segment is . or ..' }
 */
export async function resolveUiFile(root: string, urlPath: string): Promise<ResolvedUiFile> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { refused: 'malformed percent-encoding' };
  }
  if (decoded.includes('\0')) return { refused: 'NUL in path' };
  if (decoded.includes('\\')) return { refused: 'backslash in path' };
  // The pathname always starts with one '/'; a second one ('//etc/passwd', '/%2Fetc') asks for an absolute path.
  const relative = decoded.slice(1) || 'index.html';
  if (relative.startsWith('/') || path.isAbsolute(relative) || path.win32.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) {
    return { refused: 'absolute path' };
  }
  const segments = relative.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return { refused: 'a path segment is . or ..' };
  if (segments.some((s) => s === '')) return { refused: 'empty path segment' };

  let rootReal: string;
  let fileReal: string;
  try {
    rootReal = await realpath(root);
    fileReal = await realpath(path.join(rootReal, ...segments));
  } catch {
    return { refused: 'no such file' };
  }
  if (!isInside(rootReal, fileReal)) return { refused: 'outside the renderer folder' };
  try {
    if (!(await stat(fileReal)).isFile()) return { refused: 'not a file' };
  } catch {
    return { refused: 'no such file' };
  }
  return { file: fileReal };
}

/** The `Content-Type` of a renderer file. */
export function contentTypeOf(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function isInside(root: string, candidate: string): boolean {
  if (candidate === root) return false;
  const relative = path.relative(root, candidate);
  return relative !== '' && relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative);
}
