// The words of the corrections UI (issue 16): what a correction says in the list of corrections, and which
// person a typed name means. Pure (no DOM), so unit-tested under Node.

import type { Correction, CorrectionChange, Speaker } from '../main/contract/api.js';

/** The longest piece of a quotation a correction's line quotes. */
const quoteShown = 60;

/**
 * One line saying what `correction` does; `nameOf` gives a speaker id's name (the id itself when unknown).
 * @example
 * describeCorrection({ type: 'not-quote', quoteId: 'a:3', quoteText: 'We will win' }, nameOf);
 * // '“We will win” is not a quotation'
 */
export function describeCorrection(change: CorrectionChange, nameOf: (id: string) => string): string {
  switch (change.type) {
    case 'speaker':
      return `${shortQuote(change.quoteText)} was said by ${change.speakerName}`;
    case 'not-quote':
      return `${shortQuote(change.quoteText)} is not a quotation`;
    case 'merge':
      return `${nameOf(change.from)} is the same as ${nameOf(change.into)}`;
    case 'split':
      return `“${change.alias}” is not ${nameOf(change.speakerId)}`;
  }
}

/** The corrections newest first, as the list shows them (the API gives them oldest first). */
export function newestFirst(corrections: readonly Correction[]): Correction[] {
  return [...corrections].reverse();
}

/**
 * The person a typed name means: the speaker whose name (or, failing that, one alias) is `name` in any case,
 * when exactly one is; else null, and the name is taken as a person the archive may not know (never a guess).
 * @example
 * speakerNamed('tony blair', speakers); // the speaker "Tony Blair"
 */
export function speakerNamed(name: string, speakers: readonly Speaker[]): Speaker | null {
  const wanted = normalize(name);
  if (wanted === '') return null;
  const byName = speakers.filter((speaker) => normalize(speaker.name) === wanted);
  if (byName.length > 0) return byName.length === 1 ? (byName[0] ?? null) : null;
  const byAlias = speakers.filter((speaker) => speaker.aliases.some((alias) => normalize(alias) === wanted));
  return byAlias.length === 1 ? (byAlias[0] ?? null) : null;
}

function shortQuote(text: string): string {
  const clean = text.replace(/\s+/gu, ' ').trim();
  return `“${clean.length > quoteShown ? `${clean.slice(0, quoteShown - 1).trimEnd()}…` : clean}”`;
}

function normalize(text: string): string {
  return text.replace(/\s+/gu, ' ').trim().toLocaleLowerCase();
}
