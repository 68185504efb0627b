// Edits the text of a query the way a user would: adds or removes a filter (`source:"Example Wire"`,
// `date:2005`, `speaker:"Kazbek Maigeldinov"`) or the `in:quotes` scope, for the facet buttons and the
// "Quotes only" toggle. Pure (no DOM), so unit-tested under Node (test/renderer/query-text.test.ts).
// It reads the query with the core parser's own lexer (main/common/lex-query.ts, README "Query syntax").

import { lexQuery, type QueryTerm } from '../main/common/lex-query.js';

/** One term of a query as the renderer edits it: the lexer's term, without how its value was written. */
export type QueryToken = Omit<QueryTerm, 'quoted'>;

/** A field a facet adds: `lang` also matches `language:` in the query. */
export type FilterField = 'source' | 'author' | 'speaker' | 'lang' | 'date' | 'in';

/**
 * Cuts `query` into its terms with the core parser's lexer (`OR` is a term here too).
 * @example
 * tokenizeQuery('putin -source:"Example Wire"');
 * // [{ start: 0, end: 5, exclude: false, field: null, value: 'putin' },
 * //  { start: 6, end: 28, exclude: true, field: 'source', value: 'Example Wire' }]
 */
export function tokenizeQuery(query: string): QueryToken[] {
  return lexQuery(query).map(({ start, end, exclude, field, value }) => ({ start, end, exclude, field, value }));
}

/**
 * The filter as it is typed into a query: the value in double quotation marks when it holds white space
 * (quotation marks inside it are dropped, since the query language has no way to escape them).
 * @example
 * formatFilter('source', 'Example Wire'); // 'source:"Example Wire"'
 * formatFilter('date', '2005'); // 'date:2005'
 */
export function formatFilter(field: FilterField, value: string): string {
  const clean = value.replace(/["“”«»„]/g, ' ').replace(/\s+/gu, ' ').trim();
  return /\s/u.test(clean) || clean === '' ? `${field}:"${clean}"` : `${field}:${clean}`;
}

/** Whether `query` has the filter `field:value` (not negated; any case, quoted or not). */
export function hasFilter(query: string, field: FilterField, value: string): boolean {
  return tokenizeQuery(query).some((token) => !token.exclude && sameFilter(token, field, value));
}

/**
 * Adds `field:value` at the end of `query`, or takes it out when the query already has it (a facet button
 * toggles). Adding it also takes out the same filter negated (`-source:x`), which would contradict it.
 * @example
 * toggleFilter('president', 'date', '2007'); // 'president date:2007'
 * toggleFilter('president date:2007', 'date', '2007'); // 'president'
 */
export function toggleFilter(query: string, field: FilterField, value: string): string {
  const matching = tokenizeQuery(query).filter((token) => sameFilter(token, field, value));
  const present = matching.filter((token) => !token.exclude);
  if (present.length > 0) return removeTokens(query, present);
  const rest = removeTokens(query, matching);
  const filter = formatFilter(field, value);
  return rest === '' ? filter : `${rest} ${filter}`;
}

/**
 * Like `toggleFilter`, but the filter replaces every other (not negated) filter of its field: clicking a month
 * of a person's timeline narrows the query to that month, not to that month and another one (issue 16).
 * @example
 * toggleOnlyFilter('iraq date:2004', 'date', '2005-03'); // 'iraq date:2005-03'
 * toggleOnlyFilter('iraq date:2005-03', 'date', '2005-03'); // 'iraq'
 */
export function toggleOnlyFilter(query: string, field: FilterField, value: string): string {
  if (hasFilter(query, field, value)) return toggleFilter(query, field, value);
  const others = tokenizeQuery(query).filter((token) => !token.exclude && sameField(token, field));
  return toggleFilter(removeTokens(query, others), field, value);
}

/**
 * The one month (`2005-03`) `query` is narrowed to by `date:`, for the timeline to mark; null when it has no
 * such filter or several.
 * @example
 * monthFilter('iraq date:2005-03'); // '2005-03'
 */
export function monthFilter(query: string): string | null {
  const dates = tokenizeQuery(query).filter((token) => !token.exclude && sameField(token, 'date'));
  const month = dates.length === 1 ? dates[0]?.value.trim() : undefined;
  return month !== undefined && /^\d{4}-\d{2}$/.test(month) ? month : null;
}

/** Whether `query` limits its words to quotations (`in:quotes`). */
export function hasQuoteScope(query: string): boolean {
  return tokenizeQuery(query).some((token) => !token.exclude && isQuoteScope(token));
}

/**
 * Adds `in:quotes` to `query`, or takes it out when it is there (the "Quotes only" toggle).
 * @example
 * toggleQuoteScope('conflict'); // 'conflict in:quotes'
 * toggleQuoteScope('conflict in:quotes'); // 'conflict'
 */
export function toggleQuoteScope(query: string): string {
  const scopes = tokenizeQuery(query).filter(isQuoteScope);
  if (scopes.some((token) => !token.exclude)) return removeTokens(query, scopes);
  const rest = removeTokens(query, scopes);
  return rest === '' ? 'in:quotes' : `${rest} in:quotes`;
}

function isQuoteScope(token: QueryToken): boolean {
  return token.field === 'in' && ['quotes', 'quote'].includes(token.value.trim().toLowerCase());
}

function sameField(token: QueryToken, field: FilterField): boolean {
  const fields = field === 'lang' ? ['lang', 'language'] : [field];
  return token.field !== null && fields.includes(token.field);
}

function sameFilter(token: QueryToken, field: FilterField, value: string): boolean {
  if (!sameField(token, field)) return false;
  const normalize = (text: string): string => text.replace(/\s+/gu, ' ').trim().toLowerCase();
  return normalize(token.value) === normalize(value);
}

/** `query` without `tokens`, the white space around each cut closed up to one space. */
function removeTokens(query: string, tokens: readonly QueryToken[]): string {
  let text = query;
  for (const token of [...tokens].sort((a, b) => b.start - a.start)) {
    const before = text.slice(0, token.start).trimEnd();
    const after = text.slice(token.end).trimStart();
    text = before === '' || after === '' ? before + after : `${before} ${after}`;
  }
  return text.trim();
}
