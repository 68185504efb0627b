// Where the shell finds its archive, cache, worker, renderer and preload, from argv and Electron's paths.

import path from 'node:path';
import { settingsFileName } from './settings.js';

/** What `start-app.ts` reads from Electron and the process, passed in so this stays testable. */
export interface PathInputs {
  argv: readonly string[];
  /** The working directory a relative `--archive` is resolved against. */
  cwd: string;
  /** The folder holding `main.cjs` (its `__dirname` at runtime): `dist/`. */
  distDir: string;
  isPackaged: boolean;
  /** `process.resourcesPath`: where `extraResources` land in a packaged app. */
  resourcesPath: string;
  /** `app.getAppPath()`: the project root in development. */
  appPath: string;
  /** `app.getPath('userData')`. */
  userDataDir: string;
}

export interface ShellPaths {
  /** `--archive DIR`, resolved against the working directory, or null when not given. */
  argumentArchiveDir: string | null;
  /** The bundled sample archive. */
  bundledArchiveDir: string;
  /** Where the remembered archive and the recent list are kept. */
  settingsFile: string;
  cacheDir: string;
  workerScript: string;
  rendererRoot: string;
  preloadPath: string;
}

/**
 * Resolves every path the shell needs: the `--archive DIR` (or `--archive=DIR`) argument if any, and the
 * bundled sample, `<resources>/content` when packaged, `<app>/content` in development (which of them, or
 * the remembered archive, is opened is `chooseStartupArchive`'s decision).
 */
export function resolveShellPaths(inputs: PathInputs): ShellPaths {
  const fromArgv = archiveArgument(inputs.argv);
  const bundled = inputs.isPackaged
    ? path.join(inputs.resourcesPath, 'content')
    : path.join(inputs.appPath, 'content');
  return {
    argumentArchiveDir: fromArgv === undefined ? null : path.resolve(inputs.cwd, fromArgv),
    bundledArchiveDir: bundled,
    settingsFile: path.join(inputs.userDataDir, settingsFileName),
    cacheDir: path.join(inputs.userDataDir, 'index-cache'),
    workerScript: path.join(inputs.distDir, 'index-worker.cjs'),
    rendererRoot: path.join(inputs.distDir, 'renderer'),
    preloadPath: path.join(inputs.distDir, 'preload.cjs'),
  };
}

/** The value of `--archive DIR` or `--archive=DIR` in `argv` (the last one wins), if any. */
export function archiveArgument(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--archive') {
      const next = argv[i + 1];
      if (next !== undefined && next !== '') found = next;
      i += 1;
    } else if (arg !== undefined && arg.startsWith('--archive=')) {
      const value = arg.slice('--archive='.length);
      if (value !== '') found = value;
    }
  }
  return found;
}
