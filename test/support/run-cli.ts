// Runs the built `verbatim` command as a user would, building first when dist/ is missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { distDir, repoRoot } from './paths.js';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function ensureBuilt(): void {
  if (!['cli.cjs', 'page-worker.cjs'].every((entry) => existsSync(path.join(distDir, entry)))) {
    execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  }
}

/** Runs `verbatim ...args` through the package's bin script, from the repository root. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'verbatim.cjs'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
    // Node's default (1 MB) cut `quotes --json` of a 2,000-quote flood short once quotes carried their clusters (issue 17).
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
