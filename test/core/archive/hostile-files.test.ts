// Issue 14: files an archive can hold to hurt the reader (links out of it, FIFOs, sockets, devices,
// names that are not UTF-8), each built in a temp folder; a hang fails the test by its timeout.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareProblems } from '../../../main/core/archive/compare-problems.js';
import { readArticleFile } from '../../../main/core/archive/read-archive.js';
import { walkArchive, type ArchiveListing } from '../../../main/core/archive/walk-archive.js';
import type { Article, ImportProblem } from '../../../main/contract/model.js';
import { tempDir } from '../../support/paths.js';

const article = (headline: string): string => `${headline}\n\nThe council met on Tuesday.`;

/** Walks `dir` and reads every listed file, as an engine does. */
async function load(dir: string): Promise<{ listing: ArchiveListing; articles: Article[]; problems: Record<string, string> }> {
  const listing = await walkArchive(dir);
  const read = listing.files.map(readArticleFile);
  const all: ImportProblem[] = [...listing.problems, ...read.flatMap((r) => r.problems)];
  return { listing, articles: read.flatMap((r) => r.articles), problems: Object.fromEntries(all.map((p) => [p.path, p.reason])) };
}

const posix = process.platform !== 'win32';
// Linux file systems take any bytes in a name; macOS's APFS refuses names that are not UTF-8.
const linux = process.platform === 'linux';

describe('links in an archive', () => {
  it('reports a link that leaves the archive and never reads its target', async () => {
    const outside = tempDir();
    const secret = path.join(outside, 'passwd');
    writeFileSync(secret, article('Secret headline'));
    mkdirSync(path.join(outside, 'private'));
    writeFileSync(path.join(outside, 'private', 'diary.txt'), article('Diary headline'));
    const dir = tempDir();
    writeFileSync(path.join(dir, 'good.txt'), article('Good headline'));
    symlinkSync(secret, path.join(dir, 'passwd.txt'));
    symlinkSync(path.join(outside, 'private'), path.join(dir, 'private'));
    symlinkSync('/etc/passwd', path.join(dir, 'etc-passwd.txt'));

    const { listing, articles, problems } = await load(dir);
    expect(listing.files.map((f) => f.path)).toEqual(['good.txt']);
    expect(articles.map((a) => a.title)).toEqual(['Good headline']);
    expect(problems['passwd.txt']).toBe(`skipped: the link points outside the archive (to ${secret})`);
    expect(problems['private']).toMatch(/^skipped: the link points outside the archive/);
    expect(problems['etc-passwd.txt']).toMatch(/^skipped: the link points outside the archive/);
  });

  it('follows a link whose real path is inside the archive, and names a dangling one', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'politics'));
    writeFileSync(path.join(dir, 'politics', 'a.txt'), article('Inside headline'));
    symlinkSync(path.join(dir, 'politics', 'a.txt'), path.join(dir, 'latest.txt'));
    symlinkSync(path.join('politics', 'a.txt'), path.join(dir, 'relative.txt'));
    symlinkSync(path.join(dir, 'gone.txt'), path.join(dir, 'dangling.txt'));

    const { articles, problems } = await load(dir);
    expect(articles.map((a) => a.path)).toEqual(['latest.txt', 'politics/a.txt', 'relative.txt']);
    expect(problems).toEqual({ 'dangling.txt': 'skipped: the link points to nothing (its target does not exist)' });
  });
});

describe.skipIf(!posix)('files that are not regular files', () => {
  it('reports a FIFO without opening it (opening one waits for a writer)', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'good.txt'), article('Good headline'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    const { articles, problems } = await load(dir);
    expect(articles.map((a) => a.path)).toEqual(['good.txt']);
    expect(problems).toEqual({ 'pipe.txt': 'not a regular file: FIFO (a named pipe)' });
  }, 5000);

  it('refuses a FIFO that replaced a listed file, without waiting on it', () => {
    const dir = tempDir();
    const fifo = path.join(dir, 'swapped.txt');
    execFileSync('mkfifo', [fifo]);
    const read = readArticleFile({ path: 'swapped.txt', absolutePath: fifo, size: 10, mtimeMs: 0 });
    expect(read).toEqual({ articles: [], problems: [{ path: 'swapped.txt', reason: 'not a regular file: FIFO (a named pipe)' }] });
  }, 5000);

  it('refuses a device that replaced a listed file', () => {
    const read = readArticleFile({ path: 'null.txt', absolutePath: '/dev/null', size: 0, mtimeMs: 0 });
    expect(read.problems).toEqual([{ path: 'null.txt', reason: 'not a regular file: character device' }]);
  });

  it('reports a socket', async () => {
    const dir = tempDir();
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(path.join(dir, 'socket.txt'), resolve));
    try {
      expect((await load(dir)).problems).toEqual({ 'socket.txt': 'not a regular file: socket' });
    } finally {
      server.close();
    }
  }, 5000);
});

describe.skipIf(!linux)('names that are not valid UTF-8', () => {
  it('reads and indexes the file, and shows its name with replacement characters', async () => {
    const dir = tempDir();
    // "café" in Latin-1: the byte 0xE9 alone is not UTF-8.
    const latin1 = Buffer.from('caf\xe9', 'latin1');
    const folder = Buffer.concat([Buffer.from(`${dir}/`), latin1]);
    mkdirSync(folder);
    writeFileSync(Buffer.concat([folder, Buffer.from('/'), latin1, Buffer.from('.txt')]), article('Nested headline'));
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), latin1, Buffer.from('.txt')]), article('Latin-1 headline'));
    writeFileSync(path.join(dir, 'plain.txt'), article('Plain headline'));

    const { articles, problems } = await load(dir);
    expect(problems).toEqual({});
    expect(articles.map((a) => [a.path, a.title])).toEqual([
      ['caf\uFFFD.txt', 'Latin-1 headline'],
      ['caf\uFFFD/caf\uFFFD.txt', 'Nested headline'],
      ['plain.txt', 'Plain headline'],
    ]);
  });
});

describe('the order of problems', () => {
  it('puts line 9 before line 10, and leaves text order otherwise', () => {
    const paths = ['feed.jsonl (line 10)', 'b.txt', 'feed.jsonl (line 9)', 'feed.jsonl (line 100)', 'a.txt', 'feed.jsonl (line 09)'];
    const sorted = paths.map((p) => ({ path: p, reason: '' })).sort(compareProblems).map((p) => p.path);
    expect(sorted).toEqual(['a.txt', 'b.txt', 'feed.jsonl (line 09)', 'feed.jsonl (line 9)', 'feed.jsonl (line 10)', 'feed.jsonl (line 100)']);
  });
});
