// Detects an article's language (ISO 639-1) from its text, among the languages Verbatim indexes well.

import type { franc } from 'franc';

/** franc, loaded when first needed: its language data took ~20 ms of every engine thread's start, and
 * plainly English archives never need it (issue 6). */
function loadFranc(): typeof franc {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load; esbuild bundles what is required
  francFunction ??= (require('franc') as { franc: typeof franc }).franc;
  return francFunction;
}
let francFunction: typeof franc | undefined;

// franc's ISO 639-3 codes -> ISO 639-1. Restricting franc to these makes short texts far more reliable
// (unrestricted, a Russian sentence came back as Macedonian).
const languages: Readonly<Record<string, string>> = {
  eng: 'en',
  rus: 'ru',
  ukr: 'uk',
  kaz: 'kk',
  deu: 'de',
  fra: 'fr',
  spa: 'es',
  ita: 'it',
  por: 'pt',
  tur: 'tr',
  nld: 'nl',
  pol: 'pl',
  swe: 'sv',
  dan: 'da',
  nob: 'no',
  fin: 'fi',
  hun: 'hu',
  ron: 'ro',
  ell: 'el',
  arb: 'ar',
  cmn: 'zh',
  jpn: 'ja',
};
const only = Object.keys(languages);

// English function words: in English prose about one word in four is one of these; in other Latin-script
// languages almost none are (German, French, Dutch share "in" and little else).
const englishWords = new Set(['the', 'and', 'of', 'to', 'a', 'in', 'is', 'that', 'for', 'was', 'on', 'with', 'said', 'it', 'he', 'as', 'by', 'be', 'has', 'have', 'at', 'from']);

/** True when at least 15% of the sample's words are English function words: English beyond doubt. */
function plainlyEnglish(sample: string): boolean {
  const words = sample.toLowerCase().match(/[a-z']+/g) ?? [];
  if (words.length < 40) return false;
  let hits = 0;
  for (const word of words) if (englishWords.has(word)) hits += 1;
  return hits / words.length >= 0.15;
}

/** The language of `text` as an ISO 639-1 code, or null when the text is too short or unclear. */
export function detectLanguage(text: string): string | null {
  // 500 characters decide reliably (all 2,225 BBC articles as at 3000) at a sixth of the cost: franc's
  // time grows with the sample, and it was the largest part of reading an archive.
  const sample = text.slice(0, 500);
  // franc was the largest part of reading an archive; most archives are mostly English.
  if (plainlyEnglish(sample)) return 'en';
  const code = loadFranc()(sample, { only, minLength: 20 });
  return languages[code] ?? null;
}

/** Normalizes a stated language ("en-US", "English", "ru_RU") to ISO 639-1, or null when unknown. */
export function normalizeLanguage(stated: string | null): string | null {
  if (stated === null) return null;
  const value = stated.trim().toLowerCase();
  const primary = /^([a-z]{2,3})(?:[-_][a-z0-9]+)*$/.exec(value)?.[1];
  if (primary !== undefined) return primary.length === 2 ? primary : (languages[primary] ?? null);
  const names: Readonly<Record<string, string>> = { english: 'en', russian: 'ru', german: 'de', french: 'fr', spanish: 'es', italian: 'it', portuguese: 'pt', turkish: 'tr', kazakh: 'kk', ukrainian: 'uk' };
  return names[value] ?? null;
}
