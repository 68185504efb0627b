// End to end in Chromium against a real `verbatim serve` on the sample archive (content/): the tools
// around the results (issues 4 and 5): sort order, facets and the speakers list that edit the query,
// the notices under the search box, the query help popover, the "Quotes only" toggle, the Quotes view,
// and "Copy" with a citation (through the Clipboard API, and through the fallback the app relies on).
// Screenshots of each in light and dark go to test-output/search-tools-*.png for a human to look at; the
// text and main controls are checked for WCAG AA contrast in both.

import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { syntaxRows } from '../../renderer/query-syntax.js';
import { minimumTextContrast, textContrast } from './contrast.js';
import { animationsDone, inReader, openResultTitled, outputDir, resultsFor, serveAndBrowse, typeQuery } from './serve.js';

const testTimeoutMs = 60_000;
const seedTitle = 'Putin–Trump meeting is a diplomatic step toward easing international tensions, analyst says';
const seedPath = 'kazinform-putin-trump-alaska.txt';

const app = serveAndBrowse('tools', async () => 'content');
// Clipboard permissions so that the test can read what "Copy" wrote.
const tab = app.pagePerTest({ viewport: { width: 1440, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
let page: Page;
beforeEach(() => {
  page = tab.page;
});

describe('the tools around the results', () => {
  it('sorts by newest and oldest first, and keeps the order when the query changes', async () => {
    await search('president');
    expect(await page.locator('#sort').isVisible()).toBe(true);
    expect(await page.getByLabel('Sort').inputValue()).toBe('relevance');

    await page.selectOption('#sort', 'newest');
    await waitFor(async () => (await page.getAttribute('#results', 'data-sort')) === 'newest', 'the results sorted newest first');
    const newest = await resultDates();
    expect(newest.filter((d) => d !== null).length).toBeGreaterThan(5);
    expect(isSorted(newest, 'newest')).toBe(true);

    await search('war');
    expect(await page.inputValue('#sort')).toBe('newest');
    expect(await page.getAttribute('#results', 'data-sort')).toBe('newest');
    expect(isSorted(await resultDates(), 'newest')).toBe(true);

    await page.selectOption('#sort', 'oldest');
    await waitFor(async () => (await page.getAttribute('#results', 'data-sort')) === 'oldest', 'the results sorted oldest first');
    expect(isSorted(await resultDates(), 'oldest')).toBe(true);
  }, testTimeoutMs);

  it('adds a year to the query from its facet, shows only that year, and takes it out again', async () => {
    await search('president');
    expect(await page.locator('#refine .facet-group').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Source/), expect.stringMatching(/^Year/), expect.stringMatching(/^Language/)]),
    );
    const year = page.locator('#refine [data-facet="year"] button.facet').first();
    const value = (await year.getAttribute('data-value')) ?? '';
    const count = Number(await year.locator('.facet-count').evaluate((e) => e.firstChild?.textContent ?? ''));
    expect(value).toMatch(/^\d{4}$/);
    expect(await year.getAttribute('aria-pressed')).toBe('false');

    await year.click();
    await waitForResults(`president date:${value}`);
    expect(await page.inputValue('#search')).toBe(`president date:${value}`);
    const dates = await resultDates();
    expect(dates).toHaveLength(count);
    for (const date of dates) expect(date?.slice(0, 4)).toBe(value);
    const pressed = page.locator(`#refine button.facet[data-value="${value}"]`);
    expect(await pressed.getAttribute('aria-pressed')).toBe('true');
    // The facet keeps the keyboard focus across the new results.
    expect(await page.evaluate<string | null>('document.activeElement && document.activeElement.dataset.value')).toBe(value);

    await pressed.press('Enter');
    await waitForResults('president');
    expect(await page.inputValue('#search')).toBe('president');
    expect((await resultDates()).length).toBeGreaterThan(count);

    // Collapsible, from the keyboard.
    await page.focus('#facets-toggle');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('#facets-toggle', 'aria-expanded')).toBe('false');
    expect(await page.locator('#facets').isVisible()).toBe(false);
    await page.keyboard.press('Enter');
    expect(await page.locator('#facets').isVisible()).toBe(true);
  }, testTimeoutMs);

  it('says under the search box which common words it ignored', async () => {
    await search('the president');
    await waitFor(async () => (await text('#search-notices')) === 'Ignored common words: the.', 'the notice');
    expect(await page.locator('#search-notices').isVisible()).toBe(true);
    await search('president');
    expect(await text('#search-notices')).toBe('');
  }, testTimeoutMs);

  it('says in the results and quotes summaries when a query stopped at its time budget (issue 14)', async () => {
    // The server's answers, marked as a query over its budget would be: how the page shows it is what is tested.
    const notice = 'Stopped after 75 ms: results may be incomplete.';
    for (const method of ['search', 'quotes']) {
      await page.route(`**/api/${method}`, async (route) => {
        const response = await route.fetch();
        const result = (await response.json()) as { ok: boolean; value?: Record<string, unknown> };
        await route.fulfill({ response, json: result.ok ? { ...result, value: { ...result.value, incomplete: notice } } : result });
      });
    }
    await search('Ukraine');
    await waitFor(async () => (await text('#results-summary .incomplete')) === notice, 'the notice in the results summary');
    expect(await text('#results-summary')).toMatch(/^\d+ articles?/);
    await page.click('#view-quotes');
    await waitFor(async () => (await text('#quote-results-summary .incomplete')) === notice, 'the notice in the quotes summary');
    await shoot('search-tools-incomplete');
    await page.unrouteAll();
  }, testTimeoutMs);

  it('opens the query help with ? and closes it with Escape; it lists the whole query language', async () => {
    const help = page.locator('#query-help');
    expect(await help.isVisible()).toBe(false);
    // `?` in the search box is typed, not a shortcut.
    await page.focus('#search');
    await page.keyboard.press('?');
    expect(await page.inputValue('#search')).toBe('?');
    expect(await help.isVisible()).toBe(false);
    await page.fill('#search', '');

    await page.focus('#reader');
    await page.keyboard.press('?');
    expect(await help.isVisible()).toBe(true);
    expect(await page.getAttribute('#query-help-button', 'aria-expanded')).toBe('true');
    expect(await page.getAttribute('#query-help', 'role')).toBe('dialog');
    expect(await help.locator('tbody tr').count()).toBe(syntaxRows.length);
    expect(await help.locator('tbody th code').allTextContents()).toEqual(expect.arrayContaining(['in:quotes', 'speaker:"Kazbek Maigeldinov"', 'date:2025-08']));
    expect(await help.textContent()).toContain('the words must stand inside one quotation of the article');
    await shoot('search-tools-help');

    await page.keyboard.press('Escape');
    expect(await help.isVisible()).toBe(false);
    expect(await page.getAttribute('#query-help-button', 'aria-expanded')).toBe('false');
    expect(await activeElementId()).toBe('reader');

    // The "?" button and the start page's link open it too; the close button closes it.
    await page.click('#query-help-button');
    expect(await help.isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Close the query help' }).click();
    expect(await help.isVisible()).toBe(false);
    await page.click('#start-query-help');
    expect(await help.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await help.isVisible()).toBe(false);
  }, testTimeoutMs);

  it('adds and removes in:quotes with "Quotes only", and then shows the matching quotes in the results', async () => {
    await search('conflict');
    const toggle = page.getByRole('button', { name: 'Quotes only' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('#results .result-quote').count()).toBe(0);

    await toggle.click();
    await waitForResults('conflict in:quotes');
    expect(await page.inputValue('#search')).toBe('conflict in:quotes');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const results = page.locator('#results li.result');
    for (let i = 0; i < (await results.count()); i++) {
      expect(await results.nth(i).locator('.result-quote').count()).toBeGreaterThan(0);
    }
    const seed = results.filter({ hasText: seedTitle });
    expect(await seed.locator('.result-quote .speaker').allTextContents()).toEqual(['Kazbek Maigeldinov', 'Kazbek Maigeldinov']);
    expect(await seed.locator('.result-quote .quote-text').first().textContent()).toContain('conflict');
    await shoot('search-tools-quotes-only');

    await toggle.click();
    await waitForResults('conflict');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    // Typing the scope presses the toggle too.
    await page.fill('#search', 'conflict in:quotes');
    await waitFor(async () => (await toggle.getAttribute('aria-pressed')) === 'true', 'the toggle to follow the typed query');
  }, testTimeoutMs);

  it('lists who is quoted on the search, with counts, and filters by a speaker from there', async () => {
    await search('conflict');
    expect(await text('#speakers h2')).toBe('Quoted on this search');
    const speaker = page.locator('#speakers button.speaker-facet', { hasText: 'Kazbek Maigeldinov' });
    expect(await speaker.count()).toBe(1);
    expect(await speaker.locator('.facet-count').evaluate((e) => e.firstChild?.textContent)).toBe('2');
    expect((await speaker.textContent())?.replace(/\s+/g, ' ').trim()).toBe('Kazbek Maigeldinov 2 quotes');
    await shoot('search-tools-speakers');

    await speaker.click();
    await waitForResults('conflict speaker:"Kazbek Maigeldinov"');
    expect(await page.inputValue('#search')).toBe('conflict speaker:"Kazbek Maigeldinov"');
    expect(await page.locator('#results li.result .result-title').allTextContents()).toEqual([seedTitle]);
    const pressed = page.locator('#speakers button.speaker-facet', { hasText: 'Kazbek Maigeldinov' });
    expect(await pressed.getAttribute('aria-pressed')).toBe('true');
    await pressed.click();
    await waitForResults('conflict');
  }, testTimeoutMs);

  it('lists the quotes that match in the Quotes view, and opens one in the reader with the quote marked', async () => {
    await search('Ukraine');
    await page.click('#view-quotes');
    expect(await page.getAttribute('#view-quotes', 'aria-pressed')).toBe('true');
    expect(await page.locator('#results').isVisible()).toBe(false);
    const items = page.locator('#quote-results li.quote-hit');
    await waitFor(async () => (await page.getAttribute('#quote-results', 'data-query')) === 'Ukraine' && (await items.count()) > 0, 'the quotes for Ukraine');
    expect(await text('#quote-results-summary')).toMatch(/^\d+ quotes?/);
    for (let i = 0; i < (await items.count()); i++) {
      expect(await items.nth(i).locator('.quote-text').textContent()).toMatch(/Ukrain/);
      expect((await items.nth(i).locator('.speaker').textContent())?.length).toBeGreaterThan(0);
      expect(await items.nth(i).locator('.quote-hit-title').textContent()).not.toBe('');
    }

    const chosen = items.filter({ hasText: 'The main contradiction' });
    const chosenText = ((await chosen.locator('.quote-text').textContent()) ?? '').trim();
    expect(await chosen.locator('.speaker').textContent()).toBe('Kazbek Maigeldinov');
    expect(await chosen.locator('.verb').textContent()).toBe('noted');
    expect(await chosen.locator('.quote-hit-title').textContent()).toBe(seedTitle);
    await chosen.click();
    await waitFor(async () => (await text('#reader .reader-title')) === seedTitle, 'the seed article in the reader');
    await waitFor(async () => (await page.locator('#reader mark.quote-mark').count()) > 0, 'the quote to be marked');
    const active = page.locator('#quotes li.quote.active');
    expect(await active.locator('.quote-text').textContent()).toBe(chosenText);
    expect(await active.locator('.quote-button').getAttribute('aria-pressed')).toBe('true');
    const marked = (await page.locator('#reader mark.quote-mark').allTextContents()).join('');
    expect(marked.replace(/\s+/g, ' ')).toContain('The main contradiction is that Ukraine was not invited');
    await waitFor(() => inReader(page, '#reader mark.quote-mark'), 'the quote to scroll into view');
    expect(await chosen.getAttribute('class')).toContain('open');
    await shoot('search-tools-quotes-view');

    // From the search box, the arrow keys and Enter work on the quotes as on the articles.
    await page.focus('#search');
    await page.keyboard.press('PageUp');
    await page.keyboard.press('ArrowDown');
    const second = items.nth(1);
    expect(await second.getAttribute('aria-selected')).toBe('true');
    expect(await page.getAttribute('#search', 'aria-activedescendant')).toBe(await second.getAttribute('id'));
    const secondText = ((await second.locator('.quote-text').textContent()) ?? '').trim();
    await page.keyboard.press('Enter');
    await waitFor(async () => ((await active.locator('.quote-text').textContent()) ?? '') === secondText, 'the second quote to be chosen');

    // Back to the articles, for the same query.
    await page.click('#view-articles');
    expect(await page.locator('#results li.result').first().isVisible()).toBe(true);
    expect(await page.getAttribute('#results', 'data-query')).toBe('Ukraine');
  }, testTimeoutMs);

  it('copies a quote with its citation, and says so', async () => {
    await search('Ukraine');
    await openResult(seedTitle);
    const quote = page.locator('#quotes li.quote', { hasText: 'The main contradiction' });
    const quoteText = ((await quote.locator('.quote-text').textContent()) ?? '').trim();
    expect(quoteText).toMatch(/^The main contradiction is that Ukraine was not invited/);
    const copy = quote.getByRole('button', { name: 'Copy quote with citation' });
    await copy.click();
    // The sample's seed article states no source or date: those parts are left out.
    expect(await clipboard()).toBe(`“${asCited(quoteText)}” — Kazbek Maigeldinov, in "${seedTitle}" (${seedPath})`);
    await waitFor(async () => (await text('#copy-status')) === 'Copied the quote with its citation.', 'the confirmation');
    expect(await page.getAttribute('#copy-status', 'aria-live')).toBe('polite');
    expect(await copy.textContent()).toBe('Copied');
    await shoot('search-tools-copied', false);

    // A Wikinews article states all of them.
    await search('conflict');
    const title = "After visa snags, all-girl Afghan team honored for 'courageous achievement' at international robotics competition";
    await openResult(title);
    const path = await text('#reader .reader-meta .path');
    const mohib = page.locator('#quotes li.quote', { hasText: 'Hamdullah Mohib' }).first();
    const mohibText = ((await mohib.locator('.quote-text').textContent()) ?? '').trim();
    await mohib.locator('.copy-quote').click();
    await waitFor(async () => (await clipboard()).includes('Hamdullah Mohib'), 'the second citation');
    // Two parts around "Mohib said": the citation joins them with an ellipsis, the comma that led into it dropped (issue 15).
    expect(mohibText).toContain('possible at all, They represent');
    expect(await clipboard()).toBe(`“${mohibText.replace('possible at all, They', 'possible at all … They')}” — Hamdullah Mohib, in "${title}", Wikinews, 2017-07-21 (${path})`);
  }, testTimeoutMs);

  it('shows reported speech apart from quotations, marks its speaker in the text, and copies it as reported', async () => {
    await search('Ukraine');
    await openResult(seedTitle);
    const reported = page.locator('#quotes li.quote', { hasText: 'the talks lasted nearly three hours' });
    expect(await reported.locator('.kind-label').textContent()).toBe('Reported');
    expect(await reported.locator('q').count()).toBe(0);
    const words = ((await reported.locator('.quote-text.reported').textContent()) ?? '').trim();
    expect(words).toBe('the talks lasted nearly three hours behind closed doors');
    expect(await reported.locator('.speaker').textContent()).toBe('Kazbek Maigeldinov');
    // Found from a role, not a name: the panel says so.
    expect(await reported.locator('.found').textContent()).toBe('(from “The expert”)');
    // A quotation has no label and stands in quotation marks.
    const quotation = page.locator('#quotes li.quote', { hasText: 'The main contradiction' });
    expect(await quotation.locator('.kind-label').count()).toBe(0);
    expect(await quotation.locator('q.quote-text').count()).toBe(1);

    await reported.locator('.quote-button').click();
    await waitFor(async () => (await page.locator('#reader mark.speaker-mark.active').count()) > 0, 'the speaker to be marked');
    // The evidence: the words that name the speaker of this statement ("The expert noted that ...").
    expect((await page.locator('#reader mark.speaker-mark.active').allTextContents()).join('')).toBe('The expert');
    expect((await page.locator('#reader mark.quote-mark.active').allTextContents()).join('')).toBe(words);

    await reported.locator('.copy-quote').click();
    await waitFor(async () => (await clipboard()).includes('reported speech'), 'the citation');
    expect(await clipboard()).toBe(`Kazbek Maigeldinov noted that ${words} (reported speech), in "${seedTitle}" (${seedPath})`);
  }, testTimeoutMs);

  it('copies through a hidden text area when the Clipboard API is refused, as in the app', async () => {
    await search('Ukraine');
    await openResult(seedTitle);
    await page.evaluate(`navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'))`);
    // execCommand('copy') fires a copy event; the Clipboard API does not.
    await page.evaluate(`document.addEventListener('copy', () => { document.documentElement.dataset.copyEvent = 'yes'; })`);
    const quote = page.locator('#quotes li.quote').first();
    const quoteText = ((await quote.locator('.quote-text').textContent()) ?? '').trim();
    await quote.locator('.copy-quote').click();
    await waitFor(async () => (await text('#copy-status')).startsWith('Copied'), 'the confirmation');
    expect(await clipboard()).toBe(`“${asCited(quoteText)}” — Kazbek Maigeldinov, in "${seedTitle}" (${seedPath})`);
    expect(await page.getAttribute('html', 'data-copy-event')).toBe('yes');
    // The text area is gone (the Verify box's is the only one left) and the focus is back on the button.
    expect(await page.locator('textarea:not(#verify-claim)').count()).toBe(0);
    expect(await page.evaluate<string>('document.activeElement.className')).toBe('copy-quote');
  }, testTimeoutMs);

  it('looks right in light and dark: body text and the main controls keep a readable contrast', async () => {
    await search('the president');
    await page.click('#results li.result >> nth=0');
    await waitFor(async () => (await page.locator('#reader mark.hit').count()) > 0, 'the reader to show hits');
    await shoot('search-tools-results');
    await expectReadable(['body', '#search', '#sort', '#results-summary', '#results li.result .result-title', '#results li.result .result-snippet', '#reader .reader-title', '#reader .reader-body p', '#reader mark.hit', '#hit-counter', '#next-hit', '#quotes li.quote .quote-button', '#status']);
    await page.setViewportSize({ width: 1024, height: 768 });
    await search('conflict in:quotes');
    await shoot('search-tools-medium');
    await expectReadable(['body', '#search', '#results li.result .result-title', '#results li.result .result-quote', '#quotes-only']);
    await page.setViewportSize({ width: 640, height: 900 });
    await shoot('search-tools-narrow');
    await expectReadable(['body', '#search', '#results li.result .result-title']);
  }, testTimeoutMs);
});

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

/** The date of each result in order (null for an undated one). */
async function resultDates(): Promise<Array<string | null>> {
  return await page.locator('#results li.result').evaluateAll((items) => items.map((item) => item.querySelector('time')?.getAttribute('datetime') ?? null));
}

/** Dated results first, in the order asked for; undated ones last. */
function isSorted(dates: ReadonlyArray<string | null>, order: 'newest' | 'oldest'): boolean {
  const firstUndated = dates.indexOf(null);
  const dated = (firstUndated < 0 ? dates : dates.slice(0, firstUndated)) as string[];
  if (firstUndated >= 0 && dates.slice(firstUndated).some((d) => d !== null)) return false;
  return dated.every((date, i) => i === 0 || (order === 'newest' ? (dated[i - 1] ?? '') >= date : (dated[i - 1] ?? '') <= date));
}

/** A quotation's words as a citation gives them: the comma that led into "he said" becomes a full stop (issue 15). */
function asCited(words: string): string {
  return words.replace(/,$/, '.');
}

async function clipboard(): Promise<string> {
  return await page.evaluate<string>('navigator.clipboard.readText()');
}

async function text(selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').trim();
}

async function activeElementId(): Promise<string> {
  return await page.evaluate<string>('document.activeElement ? document.activeElement.id : ""');
}


/** Light, then dark: test-output/<name>-light.png and <name>-dark.png, once flashes and transitions have ended (unless told not to wait). */
async function shoot(name: string, settle = true): Promise<void> {
  if (settle) await waitFor(() => animationsDone(page), 'animations to end before the picture');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: path.join(outputDir, `${name}-light.png`) });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: path.join(outputDir, `${name}-dark.png`) });
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Each selector's text has at least WCAG AA contrast (4.5:1) with its background, in light and in dark. */
async function expectReadable(selectors: readonly string[]): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    // Colours change through transitions on some elements: measure the settled ones.
    await waitFor(() => animationsDone(page), `the ${colorScheme} colours to settle`);
    const contrast = await textContrast(page, selectors);
    for (const selector of selectors) {
      expect(contrast[selector], `${selector} is on screen (${colorScheme})`).not.toBeNull();
      expect(contrast[selector], `contrast of ${selector} in ${colorScheme}`).toBeGreaterThanOrEqual(minimumTextContrast);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs?: number): Promise<void> {
  await app.waitFor(condition, what, timeoutMs);
}
