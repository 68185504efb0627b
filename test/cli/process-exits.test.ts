// Issue 15: the command ends cleanly when its surroundings fail it: a reader of its output that goes away
// (`verbatim search x | head -2`) and a port already in use (`verbatim serve --port N`).
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../support/paths.js';
import { ensureBuilt } from '../support/run-cli.js';

/** Far more than either exit takes; only a process that hangs reaches it. */
const exitWaitMs = 20_000;

beforeAll(() => {
  ensureBuilt();
});

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs `verbatim ...args`; `closeOutput` closes the reading end of its stdout at once, as `head` does when done. */
function runUntilExit(args: string[], closeOutput: boolean): Promise<Ended | 'still running'> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'verbatim.cjs'), ...args, '--cache-dir', tempDir()], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (closeOutput) child.stdout.destroy();
  else child.stdout.resume();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve('still running');
    }, exitWaitMs);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr });
    });
  });
}

describe('the command line ends cleanly', () => {
  it.each([[['search', 'putin']], [['search', 'Alaska', '--json']], [['quotes']]])('exits 0 quietly when the reader of its output goes away: %j', async (args) => {
    expect(await runUntilExit(args, true)).toEqual({ code: 0, signal: null, stderr: '' });
  });

  it('exits 1 at once with a clear message when the port asked for is in use', async () => {
    const taken: Server = createServer();
    const port = await new Promise<number>((resolve) => taken.listen(0, '127.0.0.1', () => resolve((taken.address() as { port: number }).port)));
    try {
      const ended = await runUntilExit(['serve', '--port', String(port)], false);
      expect(ended).toEqual({
        code: 1,
        signal: null,
        stderr: `verbatim: port ${port} on 127.0.0.1 is in use: choose another with --port N, or --port 0 for any free port\n`,
      });
    } finally {
      taken.close();
    }
  });
});
