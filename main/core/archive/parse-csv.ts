// Reads CSV and TSV dumps: one article per row, columns named in a header row by the same field names as
// JSON records (parse-json.ts), RFC 4180 quoting with multi-line cells (Papa Parse), the header's delimiter.

import Papa from 'papaparse';
import { ArticleParseError } from '../errors.js';
import type { ParsedFile } from './article-draft.js';
import { articleTextFields, fieldForHeading, recordToDraft } from './parse-json.js';

/** The delimiters a header may show, in the order a tie is broken. */
const delimiters = [',', '\t', ';', '|'] as const;

/** A cell longer than this is refused with its row: no article is 10 MB, and one such cell is a broken quote. */
const maxCellChars = 10 * 1024 * 1024;

/**
 * Parses a `.csv` / `.tsv` file (`tab`: a `.tsv`, whose header decides only when it shows no tab). The
 * header row is required and must name a text column; a row that cannot be read is a problem with its
 * line, and the others load. An article's `where` is its row as a spreadsheet numbers it (the header is row 1).
 *
 * Papa Parse rather than csv-parse: it reads the same RFC 4180 text about twenty times faster (5 MB of BBC
 * articles as CSV: 13 ms against 256 ms), which keeps a CSV dump near the speed of the same articles as JSON lines.
 * @example parseCsv('ods/rt.csv', 'title,text\nFloods,"Rivers rose."\n').articles[0]?.draft.where // 'row 2'
 */
export function parseCsv(path: string, text: string, tab = false): ParsedFile {
  const result: ParsedFile = { articles: [], problems: [] };
  let fields: (string | null)[] | null = null;
  let headerProblem: string | null = null;
  let row = 0;
  /** The line the next row starts on: rows are counted back to lines by the line breaks in their cells. */
  let line = 1;
  // Row by row (`step`), so that no row outlives its article: holding every row of a 5 MB dump until the
  // end tripled the time spent collecting garbage.
  Papa.parse<string[]>(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, {
    delimiter: headerDelimiter(text, tab),
    skipEmptyLines: false,
    step: ({ data: cells, errors }, parser) => {
      const rowLine = line;
      line += 1 + countBreaks(cells);
      // A blank line: Papa Parse reads it as a row of one empty cell.
      if (cells.length === 1 && cells[0] === '') return;
      row += 1;
      const problem = rowProblem(errors, cells);
      if (fields === null) {
        if (problem !== null) {
          headerProblem = `the header row cannot be read (${problem})`;
          parser.abort();
          return;
        }
        fields = headerFields(path, cells);
        return;
      }
      if (problem !== null) {
        result.problems.push({ where: `line ${rowLine}`, reason: problem });
        return;
      }
      const record: Record<string, unknown> = {};
      fields.forEach((field, k) => {
        if (field !== null && !Object.hasOwn(record, field)) record[field] = cells[k] ?? '';
      });
      const draft = recordToDraft(record);
      if (typeof draft === 'string') result.problems.push({ where: `line ${rowLine}`, reason: draft });
      else result.articles.push({ draft: { ...draft, where: `row ${row}` }, position: row });
    },
  });
  if (headerProblem !== null) throw new ArticleParseError(path, headerProblem);
  if (fields === null) throw new ArticleParseError(path, 'the file has no header row');
  if (result.articles.length === 0 && result.problems.length === 0) throw new ArticleParseError(path, 'the file has a header row and no rows');
  return result;
}

/** Why a row cannot be read, in a user's words, or null. A different number of cells is not a reason. */
function rowProblem(errors: readonly Papa.ParseError[], cells: readonly string[]): string | null {
  const error = errors.find((e) => e.code !== 'TooFewFields' && e.code !== 'TooManyFields');
  // A quote never closed swallows the rest of the file into this row.
  if (error?.code === 'MissingQuotes') return 'a quote opened in this row is never closed: the rest of the file is not read';
  if (error !== undefined) return `the row cannot be read (${error.code === 'InvalidQuotes' ? 'a quotation mark inside a quoted cell is not doubled as ""' : error.message})`;
  if (cells.some((cell) => cell.length > maxCellChars)) return `the row cannot be read (a cell is over ${maxCellChars / 1024 / 1024} MB: a quote never closed?)`;
  return null;
}

function countBreaks(cells: readonly string[]): number {
  let breaks = 0;
  // \r\n, \r and \n are each one line break, as an editor counts them.
  for (const cell of cells) breaks += cell.match(/\r\n?|\n/g)?.length ?? 0;
  return breaks;
}

/** The record field of each column (null for columns no field is named by); throws when none holds text. */
function headerFields(path: string, headings: readonly string[]): (string | null)[] {
  const fields = headings.map(fieldForHeading);
  if (!fields.some((field) => field !== null && articleTextFields.includes(field))) {
    const shown = headings.slice(0, 8).map((h) => JSON.stringify(h.slice(0, 40))).join(', ');
    throw new ArticleParseError(path, `no text column: the header row (${shown}) names none of ${articleTextFields.join(', ')}`);
  }
  return fields;
}

/** The delimiter the header row shows most often outside quotes (`tab` files prefer tabs). */
function headerDelimiter(text: string, tab: boolean): string {
  const header = firstLine(text);
  const counts = delimiters.map((d) => countOutsideQuotes(header, d));
  if (tab && counts[1] !== 0) return '\t';
  let best = 0;
  counts.forEach((count, i) => {
    if (count > (counts[best] ?? 0)) best = i;
  });
  return (counts[best] ?? 0) === 0 && tab ? '\t' : delimiters[best] ?? ',';
}

/** The first line of `text`, at most 64 KiB of it (a header is short). */
function firstLine(text: string): string {
  const head = text.slice(0, 65_536);
  const end = head.search(/\r?\n/);
  return end === -1 ? head : head.slice(0, end);
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) count += 1;
  }
  return count;
}
