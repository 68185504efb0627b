// Issue 15: the command line's usage in its own words: --version, per-command --help with defaults and exit
// codes, usage errors on stderr with exit code 2, and no wording of Node's argument parser.
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/paths.js';
import { ensureBuilt, runCli } from '../support/run-cli.js';

let cacheDir: string;

beforeAll(() => {
  ensureBuilt();
  cacheDir = tempDir();
});

describe('verbatim --version and --help', () => {
  it('prints the package version with --version', async () => {
    const { version } = (await import('../../package.json')).default as { version: string };
    const run = runCli(['--version']);
    expect(run).toMatchObject({ status: 0, stdout: `verbatim ${version}\n`, stderr: '' });
  });

  it.each(['search', 'quotes', 'index', 'serve'])('gives the syntax, defaults and exit codes of %s', (command) => {
    for (const args of [[command, '--help'], ['help', command], [command, '-h']]) {
      const run = runCli(args);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^Usage: verbatim ${command} `));
      expect(run.stdout).toContain('(default:');
      expect(run.stdout).toContain('Exit codes:');
    }
    expect(runCli(['search', '--help']).stdout).toMatch(/--limit N .*\(default: 20\)/);
  });

  it('prints the general usage on stdout when asked, and on stderr with exit code 2 when nothing is asked', () => {
    expect(runCli(['--help'])).toMatchObject({ status: 0, stdout: expect.stringMatching(/^Usage:/), stderr: '' });
    expect(runCli([])).toMatchObject({ status: 2, stdout: '', stderr: expect.stringMatching(/^Usage:/) });
  });
});

describe('usage errors', () => {
  it.each([
    [['search', '-x'], /^verbatim: unknown option "-x"; to search for something that starts with "-", put the query after --, e\.g\. verbatim search -- -x\n$/],
    [['search', '-source:bbc', 'putin'], /^verbatim: unknown option "-source:bbc"; .* verbatim search -- -source:bbc\n$/],
    [['search', 'x', '--lim', '3'], /^verbatim: unknown option "--lim"; did you mean --limit\? see verbatim --help\n$/],
    [['search', 'x', '--limit'], /^verbatim: --limit needs a value, e\.g\. --limit 20\n$/],
    [['search', 'x', '--limit', '-5'], /^verbatim: --limit must be a whole number from 1 to 500 \(got "-5"\)\n$/],
    [['search', 'x', '--json=yes'], /^verbatim: --json takes no value \(got "--json=yes"\)\n$/],
    [['search', ''], /^verbatim: search needs a QUERY/],
    [['search', '  '], /^verbatim: search needs a QUERY/],
    [['frobnicate'], /^verbatim: unknown command "frobnicate"; .*see verbatim --help/],
  ])('%j exits 2 with one line of its own on stderr and nothing on stdout', (args, message) => {
    const run = runCli([...args, '--cache-dir', cacheDir]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    // Node's parser wording: "argument is ambiguous", "Unknown option '-x'. To specify ... '-- "-x"".
    expect(run.stderr).not.toMatch(/ambiguous|To specify a positional/);
  });

  it('still searches for a query that starts with "-" after --', () => {
    const run = runCli(['search', '--cache-dir', cacheDir, '--json', '--', 'Alaska', '-Ukraine']);
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { query: string }).query).toBe('Alaska -Ukraine');
  });
});

describe('query errors on the command line', () => {
  it('exits 2 for an unknown field, with the known fields and where it stands', () => {
    const run = runCli(['search', 'blair category:politics', '--json', '--cache-dir', cacheDir]);
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({ error: { code: 'bad-query', message: expect.stringMatching(/^category: is not a field; the fields are .*folder: path:/), start: 6, end: 23 } });
    expect(run.stderr).toMatch(/^verbatim: category: is not a field; .*\(characters 7-23 of the query\)\n$/);
  });
});
