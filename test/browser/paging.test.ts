// Issue 15 in Chromium through `verbatim serve`: "Show more" in the Articles and Quotes views adds the next
// page below the results shown (keyboard reachable, the list not drawn again), with the query's words marked
// in the quotes, and the cards and speakers list say which quotes they count; choosing a quote never
// scrolls the page; the next hit after a chosen quote is the first one from it on; a new search says
// that the reader's marks are the earlier search's.

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { serveAndBrowse, typeQuery } from './serve.js';

const testTimeoutMs = 60_000;
/** More articles with "harbour" than the first page (50); more quotes with it than the Quotes view's (200). */
const articleCount = 70;
const longQuoteCount = 30;
const quoteCount = (articleCount - 1) * 3 + longQuoteCount;

const filler = (n: number): string => Array.from({ length: n }, () => 'Residents spoke about the weather, the roads and the price of bread for a long time.').join('\n\n');

/** Article `i`: three quotes with "harbour", hits before, between and after them, and paragraphs between. */
function article(i: number): string {
  return [
    `Harbour report code${i}x`,
    `The harbour council met on Monday in the town code${i}x.`,
    filler(8),
    '"The harbour will reopen in spring," Mayor Alice Reed said.',
    filler(8),
    'Boats waited near the harbour wall all week.',
    '"We need the harbour back," fisherman Tom Baker said.',
    filler(8),
    '"Ships are waiting outside the harbour," Alice Reed said.',
    'The harbour opens at dawn.',
  ].join('\n\n');
}

/** An article whose quotes panel is taller than the window. */
function longArticle(): string {
  const quotes = Array.from({ length: longQuoteCount }, (_, n) => `"The harbour plan number ${n + 1} is ready," Mayor Alice Reed said.\n\n${filler(1)}`);
  return ['Harbour plans code0x', 'The harbour council met again code0x.', ...quotes].join('\n\n');
}

const app = serveAndBrowse('paging', async (temporaryFolder) => {
  const archive = path.join(await temporaryFolder('paging'), 'harbours');
  await mkdir(archive);
  await writeFile(path.join(archive, 'a000.txt'), longArticle());
  for (let i = 1; i < articleCount; i++) await writeFile(path.join(archive, `a${String(i).padStart(3, '0')}.txt`), article(i));
  return archive;
});

const tab = app.pagePerTest({ viewport: { width: 1280, height: 700 } });
let page: Page;
beforeEach(() => {
  page = tab.page;
});

async function waitFor(condition: () => Promise<boolean>, what: string): Promise<void> {
  await app.waitFor(condition, what);
}

async function openArticle(query: string): Promise<void> {
  await typeQuery(page, query, waitFor);
  await page.locator('#results li.result').first().click();
  await waitFor(async () => (await page.locator('#reader .reader-title').count()) === 1 && (await page.locator('#quotes li.quote').count()) > 0, 'the article and its quotes');
}

/** Whether the current hit is at or after the chosen quote's first mark (+1), or before it (-1), in the text. */
async function currentHitSide(): Promise<number> {
  return await page.evaluate(`(() => {
    const hit = document.querySelector('#reader mark.hit.current');
    const quote = document.querySelector('#reader mark.quote-mark.active');
    if (hit === null || quote === null) return 0;
    if (hit === quote || quote.contains(hit) || hit.contains(quote)) return 1;
    return hit.compareDocumentPosition(quote) & Node.DOCUMENT_POSITION_PRECEDING ? 1 : -1;
  })()`);
}

describe('paging in the window', () => {
  it('adds the next articles below the first 50 with "Show more", reached from the list with Tab', async () => {
    await typeQuery(page, 'harbour', waitFor);
    const results = page.locator('#results li.result');
    expect(await results.count()).toBe(50);
    expect(await page.locator('#results-summary').innerText()).toMatch(/70 articles/);
    // Marks the first result: a list drawn again would lose the mark.
    await results.first().evaluate((e) => e.setAttribute('data-kept', 'yes'));
    await page.focus('#results');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.id')).toBe('more-results');
    expect(await page.locator('#more-results').innerText()).toBe('Show 20 more articles');
    await page.keyboard.press('Enter');
    await waitFor(async () => (await results.count()) === articleCount, 'all 70 articles');
    expect(await results.first().getAttribute('data-kept')).toBe('yes');
    const titles = await page.locator('#results .result-title').allInnerTexts();
    expect(new Set(titles).size).toBe(articleCount);
    expect(await page.locator('#more-results').isHidden()).toBe(true);
    expect(await page.locator('#results li.result[aria-selected="true"]').getAttribute('id')).toBe('result-50');
  }, testTimeoutMs);

  it('says which quotes the cards and the speakers list count', async () => {
    await typeQuery(page, 'harbour', waitFor);
    expect(await page.locator('#results .quote-count').first().innerText()).toMatch(/^\d+ quotes? with search words$/);
    expect(await page.locator('#speakers .refine-note').innerText()).toBe('In quotes with every word of the search');
  }, testTimeoutMs);

  it('adds the next quotes below the first 200 in the Quotes view', async () => {
    await page.click('#view-quotes');
    await page.fill('#search', 'harbour');
    const quotes = page.locator('#quote-results li.quote-hit');
    await waitFor(async () => (await page.getAttribute('#quote-results', 'data-query')) === 'harbour' && (await quotes.count()) === 200, 'the first 200 quotes');
    await quotes.first().evaluate((e) => e.setAttribute('data-kept', 'yes'));
    // The query's words are marked in the quotes, as in the snippets.
    expect(await quotes.first().locator('.quote-text mark').allInnerTexts()).toEqual(['harbour']);
    const more = page.locator('#more-quotes');
    expect(await more.innerText()).toBe(`Show ${quoteCount - 200} more quotes`);
    await more.focus();
    await page.keyboard.press('Enter');
    await waitFor(async () => (await quotes.count()) === quoteCount, `all ${quoteCount} quotes`);
    expect(await quotes.first().getAttribute('data-kept')).toBe('yes');
    expect(await more.isHidden()).toBe(true);
  }, testTimeoutMs);
});

describe('the reader and the quotes panel', () => {
  it('never scrolls the page when a quote is chosen', async () => {
    await openArticle('harbour code0x');
    const last = page.locator('#quotes .quote-button').last();
    await last.click();
    await waitFor(async () => (await page.locator('#reader mark.quote-mark.active').count()) > 0, 'the quote marked');
    await waitFor(async () => (await page.evaluate<boolean>('document.getAnimations().length === 0')) === true, 'scrolling to end');
    expect(await page.evaluate('[document.scrollingElement.scrollTop, window.scrollY]')).toEqual([0, 0]);
    expect(await page.evaluate('document.scrollingElement.scrollHeight <= window.innerHeight')).toBe(true);
  }, testTimeoutMs);

  it('goes on from a chosen quote with F3 and Shift+F3', async () => {
    await openArticle('harbour code5x');
    await page.locator('#quotes .quote-button', { hasText: 'We need the harbour back' }).click();
    await waitFor(async () => (await page.locator('#reader mark.quote-mark.active').count()) > 0, 'the quote marked');
    await page.keyboard.press('F3');
    expect(await currentHitSide()).toBe(1);
    // The hit inside the quote: the quote's words come first.
    expect(await page.locator('#reader mark.hit.current').first().evaluate((e) => e.closest('p')?.textContent)).toMatch(/^"We need the harbour back/);
    await page.locator('#quotes .quote-button', { hasText: 'We need the harbour back' }).click();
    await page.keyboard.press('Shift+F3');
    expect(await currentHitSide()).toBe(-1);
    // The hit just before the quote.
    expect(await page.locator('#reader mark.hit.current').first().evaluate((e) => e.closest('p')?.textContent)).toMatch(/^Boats waited near the harbour wall/);
  }, testTimeoutMs);

  it('says that the reader shows an earlier search when a new one is made', async () => {
    await openArticle('harbour code5x');
    expect(await page.getAttribute('#reader', 'data-state')).toBeNull();
    await typeQuery(page, 'weather', waitFor);
    await waitFor(async () => (await page.getAttribute('#reader', 'data-state')) === 'stale', 'the reader marked stale');
    expect(await page.locator('#reader .reader-stale').innerText()).toMatch(/earlier search/);
    await page.locator('#results li.result').first().click();
    await waitFor(async () => (await page.getAttribute('#reader', 'data-state')) === null, 'the new article, not stale');
  }, testTimeoutMs);
});
