// End to end in Chromium against a real `verbatim serve` on the sample archive (content/), issue 16: the People
// view lists who is quoted; a person's page shows their timeline (uPlot, under the app's CSP) and its table;
// a month clicked in either narrows the query to it; a quote's speaker corrected in the window leaves the
// person's page, is listed among the corrections, is still in force after a reload, and can be undone (so can
// "not a quotation"); two
// people merged are one page, and a name split off leaves it.

import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { serveAndBrowse } from './serve.js';

const testTimeoutMs = 90_000;

const app = serveAndBrowse('people', async () => 'content');
const tab = app.pagePerTest({ viewport: { width: 1440, height: 900 } });
let page: Page;
beforeEach(() => {
  page = tab.page;
});

const waitFor = (condition: () => Promise<boolean>, what: string): Promise<void> => app.waitFor(condition, what);
const hashParam = (name: string): string | null => new URLSearchParams(new URL(page.url()).hash.slice(1)).get(name);
const count = (selector: string): Promise<number> => page.locator(selector).count();
/** The ids of the quotes on the person's page. */
const quoteIds = (): Promise<string[]> => page.locator('#person li.person-quote').evaluateAll((all) => all.map((li) => li.getAttribute('data-quote-id') ?? ''));
/** The dates of the quotes on the person's page. */
const quoteDates = (): Promise<string[]> => page.locator('#person li.person-quote .quote-hit-where time').evaluateAll((all) => all.map((t) => t.getAttribute('datetime') ?? ''));

/** Opens the People view and the page of its most quoted person; answers their id. */
async function openMostQuoted(): Promise<string> {
  await page.click('#view-people');
  await waitFor(async () => (await count('#people li.person-hit')) > 0, 'the People view to list speakers');
  const first = page.locator('#people li.person-hit').first();
  const id = (await first.getAttribute('data-speaker-id')) ?? '';
  await first.click();
  await waitFor(async () => (await count('#person li.person-quote')) > 0, 'the person page to list their quotes');
  return id;
}

describe('the People view and a person page', () => {
  it('lists the people quoted, most quoted first, and opens a page in the address', async () => {
    await page.click('#view-people');
    await waitFor(async () => (await count('#people li.person-hit')) > 1, 'the People view to list speakers');
    expect(hashParam('view')).toBe('people');
    const quotes = await page.locator('#people li.person-hit .person-facts').evaluateAll((all) => all.map((facts) => Number.parseInt(facts.textContent ?? '', 10)));
    expect(quotes).toEqual([...quotes].sort((a, b) => b - a));

    const id = await openMostQuoted();
    expect(hashParam('person')).toBe(id);
    expect(await page.locator('#reader').isVisible()).toBe(false);
    expect(await page.locator('#person .person-title').textContent()).toBe(await page.locator('#people li.person-hit.open .person-name').evaluate((name) => name.firstChild?.textContent ?? ''));
    // Their quotes come newest first.
    const dates = (await quoteDates()).filter((date) => date !== '');
    expect(dates).toEqual([...dates].sort().reverse());

    // Opening one of their quotes shows its article in the reader, in place of the page.
    await page.locator('#person li.person-quote .person-quote-title').first().click();
    await waitFor(() => page.locator('#reader .reader-title').isVisible(), 'the article of the quote');
    expect(await page.locator('#person').isVisible()).toBe(false);
    expect(hashParam('person')).toBeNull();
    await page.goBack();
    await waitFor(() => page.locator('#person .person-title').isVisible(), 'Back to the person page');
  }, testTimeoutMs);

  it('draws the timeline and its table, and a month clicked in either narrows the query to it', async () => {
    await openMostQuoted();
    await waitFor(async () => (await count('#person .timeline-plot canvas')) > 0, 'the chart to be drawn');
    const canvas = await page.locator('#person .timeline-plot canvas').first().boundingBox();
    expect(canvas?.width ?? 0).toBeGreaterThan(200);
    expect(await page.locator('#person .timeline-plot').getAttribute('role')).toBe('img');
    expect(await page.locator('#timeline-summary').textContent()).toMatch(/^Quotes per month, /);

    // The table: hidden until asked for, then one row per month with quotes, with the same numbers.
    expect(await page.locator('#timeline-table').isVisible()).toBe(false);
    await page.click('#person .timeline-toggle');
    expect(await page.locator('#timeline-table').isVisible()).toBe(true);
    const rows = page.locator('#timeline-table tbody tr');
    const months = await page.locator('#timeline-table button[data-month]').evaluateAll((all) => all.map((b) => b.getAttribute('data-month') ?? ''));
    expect(months.length).toBeGreaterThan(0);
    const counts = await rows.locator('td').evaluateAll((all) => all.map((td) => Number(td.textContent)));
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe((await quoteDates()).filter((date) => date !== '').length);

    // A click on the chart's first column (the first month always has a quote) narrows the query to it. The
    // column is centred on the month's 16th; the chart spans the months plus half a month, or a year, centred.
    const first = months[0] ?? '';
    const last = months.at(-1) ?? '';
    const over = await page.locator('#person .timeline-plot .u-over').boundingBox();
    if (over === null) throw new Error('the chart has no plotting area');
    const middle = (month: string): number => Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 16);
    const span = middle(last) - middle(first);
    const pad = Math.max(16 * 86_400_000, (365 * 86_400_000 - span) / 2);
    await page.mouse.click(over.x + (over.width * pad) / (span + 2 * pad), over.y + over.height - 2);
    await waitFor(async () => (await page.inputValue('#search')) === `date:${first}`, `the query to be date:${first}`);
    // The page is drawn again for the query: the month is marked, and only its quotes are listed.
    await waitFor(async () => (await page.locator(`#timeline-table button[data-month="${first}"]`).getAttribute('aria-pressed')) === 'true', `${first} to be marked`);
    const dates = await quoteDates();
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.filter((date) => !date.startsWith(first))).toEqual([]);
    expect(hashParam('q')).toBe(`date:${first}`);

    // The same month in the table takes the filter out again; another one replaces it.
    await page.click(`#timeline-table button[data-month="${first}"]`);
    await waitFor(async () => (await page.inputValue('#search')) === '', 'the month filter to be taken out');
    await page.click(`#timeline-table button[data-month="${last}"]`);
    await waitFor(async () => (await page.inputValue('#search')) === `date:${last}`, `the query to be date:${last}`);
  }, testTimeoutMs);

  it('corrects a speaker: the quote leaves the page, the correction is listed, kept after a reload, and undone', async () => {
    const id = await openMostQuoted();
    const before = await quoteIds();
    const corrected = before[0] ?? '';
    const quote = page.locator(`#person li.person-quote[data-quote-id="${corrected}"]`);
    await quote.locator('details.correction summary').click();
    await quote.locator('input[list="speaker-names"]').fill('Jane Example');
    await quote.locator('button[type="submit"]').click();
    await waitFor(async () => !(await quoteIds()).includes(corrected), 'the corrected quote to leave the page');
    await waitFor(async () => (await count('#corrections li.correction-item')) === 1, 'the correction to be listed');
    expect(await page.locator('#corrections li.correction-item .correction-text').textContent()).toMatch(/was said by Jane Example$/);

    await page.reload();
    await waitFor(() => page.locator('#person .person-title').isVisible(), 'the person page after the reload');
    expect(hashParam('person')).toBe(id);
    await waitFor(async () => (await count('#person li.person-quote')) > 0, 'their quotes after the reload');
    expect(await quoteIds()).not.toContain(corrected);
    await waitFor(async () => (await count('#corrections li.correction-item')) === 1, 'the correction still listed after the reload');

    await page.locator('#corrections li.correction-item button').click();
    await waitFor(async () => (await count('#corrections li.correction-item')) === 0, 'the correction to be undone');
    await waitFor(async () => (await quoteIds()).includes(corrected), 'the quote to be back on the page');
    expect(await quoteIds()).toEqual(before);

    // "Not a quotation" drops the quote, until undone.
    await quote.locator('details.correction summary').click();
    await quote.getByRole('button', { name: 'Not a quotation' }).click();
    await waitFor(async () => !(await quoteIds()).includes(corrected), 'the quote that is not one to leave the page');
    expect(await page.locator('#corrections li.correction-item .correction-text').textContent()).toMatch(/is not a quotation$/);
    await page.locator('#corrections li.correction-item button').click();
    await waitFor(async () => (await quoteIds()).includes(corrected), 'the quote to be back again');
  }, testTimeoutMs);

  it('merges two people into one page, listed and undone', async () => {
    await page.click('#view-people');
    await waitFor(async () => (await count('#people li.person-hit')) > 1, 'the People view to list speakers');
    const hits = page.locator('#people li.person-hit');
    const other = (await hits.nth(1).locator('.person-name').evaluate((name) => name.firstChild?.textContent)) ?? '';
    const otherQuotes = Number.parseInt((await hits.nth(1).locator('.person-facts').textContent()) ?? '', 10);
    await hits.first().click();
    await waitFor(async () => (await count('#person li.person-quote')) > 0, 'the person page');
    const before = await count('#person li.person-quote');

    await page.click('#person details.person-correction summary');
    await page.fill('#merge-speaker', other);
    await page.click('#person details.person-correction button[type="submit"]');
    await waitFor(async () => (await count('#person li.person-quote')) === before + otherQuotes, `${other}'s quotes to join the page`);
    await waitFor(async () => (await count('#corrections li.correction-item')) === 1, 'the merge to be listed');
    expect(await page.locator('#corrections .correction-text').textContent()).toMatch(new RegExp(`^${other} is the same as `));
    expect(await page.locator('#person .person-aliases').textContent()).toContain(other);
    expect(await page.locator('#people li.person-hit .person-name', { hasText: other }).count()).toBe(0);

    await page.locator('#corrections li.correction-item button').click();
    await waitFor(async () => (await count('#corrections li.correction-item')) === 0, 'the merge to be undone');
    await waitFor(async () => (await count('#person li.person-quote')) === before, 'the page as it was');
  }, testTimeoutMs);

  it('splits a name off a person: its quotes leave the page, listed and undone', async () => {
    await page.click('#view-people');
    await waitFor(async () => (await count('#people li.person-hit')) > 1, 'the People view to list speakers');
    // The most quoted person the archive knows by more than one name.
    await page.locator('#people li.person-hit', { has: page.locator('.person-aliases') }).first().click();
    await waitFor(async () => (await count('#person li.person-quote')) > 0, 'the person page');
    const before = await count('#person li.person-quote');
    const alias = (await page.locator('#person .split-list button').first().textContent())?.match(/“(.*)”/)?.[1] ?? '';
    expect(alias).not.toBe('');
    const byAlias = await page.locator('#person li.person-quote .attribution .speaker', { hasText: new RegExp(`^${alias}$`) }).count();
    expect(byAlias).toBeGreaterThan(0);

    await page.click('#person details.person-correction summary');
    await page.locator('#person .split-list button').first().click();
    await waitFor(async () => (await count('#corrections li.correction-item')) === 1, 'the split to be listed');
    expect(await page.locator('#corrections .correction-text').textContent()).toMatch(new RegExp(`^“${alias}” is not `));
    await waitFor(async () => (await count('#person li.person-quote')) === before - byAlias, `the quotes written “${alias}” to leave the page`);
    const aliases = page.locator('#person .person-aliases');
    expect((await aliases.count()) === 0 ? '' : await aliases.textContent()).not.toMatch(new RegExp(`\\b${alias}\\b`));

    await page.locator('#corrections li.correction-item button').click();
    await waitFor(async () => (await count('#person li.person-quote')) === before, 'the page as it was');
  }, testTimeoutMs);
});
