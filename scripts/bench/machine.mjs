// What the benchmark records about where it ran: the machine, Node, the libraries' versions and the commit.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { root } from './paths.mjs';
import { round } from './stats.mjs';

/** The machine, Node and library versions, and the commit measured (with a note when main/ has uncommitted changes). */
export function machineInfo() {
  const cpus = os.cpus();
  const version = (pkg) => {
    try {
      return JSON.parse(readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
    } catch {
      return null;
    }
  };
  let commit = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'main'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (dirty !== '') commit += ' + uncommitted changes in main/';
  } catch {
    // Not a git checkout: the commit stays unknown.
  }
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    availableParallelism: os.availableParallelism(),
    memoryGb: round(os.totalmem() / 1e9, 1),
    node: process.version,
    v8HeapLimitMb: round(v8.getHeapStatistics().heap_size_limit / 1e6, 0),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadAverageAtStart: os.loadavg().map((x) => round(x, 2)),
    lunr: version('lunr'),
    minisearch: version('minisearch'),
    esbuild: version('esbuild'),
    commit,
  };
}
