// Finds the Electron runtime that `npm install` downloaded, without ever triggering a download.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const platformPaths: Readonly<Partial<Record<NodeJS.Platform, string>>> = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  linux: 'electron',
  freebsd: 'electron',
  openbsd: 'electron',
  win32: 'electron.exe',
};

/**
 * The Electron executable for `projectRoot`, found the way `node_modules/electron/index.js` finds it
 * (`path.txt` names it inside `dist/`; `ELECTRON_OVERRIDE_DIST_PATH` replaces `dist/`), but never
 * downloading: requiring the `electron` package from Node downloads the runtime when it is missing.
 * Returns `{ missing }` naming the path checked when there is no runtime.
 * @example
 * const found = findElectronBinary(process.cwd());
 * if ('missing' in found) console.log(`no Electron binary (${found.missing})`);
 */
export function findElectronBinary(
  projectRoot: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: NodeJS.Platform = process.platform,
): { path: string } | { missing: string } {
  const packageDir = path.join(projectRoot, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  let executable: string | undefined;
  try {
    executable = readFileSync(pathFile, 'utf8').trim() || undefined;
  } catch {
    executable = undefined;
  }
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override !== undefined && override !== '') {
    const candidate = path.join(override, executable ?? platformPaths[platform] ?? 'electron');
    return existsSync(candidate) ? { path: candidate } : { missing: candidate };
  }
  if (executable === undefined) return { missing: pathFile };
  const candidate = path.join(packageDir, 'dist', executable);
  return existsSync(candidate) ? { path: candidate } : { missing: candidate };
}
