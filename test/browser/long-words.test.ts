// Issue 14 in Chromium: a 100,000-letter word from the archive (in a headline, a source, a paragraph, a
// quote, the archive's folder name) wraps wherever it shows: the results, the reader, the quotes panel, the
// quote results and the status line. Nothing may be wider than the window or make a pane scroll sideways,
// in the three-pane layout and the narrow one. The reader is saved as test-output/long-words.png.

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { outputDir, serveAndBrowse, typeQuery } from './serve.js';

const testTimeoutMs = 60_000;
/** Letters only: no place a browser may break it without being told to. */
const longWord = 'w'.repeat(100_000);

const app = serveAndBrowse('long-words', async (temporaryFolder) => {
  // A folder name as long as a file system allows, in one word: the status line names the archive.
  const archive = path.join(await temporaryFolder('long-words'), `archive${'n'.repeat(200)}`);
  await mkdir(archive);
  await writeFile(
    path.join(archive, 'long.md'),
    `---\ntitle: Zebrafinch ${longWord}\nsource: ${longWord}\nauthor: ${longWord}\n---\n\n` +
      `The zebrafinch report starts with ${longWord} in its first paragraph.\n\n` +
      `"Budget ${longWord} now," Mayor Ana Ruiz said about the zebrafinch.\n`,
  );
  return archive;
});

const tab = app.pagePerTest({ viewport: { width: 1280, height: 800 } });
let page: Page;
beforeEach(() => {
  page = tab.page;
});

/**
 * What is wider than the window, or scrolls sideways, among the visible elements: an empty list when the
 * layout holds. (An element clipped with an ellipsis keeps its own box inside, so it is not listed.)
 */
async function tooWide(): Promise<string[]> {
  return await page.evaluate(`(() => {
    const width = document.documentElement.clientWidth;
    const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.classList.length ? '.' + [...e.classList].join('.') : '');
    const found = [];
    if (document.documentElement.scrollWidth > width) found.push('the page: ' + document.documentElement.scrollWidth + ' px wide in a ' + width + ' px window');
    for (const e of document.querySelectorAll('body *')) {
      if (!e.checkVisibility()) continue;
      const box = e.getBoundingClientRect();
      if (box.right > width + 1) found.push(name(e) + ' ends at ' + Math.round(box.right) + ' px');
      const overflow = getComputedStyle(e).overflowX;
      if ((overflow === 'auto' || overflow === 'scroll') && e.scrollWidth > e.clientWidth + 1) found.push(name(e) + ' scrolls sideways: ' + e.scrollWidth + ' px of ' + e.clientWidth);
    }
    return found.slice(0, 10);
  })()`);
}

async function waitFor(condition: () => Promise<boolean>, what: string): Promise<void> {
  await app.waitFor(condition, what);
}

describe('a 100,000-letter word', () => {
  it.each([
    ['three panes', 1280],
    ['a narrow window', 600],
  ])('wraps in the results, reader, quotes panel and status line (%s)', async (_layout, width) => {
    await page.setViewportSize({ width, height: 800 });
    await typeQuery(page, 'zebrafinch', waitFor);
    await page.locator('#results li.result').first().click();
    await waitFor(async () => (await page.locator('#reader .reader-title').count()) === 1, 'the article to open');
    await waitFor(async () => (await page.locator('#quotes li.quote').count()) > 0, 'its quote in the quotes panel');
    expect(await page.locator('#reader').innerText()).toContain(longWord);
    expect(await tooWide()).toEqual([]);
    if (width === 1280) await page.screenshot({ path: path.join(outputDir, 'long-words.png') });
  }, testTimeoutMs);

  it('wraps in the quote results', async () => {
    await page.click('#view-quotes');
    await page.fill('#search', 'budget');
    const items = page.locator('#quote-results li.quote-hit');
    await waitFor(async () => (await page.getAttribute('#quote-results', 'data-query')) === 'budget' && (await items.count()) > 0, 'the quote for budget');
    expect(await items.first().innerText()).toContain(longWord);
    expect(await tooWide()).toEqual([]);
  }, testTimeoutMs);
});
