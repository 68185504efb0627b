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
