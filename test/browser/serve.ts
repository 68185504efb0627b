// Shared by the browser tests: starts the built `verbatim serve` on an archive and Chromium for a test file,
// opens the app in a fresh page for each test, records what goes wrong in a page, and small waiting helpers.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const outputDir = path.join(root, 'test-output');
export const chromiumPath = process.env['VERBATIM_CHROMIUM'] ?? '/usr/bin/chromium';
/** The CLI to serve with; the built one unless told otherwise (e.g. a packaged build). */
export const cliPath = process.env['VERBATIM_CLI'] ?? path.join(root, 'dist', 'cli.cjs');
/** Chromium's flags for these tests: headless, no sandbox (tests may run as root), no background traffic. */
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export interface Served {
  /** The address printed by `verbatim serve`, with `#token=`. */
  url: string;
  /** Everything the server printed, for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

/** A test file's `verbatim serve` and Chromium (see `serveAndBrowse`). */
export interface ServedBrowser {
  readonly server: Served;
  readonly browser: Browser;
  /** The archive folder being served. */
  readonly archive: string;
  /** Waits until `condition` holds; a timeout's error ends with the server's recent output and `context()`. */
  waitFor(condition: () => Promise<boolean>, what: string, timeoutMs?: number, context?: () => string): Promise<void>;
  /** Registers the file's beforeEach and afterEach that give each test the app in a fresh page (see `TestPage`). */
  pagePerTest(options: TestPageOptions): TestPage;
}

/** How each test's page is made (`ServedBrowser.pagePerTest`). */
export interface TestPageOptions {
  viewport: { width: number; height: number };
  /** Browser permissions of the page's context (e.g. the clipboard's). */
  permissions?: string[];
  /** Lets the test inject scripts the app's CSP refuses (axe-core); the app's own CSP is tested elsewhere. */
  bypassCSP?: boolean;
  /** Runs before the page loads the app: init scripts, more listeners that add to `problems`. */
  beforeLoad?: (page: Page, problems: string[]) => Promise<void> | void;
  /** Wait, before the test, until the status line shows the archive's counts (default true). */
  waitForArchive?: boolean;
  /** Fail the test if anything was recorded in `problems` (default true). */
  expectNoProblems?: boolean;
}

/** The current test's page, in a context of its own that is closed after the test. */
export interface TestPage {
  readonly page: Page;
  /** Console errors, CSP violations, uncaught errors and dialogs seen so far (see `recordPageProblems`). */
  readonly problems: string[];
  /** Drops the problems a test expects (the browser's own report of a request the test refused, say). */
  forgive(expected: (problem: string) => boolean): void;
}

/** How long starting the server and the browser may take. */
const startTimeoutMs = 60_000;

/**
 * Registers the test file's beforeAll and afterAll: `verbatim serve` on the archive `prepare` returns (it may
 * make temporary folders with the function it is given; they are deleted after), with a fresh cache folder,
 * and Chromium. Both are stopped and the folders deleted when the file's tests are done.
 */
export function serveAndBrowse(name: string, prepare: (temporaryFolder: (prefix: string) => Promise<string>) => Promise<string>): ServedBrowser {
  const folders: string[] = [];
  const temporaryFolder = async (prefix: string): Promise<string> => {
    const folder = await mkdtemp(path.join(tmpdir(), `verbatim-${prefix}-`));
    folders.push(folder);
    return folder;
  };
  let started: Pick<ServedBrowser, 'server' | 'browser' | 'archive'> | undefined;
  let server: Served | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    checkPrerequisites();
    await mkdir(outputDir, { recursive: true });
    const archive = await prepare(temporaryFolder);
    server = await startServe(archive, await temporaryFolder(`${name}-cache`));
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    started = { server, browser, archive };
  }, startTimeoutMs);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  });
  const get = (): NonNullable<typeof started> => {
    if (started === undefined) throw new Error('verbatim serve or the browser did not start');
    return started;
  };
  return {
    get server() {
      return get().server;
    },
    get browser() {
      return get().browser;
    },
    get archive() {
      return get().archive;
    },
    waitFor: (condition, what, timeoutMs = 15_000, context = () => '') =>
      waitUntil(condition, what, timeoutMs, `server log:\n${get().server.log().slice(-2000)}${context()}`),
    pagePerTest: (options) => pagePerTest(get, options),
  };
}

function pagePerTest(served: () => Pick<ServedBrowser, 'server' | 'browser'>, options: TestPageOptions): TestPage {
  let current: { context: BrowserContext; page: Page; problems: string[] } | undefined;
  beforeEach(async () => {
    const { server, browser } = served();
    const context = await browser.newContext({
      viewport: options.viewport,
      ...(options.permissions === undefined ? {} : { permissions: options.permissions }),
      ...(options.bypassCSP === undefined ? {} : { bypassCSP: options.bypassCSP }),
    });
    const page = await context.newPage();
    const problems: string[] = [];
    current = { context, page, problems };
    recordPageProblems(page, problems);
    await options.beforeLoad?.(page, problems);
    await page.goto(server.url);
    if (options.waitForArchive !== false) {
      const status = async (): Promise<string> => (await page.locator('#status').first().innerText()).trim();
      await waitUntil(async () => /\d+ articles? · \d+ quotes?/.test(await status()), 'the archive to be ready', 15_000, `server log:\n${server.log().slice(-2000)}`);
    }
  });
  afterEach(async () => {
    const ended = current;
    current = undefined;
    await ended?.context.close();
    if (options.expectNoProblems !== false) expect(ended?.problems, 'console errors, CSP violations, uncaught errors or dialogs').toEqual([]);
  });
  const get = (): NonNullable<typeof current> => {
    if (current === undefined) throw new Error('no page: pagePerTest gives one only while a test runs');
    return current;
  };
  return {
    get page() {
      return get().page;
    },
    get problems() {
      return get().problems;
    },
    forgive: (expected) => {
      const { problems } = get();
      problems.splice(0, problems.length, ...problems.filter((problem) => !expected(problem)));
    },
  };
}

/** Throws with the fix when Chromium or the built CLI is missing. */
export function checkPrerequisites(): void {
  if (!existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath}: apt-get install chromium`);
  if (!existsSync(cliPath)) throw new Error(`no CLI at ${cliPath}: run \`npm run build\` first`);
}

/** Starts `verbatim serve --archive <archive> --port 0 --cache-dir <cacheDir>` and waits for its URL. */
export async function startServe(archive: string, cacheDir: string): Promise<Served> {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [cliPath, 'serve', '--archive', archive, '--port', '0', '--cache-dir', cacheDir],
    { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdin.end();
  child.stderr.on('data', (chunk: Buffer) => {
    log += chunk.toString('utf8');
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, delay(5000)]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`verbatim serve printed no URL in 30 s\n${log}`)), 30_000);
    lines.on('line', (line) => {
      log += `${line}\n`;
      const found = /https?:\/\/127\.0\.0\.1:\d+\/\S*#token=\S+/.exec(line);
      if (found !== null) {
        clearTimeout(timer);
        resolve(found[0]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`verbatim serve exited with ${code}\n${log}`));
    });
  });
  return { url, log: () => log, stop };
}

/** Polls `condition` every 50 ms until it holds; fails after `timeoutMs`, saying what it waited for. */
export async function waitUntil(condition: () => Promise<boolean>, what: string, timeoutMs = 15_000, context = ''): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${context === '' ? '' : `\n${context}`}`);
    await delay(50);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Whether the page's animations and transitions (a quote's flash, a panel sliding open) have all ended:
 * what a screenshot waits for. Endless ones (a progress indicator) do not count.
 */
export async function animationsDone(page: Page): Promise<boolean> {
  return await page.evaluate<boolean>(
    "document.getAnimations().every((a) => a.playState !== 'running' || a.effect === null || a.effect.getComputedTiming().endTime === Infinity)",
  );
}

/**
 * Records into `problems` what must never happen in Verbatim's page: console errors, Content Security
 * Policy reports, uncaught errors and dialogs (which are dismissed).
 */
export function recordPageProblems(page: Page, problems: string[]): void {
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' || /Content[- ]Security[- ]Policy|violat/i.test(text)) problems.push(`console.${message.type()}: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.type()} ${JSON.stringify(dialog.message())}`);
    void dialog.dismiss();
  });
}

/**
 * Types `query` into the search box and waits, with the test's `wait`, until the list shows this query's
 * results (at least one).
 */
export async function typeQuery(page: Page, query: string, wait: Wait): Promise<void> {
  await page.fill('#search', query);
  await resultsFor(page, query, wait);
}

/** A file's `waitFor`: waits until `condition` holds, failing with `what`. */
export type Wait = (condition: () => Promise<boolean>, what: string) => Promise<void>;

/** Waits until the list shows results of `query` (typed, or restored from the address). */
export async function resultsFor(page: Page, query: string, wait: Wait): Promise<void> {
  await wait(
    async () => (await page.getAttribute('#results', 'data-query')) === query && (await page.locator('#results li.result').count()) > 0,
    `results for ${query}`,
  );
}

/** Opens the result titled `title` and waits until the reader shows it with its quotes. */
export async function openResultTitled(page: Page, title: string, wait: Wait): Promise<void> {
  const text = async (selector: string): Promise<string> => ((await page.locator(selector).first().textContent()) ?? '').trim();
  await page.locator('#results li.result', { hasText: title }).click();
  await wait(async () => (await text('#reader .reader-title')) === title, `the reader to show ${title}`);
  await wait(async () => (await page.locator('#quotes li.quote').count()) > 0, 'the quotes panel to fill');
}

/** Whether the first element matching `selector` is inside the visible part of the reader and the window. */
export async function inReader(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  const reader = await page.locator('#reader').boundingBox();
  const size = page.viewportSize();
  if (box === null || reader === null || size === null) return false;
  return box.y >= Math.max(reader.y, 0) && box.y + box.height <= Math.min(reader.y + reader.height, size.height);
}
