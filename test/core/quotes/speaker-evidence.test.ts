// Speakers from the words of the attribution as a careful reader takes them: a person, not the
// organisation before their name, and no one for a thing (issue 12).
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../main/core/quotes/extract-quotes.js';

const quotationsOf = (body: string) => extractQuotes({ id: 'en', body }).filter((q) => q.kind !== 'indirect');

describe('speakers named in the attribution', () => {
  it.each([
    ['the person after an organisation and a description', '"We have been talking to them for years and it is a good sign," said ESA astronaut Matthias Maurer at the time.', 'Matthias Maurer'],
    [
      'the person after an organisation in the same run of capitals',
      'Deputy Chairman of the Defense and Security Committee Franz Klintsevich warned that "one cannot rein in North Korea through force and threats."',
      'Franz Klintsevich',
    ],
    ['no one for an abstract noun', 'An executive said the work relationship continued but that basically, "Quentin was done with her and she was done with him."', null],
  ])('%s', (_case, body, speaker) => {
    expect(quotationsOf(body).map((q) => q.speaker)).toEqual([speaker]);
  });
});

describe('reported speech from the clause around it', () => {
  it.each([
    ['a participle after a comma: the sentence\'s subject', 'Roy Graf protested the two bills, saying they are limiting the industry and the economy.', 'Roy Graf', 'they are limiting the industry and the economy'],
    ['a name with a zero-width space after it, left by a web page', 'As well as the issues, Jeff Traeger\u200b said he expects the union to help employees with scheduling.', 'Jeff Traeger', 'he expects the union to help employees with scheduling'],
  ])('%s', (_case, body, speaker, text) => {
    const reported = extractQuotes({ id: 'en', body }).filter((q) => q.kind === 'indirect');
    expect(reported.map((q) => [q.speaker, q.text])).toEqual([[speaker, text]]);
  });
});
