import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArticleFile } from '../../../main/core/archive/read-archive.js';
import { readArticles } from '../../support/read-articles.js';
import { walkArchive } from '../../../main/core/archive/walk-archive.js';
import type { Article, ImportProblem } from '../../../main/contract/model.js';
import { describeWithCorpora, itWithCorpora } from '../../support/corpora.js';
import { repoRoot, sharedDir, tempDir } from '../../support/paths.js';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'formats');
let articles: Article[];
let problems: ImportProblem[];

beforeAll(async () => {
  const dir = tempDir();
  cpSync(fixtures, dir, { recursive: true });
  const listing = await walkArchive(dir);
  ({ articles, problems } = readArticles(listing.files));
});

const byTitle = (title: string): Article | undefined => articles.find((a) => a.title === title);

describe('JSON and JSON lines', () => {
  it('reads a news-please record with its metadata, and a __proto__ key pollutes nothing', () => {
    expect(byTitle('Council votes to rebuild harbour wall')).toMatchObject({
      path: 'news-please.json',
      date: '2025-08-16T14:03:00',
      source: 'example.org',
      author: 'Jane Doe, John Roe',
      url: 'https://example.org/harbour',
      language: 'en',
    });
    expect(byTitle('Council votes to rebuild harbour wall')?.body.split('\n\n')).toHaveLength(3);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads each JSON line with the usual field names, and reports the bad lines by number', () => {
    expect(byTitle('Bridge closes for repairs')).toMatchObject({ date: '2025-03-03', source: 'Example Gazette', author: 'Sam Lee' });
    const library = byTitle('Library extends opening hours');
    expect(library).toMatchObject({ date: '2025-05-02', source: 'Example Gazette' });
    expect(library?.body.split('\n\n')).toHaveLength(2);
    const festival = byTitle('Festival returns');
    expect(festival?.body).toBe('The summer festival returns this year.\n\nTickets go on sale in June.');
    expect(festival?.date).toBe('2025-05-13');
    const reasons = Object.fromEntries(problems.filter((p) => p.path.startsWith('crawl.jsonl')).map((p) => [p.path, p.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['crawl.jsonl (line 2)', 'crawl.jsonl (line 4)', 'crawl.jsonl (line 5)']);
    expect(reasons['crawl.jsonl (line 2)']).toMatch(/^not valid JSON/);
    expect(reasons['crawl.jsonl (line 4)']).toMatch(/^no article text/);
    expect(reasons['crawl.jsonl (line 5)']).toBe('not a JSON object');
  });

  it('gives each article of a multi-article file its own stable id', () => {
    const ids = articles.filter((a) => a.path === 'crawl.jsonl').map((a) => a.id);
    expect(new Set(ids).size).toBe(3);
  });

  it.each([
    ['empty list', '[]', /empty list/],
    ['no text field', '{"id": 1, "tags": ["a"]}', /x\.json: no article text/],
    ['broken JSON', '{"title": "x", ', /x\.json: not valid JSON/],
    ['a bare string', '"just text"', /no article objects/],
    ['deep nesting', `${'['.repeat(200)}${']'.repeat(200)}`, /nested more than 64 levels/],
  ])('reports a JSON file with %s', (_name, text, reason) => {
    expect(() => parseArticleFile('x.json', Buffer.from(text))).toThrow(reason);
  });

  it('reads a UTF-8 BOM before JSON', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"title": "T", "text": "Body text."}')]);
    expect(parseArticleFile('bom.json', bytes).articles[0]?.title).toBe('T');
  });
});

describe('saved web pages', () => {
  it('extracts headline, byline, date, source and main text, and nothing of the page around it', () => {
    const page = byTitle('Port strike ends after three weeks');
    expect(page).toMatchObject({
      path: 'saved-page.html',
      date: '2025-07-09T08:30:00Z',
      source: 'Example Times',
      url: 'https://times.example/port-strike',
      language: 'en',
    });
    expect(page?.author).toMatch(/Priya Nair/);
    expect(page?.body).toMatch(/^(By Priya Nair\n\n)?Dock workers returned to work on Wednesday/);
    expect(page?.body).toContain('"This agreement gives our members the security they asked for," union leader Marco Bianchi told reporters');
    for (const junk of ['alert', 'fetch(', 'hacked', 'background: red', 'All rights reserved', 'Home', 'javascript:', 'pixel']) {
      expect(page?.body).not.toContain(junk);
    }
  });

  it('recognizes a saved page by its content whatever its extension', () => {
    const html = readFileSync(path.join(fixtures, 'saved-page.html'));
    expect(parseArticleFile('page.txt', html).articles[0]?.title).toBe('Port strike ends after three weeks');
    expect(parseArticleFile('page', html).articles[0]?.title).toBe('Port strike ends after three weeks');
  });
});

describe('Markdown and plain text', () => {
  it('takes the first heading as the headline when there is no front matter', () => {
    const md = byTitle('Ferry timetable changes from June');
    expect(md?.body).toBe('The ferry to the islands will run every two hours from June, the operator said on Tuesday.\n\nWhat changes\n\nEvening sailings end at 9 pm instead of 11 pm.');
  });

  it('picks up a stated source, byline and dateline, and keeps those lines in the text', () => {
    const txt = byTitle('Grain exports rise for third month');
    expect(txt).toMatchObject({ source: 'Example Wire', author: 'Olga Petrova', date: '2025-03-14' });
    expect(txt?.body).toMatch(/^Source: Example Wire\n\nBy Olga Petrova\n\nKYIV, 14 March 2025/);
  });

  itWithCorpora('invents no metadata for a text that states none', () => {
    const bbc = parseArticleFile('x.txt', readFileSync(path.join(sharedDir, 'corpora', 'bbc', 'politics', '001.txt'))).articles[0];
    expect(bbc).toMatchObject({ date: null, source: null, author: null, url: null, language: 'en' });
  });

  it('skips a folder README by name', () => {
    expect(articles.map((a) => a.path)).not.toContain('README.md');
  });
});

describeWithCorpora('the real annotated corpora', () => {
  it("reads every PolNeAR text with its headline", async () => {
    const dir = path.join(sharedDir, 'corpora', 'polnear', 'text');
    const listing = await walkArchive(dir);
    const read = readArticles(listing.files);
    expect(read.problems).toEqual([]);
    expect(read.articles).toHaveLength(readdirSync(dir).length);
    const first = read.articles.find((a) => a.path === 'breitbart_2015-11-11_the-ninth-circle-the-hellish-vie.txt');
    expect(first?.title).toBe('The Ninth Circle: The Hellish View from Inside the Beltway, #2.');
    expect(read.articles.every((a) => a.language === 'en')).toBe(true);
  });
});

describe('encodings', () => {
  /** Encodes text in a single-byte encoding by inverting the platform's decoder. */
  function encode(encoding: string, text: string): Buffer {
    const decoder = new TextDecoder(encoding);
    const table = new Map<string, number>();
    for (let b = 255; b >= 0; b -= 1) table.set(decoder.decode(Uint8Array.of(b)), b);
    return Buffer.from([...text].map((ch) => table.get(ch) ?? 0x3f));
  }

  const russian =
    'Санкции против России\n\nПрезидент заявил в пятницу, что санкции против страны не достигли своей цели. ' +
    '«Экономика адаптировалась к новым условиям», — сказал он журналистам в Москве.';
  // KOI8-R has no guillemets or dashes: its text uses straight quotes.
  const russianKoi8 = russian.replace(/[«»]/g, '"').replace(/ — /g, ' - ');
  const french = "Le maire promet de reconstruire le port\n\nLe maire a déclaré vendredi que les travaux commenceront à l'été. « Nous reconstruirons », a-t-il ajouté.";

  it.each([
    ['UTF-8', () => Buffer.from(russian), russian],
    ['UTF-8 with a BOM', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(russian)]), russian],
    ['UTF-16 LE with a BOM', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(russian, 'utf16le')]), russian],
    ['UTF-16 BE with a BOM', () => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(russian, 'utf16le').swap16()]), russian],
    ['Windows-1251', () => encode('windows-1251', russian), russian],
    ['KOI8-R', () => encode('koi8-r', russianKoi8), russianKoi8],
    ['Windows-1252', () => encode('windows-1252', french), french],
  ])('reads %s', (_name, bytes, text) => {
    const [article] = parseArticleFile('article.txt', bytes()).articles;
    const [title, ...rest] = text.split('\n\n');
    expect(article?.title).toBe(title);
    expect(article?.body).toBe(rest.join('\n\n'));
  });

  it('detects the language of each article', () => {
    expect(parseArticleFile('ru.txt', Buffer.from(russian)).articles[0]?.language).toBe('ru');
    expect(parseArticleFile('fr.txt', Buffer.from(french)).articles[0]?.language).toBe('fr');
  });

  it('uses the charset a saved page declares', () => {
    const page = `<html><head><meta charset="windows-1251"><title>Новости</title></head><body><article><p>${'Президент заявил в пятницу, что санкции не помогли. '.repeat(5)}</p></article></body></html>`;
    const [article] = parseArticleFile('page.html', encode('windows-1251', page)).articles;
    expect(article?.body).toMatch(/^Президент заявил в пятницу/);
  });
});

describe('files that cannot be read', () => {
  it('reports each with a reason and reads the rest', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'good.txt'), 'Headline\n\nText.');
    // PDFs and zips are read (issue 18), by their names: these are binary under a text file's name.
    writeFileSync(path.join(dir, 'scan.txt'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64)]));
    writeFileSync(path.join(dir, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]));
    writeFileSync(path.join(dir, 'bundle.json'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]));
    writeFileSync(path.join(dir, 'notes.docx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]));
    writeFileSync(path.join(dir, 'data.csv'), 'a,b\n1,2\n');
    writeFileSync(path.join(dir, 'long-line.txt'), `A headline\n\n${'word '.repeat(400_000)}`);
    writeFileSync(path.join(dir, 'huge.txt'), Buffer.alloc(51 * 1024 * 1024, 0x61));
    const listing = await walkArchive(dir);
    const read = readArticles(listing.files);
    const reasons = Object.fromEntries(read.problems.map((p) => [p.path, p.reason]));
    expect(read.articles.map((a) => a.path).sort()).toEqual(['good.txt', 'long-line.txt']);
    expect(reasons['scan.txt']).toBe('the file is binary, not text: it looks like a PDF document');
    expect(reasons['photo.jpg']).toBe('the file is binary, not text: it looks like a JPEG image');
    expect(reasons['bundle.json']).toMatch(/binary, not text: it looks like a ZIP archive/);
    expect(reasons['notes.docx']).toMatch(/binary/);
    expect(reasons['data.csv']).toMatch(/^no text column: the header row \("a", "b"\)/);
    expect(reasons['huge.txt']).toBe('the file is 51.0 MiB; Verbatim reads files up to 50.0 MiB');
  });

  it('reports a file that vanishes between listing and reading', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'gone.txt'), 'Headline\n\nText.');
    const listing = await walkArchive(dir);
    const { rmSync } = await import('node:fs');
    rmSync(path.join(dir, 'gone.txt'));
    const read = readArticles(listing.files);
    expect(read.problems).toEqual([{ path: 'gone.txt', reason: 'the file disappeared while the archive was being read' }]);
  });
});
