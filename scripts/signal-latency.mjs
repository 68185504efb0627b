// Measures how long `verbatim serve` takes to exit after SIGINT or SIGTERM (issue 14's target: within 1 s,
// while a stuck archive opens), from the signal to the process's end as its parent sees it.
//
//   npm run build && node scripts/signal-latency.mjs [--runs 5]
//
// States: opening (saved pages nested thousands deep keep the archive opening) and idle (a small archive,
// ready). Prints each state's times and exit codes. Exits 0 whatever the numbers (speed is never a test).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as delay } from 'node:timers/promises';

const root = path.resolve(import.meta.dirname, '..');
const runsAt = process.argv.indexOf('--runs');
const runs = runsAt === -1 ? 5 : Number(process.argv[runsAt + 1]);
const work = mkdtempSync(path.join(os.tmpdir(), 'verbatim-signals-'));

const stuck = path.join(work, 'stuck');
const small = path.join(work, 'small');
mkdirSync(stuck);
mkdirSync(small);
writeFileSync(path.join(stuck, 'deep.html'), `<html><body>${'<div>'.repeat(10_000)}<p>Deep.</p>${'</div>'.repeat(10_000)}</body></html>`);
writeFileSync(path.join(small, 'a.txt'), 'Budget passed\n\n"We will rebuild," the mayor said.');

/** One run: starts serve, waits for `ready` (or not), sends `signal`; resolves with the ms to exit and the code. */
async function measure(archive, signal, waitReady) {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'verbatim.cjs'), 'serve', '--archive', archive, '--cache-dir', mkdtempSync(path.join(work, 'cache-'))], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = new URL(await new Promise((resolve) => createInterface({ input: child.stdout }).once('line', resolve)));
  const token = url.hash.slice('#token='.length);
  const state = async () => {
    const reply = await globalThis.fetch(new URL('/api/status', url), { method: 'POST', headers: { 'x-verbatim-token': token }, body: '{}' });
    return (await reply.json()).value.state;
  };
  while (waitReady && (await state()) !== 'ready') await delay(50);
  const exited = new Promise((resolve) => child.once('exit', (code, by) => resolve(code ?? by)));
  const sent = performance.now();
  child.kill(signal);
  const code = await exited;
  return { ms: Math.round(performance.now() - sent), code };
}

try {
  for (const [state, archive, waitReady] of [['opening', stuck, false], ['idle', small, true]]) {
    for (const signal of ['SIGINT', 'SIGTERM']) {
      const results = [];
      for (let i = 0; i < runs; i++) results.push(await measure(archive, signal, waitReady));
      const times = results.map((r) => r.ms).sort((a, b) => a - b);
      const codes = [...new Set(results.map((r) => r.code))].join(',');
      console.log(`${state.padEnd(8)} ${signal.padEnd(8)} exit ${codes}  median ${times[Math.floor(times.length / 2)]} ms  max ${times.at(-1)} ms  (${times.join(', ')})`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
