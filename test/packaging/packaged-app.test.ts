// Packages the app with electron-builder (`--linux dir`) on the REAL Electron runtime that `npm install`
// downloaded, then checks the packaged binary itself: its fuse wire, read back with @electron/fuses, is what
// SECURITY.md asks for, and it refuses to act as Node under ELECTRON_RUN_AS_NODE (the stock runtime, as a
// control, does). Skipped, visibly, where no runtime has been downloaded: the runtime is never fetched here.
// (test/packaging/package.test.ts checks the package's contents on a placeholder runtime.)

import { execFile, execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../main/shell/electron-binary.js';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const builtFiles = ['dist/main.cjs', 'dist/preload.cjs', 'dist/index-worker.cjs', 'dist/page-worker.cjs', 'dist/renderer/index.html'];
// @electron/fuses is CommonJS and its enums are re-exported in a way Node's ESM loader cannot see by name.
const fuses = createRequire(import.meta.url)('@electron/fuses') as { getCurrentFuseWire(binary: string): Promise<Record<number, unknown>> };
/** What the probe prints when the binary runs it as Node. */
const probeOutput = 'ran-as-node';
const probeTimeoutMs = 15_000;

const found = findElectronBinary(projectRoot);
const skipReason =
  'missing' in found
    ? `skipped: no Electron binary (${found.missing}; the runtime is downloaded from GitHub on first run, which this machine cannot reach)`
    : process.platform !== 'linux'
      ? `skipped: this check packages for Linux (electron-builder --linux dir) and runs the result; this is ${process.platform}`
      : null;
if (skipReason !== null) console.log(skipReason);
const runtime = 'path' in found ? found.path : '';

/** @electron/fuses' FuseState: the wire holds the characters '1' (49) and '0' (48). */
const on = 49;
const off = 48;

/** SECURITY.md, "Fuses": each fuse of @electron/fuses' FuseV1Options (by index) and the state it must have. */
const securityFuses: ReadonlyArray<[name: string, index: number, state: number]> = [
  ['runAsNode', 0, off],
  ['enableCookieEncryption', 1, on],
  ['enableNodeOptionsEnvironmentVariable', 2, off],
  ['enableNodeCliInspectArguments', 3, off],
  ['enableEmbeddedAsarIntegrityValidation', 4, on],
  ['onlyLoadAppFromAsar', 5, on],
  ['grantFileProtocolExtraPrivileges', 7, off],
];

let work = '';
let packagedBinary = '';

function ensureBuilt(): void {
  if (builtFiles.every((f) => existsSync(path.join(projectRoot, f)))) return;
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: projectRoot, stdio: 'pipe', timeout: 60_000 });
}

/**
 * Runs `binary -e "process.stdout.write('ran-as-node')"` with ELECTRON_RUN_AS_NODE=1, stopped after a short
 * time. No other argument: Node refuses options it does not know (`--user-data-dir`) and would exit before
 * running the script, which would pass for a refusal. The profile goes to `profileDir` through the
 * environment instead (Electron's userData on Linux is under XDG_CONFIG_HOME).
 */
function runAsNodeProbe(binary: string, profileDir: string): SpawnSyncReturns<string> {
  return spawnSync(binary, ['-e', `process.stdout.write('${probeOutput}')`], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', XDG_CONFIG_HOME: profileDir, HOME: profileDir },
    encoding: 'utf8',
    timeout: probeTimeoutMs,
    killSignal: 'SIGKILL',
  });
}

describe(skipReason === null ? 'the packaged app on the real Electron runtime' : `the packaged app on the real Electron runtime (${skipReason})`, () => {
  beforeAll(async () => {
    if (skipReason !== null) return;
    ensureBuilt();
    work = mkdtempSync(path.join(tmpdir(), 'verbatim-packaged-'));
    const outputDir = path.join(work, 'release');
    // electronDist: the folder holding the downloaded runtime, so electron-builder copies it instead of
    // downloading one (offline, only the `dir` target works).
    const args = [
      path.join(projectRoot, 'node_modules/electron-builder/cli.js'),
      '--linux', 'dir',
      '--publish', 'never',
      `-c.electronDist=${path.dirname(runtime)}`,
      `-c.directories.output=${outputDir}`,
    ];
    try {
      await promisify(execFile)(process.execPath, args, { cwd: projectRoot, timeout: 290_000, maxBuffer: 16 * 1024 * 1024 });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`electron-builder ${args.slice(1).join(' ')} failed:\n${stdout ?? ''}\n${stderr ?? String(error)}`, { cause: error });
    }
    const unpacked = readdirSync(outputDir).find((name) => name.startsWith('linux') && name.endsWith('unpacked'));
    if (unpacked === undefined) throw new Error(`electron-builder wrote no linux-*unpacked folder to ${outputDir}`);
    packagedBinary = path.join(outputDir, unpacked, 'verbatim');
    if (!existsSync(packagedBinary)) throw new Error(`the package has no executable at ${packagedBinary}`);
  }, 300_000);

  afterAll(() => {
    if (work !== '') rmSync(work, { recursive: true, force: true });
  });

  it.skipIf(skipReason !== null).each(securityFuses)('has %s set as SECURITY.md says (fuse %i)', async (_name, index, state) => {
    const wire = await fuses.getCurrentFuseWire(packagedBinary);
    expect(wire[index]).toBe(state);
  });

  it.skipIf(skipReason !== null)('ignores ELECTRON_RUN_AS_NODE: the packaged binary never runs the script as Node', () => {
    const profileDir = mkdtempSync(path.join(tmpdir(), 'verbatim-packaged-profile-'));
    try {
      // The control: the stock runtime (run-as-node fuse on) does run it, so the probe can tell.
      const stock = runAsNodeProbe(runtime, profileDir);
      expect(stock.stdout, `the stock runtime ran the probe as Node (stderr: ${stock.stderr.slice(0, 500)})`).toContain(probeOutput);

      // With the fuse off the binary starts as the app instead (stopped by the timeout, or exiting for lack
      // of a display); either way the script must not run.
      const packaged = runAsNodeProbe(packagedBinary, profileDir);
      const error = packaged.error as NodeJS.ErrnoException | undefined;
      expect(error === undefined || error.code === 'ETIMEDOUT', `the packaged binary could not be run: ${String(error)}`).toBe(true);
      expect(packaged.stdout, 'the packaged binary ran a script as Node under ELECTRON_RUN_AS_NODE=1').not.toContain(probeOutput);
    } finally {
      rmSync(profileDir, { recursive: true, force: true });
    }
  }, 60_000);
});
