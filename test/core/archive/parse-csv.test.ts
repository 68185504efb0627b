// Issue 18: CSV and TSV dumps, one article per row, read by the field names of JSON records.
import { describe, expect, it } from 'vitest';
import { parseArticleFile } from '../../../main/core/archive/read-archive.js';

const read = (path: string, text: string) => parseArticleFile(path, Buffer.from(text));

describe('reading CSV and TSV dumps', () => {
  it('reads one article per row, with multi-line quoted cells and the header names of JSON records', () => {
    const csv = 'Title,Text,Date,URL,Authors\nFloods,"Rivers rose, again.\n\nA second paragraph.",2024-01-02,https://example.org/f,Jane Doe\nDrought,"No rain fell.",2024-02-03,,\n';
    const { articles, problems } = read('ods/rt.csv', csv);
    expect(problems).toEqual([]);
    expect(articles.map((a) => [a.title, a.body, a.date, a.where])).toEqual([
      ['Floods', 'Rivers rose, again.\n\nA second paragraph.', '2024-01-02', 'row 2'],
      ['Drought', 'No rain fell.', '2024-02-03', 'row 3'],
    ]);
    expect(articles[0]).toMatchObject({ path: 'ods/rt.csv', url: 'https://example.org/f', author: 'Jane Doe' });
    expect(new Set(articles.map((a) => a.id)).size).toBe(2);
  });

  it.each([
    ['semicolons', 'title;text\nA;"Body; with a semicolon"\n', 'x.csv'],
    ['tabs', 'title\ttext\nA\tBody; with a semicolon\n', 'x.tsv'],
    ['tabs in a .csv', 'title\ttext\nA\tBody; with a semicolon\n', 'x.csv'],
    ['pipes', 'title|text\nA|Body; with a semicolon\n', 'x.csv'],
  ])('takes the delimiter the header shows: %s', (_, text, path) => {
    expect(read(path, text).articles.map((a) => [a.title, a.body])).toEqual([['A', 'Body; with a semicolon']]);
  });

  it('reports a row with a broken quote by its line, and reads the others', () => {
    const csv = 'title,text\nFirst,"One."\nSecond,"He said "no" to it"\nThird,"Three."\n';
    const { articles, problems } = read('dump.csv', csv);
    expect(articles.map((a) => [a.title, a.where])).toEqual([['First', 'row 2'], ['Third', 'row 4']]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('dump.csv (line 3)');
    expect(problems[0]?.reason).toBe('the row cannot be read (a quotation mark inside a quoted cell is not doubled as "")');
  });

  it.each([
    ['\n', 'LF'],
    ['\r\n', 'CRLF'],
    ['\r', 'CR'],
  ])('counts lines after a multi-line cell with %j line breaks (%s)', (eol) => {
    const csv = ['title,text', 'First,"One line', 'and another"', 'Second,"He said "no" to it"', 'Third,Three.', ''].join(eol);
    const { articles, problems } = read('dump.csv', csv);
    expect(articles.map((a) => a.title)).toEqual(['First', 'Third']);
    expect(problems.map((p) => p.path)).toEqual(['dump.csv (line 4)']);
  });

  it('keeps the rows before a quote that is never closed, and says the rest is not read', () => {
    const { articles, problems } = read('dump.csv', 'title,text\nFirst,"One."\nSecond,"never closed\nand more text\n');
    expect(articles.map((a) => a.title)).toEqual(['First']);
    expect(problems).toEqual([{ path: 'dump.csv (line 3)', reason: 'a quote opened in this row is never closed: the rest of the file is not read' }]);
  });

  it('reports a row without text by its line', () => {
    const { articles, problems } = read('dump.csv', 'title,text,date\nFirst,One.,\n,,2024-01-01\n');
    expect(articles).toHaveLength(1);
    expect(problems).toEqual([{ path: 'dump.csv (line 3)', reason: expect.stringMatching(/^no article text/) }]);
  });

  it.each([
    ['no text column', 'id,score\n1,2\n', /^x\.csv: no text column: the header row \("id", "score"\) names none of maintext, text/],
    ['a header and no rows', 'title,text\n', /^x\.csv: the file has a header row and no rows$/],
  ])('refuses a CSV with %s as one problem', (_, text, message) => {
    expect(() => read('x.csv', text)).toThrow(message);
  });
});
