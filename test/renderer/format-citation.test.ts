// Unit tests of the citation the quotes panel's "Copy" button puts on the clipboard.

import { describe, expect, it } from 'vitest';
import { formatCitation, type CitedArticle } from '../../renderer/format-citation.js';

const article: CitedArticle = { title: 'Harbour reopens after the storm', source: 'Example Wire', date: '2025-08-16', path: 'city/harbour.txt' };

describe('formatCitation', () => {
  it.each<[string, { text: string; speaker: string | null }, Partial<CitedArticle>, string]>([
    [
      'gives every part',
      { text: 'We will rebuild the harbour wall,', speaker: 'Ana Ruiz' },
      {},
      '“We will rebuild the harbour wall,” — Ana Ruiz, in "Harbour reopens after the storm", Example Wire, 2025-08-16 (city/harbour.txt)',
    ],
    ['says "unattributed" without a speaker', { text: 'Yes', speaker: null }, {}, '“Yes” — unattributed, in "Harbour reopens after the storm", Example Wire, 2025-08-16 (city/harbour.txt)'],
    ['leaves out a missing source and date', { text: 'Yes', speaker: 'Ana Ruiz' }, { source: null, date: null }, '“Yes” — Ana Ruiz, in "Harbour reopens after the storm" (city/harbour.txt)'],
    ['leaves out a missing headline', { text: 'Yes', speaker: 'Ana Ruiz' }, { title: '' }, '“Yes” — Ana Ruiz, Example Wire, 2025-08-16 (city/harbour.txt)'],
    ['keeps the day of a date-time', { text: 'Yes', speaker: 'Ana Ruiz' }, { date: '2025-08-16T09:30:00Z' }, '“Yes” — Ana Ruiz, in "Harbour reopens after the storm", Example Wire, 2025-08-16 (city/harbour.txt)'],
    [
      "turns the headline's double quotes into single ones",
      { text: 'Yes', speaker: 'Ana Ruiz' },
      { title: '"Osama to Obama": Bin Laden addresses US President', source: null },
      '“Yes” — Ana Ruiz, in "\'Osama to Obama\': Bin Laden addresses US President", 2025-08-16 (city/harbour.txt)',
    ],
  ])('%s', (_name, quote, changes, expected) => {
    expect(formatCitation(quote, { ...article, ...changes })).toBe(expected);
  });

  it.each<[string, { text: string; speaker: string | null; verb: string | null }, string]>([
    ['with its verb', { text: 'the wall would hold', speaker: 'Ana Ruiz', verb: 'argued' }, 'Ana Ruiz argued that the wall would hold (reported speech)'],
    ['"told" as "said"', { text: 'the wall would hold', speaker: 'Ana Ruiz', verb: 'told' }, 'Ana Ruiz said that the wall would hold (reported speech)'],
    ['"according to" without a verb', { text: 'the wall would hold', speaker: 'Ana Ruiz', verb: null }, 'According to Ana Ruiz, the wall would hold (reported speech)'],
    ['in Russian with a Russian verb', { text: 'город восстановит набережную', speaker: 'Анна Руис', verb: 'заявила' }, 'Анна Руис заявила, что город восстановит набережную (reported speech)'],
  ])('cites reported speech as reported, never in quotation marks: %s', (_name, quote, expected) => {
    const cited = formatCitation({ ...quote, kind: 'indirect' }, article);
    expect(cited).toBe(`${expected}, in "Harbour reopens after the storm", Example Wire, 2025-08-16 (city/harbour.txt)`);
    expect(cited).not.toMatch(/[“”]/);
  });
});
