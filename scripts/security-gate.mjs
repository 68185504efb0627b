// `npm run security`: the security gate of issue 7, run by `npm test`.
// 1. @doyensec/electronegativity over main/ and renderer/ through its programmatic API (the CLI always
//    exits 0 and skips files it cannot parse): fails on any finding of medium or higher severity that is
//    not in security/electronegativity-reviewed.json, and on any parse error.
// 2. `npm audit --omit=dev`: fails on high or critical advisories in what ships.
// The scan is offline: electronegativity's two network look-ups (translations, Electron's release list)
// are answered "offline" in-process, and the release check is excluded (the app pins a current Electron).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
// `--scan DIR` scans DIR's main/ and renderer/ instead (the gate's own test feeds it bad code);
// `--no-audit` skips npm audit.
const args = process.argv.slice(2);
const scanFrom = args.includes('--scan') ? path.resolve(args[args.indexOf('--scan') + 1] ?? '.') : root;
const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
let failed = false;

// --- 1. electronegativity -------------------------------------------------------------------------
const packageDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const gotPath = require.resolve('got', { paths: [packageDir] });
const offline = () => Promise.reject(new Error('offline: the security gate makes no network requests'));
require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: Object.assign(offline, { head: offline, get: offline }) };
const run = require('@doyensec/electronegativity');

// One folder with both trees, so the global checks (CSP, navigation limits, permission handler) see the
// whole app. Its TypeScript is stripped of types by esbuild (one file in, one file out, lines kept close):
// electronegativity's own TypeScript parser predates `satisfies` and would skip those files.
const scanRoot = mkdtempSync(path.join(os.tmpdir(), 'verbatim-security-'));
for (const tree of ['main', 'renderer']) {
  cpSync(path.join(scanFrom, tree), path.join(scanRoot, tree), { recursive: true });
  for (const entry of readdirSync(path.join(scanRoot, tree), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.d.ts')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const { code } = transformSync(readFileSync(file, 'utf8'), { loader: 'ts', format: 'esm', target: 'es2022', sourcefile: file });
    writeFileSync(file.replace(/\.ts$/, '.js'), code);
    rmSync(file);
  }
}
writeFileSync(path.join(scanRoot, 'package.json'), JSON.stringify({ name: 'verbatim-scan', devDependencies: { electron: electronVersion } }));

const reviewed = JSON.parse(readFileSync(path.join(root, 'security', 'electronegativity-reviewed.json'), 'utf8')).reviewed;
const result = await run({
  input: scanRoot,
  severitySet: 'medium',
  confidenceSet: 'tentative',
  isRelative: true,
  electronVersion,
  electronVersionOverride: electronVersion,
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
});
rmSync(scanRoot, { recursive: true, force: true });

const sourceOf = (file) => (file === 'N/A' ? file : file.replace(/\.js$/, '.ts'));
const severityOf = (issue) => issue.severity?.name ?? String(issue.severity);
// The severity option only shapes the CLI's table: the API returns every finding.
const serious = result.issues.filter((issue) => ['MEDIUM', 'HIGH', 'CRITICAL'].includes(severityOf(issue)));
for (const issue of result.issues.filter((i) => !serious.includes(i))) {
  console.log(`electronegativity (${severityOf(issue).toLowerCase()}, not gating): ${issue.id} at ${sourceOf(issue.file)}: ${issue.description}`);
}
let accepted = 0;
for (const issue of serious) {
  const file = sourceOf(issue.file);
  const ok = reviewed.some((r) => r.id === issue.id && r.file === file);
  if (ok) {
    accepted += 1;
    continue;
  }
  failed = true;
  console.error(`electronegativity: ${severityOf(issue)} ${issue.id} at ${file}:${issue.location?.line ?? '?'}: ${issue.description}`);
}
for (const error of result.errors) {
  failed = true;
  console.error(`electronegativity could not parse ${sourceOf(error.file ?? '?')}: ${error.message ?? JSON.stringify(error)}`);
}
console.log(`electronegativity ${require('@doyensec/electronegativity/package.json').version}: ${serious.length} findings of medium or higher (${accepted} reviewed and accepted), ${result.errors.length} parse errors`);

// --- 2. npm audit ----------------------------------------------------------------------------------
const audit = args.includes('--no-audit')
  ? null
  : spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' });
let report;
if (audit !== null) {
  try {
    report = JSON.parse(audit.stdout);
  } catch {
    failed = true;
    console.error(`npm audit gave no report (exit ${audit.status}): ${audit.stderr.split('\n')[0]}`);
  }
}
if (report) {
  const counts = report.metadata?.vulnerabilities ?? {};
  const serious = (counts.high ?? 0) + (counts.critical ?? 0);
  console.log(`npm audit --omit=dev: ${counts.total ?? 0} advisories (${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low)`);
  if (serious > 0) {
    failed = true;
    for (const [name, v] of Object.entries(report.vulnerabilities ?? {})) {
      if (v.severity === 'high' || v.severity === 'critical') console.error(`npm audit: ${v.severity} in ${name}`);
    }
  }
}

process.exit(failed ? 1 : 0);
