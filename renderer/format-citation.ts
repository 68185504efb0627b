// The text the quotes panel's "Copy" button puts on the clipboard: the quotation with who said it and where
// it was published, in one of a few styles. Pure (no DOM), so unit-tested under Node
// (test/renderer/format-citation.test.ts).

import type { QuoteKind } from '../main/contract/api.js';

/** The quote as cited: its words, who said them, and how it was reported (`verb` for reported speech). */
export interface CitedQuote {
  text: string;
  speaker: string | null;
  kind?: QuoteKind;
  verb?: string | null;
  /** The contiguous quoted spans; a quotation interrupted by its attribution has several. */
  parts?: readonly { text: string }[];
}

/** Where a quote was published: the article's headline, source, date, path in the archive and language. */
export interface CitedArticle {
  title: string;
  source: string | null;
  date: string | null;
  path: string;
  /** ISO 639-1 code: chooses the quotation marks (`ru` gets «»). */
  language?: string | null;
}

/**
 * How a citation is written (issue 15): `archive`, everything with the file's path in the archive (for a
 * reporter's own notes, and the default); `plain`, the quotation and who said it; `chicago`, a
 * Chicago-like note ("Ana Ruiz, quoted in “Harbour reopens,” Example Wire, August 16, 2025.").
 */
export type CitationStyle = 'archive' | 'plain' | 'chicago';

/** The styles in the order the chooser offers them, with their names there. */
export const citationStyles: readonly { style: CitationStyle; label: string }[] = [
  { style: 'archive', label: 'With archive path' },
  { style: 'plain', label: 'Plain' },
  { style: 'chicago', label: 'Chicago-like' },
];

/** Whether `value` names a citation style (a remembered choice may be from another version). */
export function isCitationStyle(value: unknown): value is CitationStyle {
  return citationStyles.some((entry) => entry.style === value);
}

/**
 * The citation of `quote` in `style` (default `archive`). In every style the quoted words stand in the
 * article language's quotation marks (“” for English, «» for Russian), a trailing comma (the quotation
 * went on with "she said") becomes a full stop, and the parts of an interrupted quotation are joined by an
 * ellipsis. Reported speech is never put in quotation marks: `<speaker> <verb> that <words> (reported speech)`.
 *
 * `archive`: `“<quote>” — <speaker or "unattributed">, in "<headline>", <source>, <date> (<path>)`, leaving
 * out the parts the article does not state; the date is the article's ISO day; double quotation marks
 * inside the headline become single ones, so the headline's own quotes do not close it.
 * @example
 * formatCitation({ text: 'We will rebuild,', speaker: 'Ana Ruiz' },
 *   { title: 'Harbour reopens', source: 'Example Wire', date: '2025-08-16', path: 'harbour.txt' });
 * // '“We will rebuild.” — Ana Ruiz, in "Harbour reopens", Example Wire, 2025-08-16 (harbour.txt)'
 */
export function formatCitation(quote: CitedQuote, article: CitedArticle, style: CitationStyle = 'archive'): string {
  const speaker = quote.speaker === null || quote.speaker.trim() === '' ? 'unattributed' : quote.speaker.trim();
  const said = quote.kind === 'indirect' ? reportedSpeech(quote, speaker) : `${quoted(quote, article.language ?? null)} — ${speaker}`;
  if (style === 'plain') return said;
  if (style === 'chicago') return chicagoNote(quote, said, speaker, article);
  const parts = [said];
  const title = article.title.trim().replace(/["“”]/g, "'");
  if (title !== '') parts.push(`in "${title}"`);
  if (article.source !== null && article.source.trim() !== '') parts.push(article.source.trim());
  if (article.date !== null && article.date.trim() !== '') parts.push(isoDay(article.date.trim()));
  const path = article.path.trim();
  return path === '' ? parts.join(', ') : `${parts.join(', ')} (${path})`;
}

/** `“We will rebuild.” Ana Ruiz, quoted in “Harbour reopens,” Example Wire, August 16, 2025.` */
function chicagoNote(quote: CitedQuote, said: string, speaker: string, article: CitedArticle): string {
  const lead = quote.kind === 'indirect' ? `${said.replace(/ \(reported speech\)$/, '')}; reported in` : `${quoted(quote, article.language ?? null)} ${speaker}, quoted in`;
  const where: string[] = [];
  const title = article.title.trim().replace(/["“”]/g, "'");
  const source = article.source?.trim() ?? '';
  const date = article.date === null || article.date.trim() === '' ? '' : longDate(article.date.trim());
  if (title !== '') where.push(`“${title},”`);
  const rest = [source, date].filter((part) => part !== '');
  if (rest.length > 0) where.push(rest.join(', '));
  if (where.length === 0) where.push(article.path.trim() === '' ? 'an untitled article' : article.path.trim());
  // Chicago puts the headline's comma inside its closing mark; with nothing after it, a full stop instead.
  return `${lead} ${where.join(' ')}.`.replace(/,”\.$/, '.”');
}

/** Quotation marks by article language (ISO 639-1); English-style “” for any other. */
const quotationMarks: Readonly<Record<string, readonly [string, string]>> = {
  ru: ['«', '»'],
  uk: ['«', '»'],
  be: ['«', '»'],
  kk: ['«', '»'],
  fr: ['« ', ' »'],
  de: ['„', '“'],
};

/** The words of a quotation in its language's marks, parts joined by an ellipsis, a last comma made a stop. */
function quoted(quote: CitedQuote, language: string | null): string {
  const parts = quote.parts !== undefined && quote.parts.length > 1 ? quote.parts.map((part) => part.text.trim()) : [quote.text.trim()];
  // The inner parts' commas belonged to the sentence the attribution interrupted.
  const words = parts.map((part, i) => (i < parts.length - 1 ? part.replace(/,$/, '') : part.replace(/,$/, '.'))).join(' … ');
  const [open, close] = quotationMarks[language?.toLowerCase() ?? ''] ?? ['“', '”'];
  return `${open}${words}${close}`;
}

/**
 * Reported speech cited as reported, never inside quotation marks: `Ana Ruiz said that the wall would
 * hold (reported speech)`, `According to Ana Ruiz, ...`, and in Russian `Анна Руис заявила, что ...`.
 */
function reportedSpeech(quote: CitedQuote, speaker: string): string {
  const text = quote.text.trim();
  const verb = quote.verb?.trim() ?? '';
  let sentence: string;
  if (verb === '') sentence = `According to ${speaker}, ${text}`;
  else if (/[\u0400-\u04FF]$/.test(verb)) sentence = `${speaker} ${verb}, что ${text}`;
  else sentence = `${speaker} ${TELL_VERBS.has(verb) ? 'said' : verb} that ${text}`;
  return `${sentence} (reported speech)`;
}

/** "told reporters that" needs its object: cited as "said that". */
const TELL_VERBS = new Set(['tell', 'tells', 'told', 'telling']);

/** `2025-08-16` from `2025-08-16T10:00:00Z`; any other text as it is. */
function isoDay(date: string): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(date)?.[0] ?? date;
}

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `August 16, 2025` from `2025-08-16…` (no time zone shifts it); `August 2025`, `2025`; other text as it is. */
function longDate(date: string): string {
  const [, year, month, day] = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date) ?? [];
  const name = month === undefined ? undefined : monthNames[Number(month) - 1];
  if (year === undefined) return date;
  if (name === undefined) return year;
  return day === undefined ? `${name} ${year}` : `${name} ${Number(day)}, ${year}`;
}
