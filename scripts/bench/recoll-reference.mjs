// Reference (c), the desktop search tool archive users already know (issue 19): Recoll (Xapian), when Debian's
// `recollcmd` is installed. A cold `recollindex` of the same archive and one-shot `recollq` queries, each in a
// private configuration folder (RECOLL_CONFDIR) in the benchmark's temporary folder, never the user's ~/.recoll.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { median, round } from './stats.mjs';

/** Where `recollindex` and `recollq` are, or null when either is missing (the bench then says so and skips). */
export function findRecoll() {
  const which = (name) => {
    try {
      return execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
    } catch {
      return null;
    }
  };
  const index = which('recollindex');
  const query = which('recollq');
  if (index === null || query === null) return null;
  let version = null;
  try {
    version = /Recoll\s+([\d.]+)/i.exec(execFileSync(query, ['-v'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }))?.[1] ?? null;
  } catch {
    // Some builds print their version only in the usage text; the version is a detail of the report.
  }
  return { index, query, version };
}

/**
 * Recoll on `archiveDir`: a cold `recollindex` (a fresh configuration folder, wall clock), then each of
 * `queries` as a one-shot `recollq -n 20 -A` (20 results with their abstracts, as Verbatim's search shows
 * snippets), `repeats` times after one untimed run. `children.runProcess` runs the commands.
 */
export async function measureRecoll(recoll, archiveDir, scratch, queries, repeats, children, options) {
  const confDir = path.join(scratch, 'recoll-conf');
  rmSync(confDir, { recursive: true, force: true });
  mkdirSync(confDir, { recursive: true });
  // loglevel 1: errors only; the index goes into the configuration folder (Recoll's default, "xapiandb").
  writeFileSync(path.join(confDir, 'recoll.conf'), `topdirs = ${archiveDir}\nloglevel = 1\n`);
  const env = { RECOLL_CONFDIR: confDir };
  const timeoutMs = options.timeoutMin * 60_000;
  try {
    const indexed = await children.runProcess(recoll.index, ['-c', confDir], timeoutMs, env);
    if (indexed.code !== 0 || indexed.timedOut) {
      return { ok: false, reason: indexed.timedOut ? `recollindex did not finish within ${options.timeoutMin} min` : `recollindex exit code ${indexed.code}: ${indexed.stderr.trim().slice(-200)}`, wallMs: round(indexed.wallMs) };
    }
    const samples = [];
    const totals = {};
    for (const query of queries) {
      const once = await children.runProcess(recoll.query, ['-c', confDir, '-n', '20', '-A', query], timeoutMs, env);
      totals[query] = Number(/(\d+) results/.exec(once.stdout)?.[1] ?? NaN);
      for (let i = 0; i < repeats; i++) samples.push((await children.runProcess(recoll.query, ['-c', confDir, '-n', '20', '-A', query], timeoutMs, env)).wallMs);
    }
    return { ok: true, indexWallMs: round(indexed.wallMs), queryWallMs: round(median(samples)), queryTotals: totals, loadBefore: indexed.load1 };
  } finally {
    rmSync(confDir, { recursive: true, force: true });
  }
}
