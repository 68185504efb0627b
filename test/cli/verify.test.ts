import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { VerifyReply } from '../../main/contract/api.js';
import { ensureBuilt, runCli } from '../support/run-cli.js';
import { tempDir } from '../support/paths.js';

// A real quotation of the bundled sample (content/2023-02-23-reports-streamlined-uk-asylum-process-...).
const cooper = 'Labour has a common-sense plan to fast-track cases, get return agreements in place so unsuccessful claims can be quickly and safely returned';

describe('verbatim verify', () => {
  let cacheDir: string;
  beforeAll(() => {
    ensureBuilt();
    cacheDir = tempDir();
  });
  const verify = (...args: string[]) => runCli(['verify', ...args, '--cache-dir', cacheDir]);

  it('answers a quote retyped and shortened with VERBATIM, the speaker and the article', () => {
    const run = verify('“labour has a common sense plan to fast track cases”');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^VERBATIM: every word/);
    expect(run.stdout).toContain('Yvette Cooper (direct quotation), 100% of the words, leaves out');
    expect(run.stdout).toContain('asylum');
  });

  it('shows each replaced word and who the archive says said it, in JSON', () => {
    const run = verify(cooper.replace('common-sense', 'radical').replace('quickly', 'slowly'), '--speaker', 'Rishi Sunak', '--json');
    expect(run.status).toBe(0);
    const reply = JSON.parse(run.stdout) as VerifyReply;
    expect(reply.verdict).toBe('altered');
    expect(reply.attribution).toBe('You said Rishi Sunak; the archive says Yvette Cooper.');
    const [match] = reply.matches;
    expect(match).toMatchObject({ speaker: 'Yvette Cooper', kind: 'direct', speakerId: null, claimStart: 0 });
    expect(match?.changes.filter((c) => c.op !== 'equal' && c.op !== 'delete')).toEqual([
      { op: 'replace', claim: 'radical', original: 'common sense' },
      { op: 'replace', claim: 'slowly', original: 'quickly' },
    ]);
    expect(Object.keys(match ?? {}).sort()).toEqual(
      ['articleId', 'changes', 'claimEnd', 'claimStart', 'date', 'end', 'kind', 'omitted', 'path', 'similarity', 'source', 'speaker', 'speakerId', 'start', 'text', 'title'],
    );
  });

  it('saves the shingle index beside the cache after the first claim, and the next command reads it to the same answer', () => {
    const dir = tempDir();
    const claim = '“labour has a common sense plan to fast track cases”';
    const first = runCli(['verify', claim, '--json', '--cache-dir', dir]);
    expect(first.status).toBe(0);
    const [folder] = readdirSync(dir);
    const saved = readdirSync(path.join(dir, folder ?? '')).filter((name) => name.endsWith('.shingles'));
    expect(saved.length).toBeGreaterThan(0);
    const again = runCli(['verify', claim, '--json', '--cache-dir', dir]);
    const { tookMs: _first, ...firstReply } = JSON.parse(first.stdout) as VerifyReply;
    const { tookMs: _again, ...againReply } = JSON.parse(again.stdout) as VerifyReply;
    expect(againReply).toEqual(firstReply);
    expect(firstReply.verdict).toBe('verbatim');
  });

  it('answers words the archive does not hold with NOT FOUND', () => {
    const run = verify('the committee will publish its findings on the migration of unicorns next spring');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^NOT FOUND: nothing in the archive is close/);
  });

  it.each([
    [[], /verify needs the TEXT of a claim/],
    [['too short'], /the claim has 2 words; give at least 3/],
    [['"…!?"'], /the claim has 0 words/],
  ])('exits 2 with a reason for %j', (args, reason) => {
    const run = verify(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(reason);
  });

  it('has a help page that says what the verdicts mean', () => {
    const run = runCli(['verify', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('ALTERED    near-verbatim with changes');
  });
});
