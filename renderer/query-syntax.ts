// The query language as the window explains it: the rows of README's "Query syntax" table, word for word
// (test/renderer/query-syntax.test.ts holds the two together), for the query help popover, and the few of
// them the start page shows. Pure (no DOM): the views render the inline markup with `parseInline`.

/** One row of the table: what you type and what it finds, each in inline Markdown (`code`, **bold**). */
export interface SyntaxRow {
  type: string;
  finds: string;
  /** For the start page: the example it shows and a short line saying what it finds. */
  start?: { example: string; finds: string };
}

/** README "Query syntax", in order. */
export const syntaxRows: readonly SyntaxRow[] = [
  {
    type: '`sanctions russia`',
    finds:
      'articles with **all** the words, in the headline or the text; articles with more of the words, rarer words and headline matches rank higher. Words match their other forms in the article\'s language (`sanction` finds "sanctions", `санкции` finds "санкций" and "санкциями").',
    start: { example: 'sanctions russia', finds: 'articles with all the words' },
  },
  {
    type: '`"prime minister"`',
    finds: 'the words side by side, in this order (checked against the text)',
    start: { example: '"prime minister"', finds: 'the words side by side, in this order' },
  },
  {
    type: '`"tony blair"~3`, `blair NEAR brown`, `blair NEAR/3 brown`',
    finds: 'the words near each other, in any order, with up to 3 other words among them (at most 50; `NEAR` alone means 5); `~0` is the phrase itself',
  },
  {
    type: '`Putin–Trump`, `mobile-phone`, `北京`',
    finds: 'a run of words joined by dashes, or of Chinese/Japanese characters, is searched as a phrase',
  },
  {
    type: '`-ukraine`, `-"white house"`',
    finds: 'leaves out articles with this word or phrase',
    start: { example: '-ukraine', finds: 'leaves out articles with this word' },
  },
  {
    type: '`sanct*`',
    finds: 'any word starting with `sanct` (at least two letters before the `*`)',
    start: { example: 'sanct*', finds: 'any word starting with sanct' },
  },
  {
    type: '`Maigeldinof~1`, `parliment~`',
    finds:
      'the word with up to 1 (or 2) typing mistakes; `~` alone means 1. Words under 4 letters are matched exactly, under 7 letters with at most 1 mistake, others at most 2.',
  },
  {
    type: '`putin OR trump alaska`',
    finds: 'either of the words joined by `OR` (here: Alaska, and Putin or Trump)',
    start: { example: 'putin OR trump alaska', finds: 'Alaska, and Putin or Trump' },
  },
  { type: '`title:sanctions`, `title:"peace talks"`', finds: 'the word or phrase in the headline' },
  {
    type: '`source:reuters`, `author:"Jane Doe"`',
    finds: 'articles whose source or author contains the text (any case, accents ignored)',
  },
  { type: '`folder:politics`, `folder:2005/politics`', finds: 'articles in a folder of that name, at any depth of the archive (any case)' },
  { type: '`path:2005/pol`', finds: 'articles whose path in the archive contains the text (any case)' },
  {
    type: '`speaker:"Kazbek Maigeldinov"`, `speaker:"the prime minister"`',
    finds: 'articles quoting a person (or organisation) whose name, or any form of it the archive used, has these words (see People)',
    start: { example: 'speaker:"Kazbek Maigeldinov"', finds: 'articles quoting this speaker' },
  },
  { type: '`lang:ru`, `language:russian`', finds: 'articles in this language' },
  {
    type: '`date:2025-08`, `date:2025`, `date:2025-08-16`',
    finds: 'articles dated in that month, year or day',
    start: { example: 'date:2025-08', finds: 'articles dated in that month' },
  },
  {
    type: '`date:2025-08-01..2025-08-31`, `date:2025-08..`, `date:..2024`',
    finds: 'articles dated in the range (an open end is unbounded)',
  },
  { type: '`after:2025-01-01`, `before:2025`', finds: 'articles dated after the day (or month, year), or before it' },
  {
    type: '`in:quotes`',
    finds: 'the words must stand inside one quotation of the article; the results show those quotations',
    start: { example: 'in:quotes', finds: 'the words inside one quotation' },
  },
  {
    type: '`kind:direct`, `kind:partial`, `kind:indirect`, `-kind:indirect`',
    finds:
      'which quotes count for `in:quotes`, `speaker:` and the Quotes view: `direct` quotations, `partial` quoted words inside the reporter\'s sentence, `indirect` (or `reported`) speech without quotation marks; several joined by commas (`kind:direct,partial`). Alone: articles with a quote of that kind.',
  },
];

/** The paragraph under the table in README, word for word. */
export const syntaxNote =
  'Any filter can be negated with `-` (`-source:tabloid`). Filters alone (`speaker:Blair date:2005`) list every article that passes them, newest first. Articles without a date never pass a date filter and come last when sorting by date.';

/** A run of inline Markdown: plain text, `code` or **bold**. */
export interface InlineRun {
  kind: 'text' | 'code' | 'strong';
  text: string;
}

/**
 * Splits inline Markdown into runs; only `code` and **bold** are known (enough for the table above).
 * @example
 * parseInline('any word starting with `sanct`');
 * // [{ kind: 'text', text: 'any word starting with ' }, { kind: 'code', text: 'sanct' }]
 */
export function parseInline(markdown: string): InlineRun[] {
  const runs: InlineRun[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*/g;
  let last = 0;
  for (let match = pattern.exec(markdown); match !== null; match = pattern.exec(markdown)) {
    if (match.index > last) runs.push({ kind: 'text', text: markdown.slice(last, match.index) });
    if (match[1] !== undefined) runs.push({ kind: 'code', text: match[1] });
    else runs.push({ kind: 'strong', text: match[2] ?? '' });
    last = match.index + match[0].length;
  }
  if (last < markdown.length) runs.push({ kind: 'text', text: markdown.slice(last) });
  return runs;
}
