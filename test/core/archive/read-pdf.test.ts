// Issue 18: PDFs read with pdfjs in the page thread: text in reading order with line-end hyphens repaired,
// the headline from the title; encrypted, scanned and damaged PDFs are each one problem. Runs dist/page-worker.cjs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageReader } from '../../../main/core/archive/page-reader.js';
import { extractPdfText, joinLine } from '../../../main/core/archive/pdf-text.js';
import { parseArticleFile } from '../../../main/core/archive/read-archive.js';
import { readPdf } from '../../../main/core/archive/read-pdf.js';
import { beforeAllWithCorpora, itWithCorpora } from '../../support/corpora.js';
import { bbcDir, distDir, repoRoot, tempDir } from '../../support/paths.js';
import { printPdfs } from '../../support/print-pdfs.js';
import { ensureBuilt } from '../../support/run-cli.js';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'pdf');
const pdfjsDir = path.join(repoRoot, 'node_modules', 'pdfjs-dist');
const fontData = { cMapUrl: `${path.join(pdfjsDir, 'cmaps')}/`, standardFontDataUrl: `${path.join(pdfjsDir, 'standard_fonts')}/` };

let reader: PageReader;
beforeAll(() => {
  ensureBuilt();
  reader = new PageReader(path.join(distDir, 'page-worker.cjs'));
});
afterAll(() => reader.stop());

/** BBC articles with quotes, printed in two columns with soft hyphens in long words. */
const printed = ['politics/001.txt', 'politics/004.txt', 'business/003.txt'];
const dir = tempDir();
beforeAllWithCorpora(async () => {
  const articles = printed.map((file) => {
    const [title = '', ...rest] = readFileSync(path.join(bbcDir, file), 'utf8').split('\n');
    return { file: file.replace('/', '-').replace('.txt', '.pdf'), title, body: rest.join('\n') };
  });
  // Several pages: the bodies of the three, four times over.
  const long = { file: 'long.pdf', title: 'Long', body: Array.from({ length: 4 }, () => articles.map((a) => a.body).join('\n\n')).join('\n\n') };
  await printPdfs(dir, [...articles, long]);
}, 60_000);

describe('reading a PDF', () => {
  itWithCorpora.each(printed.map((file) => [file]))('reads %s printed to PDF as the article it was printed from', (file) => {
    const name = file.replace('/', '-').replace('.txt', '.pdf');
    const [fromPdf] = readPdf(name, readFileSync(path.join(dir, name)), reader).articles;
    const [original] = parseArticleFile(file, readFileSync(path.join(bbcDir, file))).articles;
    expect(fromPdf?.draft.title).toBe(original?.title);
    expect(fromPdf?.draft.body).toBe(original?.body);
  });

  itWithCorpora('reads only the pages within the limit, and says so', async () => {
    const pdf = readFileSync(path.join(dir, 'long.pdf'));
    const all = await extractPdfText(new Uint8Array(pdf), { ...fontData, maxPages: 100 });
    const first = await extractPdfText(new Uint8Array(pdf), { ...fontData, maxPages: 1 });
    expect(first.problems).toEqual([expect.stringMatching(/^only the first 1 of its \d+ pages are read \(VERBATIM_PDF_PAGES\)$/)]);
    expect(all.draft.body.startsWith(first.draft.body)).toBe(true);
    expect(first.draft.body.length).toBeLessThan(all.draft.body.length);
  });

  it.each([
    ['encrypted.pdf', 'the PDF is encrypted with a password: Verbatim cannot read it'],
    ['scan.pdf', 'the PDF has no text layer (a scanned image?): Verbatim does not run OCR'],
  ])('reports %s as one problem', (name, reason) => {
    expect(() => readPdf(name, readFileSync(path.join(fixtures, name)), reader)).toThrow(`${name}: ${reason}`);
  });

  it('reports a damaged PDF, and the next one is read', () => {
    expect(() => readPdf('cut.pdf', Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog'), reader)).toThrow(/^cut\.pdf: (not a readable PDF|the PDF has no text layer)/);
    expect(() => readPdf('scan.pdf', readFileSync(path.join(fixtures, 'scan.pdf')), reader)).toThrow(/no text layer/);
  });
});

describe('joining the lines of a PDF', () => {
  it.each([
    ['govern-', 'ment said', 'government said'],
    ['govern\u2010', 'ment said', 'government said'],
    ['govern\u00AD', 'ment said', 'government said'],
    ['Anglo-', 'French talks', 'Anglo-French talks'],
    ['the', 'minister said', 'the minister said'],
    ['', 'First line', 'First line'],
    ['cost 20-', '30 pounds', 'cost 20-30 pounds'],
  ])('joins %j and %j as %j', (text, line, joined) => {
    expect(joinLine(text, line)).toBe(joined);
  });
});
