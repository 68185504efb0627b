// Quote extraction quality on the annotated corpora, scored by `npm run eval:quotes` (issue 4's targets:
// quote-span F1 at least 0.90 and speaker accuracy at least 0.85 on both sets; issue 12's reported speech). A regression here is a
// regression for users: who said what is the product.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithCorpora } from './support/corpora.js';
import { repoRoot } from './support/paths.js';

interface CorpusScores {
  gold: number;
  exactScores: { f1: number };
  speakerAccuracy: number;
  all: { gold: number; scores: { f1: number }; speakerAccuracy: number };
}

describeWithCorpora('npm run eval:quotes', () => {
  it('meets the quote-span and speaker targets on PolNeAR and GGT, and keeps the seed article right', () => {
    const run = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'eval-quotes.mjs'), '--json'], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { corpora: Record<string, CorpusScores>; seed: { quotes: { kind: string; speaker: string | null }[] } };
    for (const corpus of ['polnear', 'ggt']) {
      const scores = report.corpora[corpus];
      expect(scores?.gold, corpus).toBeGreaterThan(100);
      expect(scores?.exactScores.f1, `${corpus} exact F1`).toBeGreaterThanOrEqual(0.9);
      expect(scores?.speakerAccuracy, `${corpus} speaker accuracy`).toBeGreaterThanOrEqual(0.85);
    }
    // Reported speech (issue 12): all of GGT's annotated quotations, at its 30% rule (0.856 / 0.896 when
    // written; the Gender Gap Tracker publishes 0.84 / 0.87). A regression guard below today's numbers.
    const ggt = report.corpora['ggt']?.all;
    expect(ggt?.gold).toBeGreaterThan(400);
    expect(ggt?.scores.f1, 'GGT all-quotation F1').toBeGreaterThanOrEqual(0.83);
    expect(ggt?.speakerAccuracy, 'GGT all-quotation speaker accuracy').toBeGreaterThanOrEqual(0.85);
    expect(report.seed.quotes.filter((q) => q.kind === 'direct').map((q) => q.speaker)).toEqual(['Kazbek Maigeldinov', 'Kazbek Maigeldinov', 'Kazbek Maigeldinov']);
  }, 120_000);
});
