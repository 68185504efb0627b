import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../main/shell/electron-binary.js';

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

function temporary(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

function project(options: { pathTxt?: string; binary?: string } = {}): string {
  const root = temporary('verbatim-electron-binary-');
  const electronDir = path.join(root, 'node_modules', 'electron');
  mkdirSync(path.join(electronDir, 'dist'), { recursive: true });
  if (options.pathTxt !== undefined) writeFileSync(path.join(electronDir, 'path.txt'), options.pathTxt);
  if (options.binary !== undefined) {
    const file = path.join(electronDir, 'dist', options.binary);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '');
    chmodSync(file, 0o755);
  }
  return root;
}

describe('findElectronBinary', () => {
  it('reports path.txt as missing when the runtime was never downloaded', () => {
    const root = project();
    expect(findElectronBinary(root, {})).toEqual({ missing: path.join(root, 'node_modules', 'electron', 'path.txt') });
  });

  it('reports the executable as missing when path.txt names an absent file', () => {
    const root = project({ pathTxt: 'electron' });
    expect(findElectronBinary(root, {})).toEqual({ missing: path.join(root, 'node_modules', 'electron', 'dist', 'electron') });
  });

  it('finds the executable that path.txt names inside dist/', () => {
    const root = project({ pathTxt: 'Electron.app/Contents/MacOS/Electron', binary: 'Electron.app/Contents/MacOS/Electron' });
    expect(findElectronBinary(root, {})).toEqual({
      path: path.join(root, 'node_modules', 'electron', 'dist', 'Electron.app/Contents/MacOS/Electron'),
    });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH, with the platform default name when path.txt is absent', () => {
    const root = project();
    const override = temporary('verbatim-electron-override-');
    writeFileSync(path.join(override, 'electron'), '');
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: override }, 'linux')).toEqual({
      path: path.join(override, 'electron'),
    });
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: override }, 'win32')).toEqual({
      missing: path.join(override, 'electron.exe'),
    });
  });
});
