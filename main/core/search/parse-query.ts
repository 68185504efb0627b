// Parses what a user types into a search plan. Never throws: what it cannot use is dropped with a notice,
// and what is plainly wrong (a field with no value, a date that is not one) comes back as an error with
// the span to underline.

import { lexQuery, queryFieldNames, unknownFieldOf, type QueryTerm } from '../../common/lex-query.js';
import { normalizeLanguage } from '../archive/detect-language.js';
import { tokenize } from '../index/tokenize.js';
import type { QuoteKind } from '../../contract/model.js';

/** A search term: a word, a prefix, a word with typo tolerance, or a phrase. */
export interface TermClause {
  /** Normalized words (see `tokenize`); one for a word, several for a phrase. */
  words: string[];
  phrase: boolean;
  /** `word*`: any word starting with it. */
  prefix: boolean;
  /** `word~1`: edit distance allowed (0 = exact). */
  fuzzy: number;
  /** `title:word`: only the headline. */
  titleOnly: boolean;
  /** `"a b"~5`: a phrase whose words may stand in any order with up to this many other words among them. */
  near?: number;
  start: number;
  end: number;
}

/** Metadata filters; `exclude` for a leading `-` (`-source:bbc`). */
export type QueryFilter =
  /** `folder:politics`: a folder of the article's path; `path:017`: text in its path (relative to the archive). */
  | { kind: 'source' | 'author' | 'speaker' | 'folder' | 'path'; value: string; exclude: boolean; start: number; end: number }
  | { kind: 'lang'; value: string; exclude: boolean; start: number; end: number }
  /** `kind:direct,partial`: which kinds of quote count (for `in:quotes`, `speaker:` and quote lists). */
  | { kind: 'quote-kind'; kinds: QuoteKind[]; exclude: boolean; start: number; end: number }
  | { kind: 'date'; from: string; to: string; exclude: boolean; start: number; end: number };

export interface QueryProblem {
  message: string;
  start: number;
  end: number;
}

export interface ParsedQuery {
  /** Every group must match; a group matches when any of its clauses does (`a OR b`). */
  groups: TermClause[][];
  /** Articles matching any of these are left out. */
  excluded: TermClause[];
  filters: QueryFilter[];
  /** `in:quotes`: the words must stand in one quotation of the article. */
  scope: 'articles' | 'quotes';
  /** What was changed or ignored, for the user ("typo tolerance is at most 2"). */
  notices: string[];
  /** The first thing that makes the query unanswerable as typed, if any. */
  error: QueryProblem | null;
}

/** Only the first this many characters of a query are read. */
export const maxQueryChars = 1000;
/** At most this many terms are searched; the rest are dropped with a notice (a cap against hostile input). */
export const maxTerms = 32;
/** A prefix must have at least this many letters: `a*` would expand to most of the vocabulary. */
export const minPrefixLength = 2;
/** Typo tolerance allowed: lunr runs out of memory on large edit distances (SECURITY.md). */
export const maxEditDistance = 2;
/** The most words `"a b"~N` lets stand among a phrase's words: wider is "both words anywhere", as a search without quotes. */
export const maxNearDistance = 50;

/** The typo tolerance a word of this length may have: none under 4 letters, 1 under 7, else 2. */
export function editDistanceFor(word: string): number {
  const length = [...word].length;
  return length < 4 ? 0 : length < 7 ? 1 : 2;
}

/**
 * Parses `text`.
 * @example parseQuery('"Putin Trump" -Ukraine sanction* date:2025-08 source:reuters')
 */
export function parseQuery(input: string): ParsedQuery {
  const parsed: ParsedQuery = { groups: [], excluded: [], filters: [], scope: 'articles', notices: [], error: null };
  let text = input;
  if (text.length > maxQueryChars) {
    text = text.slice(0, maxQueryChars);
    parsed.notices.push(`Only the first ${maxQueryChars} characters of the query are used.`);
  }
  const fail = (message: string, start: number, end: number): void => {
    parsed.error ??= { message, start, end };
  };
  let terms = 0;
  let joinNext = false;
  for (const term of joinNear(lexQuery(text))) {
    const { start, end, exclude, field: fieldName, value, quoted, near } = term;
    // OR between two terms joins them into one group.
    const written = text.slice(start, end);
    if (written === 'OR' || written === '|') {
      if (parsed.groups.length > 0) joinNext = true;
      continue;
    }
    const join = joinNext;
    joinNext = false;

    const unknown = unknownFieldOf(term);
    if (unknown !== null) {
      // Searched as words, `folder:politics` quietly found articles with "folder" and "politics" (issue 15).
      fail(`${unknown}: is not a field; the fields are ${[...queryFieldNames].map((f) => `${f}:`).join(' ')} (to search for the words, put them in quotation marks: "${value}")`, start, end);
      continue;
    }

    if (fieldName !== null && fieldName !== 'title') {
      if (value.trim() === '') {
        fail(`${fieldName}: needs a value, e.g. ${example(fieldName)}`, start, end);
        continue;
      }
      const filter = parseFilter(fieldName, value.trim(), exclude, start, end, parsed, fail);
      if (filter) parsed.filters.push(filter);
      continue;
    }
    if (fieldName === 'title' && value.trim() === '') {
      fail('title: needs a word, e.g. title:sanctions or title:"peace talks"', start, end);
      continue;
    }

    const clause = parseTerm(value, quoted, fieldName === 'title', start, end, parsed.notices);
    if (clause !== null && near !== undefined) nearBy(clause, near, value, parsed.notices);
    if (clause === null) continue;
    if (terms >= maxTerms) {
      if (terms === maxTerms) parsed.notices.push(`Only the first ${maxTerms} terms of the query are searched.`);
      terms += 1;
      continue;
    }
    terms += 1;
    if (exclude) parsed.excluded.push(clause);
    else if (join && parsed.groups.length > 0) parsed.groups[parsed.groups.length - 1]?.push(clause);
    else parsed.groups.push([clause]);
  }
  if (parsed.groups.length === 0 && parsed.excluded.length > 0 && parsed.filters.length === 0 && parsed.error === null) {
    parsed.notices.push('A query of only excluded words finds nothing: add a word to search for.');
  }
  return parsed;
}

function example(field: string): string {
  switch (field) {
    case 'date':
      return 'date:2025-08 or date:2025-08-01..2025-08-31';
    case 'after':
    case 'before':
      return `${field}:2025-01-01`;
    case 'lang':
    case 'language':
      return `${field}:ru`;
    case 'in':
      return 'in:quotes';
    case 'kind':
      return 'kind:direct, kind:partial or kind:indirect';
    case 'folder':
      return 'folder:politics';
    case 'path':
      return 'path:2005/politics';
    default:
      return `${field}:"${field === 'speaker' ? 'Kazbek Maigeldinov' : field === 'source' ? 'BBC' : 'Jane Doe'}"`;
  }
}

function parseTerm(value: string, quoted: boolean, titleOnly: boolean, start: number, end: number, notices: string[]): TermClause | null {
  let raw = value;
  let fuzzy = 0;
  let prefix = false;
  if (!quoted) {
    const tilde = /~(\d*)$/.exec(raw);
    if (tilde) {
      raw = raw.slice(0, tilde.index);
      const asked = tilde[1] === '' ? 1 : Math.min(Number(tilde[1]), 99);
      fuzzy = asked;
    }
    if (raw.endsWith('*')) {
      prefix = true;
      raw = raw.replace(/\*+$/, '');
    }
  }
  const words = tokenize(raw).map((t) => t.word);
  if (words.length === 0) return null;
  const phrase = words.length > 1;
  const first = words[0] ?? '';
  if (!phrase && prefix && [...first].length < minPrefixLength) {
    notices.push(`"${first}*" is too short to search by prefix; it is searched as a word.`);
    prefix = false;
  }
  if (phrase) {
    if (prefix || fuzzy > 0) notices.push(`"${raw}" is searched as a phrase, without * or ~.`);
    prefix = false;
    fuzzy = 0;
  }
  if (fuzzy > 0) {
    const allowed = Math.min(editDistanceFor(first), maxEditDistance);
    if (fuzzy > allowed) {
      notices.push(allowed === 0 ? `"${first}" is too short for typo tolerance; it is searched exactly.` : `Typo tolerance for "${first}" is at most ${allowed}.`);
      fuzzy = allowed;
    }
    if (prefix) {
      notices.push(`"${first}" is searched by prefix, without ~.`);
      fuzzy = 0;
    }
  }
  return { words, phrase, prefix, fuzzy, titleOnly, start, end };
}

/** How many words `a NEAR b` lets stand between its two words (`NEAR/3` says another number). */
export const defaultNearDistance = 5;

/**
 * `a NEAR b` (or `NEAR/3`) as the proximity search `"a b"~5` spanning the three terms, when both sides are
 * plain words; elsewhere `NEAR` stays a word, as it was before it meant anything.
 */
function joinNear(terms: readonly QueryTerm[]): QueryTerm[] {
  const plain = (t: QueryTerm | undefined): t is QueryTerm => t !== undefined && t.field === null && !t.quoted && !t.exclude && t.near === undefined && /^[^*~"“«„]+$/u.test(t.value);
  const joined: QueryTerm[] = [];
  for (let i = 0; i < terms.length; i += 1) {
    const [left, near, right] = [terms[i], terms[i + 1], terms[i + 2]];
    const distance = near === undefined ? null : /^NEAR(?:\/(\d+))?$/.exec(near.value);
    if (plain(left) && near?.field === null && !near.quoted && distance !== null && plain(right)) {
      const words = `${left.value} ${right.value}`;
      joined.push({ start: left.start, end: right.end, exclude: false, field: null, value: words, quoted: true, near: distance[1] === undefined ? defaultNearDistance : Number(distance[1]) });
      i += 2;
    } else if (left !== undefined) {
      joined.push(left);
    }
  }
  return joined;
}

/** Makes the phrase `clause` a proximity search (`"a b"~5`), or says why the distance is not used. */
function nearBy(clause: TermClause, near: number, value: string, notices: string[]): void {
  if (!clause.phrase) {
    notices.push(`"${value}"~${near}: proximity needs two words or more; "${value}" is searched as a word.`);
    return;
  }
  // `~0` leaves no room between the words: the phrase itself, in its order.
  if (near === 0) return;
  if (near > maxNearDistance) notices.push(`"${value}"~${near}: the words may stand at most ${maxNearDistance} words apart.`);
  clause.near = Math.min(near, maxNearDistance);
}

function parseFilter(
  field: string,
  value: string,
  exclude: boolean,
  start: number,
  end: number,
  parsed: ParsedQuery,
  fail: (message: string, start: number, end: number) => void,
): QueryFilter | null {
  switch (field) {
    case 'source':
    case 'author':
    case 'speaker':
    case 'folder':
    case 'path':
      return { kind: field, value, exclude, start, end };
    case 'lang':
    case 'language': {
      const code = normalizeLanguage(value);
      if (code === null) {
        fail(`${field}:${value} is not a language; use a code such as lang:en or lang:ru`, start, end);
        return null;
      }
      return { kind: 'lang', value: code, exclude, start, end };
    }
    case 'kind': {
      const kinds = parseQuoteKinds(value);
      if (kinds === null) {
        fail(`kind:${value} is not a kind of quote; use ${example('kind')}`, start, end);
        return null;
      }
      return { kind: 'quote-kind', kinds, exclude, start, end };
    }
    case 'in':
      if (value.toLowerCase() === 'quotes' || value.toLowerCase() === 'quote') parsed.scope = 'quotes';
      else if (value.toLowerCase() !== 'articles') fail(`in:${value} is not a scope; use in:quotes`, start, end);
      return null;
    default: {
      const range = parseDateFilter(field, value);
      if (range === null) {
        fail(`${field}:${value} is not a date; use ${example(field)}`, start, end);
        return null;
      }
      return { kind: 'date', ...range, exclude, start, end };
    }
  }
}

/** Every kind of quote, in the order they are listed. */
export const quoteKinds: readonly QuoteKind[] = ['direct', 'partial', 'indirect'];

/**
 * `direct,partial` as kinds of quote ("reported" is a synonym of `indirect`); null when a name is not one.
 * @example parseQuoteKinds('direct,reported') // ['direct', 'indirect']
 */
export function parseQuoteKinds(value: string): QuoteKind[] | null {
  const kinds: QuoteKind[] = [];
  for (const name of value.toLowerCase().split(',')) {
    const kind = name.trim() === 'reported' ? 'indirect' : quoteKinds.find((k) => k === name.trim());
    if (kind === undefined) return null;
    if (!kinds.includes(kind)) kinds.push(kind);
  }
  return kinds.length > 0 ? kinds : null;
}

/** The first and last day (ISO) of a year, month or day written as `2025`, `2025-08` or `2025-08-16`. */
export function datePeriod(value: string): { first: string; last: string } | null {
  const match = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? null : Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  if (month !== null && (month < 1 || month > 12)) return null;
  if (month === null) return { first: isoDay(year, 1, 1), last: isoDay(year, 12, 31) };
  const lastDay = daysInMonth(year, month);
  if (day === null) return { first: isoDay(year, month, 1), last: isoDay(year, month, lastDay) };
  if (day < 1 || day > lastDay) return null;
  return { first: isoDay(year, month, day), last: isoDay(year, month, day) };
}

/** `YYYY-MM-DD` with a four-digit year (years before 1000 too). */
function isoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

const firstDay = '0000-01-01';
const lastDay = '9999-12-31';

/** The day `days` away from `iso`, or null past the years 0000-9999 (`setUTCFullYear` keeps years < 100 as written). */
function shiftDay(iso: string, days: number): string | null {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(0);
  date.setUTCFullYear(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days);
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) return null;
  return isoDay(year, date.getUTCMonth() + 1, date.getUTCDate());
}

/** A date filter as an inclusive range of ISO days; `after:`/`before:` exclude the period named. */
function parseDateFilter(field: string, value: string): { from: string; to: string } | null {
  if (field === 'after' || field === 'before') {
    const period = datePeriod(value);
    if (period === null) return null;
    // Nothing can be after 9999 or before year 0: an empty range (from > to) matches no article.
    if (field === 'after') return { from: shiftDay(period.last, 1) ?? '9999-12-32', to: lastDay };
    return { from: firstDay, to: shiftDay(period.first, -1) ?? '0000-00-00' };
  }
  const [fromText, toText, ...rest] = value.split('..');
  if (rest.length > 0 || fromText === undefined) return null;
  if (toText === undefined) {
    const period = datePeriod(fromText);
    return period === null ? null : { from: period.first, to: period.last };
  }
  const from = fromText === '' ? { first: firstDay } : datePeriod(fromText);
  const to = toText === '' ? { last: lastDay } : datePeriod(toText);
  if (from === null || to === null) return null;
  return from.first <= to.last ? { from: from.first, to: to.last } : null;
}
