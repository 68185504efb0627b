// Reads CSV and TSV dumps: one article per row, columns named in a header row by the same field names as
// JSON records (parse-json.ts), RFC 4180 quoting with multi-line cells (csv-parse), the header's delimiter.

import { parse } from 'csv-parse/sync';
import { ArticleParseError } from '../errors.js';
import type { ParsedFile } from './article-draft.js';
import { articleTextFields, fieldForHeading, recordToDraft } from './parse-json.js';

/** The delimiters a header may show, in the order a tie is broken. */
const delimiters = [',', '\t', ';', '|'] as const;

/** A cell longer than this is refused with its row: no article is 10 MB, and one such cell is a broken quote. */
const maxRecordChars = 10 * 1024 * 1024;

/**
 * Parses a `.csv` / `.tsv` file (`tab`: a `.tsv`, whose header decides only when it shows no tab). The
 * header row is required and must name a text column; a row that cannot be read is a problem with its
 * line, and the others load. An article's `where` is its row as a spreadsheet numbers it (the header is row 1).
 * @example parseCsv('ods/rt.csv', 'title,text\nFloods,"Rivers rose."\n').articles[0]?.draft.where // 'row 2'
 */
export function parseCsv(path: string, text: string, tab = false): ParsedFile {
  const delimiter = headerDelimiter(text, tab);
  const result: ParsedFile = { articles: [], problems: [] };
  let fields: (string | null)[] | null = null;
  let row = 0;
  const skippedLines = new Set<number>();
  /** The line the last row read or skipped ends on. */
  let lastLine = 0;
  /** Reads the row that starts on `line`. */
  const readRow = (cells: string[], line: number): void => {
    row += 1;
    if (fields === null) {
      fields = headerFields(path, cells);
      return;
    }
    const record: Record<string, unknown> = {};
    fields.forEach((field, i) => {
      if (field !== null && !Object.hasOwn(record, field)) record[field] = cells[i] ?? '';
    });
    const draft = recordToDraft(record);
    if (typeof draft === 'string') result.problems.push({ where: `line ${line}`, reason: draft });
    else result.articles.push({ draft: { ...draft, where: `row ${row}` }, position: row });
  };
  try {
    parse(text, {
      delimiter,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      max_record_size: maxRecordChars,
      skip_records_with_error: true,
      // A record with a broken quote is reported once per error in it: one problem per line.
      on_skip: (error) => {
        if (error?.code === 'CSV_QUOTE_NOT_CLOSED') {
          // Reported at the end of the file; the row it broke starts after the last row read.
          result.problems.push({ where: `line ${lastLine + 1}`, reason: 'a quote opened in this row is never closed: the rest of the file is not read' });
          return;
        }
        const line = error === undefined ? 0 : Number(error.lines);
        if (skippedLines.has(line)) return;
        skippedLines.add(line);
        lastLine = line;
        row += 1;
        result.problems.push({ where: `line ${line}`, reason: `the row cannot be read (${describeCsvError(error?.message ?? '')})` });
      },
      // Each row becomes an article as it is parsed; nothing is kept for the end.
      on_record: (record: string[], context) => {
        readRow(record, lastLine + 1);
        lastLine = context.lines;
        return null;
      },
    });
  } catch (error) {
    if (error instanceof ArticleParseError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const line = /at line (\d+)/.exec(message)?.[1];
    if (fields === null) throw new ArticleParseError(path, `the header row cannot be read (${describeCsvError(message)})`);
    result.problems.push({ where: line === undefined ? '' : `line ${line}`, reason: `the rest of the file cannot be read (${describeCsvError(message)})` });
  }
  if (fields === null) throw new ArticleParseError(path, 'the file has no header row');
  if (result.articles.length === 0 && result.problems.length === 0) throw new ArticleParseError(path, 'the file has a header row and no rows');
  return result;
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

/** csv-parse's message without its advice on options a user cannot set. */
function describeCsvError(message: string): string {
  return message.replace(/ instead of delimiter.*$/, '').replace(/\s+/g, ' ').trim().slice(0, 160);
}
