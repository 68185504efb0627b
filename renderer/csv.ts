// CSV as RFC 4180 writes it: fields separated by commas, records by CRLF, a field with a comma, a
// quotation mark or a line break in double quotes, its quotation marks doubled. Pure, for the exports.

/** The byte-order mark that makes Excel read a CSV file as UTF-8 (without it, it guesses the locale's code page). */
export const utf8Bom = '\uFEFF';

/**
 * The CSV text of `rows` (the first is usually the header). `null` is an empty field.
 * @example
 * toCsv([['title', 'speaker'], ['Talks, again', 'Ana "Ana" Ruiz']]);
 * // 'title,speaker\r\n"Talks, again","Ana ""Ana"" Ruiz"\r\n'
 */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
