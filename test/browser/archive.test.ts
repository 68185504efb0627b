// End to end in Chromium, on an archive this test makes in a temp folder and serves with the built
// `verbatim serve`: the files that could not be read are listed from the status line; an exact duplicate is
// counted and named in the reader; a file added to or removed from the folder shows in search without a
// reload. The renderer's reaction to a new generation, another archive and "Updating…" is also checked with
// the server's status answers adjusted, so it does not depend on the watcher's timing.
// The expanded problems list is saved as test-output/archive-problems.png (and -dark.png), the reader of
// a duplicated article as archive-duplicate.png and the status line while updating as archive-updating.png.

import { mkdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page, Route } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LibraryStatus, Result } from '../../main/contract/api.js';
import { outputDir, serveAndBrowse, typeQuery } from './serve.js';

const testTimeoutMs = 60_000;
/** How long a change to the folder may take to show in the page (the issue: "within a few seconds"). */
const liveTimeoutMs = 10_000;

const articles: Record<string, string> = {
  'harbour.txt': 'Harbour reopens after the storm\n\n"We will rebuild the harbour wall," Mayor Ana Ruiz said on Monday.\n\nThe harbour had been closed since March.',
  'bridge.txt': 'Bridge closes for repairs\n\nThe old bridge closed on Tuesday. Engineers said the work would take a month.',
  'city/market.txt': 'Market moves to the square\n\nThe weekly market moves to the main square in June, the council said.',
  // An exact copy of harbour.txt (same headline and text): a duplicate, not a second result.
  'copies/harbour.txt': 'Harbour reopens after the storm\n\n"We will rebuild the harbour wall," Mayor Ana Ruiz said on Monday.\n\nThe harbour had been closed since March.',
};

const app = serveAndBrowse('archive', async (temporaryFolder) => {
  const archive = await temporaryFolder('archive');
  for (const [name, text] of Object.entries(articles)) {
    await mkdir(path.dirname(path.join(archive, name)), { recursive: true });
    await writeFile(path.join(archive, name), text);
  }
  // Three files that cannot be read: empty, another format, binary under a .txt name.
  await writeFile(path.join(archive, 'empty.txt'), '');
  await writeFile(path.join(archive, 'annual-report.doc'), 'Annual report 2024');
  await writeFile(path.join(archive, 'city', 'scan.txt'), Buffer.from(Array.from({ length: 4096 }, (_v, i) => (i * 37) % 256)));
  return archive;
});

const tab = app.pagePerTest({ viewport: { width: 1280, height: 800 } });
let page: Page;
beforeEach(() => {
  page = tab.page;
});

describe('an archive with files that cannot be read', () => {
  it('says how many, and lists each with its reason in a panel the status line opens and closes', async () => {
    const toggle = page.locator('#status button.problems-toggle');
    await waitFor(async () => (await toggle.isVisible()) && (await toggle.textContent()) === '3 files could not be read', 'the problems button');
    // The quote of harbour.txt, and the reported speech of bridge.txt ("Engineers said the work would take a month") and city/market.txt.
    expect(await text('#status')).toMatch(/^verbatim-archive-\w+ · 3 articles · 3 quotes · 3 files could not be read · 1 duplicate hidden$/);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.getAttribute('aria-controls')).toBe('problems');
    expect(await page.locator('#problems').isVisible()).toBe(false);

    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('#problems').isVisible()).toBe(true);
    expect(await text('#problems .problems-heading')).toBe('3 files could not be read');
    const rows = page.locator('#problems li.problem');
    expect(await rows.count()).toBe(3);
    const listed = await rows.evaluateAll((items) =>
      items.map((item) => ({
        path: item.querySelector('.problem-path')?.textContent ?? '',
        reason: item.querySelector('.problem-reason')?.textContent ?? '',
      })),
    );
    expect(listed.map((p) => p.path).sort()).toEqual(['annual-report.doc', 'city/scan.txt', 'empty.txt']);
    const reasonOf = (file: string): string => listed.find((p) => p.path === file)?.reason ?? '';
    expect(reasonOf('empty.txt')).toMatch(/^ — .*empty/);
    expect(reasonOf('annual-report.doc')).toMatch(/^ — .*"\.doc" files/);
    expect(reasonOf('city/scan.txt')).toMatch(/^ — .*binary/);
    // Every row reads "path — reason".
    for (const row of await rows.allTextContents()) expect(row).toMatch(/^\S.* — \S/);
    // The panel stays within the window, above the status line.
    const panel = await page.locator('#problems').boundingBox();
    const bar = await page.locator('#status').boundingBox();
    expect(panel !== null && bar !== null && panel.y >= 0 && panel.y + panel.height <= bar.y + 1).toBe(true);
    await page.screenshot({ path: path.join(outputDir, 'archive-problems.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: path.join(outputDir, 'archive-problems-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });

    // The list survives the status line's polling (it is not redrawn while nothing changed): two answers
    // to its polls, the first drawn before the second is asked for.
    for (let poll = 0; poll < 2; poll += 1) await page.waitForResponse((response) => response.url().endsWith('/api/status'));
    expect(await page.locator('#problems').isVisible()).toBe(true);

    // Escape closes it and gives the focus back to the button; the button toggles it.
    await page.locator('#problems .problems-list').focus();
    await page.keyboard.press('Escape');
    expect(await page.locator('#problems').isVisible()).toBe(false);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate<boolean>("document.activeElement?.classList.contains('problems-toggle') === true")).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.locator('#problems').isVisible()).toBe(true);
    await toggle.click();
    expect(await page.locator('#problems').isVisible()).toBe(false);
    // A click elsewhere closes it too.
    await toggle.click();
    await page.click('#reader');
    expect(await page.locator('#problems').isVisible()).toBe(false);
  }, testTimeoutMs);

  it('shows one result for an exact duplicate, and names the other copy in the reader', async () => {
    await search('harbour wall');
    expect(await page.locator('#results li.result').count()).toBe(1);
    await page.keyboard.press('Enter');
    await waitFor(async () => (await text('#reader .reader-title')) === 'Harbour reopens after the storm', 'the article to open');
    const shown = await text('#reader .reader-meta .path');
    const other = shown === 'harbour.txt' ? 'copies/harbour.txt' : 'harbour.txt';
    expect(['harbour.txt', 'copies/harbour.txt']).toContain(shown);
    expect(await text('#reader .reader-meta .copies')).toBe(`Also saved as: ${other}`);
    await page.screenshot({ path: path.join(outputDir, 'archive-duplicate.png') });
  }, testTimeoutMs);

  it('leaves a file dropped on the page to the app (no drag handler takes it)', async () => {
    // Runs in the page (this file is type-checked without the DOM library, so the script is a string).
    const prevented = await page.evaluate<Record<string, boolean>>(`(() => {
      const results = {};
      const transfer = new DataTransfer();
      transfer.items.add(new File(['x'], 'news.txt', { type: 'text/plain' }));
      for (const selector of ['body', '#search', '#reader', '#results', '#quotes', '#status']) {
        const target = document.querySelector(selector);
        for (const type of ['dragenter', 'dragover', 'drop']) {
          const event = new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer });
          target.dispatchEvent(event);
          if (event.defaultPrevented) results[selector + ' ' + type] = true;
        }
      }
      return results;
    })()`);
    expect(prevented).toEqual({});
  }, testTimeoutMs);
});

describe('following changes to the archive', () => {
  it('re-runs the search, refreshes the article and says "Updating…" as the status changes', async () => {
    let patch: Partial<LibraryStatus> = {};
    const searches: string[] = [];
    await page.route('**/api/status', (route) => patchStatus(route, () => patch));
    page.on('request', (request) => {
      if (request.url().endsWith('/api/search')) searches.push((request.postDataJSON() as { query: string }).query);
    });
    await search('bridge');
    await page.keyboard.press('Enter');
    await waitFor(async () => (await text('#reader .reader-title')) === 'Bridge closes for repairs', 'the article to open');
    const before = searches.length;

    patch = { updating: true };
    await waitFor(() => page.locator('#status .status-updating').isVisible(), '"Updating…" in the status line');
    expect(await text('#status .status-updating')).toBe('· Updating…');
    await page.locator('#status').screenshot({ path: path.join(outputDir, 'archive-updating.png') });
    expect(await page.locator('#results li.result').count()).toBe(1);

    // A new generation: the same query is asked again by itself, the article stays open.
    patch = { generation: 7 };
    await waitFor(async () => searches.length > before, 'the search to run again');
    expect(searches.slice(before)).toEqual(['bridge']);
    expect(await page.locator('#status .status-updating').isVisible()).toBe(false);
    expect(await page.inputValue('#search')).toBe('bridge');
    expect(await text('#reader .reader-title')).toBe('Bridge closes for repairs');

    // Next time the article is gone: the reader says so and the quotes panel empties.
    await page.route('**/api/article', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'not-found', message: 'no such article' } }) }),
    );
    patch = { generation: 8 };
    await waitFor(async () => (await text('#reader')).includes('This article was removed from the archive'), 'the reader to say the article is gone');
    expect(await page.locator('#quotes li.quote').count()).toBe(0);
    expect(await page.locator('#results li.result.open').count()).toBe(0);
  }, testTimeoutMs);

  it('starts over with the same query when another archive is open', async () => {
    let patch: Partial<LibraryStatus> = {};
    await page.route('**/api/status', (route) => patchStatus(route, () => patch));
    await search('bridge');
    await page.keyboard.press('Enter');
    await waitFor(async () => (await text('#reader .reader-title')) === 'Bridge closes for repairs', 'the article to open');

    patch = { archiveDir: '/elsewhere/other-news', archiveName: 'other-news' };
    await waitFor(async () => (await text('#status')).startsWith('other-news · '), 'the status line to name the other archive');
    await waitFor(async () => (await text('#reader')).startsWith('Choose a result'), 'the reader to empty');
    expect(await page.inputValue('#search')).toBe('bridge');
    expect(await page.getAttribute('#results', 'data-query')).toBe('bridge');
    expect(await page.title()).toBe('other-news — Verbatim');
  }, testTimeoutMs);

  it('finds a file added to the folder, and forgets it once removed, without a reload', async () => {
    await page.evaluate('window.notReloaded = true');
    await page.fill('#search', 'lighthouse');
    await waitFor(async () => (await page.getAttribute('#results', 'data-query')) === 'lighthouse', 'the first answer');
    expect(await page.locator('#results li.result').count()).toBe(0);

    const added = path.join(app.archive, 'city', 'lighthouse.txt');
    await writeFile(added, 'Lighthouse keeper retires\n\n"I have kept the light for forty years," Tomas Berg said.');
    await waitFor(
      async () => (await page.locator('#results li.result').count()) === 1,
      'the added article to appear in the results by itself',
      liveTimeoutMs,
    );
    expect(await text('#results li.result .result-title')).toBe('Lighthouse keeper retires');
    await waitFor(async () => /· 4 articles ·/.test(await text('#status')), 'the status line to count it', liveTimeoutMs);
    await page.click('#results li.result');
    await waitFor(async () => (await text('#reader .reader-title')) === 'Lighthouse keeper retires', 'the added article to open');

    await unlink(added);
    await waitFor(
      async () => (await page.locator('#results li.result').count()) === 0,
      'the removed article to leave the results by itself',
      liveTimeoutMs,
    );
    await waitFor(async () => (await text('#reader')).includes('This article was removed from the archive'), 'the reader to say it was removed');
    expect(await text('#results-summary')).toMatch(/^No articles match/);
    expect(await page.evaluate<boolean>('window.notReloaded === true')).toBe(true);
  }, testTimeoutMs);
});

/** Answers `/api/status` from the real server, with `patch()` laid over the status. */
async function patchStatus(route: Route, patch: () => Partial<LibraryStatus>): Promise<void> {
  const response = await route.fetch();
  const body = (await response.json()) as Result<LibraryStatus>;
  const patched = body.ok ? { ok: true, value: { ...body.value, ...patch() } } : body;
  await route.fulfill({ response, body: JSON.stringify(patched) });
}

/** Types `query` into the search box and waits for the list to show this query's results. */
async function search(query: string): Promise<void> {
  await typeQuery(page, query, waitFor);
}

/** The text a reader sees in the first match of `selector` (hidden parts, like an idle "Updating…", left out). */
async function text(selector: string): Promise<string> {
  return (await page.locator(selector).first().innerText()).trim();
}

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs?: number): Promise<void> {
  await app.waitFor(condition, what, timeoutMs);
}
