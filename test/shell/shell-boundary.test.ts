// Only main/shell knows where Electron keeps things, and only it (and the preload) imports electron.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

const outsideShell = [...sources('main'), ...sources('renderer')].filter(
  (file) => !file.startsWith(`main${path.sep}shell${path.sep}`) && !file.startsWith(`main${path.sep}preload${path.sep}`),
);

describe('the shell boundary', () => {
  it.each([
    ['app.getPath', /\bapp\.getPath\b/],
    ['process.resourcesPath', /\bprocess\.resourcesPath\b/],
    ['app.isPackaged', /\bapp\.isPackaged\b/],
    ["imports of 'electron'", /from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)/],
  ])('%s appears only in main/shell and main/preload', (_name, pattern) => {
    const offenders = outsideShell.filter((file) => pattern.test(readFileSync(path.join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('main/shell imports nothing from server, cli or renderer', () => {
    const offenders = sources('main/shell').filter((file) =>
      /from\s+['"]\.\.\/(server|cli)\/|from\s+['"][./]*renderer\//.test(readFileSync(path.join(root, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
