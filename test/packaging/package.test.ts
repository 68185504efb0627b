// Packages the app with electron-builder (`--linux dir`) against a PLACEHOLDER runtime and checks what
// went into it: the asar holds only the built app, the sample archive ships beside it, the fuses are set.

import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeholderBanner, writePlaceholderRuntime } from './placeholder-runtime.js';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const builtFiles = [
  'dist/main.cjs',
  'dist/preload.cjs',
  'dist/index-worker.cjs',
  'dist/page-worker.cjs',
  // The readers of article files, loaded by the others when they first read one (scripts/build.mjs).
  'dist/read-archive.cjs',
  'dist/renderer/index.html',
  // pdfjs's CMaps and standard fonts, which PDFs in CJK and Cyrillic need (issue 18).
  'dist/pdfjs/cmaps/UniJIS-UCS2-H.bcmap',
  'dist/pdfjs/standard_fonts/FoxitSerif.pfb',
];
const electronVersion = (JSON.parse(readFileSync(path.join(projectRoot, 'node_modules/electron/package.json'), 'utf8')) as {
  version: string;
}).version;

// @electron/asar and @electron/fuses come with electron-builder (app-builder-lib depends on both).
const asar = (await import('@electron/asar')) as { listPackage(archive: string, options: { isPack: boolean }): string[]; extractFile(archive: string, file: string): Buffer };
const fuses = (await import('@electron/fuses')) as { getCurrentFuseWire(binary: string): Promise<Record<string, unknown>> };

let work = '';
let appOutDir = '';
let entries: string[] = [];

function ensureBuilt(): void {
  if (builtFiles.every((f) => existsSync(path.join(projectRoot, f)))) return;
  try {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: projectRoot, stdio: 'pipe', timeout: 60_000 });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    throw new Error(`dist/ is missing and "node scripts/build.mjs" failed, so there is nothing to package:\n${stderr}`, {
      cause: error,
    });
  }
}

// The placeholder runtime is a shell script and the target is Linux: on Windows there is nothing to check.
describe.skipIf(process.platform === 'win32')('the packaged app (electron-builder --linux dir, placeholder runtime)', () => {
  beforeAll(async () => {
    ensureBuilt();
    work = mkdtempSync(path.join(tmpdir(), 'verbatim-packaging-'));
    const runtimeDir = path.join(work, 'PLACEHOLDER-electron-runtime');
    const outputDir = path.join(work, 'release');
    await writePlaceholderRuntime(runtimeDir, electronVersion);
    // Offline, only the `dir` target works, and only with electronDist pointing at an unpacked runtime.
    const args = [
      path.join(projectRoot, 'node_modules/electron-builder/cli.js'),
      '--linux', 'dir',
      '--publish', 'never',
      `-c.electronDist=${runtimeDir}`,
      `-c.directories.output=${outputDir}`,
    ];
    try {
      await promisify(execFile)(process.execPath, args, { cwd: projectRoot, timeout: 110_000, maxBuffer: 16 * 1024 * 1024 });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`electron-builder ${args.slice(1).join(' ')} failed:\n${stdout ?? ''}\n${stderr ?? String(error)}`, {
        cause: error,
      });
    }
    const unpacked = readdirSync(outputDir).find((name) => name.startsWith('linux') && name.endsWith('unpacked'));
    if (unpacked === undefined) throw new Error(`electron-builder wrote no linux-*unpacked folder to ${outputDir}`);
    appOutDir = path.join(outputDir, unpacked);
    entries = asar.listPackage(path.join(appOutDir, 'resources', 'app.asar'), { isPack: false }).map((e) => e.split(path.sep).join('/'));
  }, 120_000);

  afterAll(() => {
    if (work !== '') rmSync(work, { recursive: true, force: true });
  });

  it.each(['/package.json', ...builtFiles.map((f) => `/${f}`)])('app.asar holds %s', (file) => {
    expect(entries).toContain(file);
  });

  it('app.asar holds nothing but package.json and dist/', () => {
    expect(entries.filter((e) => e !== '/package.json' && e !== '/dist' && !e.startsWith('/dist/'))).toEqual([]);
  });

  it.each([
    ['TypeScript sources', /\.ts$/],
    ['source maps', /\.map$/],
    ['tests', /^\/test(\/|$)/],
    ['scripts', /^\/scripts(\/|$)/],
    ['main/ sources', /^\/main(\/|$)/],
    ['renderer/ sources', /^\/renderer(\/|$)/],
    ['node_modules', /(^|\/)node_modules(\/|$)/],
    ['content/ files', /^\/content(\/|$)/],
    ['the command line', /^\/dist\/cli\.cjs$/],
  ])('app.asar holds no %s', (_name, pattern) => {
    expect(entries.filter((e) => pattern.test(e))).toEqual([]);
  });

  it("points package.json's main at the bundled dist/main.cjs", () => {
    const manifest = JSON.parse(asar.extractFile(path.join(appOutDir, 'resources', 'app.asar'), 'package.json').toString()) as {
      main: string;
    };
    expect(manifest.main).toBe('dist/main.cjs');
  });

  it('ships the sample archive, with its attribution, in resources/content', () => {
    const shipped = readdirSync(path.join(appOutDir, 'resources', 'content')).sort();
    expect(shipped).toEqual(readdirSync(path.join(projectRoot, 'content')).sort());
    expect(shipped).toContain('ATTRIBUTION.md');
    expect(shipped.filter((f) => /\.(md|txt|json|jsonl|html)$/.test(f) && f !== 'ATTRIBUTION.md').length).toBeGreaterThan(0);
  });

  it('flips the fuses listed in SECURITY.md in the runtime binary', async () => {
    const wire = await fuses.getCurrentFuseWire(path.join(appOutDir, 'verbatim'));
    const on = 49; // '1'
    const off = 48; // '0'
    expect(wire).toMatchObject({
      0: off, // runAsNode
      1: on, // enableCookieEncryption
      2: off, // enableNodeOptionsEnvironmentVariable
      3: off, // enableNodeCliInspectArguments
      4: on, // enableEmbeddedAsarIntegrityValidation
      5: on, // onlyLoadAppFromAsar
      7: off, // grantFileProtocolExtraPrivileges
    });
  });

  it('packaged the placeholder runtime, so this output is not a runnable app', () => {
    expect(readFileSync(path.join(appOutDir, 'verbatim'), 'latin1')).toContain(placeholderBanner);
    expect(existsSync(path.join(appOutDir, 'PLACEHOLDER-RUNTIME.txt'))).toBe(true);
  });
});
