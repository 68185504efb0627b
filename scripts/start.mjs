// `npm start`: builds Verbatim, then opens the Electron window; where no Electron runtime is installed
// (it is downloaded on first run, which needs the internet), explains that and runs `verbatim serve`.
// Arguments after `--` go to the app, e.g. `npm start -- --archive ~/news`.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });

/** Mirrors main/shell/electron-binary.ts: locate the runtime without triggering its download. */
function findElectronBinary() {
  const packageDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = path.join(override, executable || (process.platform === 'win32' ? 'electron.exe' : 'electron'));
    return existsSync(candidate) ? { path: candidate } : { missing: candidate };
  }
  if (!executable) return { missing: pathFile };
  const candidate = path.join(packageDir, 'dist', executable);
  return existsSync(candidate) ? { path: candidate } : { missing: candidate };
}

const args = process.argv.slice(2);
let found = findElectronBinary();
if ('missing' in found && !process.env.CI) {
  // The electron package downloads its runtime on first use; try once, quietly.
  try {
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'electron', 'install.js')], { stdio: 'ignore', timeout: 120_000 });
  } catch {
    // No network: handled below.
  }
  found = findElectronBinary();
}

const run = (command, commandArgs) => {
  const child = spawn(command, commandArgs, { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
};

if ('path' in found) {
  run(found.path, [path.join(root, 'dist', 'main.cjs'), ...args]);
} else {
  process.stderr.write(
    `\nVerbatim could not start its desktop window: no Electron runtime is installed (looked for ${found.missing}). ` +
      'Electron downloads its runtime from GitHub the first time it runs, and this machine could not reach it. ' +
      'Verbatim is starting its local server instead: open the address printed below in your browser ' +
      '(it listens on 127.0.0.1 only). To get the window later, run `npm start` again with a network connection.\n\n',
  );
  run(process.execPath, [path.join(root, 'dist', 'cli.cjs'), 'serve', ...args]);
}
