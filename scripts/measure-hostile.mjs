// Measures what a hostile archive costs (issue 14): writes the property test's generated archive
// (test/support/hostile-archive.ts) and runs `verbatim index` on it as users do, in a fresh process, and
// reports its wall time, its peak memory (the process's maximum resident set, engine and page threads
// included) and what became of each hostile file. Numbers for the report, never a test.
//
//   npm run build && node scripts/measure-hostile.mjs [--seed N] [--extra N] [--archive DIR]
//
// With --archive, measures that folder instead (a BBC copy converted to HTML, say).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1];
};

const scratch = mkdtempSync(path.join(os.tmpdir(), 'verbatim-hostile-'));
try {
  let archive = option('archive', null);
  let generated = null;
  if (archive === null) {
    const generator = path.join(scratch, 'hostile-archive.cjs');
    await build({ entryPoints: [path.join(root, 'test', 'support', 'hostile-archive.ts')], outfile: generator, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
    const { writeHostileArchive } = await import(generator);
    archive = path.join(scratch, 'archive');
    generated = writeHostileArchive(archive, Number(option('seed', '14')), Number(option('extra', '6')));
  }
  // Reports the process's peak resident set as it exits: worker threads share it.
  const peak = path.join(scratch, 'peak.cjs');
  writeFileSync(peak, "process.on('exit', () => process.stderr.write(`\\npeak-rss-kb ${process.resourceUsage().maxRSS}\\n`));\n");
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--require', peak, path.join(root, 'dist', 'cli.cjs'), 'index', '--archive', archive, '--cache-dir', path.join(scratch, 'cache'), '--json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = performance.now() - started;
  const peakKb = Number(/peak-rss-kb (\d+)/.exec(run.stderr)?.[1] ?? NaN);
  if (run.status !== 0) throw new Error(`verbatim index exited with ${run.status}: ${run.stderr}`);
  const index = JSON.parse(run.stdout);
  console.log(`archive: ${archive}`);
  console.log(`verbatim index: ${(wallMs / 1000).toFixed(1)} s wall, peak RSS ${(peakKb / 1024).toFixed(0)} MB, ${index.articles} articles, ${index.problems.length} problems`);
  if (generated !== null) {
    const reasons = new Map(index.problems.map((p) => [p.path.replace(/ \(.*\)$/, ''), p.reason]));
    for (const file of generated.hostile) console.log(`  ${file.path} (${file.kind}): ${reasons.get(file.path) ?? 'read'}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
