// Removes the temporary folders a test file made (`tempDir`) once its tests are done: a run of the suite left
// 575 of them behind, 1 GB of caches, archives and shingle files in the system's temporary folder.
import { rmSync } from 'node:fs';
import { afterAll } from 'vitest';
import { madeTempDirs } from './paths.js';

afterAll(() => {
  for (const dir of madeTempDirs.splice(0)) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // Still held (an engine's file on Windows): left to the system's cleaning.
    }
  }
});
