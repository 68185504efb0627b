// The paragraphs of an article body, as the reader lays them out and the quote finder numbers them.

import { describe, expect, it } from 'vitest';
import { splitParagraphs } from '../../main/common/split-paragraphs.js';

const cases: [string, string, string[]][] = [
  ['splits on a blank line', 'One.\n\nTwo.', ['One.', 'Two.']],
  ['keeps single line breaks inside a paragraph', 'One\nstill one.\n\nTwo.', ['One\nstill one.', 'Two.']],
  ['treats several blank lines as one break', 'One.\n\n\n\nTwo.', ['One.', 'Two.']],
  ['treats a line of spaces as blank', 'One.\n  \nTwo.', ['One.', 'Two.']],
  ['trims and drops empty paragraphs', '\n\n  One.  \n\n\n', ['One.']],
  ['copes with Windows line ends', 'One.\r\n\r\nTwo.', ['One.', 'Two.']],
  ['gives no paragraph for an empty body', '', []],
  ['treats a line of any white space as blank', 'One.\n\u2003\u00a0\t\nTwo.', ['One.', 'Two.']],
  ['trims any white space (Unicode White_Space)', '\u3000One.\u2003\n\n\u00a0Two.\u2028', ['One.', 'Two.']],
];

describe('splitParagraphs', () => {
  it.each(cases)('%s', (_name, body, expected) => {
    const paragraphs = splitParagraphs(body);
    expect(paragraphs.map((p) => body.slice(p.start, p.end))).toEqual(expected);
  });
});
