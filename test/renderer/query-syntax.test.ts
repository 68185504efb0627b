// The query help in the window says exactly what README's "Query syntax" says: the same table rows, word
// for word, and the same paragraph under it; and the start page's examples come from those rows.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseInline, syntaxNote, syntaxRows } from '../../renderer/query-syntax.js';

const readme = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../README.md'), 'utf8');
const section = /## Query syntax\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';

/**
 * The table's body rows as [you type, it finds]; a link is its text (the help has no sections to link to: "see
 * [People](#people)" is "see People", the window's People view).
 */
function readmeRows(): Array<[string, string]> {
  return section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| you type'))
    .map((line) => {
      const cells = line.slice(2, -2).replace(/\[([^\]]+)\]\(#[^)]+\)/g, '$1').split(' | ');
      return [cells[0] ?? '', cells.slice(1).join(' | ')];
    });
}

describe('the query help', () => {
  it('has the rows of README "Query syntax", in order, word for word', () => {
    expect(readmeRows().length).toBeGreaterThan(10);
    expect(syntaxRows.map((row) => [row.type, row.finds])).toEqual(readmeRows());
  });

  it('has the paragraph under the table', () => {
    expect(section.replace(/\s+/g, ' ')).toContain(syntaxNote);
  });

  it("shows on the start page an example from each row it marks, in the row's own words", () => {
    const marked = syntaxRows.filter((row) => row.start !== undefined);
    expect(marked.length).toBeGreaterThanOrEqual(4);
    for (const row of marked) {
      const examples = parseInline(row.type).filter((run) => run.kind === 'code').map((run) => run.text);
      expect(examples).toContain(row.start?.example);
    }
    expect(marked.map((row) => row.start?.example)).toContain('in:quotes');
  });
});

describe('parseInline', () => {
  it.each([
    ['plain', [{ kind: 'text', text: 'plain' }]],
    ['with **all** the words', [{ kind: 'text', text: 'with ' }, { kind: 'strong', text: 'all' }, { kind: 'text', text: ' the words' }]],
    ['`a`, `b`', [{ kind: 'code', text: 'a' }, { kind: 'text', text: ', ' }, { kind: 'code', text: 'b' }]],
    ['`-"white house"`', [{ kind: 'code', text: '-"white house"' }]],
  ])('splits %j', (markdown, runs) => {
    expect(parseInline(markdown)).toEqual(runs);
  });
});
