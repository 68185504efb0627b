// Issue 18: gzip'd article files are read by the name inside; a bomb, a cut-off file or a nest is one problem.
import { createWriteStream, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createGzip, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { maxFileBytes, parseArticleFile, readArticleFile } from '../../../main/core/archive/read-archive.js';
import { walkArchive } from '../../../main/core/archive/walk-archive.js';
import { readArticles } from '../../support/read-articles.js';
import { tempDir } from '../../support/paths.js';

const jsonl = '{"title":"Floods","text":"Rivers rose."}\n{"title":"Drought","text":"No rain fell."}\n';

describe('reading gzip\'d files', () => {
  it.each([
    ['feed.jsonl.gz', jsonl, ['Floods', 'Drought']],
    ['rows.csv.gz', 'title,text\nFloods,Rivers rose.\n', ['Floods']],
    ['story.txt.gz', 'Floods\n\nRivers rose.\n', ['Floods']],
    ['story.json.gz', '{"title":"Floods","text":"Rivers rose."}', ['Floods']],
    ['page.html.gz', '<!doctype html><html><head><title>Floods</title></head><body><article><p>Rivers rose across the valley on Monday, and the town closed its bridges to traffic.</p></article></body></html>', ['Floods']],
  ])('reads %s as the format inside, named by the compressed file', (name, text, titles) => {
    const { articles, problems } = parseArticleFile(name, gzipSync(text));
    expect(problems).toEqual([]);
    expect(articles.map((a) => a.title)).toEqual(titles);
    expect(articles.every((a) => a.path === name)).toBe(true);
  });

  it('reads what the plain file holds, with ids derived from the path and stable across reads', () => {
    const plain = parseArticleFile('feed.jsonl', Buffer.from(jsonl)).articles;
    const packed = parseArticleFile('feed.jsonl.gz', gzipSync(jsonl, { level: 1 })).articles;
    expect(packed.map((a) => a.body)).toEqual(plain.map((a) => a.body));
    expect(packed.map((a) => a.id)).toEqual(parseArticleFile('feed.jsonl.gz', gzipSync(jsonl, { level: 9 })).articles.map((a) => a.id));
    expect(new Set([...packed, ...plain].map((a) => a.id)).size).toBe(4);
  });

  it.each([
    ['a truncated gzip', 'cut.jsonl.gz', gzipSync(jsonl.repeat(50)).subarray(0, 60), 'the gzip data is cut off (the file is truncated)'],
    ['a .gz that is not gzip', 'fake.txt.gz', Buffer.from('Floods\n\nRivers rose.'), 'named .gz, but it is not gzip data'],
    ['a gzip in a gzip', 'twice.txt.gz.gz', gzipSync(gzipSync('Floods\n\nRivers rose.')), 'a compressed file inside a compressed file (.gz in .gz) is not opened: archives nest at most one level'],
  ])('reports %s as one problem', (_, name, bytes, reason) => {
    expect(() => parseArticleFile(name, bytes)).toThrow(`${name}: ${reason}`);
  });

  it('stops a 1 GB bomb at the file budget, and reads the files beside it', async () => {
    const dir = tempDir();
    // 1 GiB of one repeated line, gzip'd by streaming the same chunk (about 1 MB on disk).
    const chunk = Buffer.alloc(16 * 1024 * 1024, 'The same line again and again.\n');
    const gzip = createGzip({ level: 9 });
    const done = new Promise<void>((resolve, reject) => gzip.pipe(createWriteStream(path.join(dir, 'bomb.txt.gz'))).on('finish', resolve).on('error', reject));
    for (let i = 0; i < 64; i += 1) if (!gzip.write(chunk)) await new Promise((resolve) => gzip.once('drain', resolve));
    gzip.end();
    await done;
    writeFileSync(path.join(dir, 'feed.jsonl.gz'), gzipSync(jsonl));
    const listing = await walkArchive(dir);
    const bomb = listing.files.find((f) => f.path === 'bomb.txt.gz');
    expect(bomb?.size).toBeLessThan(maxFileBytes / 10);
    const { articles, problems } = readArticles(listing.files);
    expect(articles.map((a) => a.title)).toEqual(['Floods', 'Drought']);
    expect(problems).toEqual([{ path: 'bomb.txt.gz', reason: 'it unpacks to more than 50.0 MiB, more than Verbatim reads from one file (a zip bomb?)' }]);
    if (bomb !== undefined) expect(readArticleFile(bomb).articles).toEqual([]);
  }, 60_000);
});
