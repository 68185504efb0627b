// Where tests find the repository, its built output and the shared research data.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../..');
/** Research data lives beside the repository, never inside it (../shared). */
export const sharedDir = path.resolve(repoRoot, '..', 'shared');
export const bbcDir = path.join(sharedDir, 'corpora', 'bbc');
export const seedFile = path.join(sharedDir, 'seed', 'kazinform-putin-trump-alaska.txt');
export const contentDir = path.join(repoRoot, 'content');
export const distDir = path.join(repoRoot, 'dist');

/** The temporary folders this test file made; removed once its tests are done (remove-temp-dirs.ts). */
export const madeTempDirs: string[] = [];

/** A fresh temporary folder for one test, removed after the test file's last test. */
export function tempDir(prefix = 'verbatim-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  madeTempDirs.push(dir);
  return dir;
}
