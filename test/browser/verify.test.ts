// End to end in Chromium against a real `verbatim serve` on the sample archive (content/): the Verify box of
// issue 17. A changed quote is pasted; the verdict, the claim beside the original with the changed words
// marked, and the speaker show; the original opens in the reader; Copy puts it on the clipboard with its citation.

import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { outputDir, serveAndBrowse } from './serve.js';

const testTimeoutMs = 60_000;
// Yvette Cooper's words in content/2023-02-23-reports-streamlined-uk-asylum-process-..., two of them changed.
const changed = '“Labour has a radical plan to fast-track cases, get return agreements in place so unsuccessful claims can be slowly and safely returned”';

const app = serveAndBrowse('verify', async () => 'content');
const tab = app.pagePerTest({ viewport: { width: 1440, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
let page: Page;
beforeEach(() => {
  page = tab.page;
});

const text = async (selector: string): Promise<string> => ((await page.locator(selector).first().textContent()) ?? '').trim();

describe('the Verify box', () => {
  it('shows a changed quote beside its original, with the changes marked, and opens the original in the reader', async () => {
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    const box = page.getByLabel('Claim to verify');
    await box.focus();
    await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(changed)})`);
    await page.keyboard.press('Control+V');
    expect(await box.inputValue()).toBe(changed);
    await page.getByRole('button', { name: 'Verify', exact: true }).last().click();
    await app.waitFor(async () => (await page.locator('.verify-match').count()) > 0, 'the matches of the claim');

    expect(await text('.verdict')).toBe('Altered: near-verbatim, with changes.');
    const match = page.locator('.verify-match').first();
    expect(await match.locator('.verify-who').textContent()).toMatch(/^Yvette Cooper · \d+% of the words/);
    const [claimSide, originalSide] = await match.locator('.verify-side').all();
    expect(await claimSide?.locator('mark.replaced').allTextContents()).toEqual(['radical', 'slowly']);
    expect(await originalSide?.locator('mark.replaced').allTextContents()).toEqual(['common sense', 'quickly']);
    expect(await originalSide?.locator('del').allTextContents()).toEqual(['and take much stronger action against the criminal gangs driving dangerous small boat crossings']);
    await page.screenshot({ path: path.join(outputDir, 'verify-altered.png') });

    await match.getByRole('button', { name: 'Open in reader' }).click();
    await app.waitFor(async () => (await text('#reader .reader-title')).startsWith('Reports: \'streamlined\' UK asylum process'), 'the reader to show the original');
    expect(await page.locator('#reader').textContent()).toContain('Labour has a common-sense plan to fast-track cases');

    await match.getByRole('button', { name: /^Copy the original with its citation/ }).click();
    await app.waitFor(async () => (await match.getByRole('button', { name: /^Copy the original/ }).textContent()) === 'Copied', 'Copied');
    const copied = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(copied).toMatch(/^“Labour has a common-sense plan to fast-track cases, .*” — Yvette Cooper, in "Reports: 'streamlined' UK asylum process/);
  }, testTimeoutMs);

  it('says when nothing in the archive is close, and refuses a claim too short with the reason', async () => {
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await page.getByLabel('Claim to verify').fill('the committee will publish its findings on the migration of unicorns next spring');
    await page.getByRole('button', { name: 'Verify', exact: true }).last().click();
    await app.waitFor(async () => (await page.locator('.verdict').count()) > 0, 'the verdict');
    expect(await text('.verdict')).toBe('Not found: nothing in the archive is close to these words.');
    expect(await page.locator('#verify-result > .verify-matches').count()).toBe(0);

    await page.getByLabel('Claim to verify').fill('too short');
    await page.getByRole('button', { name: 'Verify', exact: true }).last().click();
    await app.waitFor(async () => (await page.locator('.verify-error').count()) > 0, 'the reason');
    expect(await text('.verify-error')).toBe('verify: the claim has 2 words; give at least 3');
  }, testTimeoutMs);
});
