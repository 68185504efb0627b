// End to end in Chromium against a real `verbatim serve` on the sample archive (content/), issue 15: the
// address keeps the query, view, sort and open article (reload, Back, Forward), the results views export
// every result (not only the page on show) to CSV and JSON, and the quotes panel copies citations in the
// style chosen, which is remembered.

import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { openResultTitled, resultsFor, serveAndBrowse, typeQuery } from './serve.js';

const testTimeoutMs = 60_000;
const seedTitle = 'Putin–Trump meeting is a diplomatic step toward easing international tensions, analyst says';
const seedPath = 'kazinform-putin-trump-alaska.txt';

const app = serveAndBrowse('address', async () => 'content');
const tab = app.pagePerTest({ viewport: { width: 1440, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
let page: Page;
beforeEach(() => {
  page = tab.page;
});

describe('the address', () => {
  it('keeps the search and the open article through a reload, and Back and Forward step through searches', async () => {
    // The token the page was opened with is taken out of the address at once, and never written back.
    expect(new URL(page.url()).hash).toBe('');
    await search('Ukraine');
    await openResult(seedTitle);
    const opened = new URLSearchParams(new URL(page.url()).hash.slice(1));
    expect(opened.get('q')).toBe('Ukraine');
    expect(opened.get('article')).not.toBeNull();

    await page.reload();
    await waitForResults('Ukraine');
    expect(await page.inputValue('#search')).toBe('Ukraine');
    await waitFor(async () => (await text('#reader .reader-title')) === seedTitle, 'the reader to show the article again');
    expect(await page.locator('#results li.result.open .result-title').textContent()).toBe(seedTitle);

    await search('conflict');
    await page.selectOption('#sort', 'newest');
    await waitFor(async () => (await page.getAttribute('#results', 'data-sort')) === 'newest', 'the results sorted newest first');
    expect(new URLSearchParams(new URL(page.url()).hash.slice(1)).get('sort')).toBe('newest');

    await page.goBack();
    await waitFor(async () => (await page.getAttribute('#results', 'data-sort')) === 'relevance', 'Back to the relevance order');
    expect(await page.inputValue('#search')).toBe('conflict');
    await page.goBack();
    await waitForResults('Ukraine');
    expect(await page.inputValue('#search')).toBe('Ukraine');
    expect(await text('#reader .reader-title')).toBe(seedTitle);
    // Back stayed in the app: the page was not reloaded or left.
    expect(new URL(page.url()).origin).toBe(new URL(app.server.url).origin);

    await page.goForward();
    await waitForResults('conflict');
    expect(await page.inputValue('#search')).toBe('conflict');
    expect(page.url()).not.toContain('token');
  }, testTimeoutMs);

  it('keeps the Quotes view, and Back returns to the articles', async () => {
    await search('Ukraine');
    await page.click('#view-quotes');
    await waitFor(async () => (await page.getAttribute('#quote-results', 'data-query')) === 'Ukraine', 'the quotes for Ukraine');
    expect(new URLSearchParams(new URL(page.url()).hash.slice(1)).get('view')).toBe('quotes');

    await page.reload();
    await waitFor(async () => (await page.getAttribute('#quote-results', 'data-query')) === 'Ukraine', 'the quotes again after the reload');
    expect(await page.getAttribute('#view-quotes', 'aria-pressed')).toBe('true');
    expect(await page.locator('#quotes-view').isVisible()).toBe(true);

    await page.goBack();
    await waitFor(async () => await page.locator('#articles-view').isVisible(), 'the Articles view');
    expect(await page.getAttribute('#view-articles', 'aria-pressed')).toBe('true');
    expect(await page.getAttribute('#results', 'data-query')).toBe('Ukraine');
  }, testTimeoutMs);
});

describe('export', () => {
  it('saves every article the query finds as CSV (UTF-8 with a BOM) and JSON, not only the first page', async () => {
    // 56 articles in the sample; the list shows the first 50.
    await search('con*');
    expect(await text('#results-summary')).toMatch(/^56 articles · showing the first 50/);

    const csv = await exported('#articles-view', 'csv');
    expect(csv.name).toBe('verbatim-con-articles.csv');
    expect(csv.text.startsWith('\uFEFFtitle,date,source,path,score,hits,matching quotes,snippet\r\n')).toBe(true);
    expect(csvRecords(csv.text.slice(1))).toHaveLength(57);
    expect(await text('#articles-view .export-status')).toBe('Saved 56 articles to verbatim-con-articles.csv.');

    const json = await exported('#articles-view', 'json');
    const parsed = JSON.parse(json.text) as { query: string; total: number; hits: { title: string; path: string }[] };
    expect(parsed.query).toBe('con*');
    expect(parsed.total).toBe(56);
    expect(parsed.hits).toHaveLength(56);
    // Each CSV record is the JSON's hit in the same order, commas and quotation marks inside fields intact.
    expect(csvRecords(csv.text.slice(1)).slice(1).map((record) => [record[0], record[3]])).toEqual(parsed.hits.map((hit) => [hit.title, hit.path]));
  }, testTimeoutMs);

  it('saves every quotation of the Quotes view, past the 200 it lists', async () => {
    await page.click('#view-quotes');
    await waitFor(async () => (await page.getAttribute('#quote-results', 'data-query')) === '', 'every quote to be listed');
    const shown = await page.locator('#quote-results li.quote-hit').count();
    const total = Number(/^([\d,]+) quotes/.exec(await text('#quote-results-summary'))?.[1]?.replace(/,/g, ''));
    expect(shown).toBeLessThan(total);

    const json = await exported('#quotes-view', 'json');
    const parsed = JSON.parse(json.text) as { total: number; quotes: { text: string; speaker: string | null; kind: string }[] };
    expect(json.name).toBe('verbatim-quotes.json');
    expect(parsed.total).toBe(total);
    expect(parsed.quotes).toHaveLength(total);
    const csv = await exported('#quotes-view', 'csv');
    const records = csvRecords(csv.text.slice(1));
    expect(records[0]).toEqual(['speaker', 'kind', 'verb', 'text', 'title', 'date', 'source', 'path']);
    expect(records.slice(1).map((record) => record[3])).toEqual(parsed.quotes.map((quote) => quote.text));
  }, testTimeoutMs);
});

describe('citations', () => {
  it('copies in the style chosen, a trailing comma made a full stop, and remembers the style', async () => {
    await search('Ukraine');
    await openResult(seedTitle);
    const quote = page.locator('#quotes li.quote', { hasText: 'The main contradiction' });
    const quoteText = ((await quote.locator('.quote-text').textContent()) ?? '').trim();
    expect(quoteText.endsWith('expectations,')).toBe(true);
    const cited = `${quoteText.slice(0, -1)}.`;

    expect(await page.getByLabel('Cite as').inputValue()).toBe('archive');
    await page.getByLabel('Cite as').selectOption({ label: 'Chicago-like' });
    await quote.getByRole('button', { name: 'Copy quote with citation' }).click();
    await waitFor(async () => (await clipboard()).includes('quoted in'), 'the Chicago-like citation');
    expect(await clipboard()).toBe(`“${cited}” Kazbek Maigeldinov, quoted in “${seedTitle}.”`);

    await page.getByLabel('Cite as').selectOption({ label: 'Plain' });
    await quote.getByRole('button', { name: 'Copy quote with citation' }).click();
    await waitFor(async () => !(await clipboard()).includes('quoted in'), 'the plain citation');
    expect(await clipboard()).toBe(`“${cited}” — Kazbek Maigeldinov`);

    await page.reload();
    await waitForResults('Ukraine');
    await waitFor(async () => (await page.locator('#quotes li.quote').count()) > 0, 'the quotes panel to fill again');
    expect(await page.getByLabel('Cite as').inputValue()).toBe('plain');
    await page.getByLabel('Cite as').selectOption('archive');
    await page.locator('#quotes li.quote', { hasText: 'The main contradiction' }).getByRole('button', { name: 'Copy quote with citation' }).click();
    await waitFor(async () => (await clipboard()).endsWith(`(${seedPath})`), 'the citation with the archive path');
    expect(await clipboard()).toBe(`“${cited}” — Kazbek Maigeldinov, in "${seedTitle}" (${seedPath})`);
  }, testTimeoutMs);
});

/** Clicks a view's export button and returns the file the browser saved. */
async function exported(view: string, format: 'csv' | 'json'): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`${view} .export-button[data-format="${format}"]`)]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(file, 'utf8') };
}

/** The records of an RFC 4180 text (CRLF between records, fields in double quotes when they need them). */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else field += c;
  }
  return records;
}

/** Types `query` into the search box and waits for the list to show this query's results. */
async function search(query: string): Promise<void> {
  await typeQuery(page, query, waitFor);
}

async function waitForResults(query: string): Promise<void> {
  await resultsFor(page, query, waitFor);
}

async function openResult(title: string): Promise<void> {
  await openResultTitled(page, title, waitFor);
}

async function clipboard(): Promise<string> {
  return await page.evaluate<string>('navigator.clipboard.readText()');
}

async function text(selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').trim();
}

function waitFor(condition: () => Promise<boolean>, what: string): Promise<void> {
  return app.waitFor(condition, what);
}
