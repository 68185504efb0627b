// The speaker phrase before a reporting verb, read on short sentences: names with their titles and
// appositives, roles, pronouns, and what is not a speaker at all.
import { describe, expect, it } from 'vitest';
import { parseSubjectBefore } from '../../../../main/core/quotes/speaker-phrase/subject-before.js';
import { isReportingVerb } from '../../../../main/core/quotes/speaker-phrase/word-classes.js';
import { splitParagraphs, tokenizeBody } from '../../../../main/core/quotes/tokenize-body.js';

/** The phrase before the sentence's first reporting verb, read back to the sentence's start. */
function phraseBeforeVerb(body: string) {
  const tokens = tokenizeBody(body, splitParagraphs(body));
  const verb = tokens.findIndex((token) => isReportingVerb(token));
  return parseSubjectBefore(body, tokens, 0, verb);
}

describe('parseSubjectBefore', () => {
  it.each([
    ['Political analyst Kazbek Maigeldinov said the tax would rise.', 'Kazbek Maigeldinov', 'Political analyst'],
    ['Rep. Charles Rangel of New York told the paper the tax would rise.', 'Charles Rangel', 'Rep.'],
    ['Rep. Jim McDermott (D-Wash.) said the tax would rise.', 'Jim McDermott', 'Rep.'],
    ['Khaled Al-Maeena, editor at large at the Saudi Gazette, said the tax would rise.', 'Khaled Al-Maeena', 'editor at large at the Saudi Gazette'],
    ['Cynthia Thompson, curator at the University of Arkansas, Fayetteville, said the tax would rise.', 'Cynthia Thompson', 'curator at the University of Arkansas'],
    ['Sam Lau, the communications director for the Iowa Democratic Party said the tax would rise.', 'Sam Lau', 'communications director for the Iowa Democratic Party'],
    ['Premier Alan Carpenter, who is visiting the area of the Dwellingup fires said the tax would rise.', 'Alan Carpenter', 'Premier'],
    ['The property owner, U.S. Army veteran Fred Mattlage, said the tax would rise.', 'Fred Mattlage', 'U.S. Army veteran'],
    ['Undersecretary for Education Mr. Toccafondi said the tax would rise.', 'Toccafondi', 'Undersecretary for Education'],
    ["ABN Amro's Paul Mackel said the tax would rise.", 'Paul Mackel', "ABN Amro's"],
    ["Celtic manager O'Neill said the tax would rise.", "O'Neill", 'Celtic manager'],
    ['Graham Rhodes for The Roofie Foundation said the tax would rise.', 'Graham Rhodes', null],
    ['Дмитрий Песков заявил, что налог вырастет.', 'Дмитрий Песков', null],
    ['Глава комиссии по благоустройству Анна Соколова заявила, что налог вырастет.', 'Анна Соколова', 'Глава комиссии по благоустройству'],
    ['Пресс-секретарь президента Дмитрий Песков заявил, что налог вырастет.', 'Дмитрий Песков', 'Пресс-секретарь президента'],
  ])('reads %s as the person %s (described as %s)', (body, text, description) => {
    expect(phraseBeforeVerb(body)).toMatchObject({ kind: 'name', text, description, personLike: true });
  });

  it.each([
    // Words that only open a sentence are not part of the name.
    ['On Wednesday Smith said the tax would rise.', 'Smith'],
    ['Knowing Bardos said the tax would rise.', 'Bardos'],
    // "Cornyn's statement added": the author of the document speaks.
    ["Cornyn's statement added that the tax would rise.", 'Cornyn'],
    // An institution's name runs on over "of".
    ['The U.S. Department of Agriculture said the tax would rise.', 'U.S. Department of Agriculture'],
  ])('reads %s as the name %s', (body, text) => {
    expect(phraseBeforeVerb(body)).toMatchObject({ kind: 'name', text });
  });

  it.each([
    ['The analyst noted the tax would rise.', 'The analyst'],
    ['Officials said the tax would rise.', 'Officials'],
    ['Engineers said the tax would rise.', 'Engineers'],
    ['Critics argue the tax would rise.', 'Critics'],
    ['The President said the tax would rise.', 'President'],
    ["Brown's spokesman said the tax would rise.", "Brown's spokesman"],
    ['But the Brotherhood lawyer said the tax would rise.', 'the Brotherhood lawyer'],
    ['A spokesman for Brown said the tax would rise.', 'A spokesman for Brown'],
    ['The lawyer for the Brotherhood said the tax would rise.', 'The lawyer for the Brotherhood'],
    ['Analysts at the bank said the tax would rise.', 'Analysts at the bank'],
  ])('reads %s as the role %s', (body, text) => {
    expect(phraseBeforeVerb(body)).toMatchObject({ kind: 'role', text });
  });

  it.each([
    ['He also said the tax would rise.', 'he', 'm'],
    ['She initially said the tax would rise.', 'she', 'f'],
  ])('reads %s as the pronoun %s, past the words between it and the verb', (body, text, gender) => {
    expect(phraseBeforeVerb(body)).toMatchObject({ kind: 'pronoun', text, gender });
  });

  it.each([
    // Without a determiner, only a role speaks: "officials said", not "tax claims".
    ['But tax claims said the tax would rise.'],
    // A Russian organisation, in any case, is no speaker phrase here.
    ['Отдел по взаимоотношениям заявил, что налог вырастет.'],
    ['Министерство заявило, что налог вырастет.'],
  ])('finds no speaker in %s', (body) => {
    expect(phraseBeforeVerb(body)).toBeNull();
  });
});
