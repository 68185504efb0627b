// End to end: the real Electron runtime opens the built app on the sample archive, searches, opens an
// article and sees its quotes. Skipped, visibly, when no Electron runtime has been downloaded.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiMethods } from '../../main/transport/api-handlers.js';
import { findElectronBinary } from '../../main/shell/electron-binary.js';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const found = findElectronBinary(projectRoot);
const binary = 'path' in found ? found.path : null;
const noDisplay = process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY'];

const skipReason =
  'missing' in found
    ? `skipped: no Electron binary (${found.missing}; the runtime is downloaded from GitHub on first run, which this machine cannot reach)`
    : noDisplay
      ? 'skipped: no display (DISPLAY and WAYLAND_DISPLAY are unset; run under xvfb-run)'
      : null;
if (skipReason !== null) console.log(skipReason);

const builtFiles = ['dist/main.cjs', 'dist/preload.cjs', 'dist/index-worker.cjs', 'dist/renderer/index.html'];

function ensureBuilt(): void {
  if (builtFiles.every((f) => existsSync(path.join(projectRoot, f)))) return;
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: projectRoot, stdio: 'inherit', timeout: 60_000 });
}

describe(skipReason === null ? 'Verbatim in Electron' : `Verbatim in Electron (${skipReason})`, () => {
  it.skipIf(skipReason !== null)(
    'finds "Putin Trump Alaska", opens the first result and shows a quote by Kazbek Maigeldinov',
    async () => {
      ensureBuilt();
      const { _electron } = await import('playwright-core');
      const userData = mkdtempSync(path.join(tmpdir(), 'verbatim-e2e-'));
      // Playwright adds --no-sandbox unless chromiumSandbox is set; Chromium refuses to run as root with its
      // sandbox on, so only root runs without it. `--user-data-dir` keeps the index cache out of the real profile.
      const asRoot = process.getuid?.() === 0;
      const app = await _electron.launch({
        executablePath: binary ?? '',
        args: ['dist/main.cjs', '--archive', 'content', `--user-data-dir=${userData}`],
        cwd: projectRoot,
        chromiumSandbox: !asRoot,
        timeout: 60_000,
      });
      try {
        const page = await app.firstWindow();
        await page.waitForLoadState('domcontentloaded');
        expect(page.url()).toBe('app://verbatim/index.html');

        // The renderer has no Node and sees exactly the API.
        const surface = await page.evaluate(() => {
          const g = globalThis as unknown as Record<string, unknown>;
          return { require: typeof g['require'], process: typeof g['process'], api: Object.keys(g['verbatim'] as object) };
        });
        expect(surface).toEqual({ require: 'undefined', process: 'undefined', api: expect.arrayContaining([...apiMethods]) });
        expect(surface.api).toHaveLength(apiMethods.length);

        await page.locator('#search').fill('Putin Trump Alaska');
        await page.locator('#search').press('Enter');
        const first = page.locator('#results .result').first();
        await first.waitFor({ timeout: 60_000 });
        await first.click();
        await page.locator('#reader').waitFor({ timeout: 30_000 });
        const quote = page.locator('#quotes .quote', { hasText: 'Kazbek Maigeldinov' }).first();
        await quote.waitFor({ timeout: 30_000 });
        expect(await quote.textContent()).toContain('Kazbek Maigeldinov');
      } finally {
        await app.close();
        rmSync(userData, { recursive: true, force: true });
      }
    },
    180_000,
  );
});
