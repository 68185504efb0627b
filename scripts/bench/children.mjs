// The benchmark's child processes: each measurement runs in a fresh Node, one at a time, and hands its result
// back in a file; a child that fails or runs out of time is described in a few words.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';
import { distCli, root } from './paths.mjs';
import { round } from './stats.mjs';

/**
 * Runs children whose result files go to `scratch`: `runScenario` (a bench child script), `runCliIndex`
 * (`verbatim index`), and `stop` to kill the one running (on Ctrl+C).
 */
export function createChildren(scratch) {
  let resultCounter = 0;
  let running = null;

  /** Runs `args` with this Node in a fresh process; resolves with its exit, output and wall time. */
  function runNode(args, timeoutMs) {
    return runProcess(process.execPath, args, timeoutMs);
  }

  /** Runs `command` with `args` (and `env` added to this process's); resolves with its exit, output and wall time. */
  function runProcess(command, args, timeoutMs, env = {}) {
    return new Promise((resolve, reject) => {
      const load1 = round(os.loadavg()[0], 2);
      const started = performance.now();
      const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
      running = child;
      let stdout = '';
      let stderr = '';
      let timedOut = false;
      child.stdout.setEncoding('utf8').on('data', (chunk) => {
        if (stdout.length < 64e6) stdout += chunk;
      });
      child.stderr.setEncoding('utf8').on('data', (chunk) => {
        stderr = (stderr + chunk).slice(-32_000);
      });
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, timeoutMs);
      child.on('error', (error) => {
        clearTimeout(timer);
        running = null;
        reject(error);
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        running = null;
        resolve({ code, signal, stdout, stderr, timedOut, wallMs: performance.now() - started, load1 });
      });
    });
  }

  /** Runs a bench child script with `task`; `{ ok: true, ...result, wallMs }` or `{ ok: false, reason }`. */
  async function runScenario(script, task, options, nodeFlags = []) {
    const resultFile = path.join(scratch, `result-${++resultCounter}.json`);
    const exit = await runNode([...nodeFlags, script, JSON.stringify({ ...task, resultFile })], options.timeoutMin * 60_000);
    if (existsSync(resultFile)) {
      const result = JSON.parse(readFileSync(resultFile, 'utf8'));
      rmSync(resultFile, { force: true });
      return { ok: true, ...result, wallMs: round(exit.wallMs), loadBefore: exit.load1 };
    }
    return { ok: false, reason: describeFailure(exit, options.timeoutMin), wallMs: round(exit.wallMs), loadBefore: exit.load1 };
  }

  /** `verbatim index --json` as users run it, timed by the wall clock (Node's start included). */
  async function runCliIndex(archiveDir, cacheDir, options) {
    const exit = await runNode([distCli, 'index', '--archive', archiveDir, '--cache-dir', cacheDir, '--json'], options.timeoutMin * 60_000);
    if (exit.code !== 0 || exit.timedOut) return { ok: false, reason: describeFailure(exit, options.timeoutMin), wallMs: round(exit.wallMs) };
    try {
      const reply = JSON.parse(exit.stdout);
      return { ok: true, wallMs: round(exit.wallMs), articles: reply.articles, cache: reply.cache, tookMs: reply.tookMs, loadBefore: exit.load1 };
    } catch {
      return { ok: false, reason: `not one JSON document on stdout: ${exit.stdout.slice(0, 200)}`, wallMs: round(exit.wallMs) };
    }
  }

  /**
   * One-shot `verbatim search QUERY --json` as users run it, on the cache `runCliIndex` wrote, timed by the
   * wall clock (Node's start, the bundle's load, the open and the query): the number a script calling it pays.
   */
  async function runCliSearch(archiveDir, cacheDir, query, options) {
    const exit = await runNode([distCli, 'search', query, '--archive', archiveDir, '--cache-dir', cacheDir, '--limit', '20', '--json'], options.timeoutMin * 60_000);
    if (exit.code !== 0 || exit.timedOut) return { ok: false, reason: describeFailure(exit, options.timeoutMin), wallMs: round(exit.wallMs) };
    try {
      const reply = JSON.parse(exit.stdout);
      return { ok: true, wallMs: round(exit.wallMs), total: reply.total, tookMs: reply.tookMs, loadBefore: exit.load1 };
    } catch {
      return { ok: false, reason: `not one JSON document on stdout: ${exit.stdout.slice(0, 200)}`, wallMs: round(exit.wallMs) };
    }
  }

  return {
    runScenario,
    runCliIndex,
    runCliSearch,
    runProcess,
    stop: () => running?.kill('SIGKILL'),
  };
}

/** Why a child ended without a result, in a few words (out of memory is a result, not a crash). */
function describeFailure(exit, timeoutMin) {
  if (exit.timedOut) return `did not finish within ${timeoutMin} min (stopped)`;
  const text = exit.stderr;
  let what = 'failed';
  if (/heap out of memory|Reached heap limit|ERR_WORKER_OUT_OF_MEMORY|out of memory/i.test(text)) what = 'out of memory';
  else if (/Invalid string length/.test(text)) what = 'string too long (V8 strings hold at most 512 MiB)';
  const how = exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
  const lines = text.trim().split('\n').filter((l) => l.trim() !== '' && !/^\s+at /.test(l) && !/^\s*\d+: 0x[0-9a-f]+/i.test(l) && !/^\s*<--/.test(l));
  const fatal = lines.find((l) => /FATAL ERROR|RangeError|Error:/.test(l));
  const last = (fatal ?? lines.at(-1))?.trim().slice(0, 300) ?? '';
  return `${what} (${how})${last ? `: ${last}` : ''}`;
}
