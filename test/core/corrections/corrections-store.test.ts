// The corrections file: changes persist atomically, an import merges by id, two writers do not overwrite
// each other, and a file that cannot be read is kept aside (never overwritten) with a notice.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Correction, CorrectionChange } from '../../../main/contract/model.js';
import { CorrectionsStore } from '../../../main/core/corrections/corrections-store.js';
import { formatCorrectionsFile } from '../../../main/core/corrections/parse-corrections.js';
import { tempDir } from '../../support/paths.js';

const notQuote: CorrectionChange = { type: 'not-quote', quoteId: 'politics/002.txt:0', quoteText: 'a disgrace' };
const merge: CorrectionChange = { type: 'merge', into: 'tony-blair', from: 'blair' };

async function storeIn(folder: string, notices: string[] = []): Promise<CorrectionsStore> {
  const store = new CorrectionsStore(path.join(folder, 'corrections.json'), (m) => notices.push(m));
  await store.load();
  return store;
}

describe('the corrections store', () => {
  it('starts empty without a file, and keeps what is added and undone for the next reader', async () => {
    const folder = tempDir();
    const store = await storeIn(folder);
    expect(store.corrections).toEqual([]);
    const first = await store.add(notQuote, new Date('2026-12-01T00:00:00Z'));
    const second = await store.add(merge);
    expect(first).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), made: '2026-12-01T00:00:00.000Z', change: notQuote });
    expect((await storeIn(folder)).corrections).toEqual([first, second]);
    expect(await store.undo(first.id)).toEqual(first);
    expect((await storeIn(folder)).corrections).toEqual([second]);
    await expect(store.undo(first.id)).rejects.toThrow(/no correction with id/);
    // Written through a temporary file, none left behind.
    expect(readdirSync(folder)).toEqual(['corrections.json']);
  });

  it('imports by id: new ones are added in time order, those already there skipped', async () => {
    const store = await storeIn(tempDir());
    const mine = await store.add(merge, new Date('2026-12-05T00:00:00Z'));
    const older: Correction = { id: 'older', made: '2026-12-01T00:00:00.000Z', change: notQuote };
    const result = await store.import([mine, older]);
    expect(result).toEqual({ added: [older], skipped: [mine] });
    expect(store.corrections).toEqual([older, mine]);
    expect(await store.import([older])).toEqual({ added: [], skipped: [older] });
  });

  it('reads the file again before each change: a change made by another writer meanwhile is kept', async () => {
    const folder = tempDir();
    const app = await storeIn(folder);
    const cli = await storeIn(folder);
    const imported = await cli.add(merge);
    const made = await app.add(notQuote);
    expect(app.corrections).toEqual([imported, made]);
    expect((await storeIn(folder)).corrections).toEqual([imported, made]);
  });

  it.each([
    ['damaged', '{"format": "verbatim-corrections", "version": 1, "corr', /could not be read \(it is not JSON\)/],
    ['from a newer Verbatim', '{"format": "verbatim-corrections", "version": 9, "corrections": []}', /could not be read \(it was written by a newer Verbatim/],
  ])('keeps a %s file aside, says where, and goes on without it', async (_name, text, reason) => {
    const folder = tempDir();
    const file = path.join(folder, 'corrections.json');
    writeFileSync(file, text);
    const notices: string[] = [];
    const store = await storeIn(folder, notices);
    expect(store.corrections).toEqual([]);
    const aside = readdirSync(folder).find((n) => n.startsWith('corrections.json.unreadable-')) ?? '';
    expect(readFileSync(path.join(folder, aside), 'utf8')).toBe(text);
    expect(notices).toEqual([expect.stringMatching(reason)]);
    expect(notices[0]).toContain(`it was kept as ${path.join(folder, aside)}`);
    expect(existsSync(file)).toBe(false);
    // New corrections start a new file; the one kept aside is untouched.
    await store.add(merge);
    expect(readFileSync(path.join(folder, aside), 'utf8')).toBe(text);
    expect((await storeIn(folder)).corrections).toHaveLength(1);
  });

  it('has none where the cache folder cannot be, and says so when a correction cannot be saved there', async () => {
    const notAFolder = path.join(tempDir(), 'not-a-folder');
    writeFileSync(notAFolder, 'a file where the cache folder would go');
    const notices: string[] = [];
    const store = await storeIn(notAFolder, notices);
    expect(store.corrections).toEqual([]);
    await expect(store.add(merge)).rejects.toThrow(/corrections file .* could not be saved \(E[A-Z]+: .*\); nothing was changed/);
    expect(store.corrections).toEqual([]);
    expect(notices).toEqual([]);
  });

  it('writes a file that formatCorrectionsFile would', async () => {
    const folder = tempDir();
    const store = await storeIn(folder);
    await store.add(merge);
    expect(readFileSync(store.file, 'utf8')).toBe(formatCorrectionsFile(store.corrections));
  });
});
