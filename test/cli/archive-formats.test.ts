// Issue 18, through the command line: archives as they come (gzip'd CSV and JSON lines, zips, PDFs) open
// with all their articles and are searchable; hostile files are each one problem and cost nothing else.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { beforeAllWithCorpora, describeWithCorpora, itWithCorpora } from '../support/corpora.js';
import { bbcDir, repoRoot, sharedDir, tempDir } from '../support/paths.js';
import { printPdfs } from '../support/print-pdfs.js';
import { ensureBuilt, runCli } from '../support/run-cli.js';
import { writeZip } from '../support/write-zip.js';

interface IndexReply {
  articles: number;
  problems: { path: string; reason: string }[];
}
interface Quote {
  text: string;
  speaker: string | null;
}

const cacheDir = tempDir();
const run = (archive: string, ...args: string[]) => {
  const result = runCli([...args, '--archive', archive, '--cache-dir', cacheDir, '--json']);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as unknown;
};
const index = (archive: string) => run(archive, 'index') as IndexReply;
const searchPaths = (archive: string, query: string) => (run(archive, 'search', query) as { hits: { path: string; title: string }[] }).hits.map((h) => h.path);

beforeAll(ensureBuilt);

describeWithCorpora('Russian news as published: gzip\'d CSV, TSV and JSON lines from seven outlets', () => {
  const archive = tempDir();
  const ruDir = path.join(sharedDir, 'corpora', 'webnews-dev', 'ru', 'devset');
  /** 75 distinct articles of the corpus (headline on line 1), dealt to seven outlets in turn. */
  const stories: { title: string; text: string; outlet: number; date: string }[] = [];

  beforeAllWithCorpora(() => {
    const seen = new Set<string>();
    for (const name of readdirSync(ruDir).filter((n) => n.startsWith('book_')).sort()) {
      const [title = '', ...rest] = readFileSync(path.join(ruDir, name), 'utf8').split('\n');
      const text = rest.join('\n').trim();
      if (seen.has(text) || stories.length === 75) continue;
      seen.add(text);
      stories.push({ title: title.trim(), text, outlet: stories.length % 7, date: `2016-0${(stories.length % 9) + 1}-15` });
    }
    const of = (outlet: number) => stories.filter((s) => s.outlet === outlet);
    const csvCell = (text: string) => `"${text.replaceAll('"', '""')}"`;
    const csv = (outlet: number, delimiter: string) =>
      [['headline', 'maintext', 'date_publish', 'url'].join(delimiter), ...of(outlet).map((s, i) => [csvCell(s.title), csvCell(s.text), s.date, `https://example.ru/${outlet}/${i}`].join(delimiter))].join('\r\n');
    const jsonl = (outlet: number) => of(outlet).map((s) => JSON.stringify({ title: s.title, text: s.text, date: s.date, source: `outlet ${outlet}` })).join('\n');
    mkdirSync(path.join(archive, 'ods'));
    writeFileSync(path.join(archive, 'ods', 'rt.csv.gz'), gzipSync(csv(0, ',')));
    writeFileSync(path.join(archive, 'ods', 'tass.csv.gz'), gzipSync(csv(1, ';')));
    writeFileSync(path.join(archive, 'ods', 'ria.tsv.gz'), gzipSync(csv(2, '\t')));
    writeFileSync(path.join(archive, 'kommersant.csv'), csv(3, ','));
    writeFileSync(path.join(archive, 'lenta.jsonl.gz'), gzipSync(jsonl(4)));
    writeFileSync(path.join(archive, 'interfax.jsonl.gz'), gzipSync(jsonl(5)));
    writeFileSync(path.join(archive, 'meduza.json.gz'), gzipSync(JSON.stringify(of(6).map((s) => ({ headline: s.title, body: s.text })))));
  });

  it('opens with all 75 articles and no problem', () => {
    const reply = index(archive);
    expect(reply.problems).toEqual([]);
    expect(reply.articles).toBe(75);
  });

  it.each([0, 3, 6])('finds the article of outlet %i by a phrase of its text', (outlet) => {
    const story = stories.find((s) => s.outlet === outlet);
    const phrase = (story?.text.match(/[А-Яа-яЁё]{5,}\s+[А-Яа-яЁё]{5,}\s+[А-Яа-яЁё]{5,}/u) ?? [''])[0];
    expect(phrase).not.toBe('');
    const file = ['ods/rt.csv.gz', '', '', 'kommersant.csv', '', '', 'meduza.json.gz'][outlet];
    expect(searchPaths(archive, `"${phrase}"`)).toContain(file);
  });
});

describeWithCorpora('zips and PDFs of BBC articles', () => {
  const zipped = tempDir();
  const printed = tempDir();
  const plain = tempDir();
  const pdfArticles = ['politics/001.txt', 'politics/004.txt', 'business/003.txt'];

  beforeAllWithCorpora(async () => {
    const names = readdirSync(path.join(bbcDir, 'politics')).filter((n) => n.endsWith('.txt')).sort().slice(0, 20);
    await writeZip(path.join(zipped, 'bbc.zip'), names.map((n) => ({ name: `politics/${n}`, data: readFileSync(path.join(bbcDir, 'politics', n)) })));
    const articles = pdfArticles.map((file) => {
      const text = readFileSync(path.join(bbcDir, file), 'utf8');
      writeFileSync(path.join(plain, file.replace('/', '-')), text);
      const [title = '', ...rest] = text.split('\n');
      return { file: file.replace('/', '-').replace('.txt', '.pdf'), title, body: rest.join('\n') };
    });
    await printPdfs(printed, articles);
  }, 60_000);

  it('opens a zip of 20 articles as 20 articles, named inside the zip', () => {
    expect(index(zipped)).toMatchObject({ articles: 20, problems: [] });
    expect(searchPaths(zipped, '"maternity pay"')).toContain('bbc.zip/politics/001.txt');
  });

  it('opens PDFs printed from articles, and finds a phrase in them', () => {
    expect(index(printed)).toMatchObject({ articles: 3, problems: [] });
    // The phrase runs across a line end of the printed column ("dismissed the" / "maternity pay plan").
    expect(searchPaths(printed, '"dismissed the maternity pay plan"')).toEqual(['politics-001.pdf']);
  });

  itWithCorpora('gives the PDFs the quotes and speakers of the articles they were printed from', () => {
    const quotes = (archive: string) => (run(archive, 'quotes', '--all') as { quotes: Quote[] }).quotes.map((q) => `${q.speaker ?? '?'}: ${q.text}`).sort();
    const fromPdf = quotes(printed);
    expect(fromPdf).toEqual(quotes(plain));
    expect(fromPdf.some((q) => q.startsWith('Patricia Hewitt: We have already doubled'))).toBe(true);
  });
});

describe('hostile files beside good ones', () => {
  const archive = tempDir();
  beforeAll(async () => {
    writeFileSync(path.join(archive, 'good.txt'), 'Harbour reopens\n\nThe harbour reopened on Monday.');
    writeFileSync(path.join(archive, 'cut.jsonl.gz'), gzipSync('{"title":"Floods","text":"Rivers rose."}\n'.repeat(100)).subarray(0, 50));
    writeFileSync(path.join(archive, 'rows.csv'), 'title,text\nFloods,"Rivers rose."\nBroken,"He said "no" to it"\nHeat,"It was hot."\n');
    writeFileSync(path.join(archive, 'bomb.txt.gz'), gzipSync(Buffer.alloc(60 * 1024 * 1024, 'Again.\n')));
    const inner = tempDir();
    await writeZip(path.join(inner, 'a.zip'), [{ name: 'deep.txt', data: Buffer.from('Deep\n\nText.') }]);
    await writeZip(path.join(archive, '42.zip'), ['a', 'b', 'c'].map((n) => ({ name: `${n}.zip`, data: readFileSync(path.join(inner, 'a.zip')) })));
    for (const name of ['encrypted.pdf', 'scan.pdf']) writeFileSync(path.join(archive, name), readFileSync(path.join(repoRoot, 'test', 'fixtures', 'pdf', name)));
  });

  it('reports each as one problem with its reason, and loads everything else', () => {
    const reply = index(archive);
    expect(reply.articles).toBe(3);
    expect(reply.problems).toEqual([
      { path: '42.zip', reason: '3 archives inside it not opened (a.zip, b.zip, c.zip): archives nest at most one level, as zip bombs such as 42.zip nest' },
      { path: 'bomb.txt.gz', reason: 'it unpacks to more than 50.0 MiB, more than Verbatim reads from one file (a zip bomb?)' },
      { path: 'cut.jsonl.gz', reason: 'the gzip data is cut off (the file is truncated)' },
      { path: 'encrypted.pdf', reason: 'the PDF is encrypted with a password: Verbatim cannot read it' },
      { path: 'rows.csv (line 3)', reason: 'the row cannot be read (a quotation mark inside a quoted cell is not doubled as "")' },
      { path: 'scan.pdf', reason: 'the PDF has no text layer (a scanned image?): Verbatim does not run OCR' },
    ]);
  });
});
