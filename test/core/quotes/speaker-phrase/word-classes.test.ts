// The word classes speaker phrases are read by: role nouns in any form, outlets, surnames, reporting verbs.
import { describe, expect, it } from 'vitest';
import { couldBeSurname, hasPossessive, isOutletName, isReportingVerb, isRoleNoun } from '../../../../main/core/quotes/speaker-phrase/word-classes.js';
import { splitParagraphs, tokenizeBody } from '../../../../main/core/quotes/tokenize-body.js';

const tokenOf = (word: string) => tokenizeBody(word, splitParagraphs(word))[0];

describe('word classes', () => {
  it.each([
    ['analyst', true],
    ['Lawyer', true],
    ['authors', true],
    ['пресс-секретарь', true],
    // Russian role nouns decline.
    ['президента', true],
    ['экспертов', true],
    ['tax', false],
    ['Москвы', false],
  ])('isRoleNoun(%s) is %s', (word, expected) => {
    expect(isRoleNoun(word)).toBe(expected);
  });

  it.each([
    ['Lenta.ru', true],
    ['Лента.ру', true],
    ['HuffPost.com', true],
    ['Redfield', false],
  ])('isOutletName(%s) is %s', (word, expected) => {
    expect(isOutletName(word)).toBe(expected);
  });

  it.each([
    ['Bush', true],
    ['CBO', false],
    ['U.S.', false],
  ])('couldBeSurname(%s) is %s', (word, expected) => {
    expect(couldBeSurname(word)).toBe(expected);
  });

  it.each([
    ["Trump's", true],
    ['Trump\u2019s', true],
    ['Trumps', false],
  ])('hasPossessive(%s) is %s', (word, expected) => {
    expect(hasPossessive(word)).toBe(expected);
  });

  it.each([
    ['said', true],
    ['заявил', true],
    // Only in lower case: "State Department" holds no verb.
    ['Said', false],
    ['rebuild', false],
  ])('isReportingVerb(%s) is %s', (word, expected) => {
    expect(isReportingVerb(tokenOf(word))).toBe(expected);
  });
});
