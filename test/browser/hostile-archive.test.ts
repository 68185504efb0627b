// End to end in Chromium: an archive of hostile saved pages (test/fixtures/hostile/), served by the built
// `verbatim serve`, searched and read like any other. Every script, handler, stylesheet, frame, refresh and
// link in those pages points at a "beacon": a loopback HTTP server started here that records every
// connection and request. After each article is found, opened, its quotes chosen and its links (if any)
// clicked, the beacon must have heard nothing, no dialog may have opened, no Content-Security-Policy
// violation may have been reported, the page must still be the app's, and the markup must be on screen as
// literal text with no element made from it. The reader of the hostile web page is saved as
// test-output/hostile-archive.png.

import { readdir, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { letPendingWorkRun } from '../support/let-pending-work-run.js';
import { outputDir, root, serveAndBrowse, typeQuery } from './serve.js';

const testTimeoutMs = 60_000;
/**
 * How long to wait after the last action for anything deferred (a refresh, a lazy image) to fire: the suite
 * checks that nothing happens, so there is no event to wait for.
 */
const settleMs = 1000;
const fixturesDir = path.join(root, 'test', 'fixtures', 'hostile');
/** The placeholder in the fixtures that is replaced with the beacon's address. */
const placeholder = 'BEACON_ORIGIN';

let beacon: http.Server | undefined;
let beaconOrigin = '';
/** Everything the beacon heard: connections and requests, in order. */
const heard: string[] = [];
let page: Page;
/** Console errors, CSP violations, uncaught exceptions, dialogs, popups, frames and foreign requests. */
let problems: string[] = [];

const app = serveAndBrowse('hostile', async (temporaryFolder) => {
  beacon = http.createServer((request, response) => {
    heard.push(`${request.method ?? '?'} ${request.url ?? '?'} (referer: ${request.headers.referer ?? 'none'})`);
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end('beacon');
  });
  // A connection alone (a preconnect, a speculative fetch) already tells the beacon someone read the page.
  beacon.on('connection', (socket) => heard.push(`connection from ${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`));
  await new Promise<void>((resolve, reject) => {
    beacon?.once('error', reject);
    beacon?.listen(0, '127.0.0.1', () => resolve());
  });
  beaconOrigin = `http://127.0.0.1:${(beacon.address() as AddressInfo).port}`;

  const archive = await temporaryFolder('hostile');
  for (const name of await readdir(fixturesDir)) {
    if (name === 'README.md') continue; // describes the fixtures; not one of them
    const text = await readFile(path.join(fixturesDir, name), 'utf8');
    await writeFile(path.join(archive, name), text.replaceAll(placeholder, beaconOrigin));
  }
  return archive;
});
/** The app's origin: the only one the page may load from. */
const appOrigin = (): string => new URL(app.server.url).origin;

afterAll(async () => {
  await new Promise<void>((resolve) => {
    if (beacon === undefined) resolve();
    else {
      beacon.closeAllConnections();
      beacon.close(() => resolve());
    }
  });
});

const tab = app.pagePerTest({
  viewport: { width: 1280, height: 800 },
  beforeLoad: async (testPage, pageProblems) => {
    heard.length = 0;
    // Every violation, reported or not to the console, is a failure: it means something tried to load or run.
    await testPage.addInitScript(`document.addEventListener('securitypolicyviolation', (e) => {
      console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)') + ' in ' + e.sourceFile + ':' + e.lineNumber + ' sample ' + e.sample);
    }, true);`);
    testPage.on('popup', (popup) => pageProblems.push(`popup: ${popup.url()}`));
    testPage.context().on('page', (opened) => {
      if (opened !== testPage) pageProblems.push(`new page: ${opened.url()}`);
    });
    testPage.on('frameattached', (frame) => pageProblems.push(`frame attached: ${frame.url() || '(no URL yet)'}`));
    testPage.on('framenavigated', (frame) => {
      const url = frame.url();
      if (frame === testPage.mainFrame() && !isAppUrl(url)) pageProblems.push(`the page navigated to ${url}`);
    });
    testPage.on('request', (request) => {
      if (!isAppUrl(request.url()) && !request.url().startsWith('data:')) pageProblems.push(`request to ${request.url()}`);
    });
  },
});
beforeEach(() => {
  ({ page, problems } = tab);
});

function isAppUrl(url: string): boolean {
  try {
    return new URL(url).origin === appOrigin();
  } catch {
    return false;
  }
}

interface HostileCase {
  file: string;
  /** A word only this article has. */
  query: string;
  /** Its headline, exactly as the user must see it (markup included, as text). */
  title: string;
  /** Texts the reader must show literally (source, author, markup in the body). */
  literal: string[];
  /** How many quotes the quotes panel must list at least. */
  quotes: number;
}

/** The articles of the fixtures, with `BEACON_ORIGIN` standing for the beacon's address (see `withBeacon`). */
const cases: readonly HostileCase[] = [
  {
    file: 'saved-page.html',
    query: 'quillfeather',
    title: "Quillfeather harbour reopens <img src=BEACON_ORIGIN/title-img onerror=alert('title')>",
    literal: ["<img src=BEACON_ORIGIN/site-name onerror=alert('site')>", "<svg onload=alert('author')>", "<script>alert('entity')</script>", "<img src=x onerror=alert('entity')>"],
    quotes: 1,
  },
  {
    file: 'notes.md',
    query: 'marrowgate',
    title: 'Marrowgate council votes <img src=x onerror=alert(1)>',
    literal: [
      "<img src=BEACON_ORIGIN/md-source onerror=alert('md source')>",
      "<svg onload=alert('md author')>",
      "<script>fetch('BEACON_ORIGIN/md-script'); alert('md script')</script>",
      "[Read the marrowgate minutes](javascript:fetch('BEACON_ORIGIN/md-js-link'))",
      '<iframe src="BEACON_ORIGIN/md-iframe"></iframe>',
    ],
    quotes: 1,
  },
  {
    file: 'feed.json, HTML text',
    query: 'tidewrack',
    title: "Tidewrack ferry returns <img src=BEACON_ORIGIN/json-title onerror=alert('json title')>",
    literal: ['<iframe src=BEACON_ORIGIN/json-source>', "<svg onload=alert('json author')>"],
    quotes: 1,
  },
  {
    file: 'feed.json, markup kept as text',
    query: 'saltmarsh',
    title: 'Saltmarsh survey counts birds',
    literal: ["<script>fetch('BEACON_ORIGIN/raw-script')</script><img src=BEACON_ORIGIN/raw-img onerror=alert('raw img')>", '<meta http-equiv=refresh content="0;url=BEACON_ORIGIN/raw-refresh">'],
    quotes: 1,
  },
];

/** `text` with the placeholder replaced by the beacon's address, as in the archive. */
function withBeacon(text: string): string {
  return text.replaceAll(placeholder, beaconOrigin);
}

describe('an archive of hostile saved pages', () => {
  it('imports every hostile file as an article', async () => {
    expect(await text('#status')).toMatch(/ · 4 articles · \d+ quotes?$/);
    await expectNothingEscaped();
  });

  it.each(cases)('finds, opens and reads $file (searched as $query) as text, and nothing loads, runs or navigates', async (hostile) => {
    const c = { ...hostile, title: withBeacon(hostile.title), literal: hostile.literal.map(withBeacon) };

    await search(c.query);
    const titles = await page.locator('#results li.result .result-title').allTextContents();
    expect(titles, `${c.file}: the results list shows the headline as text`).toContain(c.title);
    await page.locator('#results li.result', { hasText: c.title }).first().click();
    await waitFor(async () => (await text('#reader .reader-title')) === c.title, `${c.file} to open in the reader`);

    const reader = await page.locator('#reader').innerText();
    for (const literal of c.literal) expect(reader, `${c.file}: the reader shows ${literal} as text`).toContain(literal);

    const quoteButtons = page.locator('#quotes li.quote button');
    await waitFor(async () => (await quoteButtons.count()) >= c.quotes, `${c.file}'s quotes`);
    for (let i = 0; i < (await quoteButtons.count()); i += 1) {
      const button = quoteButtons.nth(i);
      await button.click();
      // A quote's button marks it in the text (aria-pressed); a Copy button says whether it copied (data-state).
      await waitFor(async () => (await button.getAttribute('aria-pressed')) === 'true' || (await button.getAttribute('data-state')) !== null, `${c.file}: quote button ${i + 1} to respond`);
    }
    // The app draws no links from article text; any it did would be clicked here.
    const links = page.locator('#reader a, #results a, #quotes a, #quote-results a');
    for (let i = 0; i < (await links.count()); i += 1) await links.nth(i).click({ timeout: 2000 }).catch(() => undefined);

    if (c.file === 'saved-page.html') await page.screenshot({ path: path.join(outputDir, 'hostile-archive.png') });
    await expectNothingEscaped();
  }, testTimeoutMs);

  it('lists every hostile headline side by side as text, with no element made from it', async () => {
    await search(cases.map((c) => c.query).join(' OR '));
    const titles = await page.locator('#results li.result .result-title').allTextContents();
    expect(titles.sort()).toEqual(cases.map((c) => withBeacon(c.title)).sort());
    expect(await page.locator('#results').innerText()).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    // Move through the list with the keyboard and open each one, as a reader would.
    for (let i = 0; i < cases.length; i += 1) {
      await page.keyboard.press(i === 0 ? 'Enter' : 'ArrowDown');
      if (i > 0) await page.keyboard.press('Enter');
      const chosen = await text('#results li.result[aria-selected="true"] .result-title');
      await waitFor(async () => (await text('#reader .reader-title')) === chosen, `the reader to open ${chosen}`);
    }
    await expectNothingEscaped();
  }, testTimeoutMs);
});

/**
 * Waits `settleMs`, then checks everything this suite promises: the beacon heard nothing, no problem was
 * seen (dialog, CSP violation, console error, popup, frame, foreign request, navigation), the page is the
 * app's and has no element made from article markup.
 */
async function expectNothingEscaped(): Promise<void> {
  await letPendingWorkRun(settleMs);
  expect(heard, `the beacon at ${beaconOrigin} heard from the page`).toEqual([]);
  expect(problems, 'dialogs, CSP violations, console errors, popups, frames, foreign requests or navigations').toEqual([]);
  expect(new URL(page.url()).origin, 'the page is still the app').toBe(appOrigin());
  expect(new URL(page.url()).pathname).toBe('/');
  expect(page.frames()).toHaveLength(1);
  expect(await hostileElements(), 'elements or attributes made from article markup').toEqual([]);
}

/** Elements and attributes in the page that could only have come from article markup. */
async function hostileElements(): Promise<string[]> {
  // Runs in the page (this file is type-checked without the DOM library, so the script is a string).
  return page.evaluate<string[]>(`(() => {
    const beacon = ${JSON.stringify(beaconOrigin)};
    const found = [];
    const describe = (el) => '<' + el.tagName.toLowerCase() + Array.from(el.attributes).map((a) => ' ' + a.name + '="' + a.value.slice(0, 80) + '"').join('') + '>';
    // The app's own forms (Verify, corrections: issues 16 and 17) are not article markup; any other form is.
    const banned = 'img, image, iframe, frame, frameset, object, embed, svg, math, video, audio, source, track, picture, base, form:not(.verify-form, .correction-form), portal, applet, style';
    for (const el of document.querySelectorAll(banned)) found.push('element ' + describe(el));
    for (const el of document.querySelectorAll('script')) if (el.getAttribute('src') !== 'app.js' || el.textContent !== '') found.push('script ' + describe(el));
    for (const el of document.querySelectorAll('link')) {
      const ok = (el.rel === 'stylesheet' && el.getAttribute('href') === 'styles.css') || (el.rel === 'icon' && el.href.startsWith('data:image/svg+xml,'));
      if (!ok) found.push('link ' + describe(el));
    }
    for (const el of document.querySelectorAll('meta[http-equiv]')) {
      if (el.httpEquiv.toLowerCase() !== 'content-security-policy') found.push('meta ' + describe(el));
    }
    // Attributes that run script or load something. Others (title, aria-label, data-*) may hold article
    // text, markup included: as attribute values they are inert.
    const loading = ['href', 'src', 'srcset', 'srcdoc', 'data', 'action', 'formaction', 'poster', 'background', 'xlink:href', 'ping', 'codebase', 'manifest', 'http-equiv'];
    for (const el of document.querySelectorAll('body *')) {
      for (const a of el.attributes) {
        const value = a.value.toLowerCase();
        if (a.name.startsWith('on')) found.push('handler ' + a.name + ' of ' + describe(el));
        else if (loading.includes(a.name)) found.push('attribute ' + a.name + ' of ' + describe(el));
        else if (a.name === 'style' && (value.includes('url(') || value.includes('image-set(') || value.includes(beacon))) found.push('style of ' + describe(el));
      }
    }
    return found;
  })()`);
}

/** Types `query` into the search box and waits for the list to show this query's results. */
async function search(query: string): Promise<void> {
  await typeQuery(page, query, waitFor);
}

/** The text a reader sees in the first match of `selector`. */
async function text(selector: string): Promise<string> {
  return (await page.locator(selector).first().innerText()).trim();
}

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs?: number): Promise<void> {
  await app.waitFor(condition, what, timeoutMs, () => `\nproblems:\n${problems.join('\n')}`);
}
