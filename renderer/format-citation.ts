// The text the quotes panel's "Copy" button puts on the clipboard: the quotation with who said it and where
// it was published. Pure (no DOM), so unit-tested under Node (test/renderer/format-citation.test.ts).

import type { QuoteKind } from '../main/contract/api.js';

/** The quote as cited: its words, who said them, and how it was reported (`verb` for reported speech). */
export interface CitedQuote {
  text: string;
  speaker: string | null;
  kind?: QuoteKind;
  verb?: string | null;
}

/** Where a quote was published: the article's headline, source, date and path in the archive. */
export interface CitedArticle {
  title: string;
  source: string | null;
  date: string | null;
  path: string;
}

/**
 * `“<quote>” — <speaker or "unattributed">, in "<headline>", <source>, <date> (<path>)`, leaving out the
 * parts the article does not state; reported speech as `<speaker> <verb> that <words> (reported speech),
 * in ...`. The date is the article's ISO day; double quotation marks inside the
 * headline become single ones, so the headline's own quotes do not close it.
 * @example
 * formatCitation({ text: 'We will rebuild', speaker: 'Ana Ruiz' },
 *   { title: 'Harbour reopens', source: 'Example Wire', date: '2025-08-16', path: 'harbour.txt' });
 * // '“We will rebuild” — Ana Ruiz, in "Harbour reopens", Example Wire, 2025-08-16 (harbour.txt)'
 */
export function formatCitation(quote: CitedQuote, article: CitedArticle): string {
  const speaker = quote.speaker === null || quote.speaker.trim() === '' ? 'unattributed' : quote.speaker.trim();
  const parts = [quote.kind === 'indirect' ? reportedSpeech(quote, speaker) : `“${quote.text.trim()}” — ${speaker}`];
  const title = article.title.trim().replace(/["“”]/g, "'");
  if (title !== '') parts.push(`in "${title}"`);
  if (article.source !== null && article.source.trim() !== '') parts.push(article.source.trim());
  if (article.date !== null && article.date.trim() !== '') parts.push(isoDay(article.date.trim()));
  const path = article.path.trim();
  return path === '' ? parts.join(', ') : `${parts.join(', ')} (${path})`;
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
