// Unit tests of the citation the quotes panel's "Copy" button puts on the clipboard.

import { describe, expect, it } from 'vitest';
import { formatCitation, isCitationStyle, type CitationStyle, type CitedArticle, type CitedQuote } from '../../renderer/format-citation.js';

const article: CitedArticle = { title: 'Harbour reopens after the storm', source: 'Example Wire', date: '2025-08-16', path: 'city/harbour.txt' };

describe('formatCitation', () => {
  it.each<[string, { text: string; speaker: string | null }, Partial<CitedArticle>, string]>([
    [
      'gives every part, the trailing comma turned into a full stop (issue 15)',
      { text: 'We will rebuild the harbour wall,', speaker: 'Ana Ruiz' },
      {},
      '“We will rebuild the harbour wall.” — Ana Ruiz, in "Harbour reopens after the storm", Example Wire, 2025-08-16 (city/harbour.txt)',
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

  it.each<[string, CitedQuote, Partial<CitedArticle>, string]>([
    [
      'joins the parts of an interrupted quotation with an ellipsis',
      { text: 'We will rebuild, and soon.', speaker: 'Ana Ruiz', parts: [{ text: 'We will rebuild,' }, { text: 'and soon.' }] },
      {},
      '“We will rebuild … and soon.” — Ana Ruiz',
    ],
    ['uses «» for a Russian article', { text: 'Мы восстановим набережную,', speaker: 'Анна Руис' }, { language: 'ru' }, '«Мы восстановим набережную.» — Анна Руис'],
    ['uses „“ for a German article', { text: 'Wir bauen wieder auf', speaker: 'Ana Ruiz' }, { language: 'de' }, '„Wir bauen wieder auf“ — Ana Ruiz'],
    ['uses “” for a language without a rule', { text: 'Yes', speaker: 'Ana Ruiz' }, { language: 'xx' }, '“Yes” — Ana Ruiz'],
  ])('%s', (_name, quote, changes, expected) => {
    expect(formatCitation(quote, { ...article, ...changes }, 'plain')).toBe(expected);
  });

  const quote: CitedQuote = { text: 'We will rebuild the harbour wall,', speaker: 'Ana Ruiz' };
  it.each<[CitationStyle, Partial<CitedArticle>, string]>([
    ['plain', {}, '“We will rebuild the harbour wall.” — Ana Ruiz'],
    ['chicago', {}, '“We will rebuild the harbour wall.” Ana Ruiz, quoted in “Harbour reopens after the storm,” Example Wire, August 16, 2025.'],
    ['chicago', { source: null, date: null }, '“We will rebuild the harbour wall.” Ana Ruiz, quoted in “Harbour reopens after the storm.”'],
    ['chicago', { date: '2025-08' }, '“We will rebuild the harbour wall.” Ana Ruiz, quoted in “Harbour reopens after the storm,” Example Wire, August 2025.'],
    ['chicago', { title: '', source: null, date: null }, '“We will rebuild the harbour wall.” Ana Ruiz, quoted in city/harbour.txt.'],
    [
      'archive',
      {},
      '“We will rebuild the harbour wall.” — Ana Ruiz, in "Harbour reopens after the storm", Example Wire, 2025-08-16 (city/harbour.txt)',
    ],
  ])('writes the %s style (%j)', (style, changes, expected) => {
    expect(formatCitation(quote, { ...article, ...changes }, style)).toBe(expected);
  });

  it('cites reported speech as reported in the Chicago-like style too', () => {
    const cited = formatCitation({ text: 'the wall would hold', speaker: 'Ana Ruiz', kind: 'indirect', verb: 'argued' }, article, 'chicago');
    expect(cited).toBe('Ana Ruiz argued that the wall would hold; reported in “Harbour reopens after the storm,” Example Wire, August 16, 2025.');
  });

  it.each([
    ['archive', true],
    ['chicago', true],
    ['mla', false],
    [null, false],
  ])('knows %s is a style: %s', (value, known) => {
    expect(isCitationStyle(value)).toBe(known);
  });
});
