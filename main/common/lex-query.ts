// The query language's lexer: cuts what a user types into terms with their spans (README "Query syntax").
// Pure and import-free, so the core's parser (main/core/search/parse-query.ts) and the renderer's query
// editing (renderer/query-text.ts) read a query by the same rules; each gives the terms its own meaning.

/** One term of a query as typed, with where it stands in the text. */
export interface QueryTerm {
  /** `[start, end)` in the query, including a leading `-` or `+` and the closing quotation mark. */
  start: number;
  end: number;
  /** A leading `-` (or `−`, U+2212): the term is excluded. A leading `+` is read and dropped. */
  exclude: boolean;
  /** The field named before `:`, lower-cased (`source`, `lang`, `in`…), or null for a plain word or phrase. */
  field: string | null;
  /** The value without the field and without its quotation marks. */
  value: string;
  /** Whether the value was in quotation marks (then `*` and `~` in it are plain characters). */
  quoted: boolean;
  /** `"a b"~5` (digits right after the closing mark): the words may stand this many words apart. */
  near?: number;
}

/** The names that make `name:` a field; any other `word:` is lexed as a plain word, for the parser to report (see unknownFieldOf). */
export const queryFieldNames: ReadonlySet<string> = new Set(['title', 'source', 'author', 'speaker', 'lang', 'language', 'date', 'after', 'before', 'in', 'kind', 'folder', 'path']);

/**
 * What looks like a field: a name of letters (A-Z) right before `:`, and right after it a value starting
 * with a letter, a digit or a quotation mark. A colon in ordinary text is none: `10:30` (digits),
 * `http://x` (a slash after it), `Note: this` (a space after it).
 */
const fieldLike = /^([A-Za-z]+):[\p{L}\p{N}"“«„]/u;

/**
 * The name of the field `term` looks like when no such field exists (`folder:x` before `folder:` was one,
 * `php:echo`), or null: a known field, a quoted value or ordinary text. The parser reports it, listing the
 * known fields, rather than searching it as words (issue 15).
 */
export function unknownFieldOf(term: QueryTerm): string | null {
  if (term.field !== null || term.quoted) return null;
  const name = fieldLike.exec(term.value)?.[1];
  return name === undefined || queryFieldNames.has(name.toLowerCase()) ? null : name;
}

/** Quotation marks that open a quoted value; each closes as `closersOf` says. */
const openQuotes = '"“«„';

/** What closes a quotation opened by `open`: `«` only by `»`, `"` only by `"`, `“` and `„` by any of `”"“`. */
function closersOf(open: string): string {
  return open === '«' ? '»' : open === '"' ? '"' : '”"“';
}

/** White space, as JavaScript's `\s` reads it (Unicode White_Space, line breaks and U+FEFF): it separates terms. */
const space = /\s/u;

/**
 * Cuts `query` into its terms. A term is an optional `-`/`+`, an optional known `field:`, then a value: a
 * quoted phrase (up to its closing mark, or the end of the query when it has none) or a run up to white
 * space. Nothing is dropped or interpreted: `OR` and `|` are terms too, for the parser to join groups with.
 * @example
 * lexQuery('putin -source:"Example Wire"');
 * // [{ start: 0, end: 5, exclude: false, field: null, value: 'putin', quoted: false },
 * //  { start: 6, end: 28, exclude: true, field: 'source', value: 'Example Wire', quoted: true }]
 */
export function lexQuery(query: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  let i = 0;
  while (i < query.length) {
    if (space.test(query[i] ?? '')) {
      i += 1;
      continue;
    }
    const start = i;
    let exclude = false;
    if (query[i] === '-' || query[i] === '−') {
      exclude = true;
      i += 1;
    } else if (query[i] === '+') {
      i += 1;
    }
    let field: string | null = null;
    const named = /^([A-Za-z]+):/.exec(query.slice(i));
    if (named !== null && queryFieldNames.has((named[1] ?? '').toLowerCase())) {
      field = (named[1] ?? '').toLowerCase();
      i += named[0].length;
    }
    let value: string;
    const open = query[i] ?? '';
    const quoted = open !== '' && openQuotes.includes(open);
    let near: number | undefined;
    if (quoted) {
      const closers = closersOf(open);
      let j = i + 1;
      while (j < query.length && !closers.includes(query[j] ?? '')) j += 1;
      value = query.slice(i + 1, j);
      i = Math.min(j + 1, query.length);
      // Proximity, only right after a closing mark: `"a b"~5`.
      const distance = j < query.length ? /^~(\d+)(?!\S)/.exec(query.slice(i)) : null;
      if (distance !== null) {
        near = Number(distance[1]);
        i += distance[0].length;
      }
    } else {
      let j = i;
      while (j < query.length && !space.test(query[j] ?? '')) j += 1;
      value = query.slice(i, j);
      i = j;
    }
    terms.push({ start, end: i, exclude, field, value, quoted, ...(near === undefined ? {} : { near }) });
  }
  return terms;
}
