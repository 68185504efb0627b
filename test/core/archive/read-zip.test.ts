// Issue 18: a .zip's entries are read as a folder, by streaming, within limits against zip bombs; a bad
// entry or a bomb is a problem with its reason, and everything else loads. Runs the bundled dist/page-worker.cjs.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageReader } from '../../../main/core/archive/page-reader.js';
import { articleId, parseArticleFile } from '../../../main/core/archive/read-archive.js';
import { readZipFile } from '../../../main/core/archive/read-zip.js';
import { walkArchive, type ArchiveFile } from '../../../main/core/archive/walk-archive.js';
import { readZipEntries, zipLimits } from '../../../main/core/archive/zip-entries.js';
import { itWithCorpora } from '../../support/corpora.js';
import { bbcDir, distDir, tempDir } from '../../support/paths.js';
import { ensureBuilt } from '../../support/run-cli.js';
import { writeZip, type ZipInput } from '../../support/write-zip.js';

let reader: PageReader;
beforeAll(() => {
  ensureBuilt();
  reader = new PageReader(path.join(distDir, 'page-worker.cjs'));
});
afterAll(() => reader.stop());

const story = (title: string): ZipInput => ({ name: `${title.toLowerCase()}.txt`, data: Buffer.from(`${title} close the coast road\n\nThe council said the road would reopen in May.`) });

/** The zip named `name` in a fresh folder, as the walk lists it. */
async function zipFile(name: string, entries: readonly ZipInput[]): Promise<ArchiveFile> {
  const dir = tempDir();
  await writeZip(path.join(dir, name), entries);
  const file = (await walkArchive(dir)).files.find((f) => f.path === name);
  if (file === undefined) throw new Error(`${name} was not listed`);
  return file;
}

const read = (file: ArchiveFile) => readZipFile(file, parseArticleFile, reader);

describe('reading a zip as a folder', () => {
  itWithCorpora('opens a zip of 20 BBC articles as 20 articles, each named by its path inside', async () => {
    const names = ['001', '002', '003', '004', '005', '006', '007', '008', '009', '010'];
    const entries = ['politics', 'business'].flatMap((folder) => names.map((n) => ({ name: `${folder}/${n}.txt`, data: readFileSync(path.join(bbcDir, folder, `${n}.txt`)) })));
    const { articles, problems } = read(await zipFile('bbc.zip', entries));
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(20);
    expect(articles[0]?.path).toBe('bbc.zip/politics/001.txt');
    expect(articles.map((a) => a.id)).toEqual(articles.map((a) => articleId(a.path)));
    const plain = parseArticleFile('politics/001.txt', readFileSync(path.join(bbcDir, 'politics', '001.txt'))).articles[0];
    expect([articles[0]?.title, articles[0]?.body]).toEqual([plain?.title, plain?.body]);
  });

  it('reads every format inside, and passes over folders, hidden files and macOS metadata', async () => {
    const { articles, problems } = read(await zipFile('dump.zip', [
      { name: '2019/', data: Buffer.alloc(0) },
      { name: '2019/feed.jsonl', data: Buffer.from('{"title":"Floods","text":"Rivers rose."}\n{"title":"Drought","text":"No rain."}\n') },
      { name: '2019/rows.csv', data: Buffer.from('title,text\nHeat,"It was hot."\n') },
      { name: '2019/.DS_Store', data: Buffer.from([0, 1, 2]) },
      { name: '__MACOSX/2019/._feed.jsonl', data: Buffer.from([0, 1, 2]) },
      story('Storms'),
    ]));
    expect(problems).toEqual([]);
    expect(articles.map((a) => [a.path, a.title, a.where])).toEqual([
      ['dump.zip/2019/feed.jsonl', 'Floods', undefined],
      ['dump.zip/2019/feed.jsonl', 'Drought', undefined],
      ['dump.zip/2019/rows.csv', 'Heat', 'row 2'],
      ['dump.zip/storms.txt', 'Storms close the coast road', undefined],
    ]);
  });

  it('reports a bad entry by its path inside, and reads the others', async () => {
    const { articles, problems } = read(await zipFile('dump.zip', [story('Storms'), { name: 'empty.txt', data: Buffer.alloc(0) }, story('Floods')]));
    expect(articles.map((a) => a.path)).toEqual(['dump.zip/storms.txt', 'dump.zip/floods.txt']);
    expect(problems).toEqual([{ path: 'dump.zip/empty.txt', reason: 'the file is empty' }]);
  });
});

describe('zip bombs and broken zips, each one problem with its reason', () => {
  it('does not open archives nested inside (42.zip), and names them in one problem', async () => {
    const dir = tempDir();
    await writeZip(path.join(dir, 'inner.zip'), [story('Deep')]);
    const inner = readFileSync(path.join(dir, 'inner.zip'));
    const nested = ['0', '1', '2', '3', '4', '5', '6', '7'].map((n) => ({ name: `lib ${n}.zip`, data: inner }));
    const { articles, problems } = read(await zipFile('42.zip', [...nested, story('Storms')]));
    expect(articles.map((a) => a.path)).toEqual(['42.zip/storms.txt']);
    expect(problems).toEqual([{ path: '42.zip', reason: '8 archives inside it not opened (lib 0.zip, lib 1.zip, lib 2.zip, lib 3.zip, lib 4.zip, and 3 more): archives nest at most one level, as zip bombs such as 42.zip nest' }]);
  });

  it('refuses a 1 GB entry packed into about 1 MB without unpacking it', async () => {
    const gigabyte = { chunk: Buffer.alloc(16 * 1024 * 1024, 'The same line again.\n'), times: 64 };
    const file = await zipFile('bomb.zip', [{ name: 'bomb.txt', repeat: gigabyte }, story('Storms')]);
    expect(file.size).toBeLessThan(4 * 1024 * 1024);
    const { articles, problems } = read(file);
    expect(articles.map((a) => a.path)).toEqual(['bomb.zip/storms.txt']);
    expect(problems).toEqual([{ path: 'bomb.zip/bomb.txt', reason: 'the entry unpacks to 1024.0 MiB; Verbatim reads files up to 50.0 MiB' }]);
  }, 120_000);

  it('stops an entry whose header understates its size as soon as it unpacks past it', async () => {
    const lying = { name: 'liar.txt', repeat: { chunk: Buffer.alloc(1024 * 1024, 'Again.\n'), times: 200 }, declaredSize: 1000 };
    const { articles, problems } = read(await zipFile('liar.zip', [lying, story('Storms')]));
    expect(articles.map((a) => a.path)).toEqual(['liar.zip/storms.txt']);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('liar.zip/liar.txt');
    expect(problems[0]?.reason).toMatch(/^the entry cannot be unpacked \(too many bytes in the stream/);
  }, 60_000);

  it('reports a file named .zip that is not a zip as one problem', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'fake.zip'), 'Not a zip at all');
    const [file] = (await walkArchive(dir)).files;
    expect(() => file && read(file)).toThrow(/^fake\.zip: not a readable zip archive \(/);
  });
});

describe('the limits of one zip', () => {
  const limits = { ...zipLimits, entries: 3, batchBytes: 100 };
  const entries = ['A', 'B', 'C', 'D', 'E'].map((t) => story(`Story${t}`));

  it('reads at most the entry limit, says so, and carries bounded batches', async () => {
    const file = await zipFile('many.zip', entries);
    const first = await readZipEntries(file.absolutePath, 0, limits);
    expect(first.problems.map((p) => p.reason)).toEqual(['the zip holds 5 entries; only the first 3 are read']);
    expect(first.entries.map((e) => e.name)).toEqual(['storya.txt', 'storyb.txt']);
    expect(first.next).toBe(2);
    const second = await readZipEntries(file.absolutePath, 2, limits);
    expect([second.entries.map((e) => e.name), second.next]).toEqual([['storyc.txt'], null]);
  });

  it('stops at the total unpacked size, and refuses an entry packed tighter than the ratio', async () => {
    const file = await zipFile('big.zip', [story('Small'), { name: 'zeros.txt', data: Buffer.alloc(2 * 1024 * 1024, 'a') }, story('Late')]);
    const ratio = await readZipEntries(file.absolutePath, 0, zipLimits);
    expect(ratio.problems).toEqual([{ name: 'zeros.txt', reason: expect.stringMatching(/^the entry is packed \d+ to 1; Verbatim refuses more than 200 to 1 \(a zip bomb\?\)$/) }]);
    const total = await readZipEntries(file.absolutePath, 0, { ...zipLimits, totalBytes: 1024 * 1024 });
    expect(total.entries.map((e) => e.name)).toEqual(['small.txt']);
    expect(total.problems).toEqual([{ name: 'zeros.txt', reason: 'the zip unpacks to more than 1.0 MiB in all; this entry and the rest are not read (a zip bomb?)' }]);
  });
});
