// End-to-end test of the renderer: drives the built UI in Debian's Chromium against a real
// `verbatim serve` on the sample archive in content/. Needs `npm run build` first and /usr/bin/chromium.
// Screenshots (light, dark, narrow) go to test-output/ for a human to look at.

import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { letPendingWorkRun } from '../support/let-pending-work-run.js';
import { animationsDone, inReader, outputDir, serveAndBrowse, typeQuery } from './serve.js';

const testTimeoutMs = 60_000;

const app = serveAndBrowse('renderer', async () => 'content');
// No wait for the archive: the first test looks at the page as it opens.
const tab = app.pagePerTest({ viewport: { width: 1440, height: 900 }, waitForArchive: false });
let page: Page;
beforeEach(() => {
  page = tab.page;
});

describe('the renderer served by verbatim serve', () => {
  it('starts with the search box focused, a start page, and the token out of the address bar', async () => {
    expect(await activeElementId()).toBe('search');
    expect(await page.locator('#start').isVisible()).toBe(true);
    expect(page.url()).not.toContain('token=');
    await waitFor(async () => /\d+ articles · \d+ quotes/.test(await text('#status')), 'the status line to show the counts');
    expect(await page.locator('#results li.result').count()).toBe(0);
    await page.screenshot({ path: path.join(outputDir, 'renderer-start.png') });
  }, testTimeoutMs);

  it('finds an article, opens it with Enter, and steps through its hits', async () => {
    await search('Putin Trump Alaska');
    const first = page.locator('#results li.result').first();
    expect(await first.locator('.result-title').textContent()).toContain('Putin');
    expect(await first.getAttribute('aria-selected')).toBe('true');
    expect(await first.locator('.hit-count').textContent()).toMatch(/^\d+ hits?$/);
    expect(await first.locator('.result-snippet mark').count()).toBeGreaterThan(0);
    expect(await text('#results-summary')).toMatch(/\d+ articles?/);

    await page.keyboard.press('Enter');
    await waitFor(async () => (await page.locator('#reader mark.hit').count()) > 0, 'the reader to show hits');
    expect(await text('#reader .reader-title')).toContain('Putin');
    expect(await first.getAttribute('class')).toContain('open');

    const total = Number(/\/ (\d+)/.exec(await text('#hit-counter'))?.[1]);
    expect(total).toBeGreaterThan(1);
    expect(await text('#hit-counter')).toBe(`1 / ${total}`);
    expect(await currentHit()).toBe('0');

    await page.click('#next-hit');
    expect(await currentHit()).toBe('1');
    expect(await text('#hit-counter')).toBe(`2 / ${total}`);
    await waitFor(() => inReader(page, '#reader mark.hit.current'), 'the current hit to scroll into view');

    await page.keyboard.press('F3');
    expect(await currentHit()).toBe('2');
    await page.keyboard.press('Shift+F3');
    expect(await currentHit()).toBe('1');
    await page.click('#prev-hit');
    await page.click('#prev-hit');
    expect(await currentHit()).toBe(String(total - 1));

    // Enter and Shift+Enter step through hits while the reader has focus.
    await page.focus('#reader');
    await page.keyboard.press('Enter');
    expect(await currentHit()).toBe('0');
    await page.keyboard.press('Shift+Enter');
    expect(await currentHit()).toBe(String(total - 1));
  }, testTimeoutMs);

  it('lists the quotes with their speakers, matching ones first, and shows a chosen quote in the text', async () => {
    await search('Putin Trump Alaska');
    await page.click('#results li.result >> nth=0');
    await waitFor(async () => (await page.locator('#quotes li.quote').count()) > 0, 'the quotes panel to fill');

    const speakers = await page.locator('#quotes li.quote .speaker').allTextContents();
    expect(speakers).toContain('Kazbek Maigeldinov');
    const matching = page.locator('#quotes li.quote.match');
    expect(await matching.count()).toBeGreaterThan(0);
    expect(await matching.first().locator('.match-marker').isVisible()).toBe(true);
    // Matching quotes come first.
    const classes = await page.locator('#quotes li.quote').evaluateAll((items) => items.map((item) => item.className));
    const firstOther = classes.findIndex((c) => !c.includes('match'));
    if (firstOther >= 0) expect(classes.slice(firstOther).some((c) => c.includes('match'))).toBe(false);
    expect(await text('#quotes h2')).toMatch(/^Quotes \(\d+\)$/);

    await page.locator('#quotes li.quote', { hasText: 'Kazbek Maigeldinov' }).last().locator('.quote-button').click();
    await waitFor(async () => (await page.locator('#reader mark.quote-mark').count()) > 0, 'the quote to be marked');
    await waitFor(() => inReader(page, '#reader mark.quote-mark'), 'the quote to scroll into view');
    expect(await page.locator('#reader mark.quote-mark.active').count()).toBeGreaterThan(0);
    expect(await page.locator('#quotes li.quote.active .quote-button').getAttribute('aria-pressed')).toBe('true');
    // Hits stay marked where they overlap the quote.
    expect(await page.locator('#reader mark.hit').count()).toBeGreaterThan(0);

    await waitFor(() => animationsDone(page), 'the flash to end before the picture');
    await page.screenshot({ path: path.join(outputDir, 'renderer-light.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    const darkBackground = await page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
    expect(luminance(darkBackground)).toBeLessThan(0.2);
    await page.screenshot({ path: path.join(outputDir, 'renderer-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
    expect(luminance(await page.evaluate<string>('getComputedStyle(document.body).backgroundColor'))).toBeGreaterThan(0.8);
  }, testTimeoutMs);

  it('moves through results with the arrow keys and focuses the search box with / and Ctrl+K', async () => {
    await search('president');
    const options = page.locator('#results li.result');
    expect(await options.count()).toBeGreaterThan(2);
    await page.keyboard.press('ArrowDown');
    expect(await options.nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await options.nth(0).getAttribute('aria-selected')).toBe('false');
    expect(await page.getAttribute('#search', 'aria-activedescendant')).toBe(await options.nth(1).getAttribute('id'));
    await page.keyboard.press('ArrowUp');
    expect(await options.nth(0).getAttribute('aria-selected')).toBe('true');

    // The list itself takes the keys too once it has focus.
    await page.focus('#results');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await options.nth(2).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    const title = (await options.nth(2).locator('.result-title').textContent()) ?? '';
    await waitFor(async () => (await text('#reader .reader-title')) === title, 'the third result to open');

    await page.focus('#reader');
    await page.keyboard.press('/');
    expect(await activeElementId()).toBe('search');
    expect(await page.inputValue('#search')).toBe('president');
    await page.focus('#next-hit');
    await page.keyboard.press('Control+k');
    expect(await activeElementId()).toBe('search');
  }, testTimeoutMs);

  it.each([['title:'], ['"unclosed'], ['budget~20'], ['-'], ['*']])(
    'keeps working after the malformed query %s, with no dialog',
    async (bad) => {
      await page.fill('#search', bad);
      await waitFor(
        async () => (await page.locator('#search-error').isVisible()) || (await page.getAttribute('#results', 'data-query')) === bad,
        'an error or an answer',
      );
      if (await page.locator('#search-error').isVisible()) {
        expect((await text('#search-error .error-message')).length).toBeGreaterThan(0);
        expect(await page.getAttribute('#search', 'aria-invalid')).toBe('true');
      }
      await search('Putin Trump Alaska');
      expect(await page.locator('#search-error').isVisible()).toBe(false);
      expect(await text('#results li.result >> nth=0 >> .result-title')).toContain('Putin');
    },
    testTimeoutMs,
  );

  it('shows a rejected query under the search box with the bad part underlined, and recovers', async () => {
    // The real parser is lenient, so the server's answer to this one query is replaced with a bad-query
    // error of the API's shape; everything else goes to the real server.
    const rejected = { ok: false, error: { code: 'bad-query', message: 'Nothing follows "title:" in the query', start: 6, end: 12 } };
    await page.route('**/api/search', async (route) => {
      const body = route.request().postDataJSON() as { query?: unknown };
      if (body.query === 'putin title:') await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(rejected) });
      else await route.continue();
    });
    await page.fill('#search', 'putin title:');
    await waitFor(() => page.locator('#search-error').isVisible(), 'the error under the search box');
    expect(await text('#search-error .error-message')).toBe(rejected.error.message);
    expect(await text('#search-error .error-query .bad')).toBe('title:');
    expect(await text('#search-error .error-query')).toBe('putin title:');
    expect(await page.getAttribute('#search', 'aria-invalid')).toBe('true');
    expect(await page.locator('#results li.result').count()).toBe(0);
    expect(await page.locator('#start').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(outputDir, 'renderer-error.png') });

    await search('Putin Trump Alaska');
    expect(await page.locator('#search-error').isVisible()).toBe(false);
    expect(await page.getAttribute('#search', 'aria-invalid')).toBeNull();
  }, testTimeoutMs);

  it('says so when the server cannot be reached, and recovers', async () => {
    await page.route('**/api/search', async (route) => {
      const body = route.request().postDataJSON() as { query?: unknown };
      if (body.query === 'unreachable') await route.abort('connectionrefused');
      else await route.continue();
    });
    await page.fill('#search', 'unreachable');
    await waitFor(() => page.locator('#search-error').isVisible(), 'the error under the search box');
    expect(await text('#search-error .error-message')).toMatch(/^Cannot reach the Verbatim server/);
    // The browser reports the refused request itself; that message is expected here.
    tab.forgive((problem) => problem.includes('net::ERR_CONNECTION_REFUSED'));
    await search('Putin Trump Alaska');
    expect(await page.locator('#search-error').isVisible()).toBe(false);
  }, testTimeoutMs);

  it('drops the reply to an older query that arrives after the newer one', async () => {
    // The older query's request is held until the newer one's results are on screen, then let through.
    let slowRequestSent = (): void => undefined;
    const slowRequest = new Promise<void>((resolve) => (slowRequestSent = resolve));
    let releaseSlowReply = (): void => undefined;
    const slowReplyReleased = new Promise<void>((resolve) => (releaseSlowReply = resolve));
    await page.route('**/api/search', async (route) => {
      const body = route.request().postDataJSON() as { query?: unknown };
      if (body.query === 'Alaska') {
        slowRequestSent();
        await slowReplyReleased;
      }
      await route.continue();
    });
    await page.fill('#search', 'Alaska');
    await slowRequest; // past the debounce: the slow request is on its way
    await search('president');
    const slowReply = page.waitForResponse((response) => response.url().endsWith('/api/search') && (response.request().postDataJSON() as { query?: unknown }).query === 'Alaska');
    releaseSlowReply();
    await (await slowReply).finished();
    // The page must ignore that reply: there is no event to wait for, so give it time to (wrongly) show it.
    await letPendingWorkRun(300);
    expect(await page.getAttribute('#results', 'data-query')).toBe('president');
    expect(await page.locator('#results li.result').count()).toBeGreaterThan(2);
  }, testTimeoutMs);

  it('stacks the panes on a narrow window', async () => {
    await page.setViewportSize({ width: 640, height: 900 });
    await search('Putin Trump Alaska');
    await page.keyboard.press('Enter');
    await waitFor(async () => (await page.locator('#reader mark.hit').count()) > 0, 'the reader to show hits');
    const results = await page.locator('#results').boundingBox();
    const reader = await page.locator('#reader').boundingBox();
    expect(results).not.toBeNull();
    expect(reader).not.toBeNull();
    if (results !== null && reader !== null) expect(reader.y).toBeGreaterThanOrEqual(results.y + results.height - 1);
    await page.screenshot({ path: path.join(outputDir, 'renderer-narrow.png') });
  }, testTimeoutMs);
});

describe('the page policy', () => {
  it('requires Trusted Types: no HTML from a string, and no policy to make some (issue 14)', async () => {
    // A string script: the test's tsconfig has no DOM types (as in the other browser tests).
    const outcome = await page.evaluate<string[]>(`(() => {
      const results = [];
      try {
        document.createElement('div').innerHTML = '<img src=x>';
        results.push('innerHTML allowed');
      } catch (error) {
        results.push(error instanceof TypeError ? 'innerHTML refused' : String(error));
      }
      try {
        window.trustedTypes.createPolicy('attack', { createHTML: (html) => html });
        results.push('policy allowed');
      } catch {
        results.push('policy refused');
      }
      return results;
    })()`);
    expect(outcome).toEqual(['innerHTML refused', 'policy refused']);
    // Chromium reports both refusals on the console; they are this test's point, not a problem of the page.
    const expected = (p: string): boolean => /TrustedHTML|TrustedTypePolicy|trusted-types/i.test(p);
    await waitFor(async () => tab.problems.filter(expected).length >= 2, 'the two refusals on the console');
    tab.forgive(expected);
  }, testTimeoutMs);
});

/** Types `query` into the search box and waits for the list to show this query's results. */
async function search(query: string): Promise<void> {
  await typeQuery(page, query, waitFor);
}

async function text(selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').trim();
}

async function activeElementId(): Promise<string> {
  return await page.evaluate<string>('document.activeElement ? document.activeElement.id : ""');
}

async function currentHit(): Promise<string | null> {
  return await page.locator('#reader mark.hit.current').first().getAttribute('data-hit');
}


async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs?: number): Promise<void> {
  await app.waitFor(condition, what, timeoutMs);
}

/** Relative luminance (0 black … 1 white) of a CSS `rgb(r, g, b)` colour. */
function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  const channel = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}
