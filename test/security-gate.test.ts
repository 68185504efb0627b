import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/paths.js';

const gate = (args: string[]) =>
  spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'security-gate.mjs'), '--no-audit', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });

describe('the security gate', () => {
  it('passes on Verbatim itself', () => {
    const run = gate([]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/0 parse errors/);
  });

  it('fails on an app with insecure window settings, naming each finding', () => {
    const run = gate(['--scan', path.join(repoRoot, 'test', 'fixtures', 'insecure-app')]);
    expect(run.status).toBe(1);
    for (const check of ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK']) {
      expect(run.stderr).toContain(`${check} at main/shell/window.ts`);
    }
    expect(run.stderr).toMatch(/CSP_GLOBAL_CHECK/);
    expect(run.stderr).toMatch(/LIMIT_NAVIGATION_GLOBAL_CHECK/);
  });
});
