// `verbatim corrections` on real data (issue 16): a correction of a BBC quote's speaker, imported from a
// file, is applied on the next open of the archive, listed, exported, and gone once undone through the API.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Correction } from '../../main/contract/model.js';
import { startLibrary } from '../../main/core/library.js';
import { createApiHandlers } from '../../main/transport/api-handlers.js';
import { itWithCorpora } from '../support/corpora.js';
import { bbcDir, contentDir, distDir, tempDir } from '../support/paths.js';
import { ensureBuilt, runCli } from '../support/run-cli.js';

interface QuoteJson {
  id: string;
  text: string;
  speaker: string | null;
  speakerId: string | null;
  correction: string | null;
}

let cacheDir: string;

beforeAll(() => {
  ensureBuilt();
  cacheDir = tempDir();
});

function json<T>(run: { status: number | null; stdout: string; stderr: string }): T {
  expect(run.stderr.replace(/^verbatim: .*cache.*\n/gm, '')).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as T;
}

const bbc = (...args: string[]) => runCli([...args, '--archive', bbcDir, '--cache-dir', cacheDir]);
const quotesOf = (speaker: string) => json<{ total: number; quotes: QuoteJson[] }>(bbc('quotes', '--speaker', speaker, '--all', '--json'));

describe('verbatim corrections', () => {
  itWithCorpora('imports a correction of a speaker that the next open applies, lists and exports it, and drops it once undone', async () => {
    const blair = quotesOf('Tony Blair');
    const quote = blair.quotes.find((q) => q.speaker === 'Tony Blair');
    if (quote === undefined) throw new Error('no quote by Tony Blair in BBC');
    expect(blair.quotes.every((q) => q.correction === null)).toBe(true);

    const correction: Correction = {
      id: 'bbc-fix-1',
      made: '2026-12-07T10:00:00.000Z',
      change: { type: 'speaker', quoteId: quote.id, quoteText: quote.text, speakerId: null, speakerName: 'Alastair Campbell' },
    };
    const file = path.join(tempDir(), 'fixes.json');
    writeFileSync(file, JSON.stringify({ format: 'verbatim-corrections', version: 1, corrections: [correction] }));
    expect(json(bbc('corrections', 'import', file, '--json'))).toEqual({ added: [correction], skipped: [] });
    const again = bbc('corrections', 'import', file);
    expect(again.stdout).toMatch(/^Imported 0 of 1 corrections from .*fixes\.json into .*corrections\.json\nSkipped 1 already there \(same id\):\n {2}2026-12-07 bbc-fix-1 {2}the speaker of “.*” \(.*\) is Alastair Campbell\n$/);

    // The next open applies it: the quote is Campbell's, shown as a correction, and no longer Blair's.
    const campbell = quotesOf('Alastair Campbell');
    // The person resolution (r16-people) gives the name the correction typed a person of its own.
    expect(campbell.quotes.filter((q) => q.correction !== null)).toEqual([{ ...quote, speaker: 'Alastair Campbell', speakerId: 'alastair-campbell', correction: 'bbc-fix-1', speakerFound: 'name', mention: null }]);
    expect(quotesOf('Tony Blair').total).toBe(blair.total - 1);
    const listed = json<{ file: string; corrections: Correction[] }>(bbc('corrections', '--json'));
    expect(listed.corrections).toEqual([correction]);
    expect(path.basename(listed.file)).toBe('corrections.json');
    expect(path.relative(cacheDir, listed.file)).not.toMatch(/^\.\./);

    const exported = path.join(tempDir(), 'export.json');
    expect(json(bbc('corrections', 'export', exported, '--json'))).toEqual({ file: exported, corrections: 1 });
    expect(JSON.parse(readFileSync(exported, 'utf8'))).toEqual({ format: 'verbatim-corrections', version: 1, corrections: [correction] });

    // Undone through the API (the window's way), on the engines' threads and the same cache.
    const session = startLibrary({ archiveDir: bbcDir, cacheDir, workerScript: path.join(distDir, 'index-worker.cjs') });
    try {
      expect(await createApiHandlers(session).undoCorrection({ id: 'bbc-fix-1' })).toEqual({ ok: true, value: correction });
    } finally {
      await session.close();
    }
    expect(quotesOf('Tony Blair')).toEqual(blair);
    expect(json(bbc('corrections', '--json'))).toMatchObject({ corrections: [] });
  }, 300_000);

  it.each([
    ['not JSON', '{"format":', /was not imported: it is not JSON/],
    ['from a newer Verbatim', '{"format": "verbatim-corrections", "version": 2, "corrections": []}', /was not imported: it was written by a newer Verbatim/],
    ['with a bad correction', '{"format": "verbatim-corrections", "version": 1, "corrections": [{"id": "x", "made": "2026-01-01T00:00:00Z", "change": {"type": "not-quote"}}]}', /was not imported: correction 1: change.quoteId must be a string/],
  ])('refuses a file %s whole, with exit code 2 and the reason', (_name, text, message) => {
    const file = path.join(tempDir(), 'bad.json');
    writeFileSync(file, text);
    const cache = tempDir();
    const run = runCli(['corrections', 'import', file, '--json', '--cache-dir', cache]);
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({ error: { code: 'usage', message: expect.stringMatching(message) } });
    expect(JSON.parse(runCli(['corrections', '--json', '--cache-dir', cache]).stdout)).toMatchObject({ corrections: [] });
  });

  it('lists none for an archive never corrected, and says how to use it when used wrongly', () => {
    const run = runCli(['corrections', '--archive', contentDir, '--cache-dir', tempDir()]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^0 corrections in .*corrections\.json\n$/);
    expect(runCli(['corrections', 'import']).status).toBe(2);
    expect(runCli(['corrections', 'undo', 'x']).stderr).toMatch(/unknown corrections action "undo"/);
    expect(runCli(['corrections', '--help']).stdout).toMatch(/^Usage: verbatim corrections \[export FILE \| import FILE\]/);
  });
});
