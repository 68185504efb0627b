// Issue 15: `folder:` and `path:` filters, unknown fields reported as query errors (a colon in ordinary text
// still searched as words), and proximity (`"a b"~N`), through the library's search as every transport uses it.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { QueryError } from '../../../main/core/errors.js';
import { openLibrary, type Library } from '../../../main/core/library.js';
import { tempDir } from '../../support/paths.js';

let library: Library;

/** A small archive in folders, as BBC's categories are. */
const files: Record<string, string> = {
  'politics/blair.txt': 'Blair and Brown meet\n\nTony Blair met Gordon Brown at 10:30 to talk about the budget. Note: the talks were long.',
  'politics/2005/vote.txt': 'Election date set\n\nThe prime minister set the election date.',
  'sport/brown.txt': 'Brown wins the race\n\nBrown won the race easily. Blair was not there.',
  'tech/web.txt': 'Web pages\n\nSee http://example.com/politics for the list.',
};

beforeAll(async () => {
  const archiveDir = tempDir();
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(archiveDir, file)), { recursive: true });
    writeFileSync(path.join(archiveDir, file), text);
  }
  // A budget no machine runs out of: these tests ask for complete answers.
  library = await openLibrary({ archiveDir, cacheDir: tempDir(), queryBudgetMs: 60_000 });
}, 60_000);

const paths = async (query: string): Promise<string[]> => (await library.search(query, { limit: 50 })).hits.map((h) => h.path).sort();

describe('folder: and path:', () => {
  it.each([
    ['folder:politics', ['politics/2005/vote.txt', 'politics/blair.txt']],
    ['folder:Politics', ['politics/2005/vote.txt', 'politics/blair.txt']],
    ['folder:2005', ['politics/2005/vote.txt']],
    ['folder:politics/2005', ['politics/2005/vote.txt']],
    ['folder:polit', []],
    ['folder:blair.txt', []],
    ['brown folder:politics', ['politics/blair.txt']],
    ['brown -folder:politics', ['sport/brown.txt']],
    ['path:brown', ['sport/brown.txt']],
    ['path:politics/b', ['politics/blair.txt']],
    ['-path:politics blair', ['sport/brown.txt']],
  ])('%s finds %j', async (query, expected) => {
    expect(await paths(query)).toEqual(expected);
  });
});

describe('unknown fields', () => {
  it.each([
    ['category:politics', 0, 17],
    ['blair php:echo', 6, 14],
    ['-Folders:politics', 0, 17],
    ['brown x:"y z"', 6, 10],
  ])('rejects %j with the known fields listed and the span to underline', async (query, start, end) => {
    const error: unknown = await library.search(query).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(QueryError);
    expect(error).toMatchObject({ code: 'bad-query', start, end });
    expect((error as QueryError).message).toMatch(/^[A-Za-z]+: is not a field; the fields are title: source: .* folder: path: \(to search for the words, put them in quotation marks: /);
  });

  it.each([
    ['10:30', ['politics/blair.txt']],
    ['Note: talks', ['politics/blair.txt']],
    ['http://example.com', ['tech/web.txt']],
    ['"category:politics"', []],
    ['"see http"', ['tech/web.txt']],
  ])('searches a colon in ordinary text as words: %s', async (query, expected) => {
    expect(await paths(query)).toEqual(expected);
  });
});

describe('proximity', () => {
  it.each([
    ['"blair brown"', []],
    ['"blair brown"~0', []],
    ['"blair brown"~1', ['politics/blair.txt']],
    ['"brown blair"~1', ['politics/blair.txt']],
    ['"blair brown"~3', ['politics/blair.txt']],
    ['"blair brown"~4', ['politics/blair.txt', 'sport/brown.txt']],
    ['"blair brown"~4 -folder:sport', ['politics/blair.txt']],
    ['-"blair brown"~1 brown', ['sport/brown.txt']],
    ['blair NEAR brown', ['politics/blair.txt', 'sport/brown.txt']],
    ['blair NEAR/1 brown', ['politics/blair.txt']],
    ['brown NEAR/4 blair -folder:politics', ['sport/brown.txt']],
  ])('%s finds %j', async (query, expected) => {
    expect(await paths(query)).toEqual(expected);
  });

  it('highlights the words of each place they stand near each other', async () => {
    const hit = (await library.search('"blair brown"~2')).hits[0];
    const view = await library.article(hit?.id ?? '', '"blair brown"~2');
    expect(view.highlights.map((r) => view.article.body.slice(r.start, r.end))).toEqual(['Blair', 'Brown']);
  });

  it('says when a distance is too large or has one word to apply to', async () => {
    expect((await library.search('"blair brown"~500')).notices).toEqual(['"blair brown"~500: the words may stand at most 50 words apart.']);
    expect((await library.search('"blair"~5')).notices).toEqual(['"blair"~5: proximity needs two words or more; "blair" is searched as a word.']);
  });
});
