// Test support: prints articles to PDF with Chromium (page.pdf(), as a reader's "Save as PDF" does), in two
// columns and with soft hyphens in long words, so that tests read PDFs made from real articles without
// committing their text.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../browser/serve.js';

/** An article to print: its file name in `dir`, headline and paragraphs (separated by blank lines). */
export interface PrintedArticle {
  file: string;
  title: string;
  body: string;
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Words of nine letters or more get soft hyphens, which Chromium breaks at line ends as a typesetter would. */
const hyphenate = (text: string): string => text.replace(/\p{L}{9,}/gu, (word) => word.replace(/(\p{L}{4})(?=\p{L}{4})/gu, '$1\u00AD'));

/** Prints each article to `dir/file` as an A4 PDF: the headline as document title and heading, the body in two columns. */
export async function printPdfs(dir: string, articles: readonly PrintedArticle[]): Promise<void> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const page = await browser.newPage();
    for (const article of articles) {
      const paragraphs = article.body.split(/\n\s*\n/).filter((p) => p.trim() !== '').map((p) => `<p>${hyphenate(escape(p.trim()))}</p>`);
      await page.setContent(
        `<!doctype html><html lang="en"><head><title>${escape(article.title)}</title></head>` +
          `<body style="font: 11pt serif; columns: 2; column-gap: 2em; hyphens: manual"><h1 style="column-span: all">${escape(article.title)}</h1>${paragraphs.join('')}</body></html>`,
      );
      await writeFile(path.join(dir, article.file), await page.pdf({ format: 'A4' }));
    }
  } finally {
    await browser.close();
  }
}
