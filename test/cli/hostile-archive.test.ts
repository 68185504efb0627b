// Issue 14 through the command line: an archive built to attack the terminal and the reader, in a temp
// folder. Every run is bounded by runCli's timeout, so a FIFO that blocked the reader would fail here.
import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { terminalText } from '../../main/cli/terminal-text.js';
import { tempDir } from '../support/paths.js';
import { ensureBuilt, runCli } from '../support/run-cli.js';

let archive: string;
let cacheDir: string;
const posix = process.platform !== 'win32';
const linux = process.platform === 'linux';

beforeAll(() => {
  ensureBuilt();
  cacheDir = tempDir();
  archive = tempDir();
  // A title that sets the window title and clears the screen; a body that recolours, rings and rewrites the line.
  writeFileSync(
    path.join(archive, 'escape.txt'),
    'Mayor\x1b]0;pwned\x07 speaks\x1b[2J on the budget\n\n' +
      '"We will rebuild\x1b[31m the\x9b1m bridge\r," the mayor said about the budget.\x1b[0m\n\nThe budget passed.\x07',
  );
  writeFileSync(path.join(archive, 'bad\x1b[31mname.doc'), 'Annual report');
  // Twelve broken lines: their problems must come in line order (9 before 10).
  writeFileSync(path.join(archive, 'feed.jsonl'), Array.from({ length: 12 }, (_, i) => `{"broken": ${i}`).join('\n'));
  symlinkSync('/etc/passwd', path.join(archive, 'passwd.txt'));
  if (posix) execFileSync('mkfifo', [path.join(archive, 'pipe.txt')]);
  if (linux) writeFileSync(Buffer.concat([Buffer.from(`${archive}/`), Buffer.from('caf\xe9.txt', 'latin1')]), 'Latin-1 name\n\nThe budget of the caf\u00e9.');
});

const run = (...args: string[]) => runCli([...args, '--archive', archive, '--cache-dir', cacheDir]);
// eslint-disable-next-line no-control-regex -- the test looks for control characters
const control = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

describe('text written to the terminal', () => {
  it.each([
    ['search', ['search', 'budget']],
    ['quotes', ['quotes']],
    ['index', ['index']],
  ])('%s prints archive text without control characters', (_name, args) => {
    const { status, stdout } = run(...args);
    expect(status).toBe(0);
    expect(stdout).not.toMatch(control);
    expect(stdout).not.toContain('pwned');
  });

  it('keeps the words around the escapes', () => {
    const { stdout } = run('search', 'budget');
    expect(stdout).toContain('Mayor speaks on the budget');
    expect(run('quotes').stdout).toContain('We will rebuild the1m bridge');
    expect(run('index').stdout).toContain('badname.doc: not an article format');
  });

  it.each([
    ['\x1b[31mred\x1b[0m', 'red'],
    ['title\x1b]0;pwned\x07 after', 'title after'],
    ['osc\x1b]8;;https://evil.example\x1b\\link', 'osclink'],
    ['over\rwrite', 'overwrite'],
    ['bell\x07 nul\x00 del\x7f c1\x9b', 'bell nul del c1'],
    ['tab\tand\nnewline', 'tab\tand\nnewline'],
    ['quoted “words” — café, Привет', 'quoted “words” — café, Привет'],
  ])('terminalText(%j) is %j', (text, cleaned) => {
    expect(terminalText(text)).toBe(cleaned);
  });
});

describe('the import report of a hostile archive', () => {
  it('lists .jsonl problems by line number, reports the link out and the FIFO, and reads a Latin-1 name', () => {
    const reply = JSON.parse(run('index', '--json').stdout) as { articles: number; problems: { path: string; reason: string }[] };
    const lines = reply.problems.filter((p) => p.path.startsWith('feed.jsonl')).map((p) => p.path);
    expect(lines).toEqual(Array.from({ length: 12 }, (_, i) => `feed.jsonl (line ${i + 1})`));
    const reasons = Object.fromEntries(reply.problems.map((p) => [p.path, p.reason]));
    expect(reasons['passwd.txt']).toBe('skipped: the link points outside the archive (to /etc/passwd)');
    if (posix) expect(reasons['pipe.txt']).toBe('not a regular file: FIFO (a named pipe)');
    expect(reply.articles).toBe(linux ? 2 : 1);
    if (linux) {
      const hits = JSON.parse(run('search', 'Latin-1', '--json').stdout) as { hits: { path: string }[] };
      expect(hits.hits.map((h) => h.path)).toEqual(['caf\uFFFD.txt']);
    }
  });
});
