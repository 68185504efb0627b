// Issue 18, in Chromium through `verbatim serve`: an article from a CSV row shows where it is in its file
// ("row 3 of ods/rt.csv.gz"), and one inside a zip shows its path inside the zip, with its quotes; a quotation
// another article holds too says so in the quotes panel (issue 17).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { writeZip } from '../support/write-zip.js';
import { openResultTitled, serveAndBrowse, typeQuery } from './serve.js';

const testTimeoutMs = 60_000;
const promise = '"We will run the ferry every two hours from the first of May."';

const app = serveAndBrowse('archive-formats', async (temporaryFolder) => {
  const archive = await temporaryFolder('archive');
  await mkdir(path.join(archive, 'ods'));
  const rows = [
    'title,text,date',
    'Ferry timetable changes,"The ferry runs every two hours from May.",2024-04-01',
    'Harbour reopens after the storm,"""We will rebuild the harbour wall,"" Mayor Ana Ruiz said on Monday.\n\nThe harbour had been closed since March.",2024-04-02',
  ];
  await writeFile(path.join(archive, 'ods', 'rt.csv.gz'), gzipSync(rows.join('\n')));
  await writeZip(path.join(archive, 'dump.zip'), [
    { name: '2019/bridge.txt', data: Buffer.from('Bridge closes for repairs\n\n"The work will take a month," the engineer Tom Hale said.') },
    { name: '2024/promise.txt', data: Buffer.from(`Ferry operator promises more sailings\n\nDate: 2024-03-02\n\nSource: Harbour Gazette\n\n${promise} operator Lena Dahl said.`) },
    { name: '2024/doubts.txt', data: Buffer.from(`Doubts over the sailings\n\nDate: 2024-03-09\n\nSource: Island Post\n\nLena Dahl repeated: ${promise}`) },
  ]);
  return archive;
});

const tab = app.pagePerTest({ viewport: { width: 1280, height: 800 } });
let page: Page;
beforeEach(() => {
  page = tab.page;
});
const text = async (selector: string): Promise<string> => ((await page.locator(selector).first().textContent()) ?? '').trim();

describe('articles inside CSV dumps and zips', () => {
  it('shows a CSV row\'s article with its row and file', async () => {
    await typeQuery(page, 'harbour wall', app.waitFor);
    await openResultTitled(page, 'Harbour reopens after the storm', app.waitFor);
    expect(await text('#reader .reader-meta .path')).toBe('row 3 of ods/rt.csv.gz');
    expect(await text('#quotes li.quote')).toContain('We will rebuild the harbour wall');
  }, testTimeoutMs);

  it('shows a zip entry\'s article by its path inside the zip', async () => {
    await typeQuery(page, 'bridge', app.waitFor);
    await openResultTitled(page, 'Bridge closes for repairs', app.waitFor);
    expect(await text('#reader .reader-meta .path')).toBe('dump.zip/2019/bridge.txt');
    expect(await text('#quotes li.quote')).toContain('Tom Hale');
  }, testTimeoutMs);

  it('says in the quotes panel where else the archive holds a quotation, and where it stood first', async () => {
    await typeQuery(page, 'doubts', app.waitFor);
    await openResultTitled(page, 'Doubts over the sailings', app.waitFor);
    await app.waitFor(async () => (await page.locator('#quotes li.quote').count()) > 0, 'the quotes panel');
    expect(await text('#quotes li.quote .quote-cluster')).toBe('Also in 1 article, first on 2024-03-02 (Harbour Gazette)');
  }, testTimeoutMs);
});
