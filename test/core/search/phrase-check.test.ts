// Phrase checks at their edges (issue 14): a phrase of short words, with no start to look for, and windows
// that must not cut a word into another word.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../../main/core/library.js';
import { tempDir } from '../../support/paths.js';

// A candidate pair of words 40 characters after the last "a" of "Australia" (or ending 40 before the "1" of
// "21st") gave a window starting "a 2-1" (or ending `a "2`): the phrase "a 2", found where it is not.
const bodies: Record<string, string> = {
  australia: `Australia 2-1${'~'.repeat(35)}next word.`,
  century: `one two${'~'.repeat(36)}a "21st century" idea.`,
  // Many candidates that fail before the one that holds it: the text is then read whole.
  late: `${Array.from({ length: 40 }, (_, k) => `a ${k + 3}`).join(', ')}, and at last a 2.`,
  early: 'It ended a 2 all draw.',
};

let library: Library;

beforeAll(async () => {
  const archiveDir = tempDir();
  // English, as the BBC articles were (too short to be detected as such).
  for (const [name, body] of Object.entries(bodies)) writeFileSync(path.join(archiveDir, `${name}.md`), `---\ntitle: ${name}\nlanguage: en\n---\n${body}\n`);
  library = await openLibrary({ archiveDir, cacheDir: tempDir() });
}, 60_000);

afterAll(async () => {
  await library.close();
});

describe('a phrase of short words', () => {
  it.each(['"a 2"', 'a^2'])('%s is found where its words stand side by side, early or late, and nowhere else', async (query) => {
    const reply = await library.search(query, { limit: 10 });
    expect(reply.hits.map((h) => h.path).sort()).toEqual(['early.md', 'late.md']);
  });
});
