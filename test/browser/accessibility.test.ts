// End to end in Chromium against `verbatim serve` on the sample archive (content/): accessibility (issue 15).
// axe-core reports nothing in any view (the People view and a person's page too, issue 16), light and dark; ↑/↓ move through the quotes panel; Tab reaches the
// results before the facets; a printed article is the article alone; and "Open original" is the app's only.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { animationsDone, serveAndBrowse, typeQuery } from './serve.js';

const testTimeoutMs = 60_000;
const query = 'Putin Trump Alaska';

const app = serveAndBrowse('a11y', async () => 'content');
// The app's CSP (script-src 'self', no Trusted Types) refuses an injected axe-core; the CSP has tests of its own.
const tab = app.pagePerTest({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
let page: Page;
beforeEach(() => {
  page = tab.page;
});

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** What axe-core finds wrong in the page as it is now: one line per rule and element. */
async function axeViolations(): Promise<string[]> {
  if (!(await page.evaluate<boolean>("typeof window.axe === 'object'"))) await page.addScriptTag({ content: await axeSource });
  await app.waitFor(() => animationsDone(page), 'animations to end');
  return await page.evaluate<string[]>(`(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.flatMap((v) => v.nodes.map((n) => v.id + ': ' + n.target.join(' ') + ': ' + n.failureSummary.replace(/\\s+/g, ' ')));
  })()`);
}

const waitFor = (condition: () => Promise<boolean>, what: string): Promise<void> => app.waitFor(condition, what);

async function openFirstArticle(): Promise<void> {
  await typeQuery(page, query, waitFor);
  await page.click('#results li.result >> nth=0');
  await waitFor(async () => (await page.locator('#quotes li.quote').count()) > 1, 'the quotes panel to fill');
}

/** The People view, from the keyboard: the search box's ↓ selects the first person. */
async function showPeople(): Promise<void> {
  await page.click('#view-people');
  await waitFor(async () => (await page.locator('#people li.person-hit').count()) > 0, 'the People view');
  await page.focus('#search');
  await page.keyboard.press('ArrowDown');
}

const views: Array<[string, () => Promise<void>]> = [
  ['the start page', async () => {}],
  ['the results', () => typeQuery(page, query, waitFor)],
  ['the reader with an article open', openFirstArticle],
  [
    'the quotes view',
    async () => {
      await typeQuery(page, query, waitFor);
      await page.click('#view-quotes');
      await waitFor(async () => (await page.locator('#quote-results li[role="option"]').count()) > 0, 'the quote results');
    },
  ],
  ['the People view', showPeople],
  [
    'a person page, its timeline table and a correction form open',
    async () => {
      await showPeople();
      await page.keyboard.press('Enter');
      await waitFor(async () => (await page.locator('#person li.person-quote').count()) > 0, 'the person page');
      await page.click('#person .timeline-toggle');
      await page.click('#person li.person-quote details.correction summary >> nth=0');
    },
  ],
  [
    'the query help',
    async () => {
      await page.click('#query-help-button');
      await waitFor(() => page.locator('#query-help').isVisible(), 'the query help to open');
    },
  ],
  [
    'a narrow window',
    async () => {
      await page.setViewportSize({ width: 700, height: 800 });
      await openFirstArticle();
    },
  ],
];

describe('accessibility', () => {
  it.each(views)('axe-core finds nothing wrong in %s, light and dark', async (_view, show) => {
    await show();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(), `${colorScheme}`).toEqual([]);
    }
  }, testTimeoutMs);

  it.each([
    [1440, 900],
    [700, 480],
  ])('shows the whole query help in a %i x %i window, and scrolls it with the keyboard', async (width, height) => {
    await page.setViewportSize({ width, height });
    await page.click('#query-help-button');
    await waitFor(() => page.locator('#query-help').isVisible(), 'the query help to open');
    const box = await page.locator('#query-help').boundingBox();
    expect(box).not.toBeNull();
    if (box === null) return;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    expect(box.y + box.height).toBeLessThanOrEqual(height);
    const body = page.locator('#query-help .popover-body');
    const scrollTop = (): Promise<number> => body.evaluate((element) => element.scrollTop);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate<boolean>("document.activeElement?.classList.contains('popover-body') === true")).toBe(true);
    await page.keyboard.press('PageDown');
    await waitFor(async () => (await scrollTop()) > 0, 'the query help to scroll');
  }, testTimeoutMs);

  it('moves through the quotes panel with ↑ and ↓', async () => {
    await openFirstArticle();
    const buttons = page.locator('#quotes li.quote .quote-button');
    await buttons.first().focus();
    const focusedQuote = (): Promise<string | null> => page.evaluate<string | null>("document.activeElement?.getAttribute('data-quote-id') ?? null");
    const ids = await buttons.evaluateAll((all) => all.map((b) => b.getAttribute('data-quote-id')));
    await page.keyboard.press('ArrowDown');
    expect(await focusedQuote()).toBe(ids[1]);
    await page.keyboard.press('ArrowUp');
    expect(await focusedQuote()).toBe(ids[0]);
    await page.keyboard.press('End');
    expect(await focusedQuote()).toBe(ids.at(-1));
    await page.keyboard.press('Home');
    expect(await focusedQuote()).toBe(ids[0]);
    // From a quote's "Copy" button, ↓ goes on to the next quote too.
    await page.locator('#quotes li.quote .copy-quote').first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await focusedQuote()).toBe(ids[1]);
  }, testTimeoutMs);

  it('reaches the results with Tab before the facets', async () => {
    await typeQuery(page, query, waitFor);
    await waitFor(() => page.locator('#refine button.facet').first().isVisible(), 'the facets');
    await page.focus('#search');
    const passed: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate<string>("(() => { const e = document.activeElement; return e === null ? '' : e.id || e.className; })()");
      if (focused === 'results') break;
      passed.push(focused);
    }
    expect(passed.some((focused) => focused.includes('facet')), passed.join(', ')).toBe(false);
    expect(passed.length).toBeLessThan(40);
    await page.keyboard.press('Tab');
    expect(await page.evaluate<boolean>("document.activeElement?.closest('#refine') !== null")).toBe(true);
  }, testTimeoutMs);

  it('offers no "Open original" or "Show in folder" in a browser: only the app opens files', async () => {
    await openFirstArticle();
    expect(await page.locator('#file-actions').count()).toBe(1);
    expect(await page.locator('#open-original').isVisible()).toBe(false);
    expect(await page.locator('#show-in-folder').isVisible()).toBe(false);
  }, testTimeoutMs);

  it('prints the article alone: title, meta, text and quotes, without the search or the results', async () => {
    await openFirstArticle();
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['#search', '#results', '.view-switch', '#refine', '.reader-toolbar', '.status-bar', '#quotes .copy-quote']) {
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    }
    for (const shown of ['#reader .reader-title', '#reader .reader-meta', '#reader .reader-body', '#quotes li.quote']) {
      expect(await page.locator(shown).first().isVisible(), shown).toBe(true);
    }
  }, testTimeoutMs);
});
