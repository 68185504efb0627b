// The research corpora live beside the repository (../shared), not in it: a fresh clone has none. Tests that
// read them are registered through these helpers, which skip them, with the reason in their names, when the
// corpora are missing. VERBATIM_REQUIRE_CORPORA=1 (set by .ci/run) turns that skip into a failure.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, it, type TestFunction } from 'vitest';
import { bbcDir, repoRoot, seedFile, sharedDir } from './paths.js';

/** Everything under ../shared that some test reads (scripts/eval-quotes.mjs reads PolNeAR, GGT and the seed). */
const needed = [
  bbcDir,
  seedFile,
  path.join(sharedDir, 'sample-archive', 'en'),
  path.join(sharedDir, 'corpora', 'polnear'),
  path.join(sharedDir, 'corpora', 'ggt'),
];
const missing = needed.filter((p) => !existsSync(p));
const shown = path.relative(repoRoot, sharedDir);

/** Whether the research corpora are all there. */
export const corporaFound = missing.length === 0;

/** Why the tests that need the corpora are skipped, or null when they run. */
export const corporaSkipReason: string | null = corporaFound
  ? null
  : existsSync(sharedDir)
    ? `skipped: research corpora incomplete at ${shown} (${sharedDir}): missing ${missing.map((p) => path.relative(sharedDir, p)).join(', ')}`
    : `skipped: research corpora not found at ${shown} (${sharedDir})`;

if (corporaSkipReason !== null) {
  if (process.env['VERBATIM_REQUIRE_CORPORA'] === '1') {
    const found = existsSync(sharedDir) ? `${sharedDir} lacks ${missing.join(', ')}` : `${sharedDir} does not exist`;
    throw new Error(`VERBATIM_REQUIRE_CORPORA=1, but the research corpora are missing: ${found}`);
  }
  console.log(corporaSkipReason);
}

const named = (name: string): string => (corporaSkipReason === null ? name : `${name} (${corporaSkipReason})`);

/** `describe` for a suite that needs the corpora: skipped, hooks and all, without them. */
export function describeWithCorpora(name: string, suite: () => void): void {
  describe.skipIf(!corporaFound)(named(name), suite);
}

/** `it` for a test that needs the corpora: skipped without them. */
export function itWithCorpora(name: string, test: TestFunction, timeout?: number): void {
  it.skipIf(!corporaFound)(named(name), test, timeout);
}

/** `it.each` for cases that need the corpora: skipped without them. */
itWithCorpora.each = <T extends unknown[]>(cases: readonly T[]) =>
  (name: string, test: (...args: T) => Promise<void> | void, timeout?: number): void => {
    it.skipIf(!corporaFound).each<T>(cases)(named(name), test, timeout);
  };

/** `beforeAll` preparing what only tests that need the corpora use: not run without them. */
export function beforeAllWithCorpora(prepare: () => Promise<void> | void, timeout?: number): void {
  if (corporaFound) beforeAll(prepare, timeout);
}
