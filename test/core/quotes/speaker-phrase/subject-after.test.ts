// The speaker phrase after a reporting verb, read on short sentences: names with their titles and
// descriptions, roles, pronouns, organisations, and Russian descriptions.
import { describe, expect, it } from 'vitest';
import { parseSubjectAfter } from '../../../../main/core/quotes/speaker-phrase/subject-after.js';
import { isReportingVerb } from '../../../../main/core/quotes/speaker-phrase/word-classes.js';
import { splitParagraphs, tokenizeBody } from '../../../../main/core/quotes/tokenize-body.js';

/** The phrase after the sentence's first reporting verb. */
function phraseAfterVerb(body: string) {
  const tokens = tokenizeBody(body, splitParagraphs(body));
  const verb = tokens.findIndex((token) => isReportingVerb(token));
  return parseSubjectAfter(body, tokens, verb + 1, tokens.length);
}

describe('parseSubjectAfter', () => {
  it.each([
    ['It will rise, said Theresa May.', 'Theresa May', null],
    ['It will rise, said Bashar al-Assad.', 'Bashar al-Assad', null],
    ['It will rise, said Mark Driver.', 'Mark Driver', null],
    ['It will rise, said researcher Peter de Haan van der Weg.', 'Peter de Haan van der Weg', 'researcher'],
    ['It will rise, said Rep. Charles Rangel.', 'Charles Rangel', 'Rep.'],
    ['It will rise, said Lawyer Rob Stary.', 'Rob Stary', 'Lawyer'],
    ['It will rise, said American Cindy Sheehan.', 'Cindy Sheehan', 'American'],
    ['It will rise, said FBI Director James Comey.', 'James Comey', 'FBI Director'],
    ['It will rise, said Liberty Victoria president Brian Walters.', 'Brian Walters', 'Liberty Victoria president'],
    ['It will rise, said ABN Amro chief Asian strategist Eddie Wong.', 'Eddie Wong', 'ABN Amro chief Asian strategist'],
    ['It will rise, said ESA astronaut Matthias Maurer.', 'Matthias Maurer', 'ESA astronaut'],
    ['It will rise, said Kremlin Press Office Dmitry Peskov.', 'Dmitry Peskov', 'Kremlin Press Office'],
    ['It will rise, said the Crown prosecutor, Mark Tedeschi, QC.', 'Mark Tedeschi', 'Crown prosecutor'],
    ['It will rise, said Secretary of State Rex Tillerson.', 'Rex Tillerson', 'Secretary of State'],
    ['It will rise, said Minister of Public Works and Transport Ghazi Aridi.', 'Ghazi Aridi', 'Minister of Public Works and Transport'],
    ['It will rise, said Bank of England deputy governor Rachel Lomax.', 'Rachel Lomax', 'Bank of England deputy governor'],
    ['It will rise, explains Herbert Hansen of Respond partner Keyobs.', 'Herbert Hansen', null],
  ])('reads %s as the name %s (described as %s)', (body, text, description) => {
    expect(phraseAfterVerb(body)).toMatchObject({ kind: 'name', text, description, personLike: true });
  });

  it('reads a lone surname as a name that only the people index can make a person', () => {
    expect(phraseAfterVerb('It will rise, said Redfield.')).toMatchObject({ kind: 'name', text: 'Redfield', words: ['redfield'], personLike: false });
  });

  it.each([
    ['It will rise, said Mrs Thatcher.', 'Thatcher', 'f'],
    ['It will rise, said Ms. May.', 'May', 'f'],
  ])('reads the title of %s as the gender of %s', (body, text, gender) => {
    expect(phraseAfterVerb(body)).toMatchObject({ kind: 'name', text, gender, titled: true, personLike: true });
  });

  it.each([
    // A month, an acronym or an institution is a name, but no person's.
    ['It will rise, said May.', 'May'],
    ['It will rise, said the CBO.', 'CBO'],
    ['It will rise, said NASA.', 'NASA'],
    ['It will rise, said the USDA in a statement.', 'USDA'],
    ['It will rise, said the State Department.', 'State Department'],
  ])('reads %s as %s, not a person', (body, text) => {
    expect(phraseAfterVerb(body)).toMatchObject({ kind: 'name', text, personLike: false });
  });

  it('keeps a headline in capitals out of the name that follows it', () => {
    expect(phraseAfterVerb('It will rise, said Share CLOSE WHAT YOU NEED TO KNOW ABOUT ELON MUSK Elon Musk.')).toMatchObject({ kind: 'name', text: 'Elon Musk' });
  });

  it.each([
    ['It will rise, said the analyst.', 'the analyst'],
    ['It will rise, said officials.', 'officials'],
    ['It will rise, said the Sale full-back.', 'the Sale full-back'],
  ])('reads %s as the role %s', (body, text) => {
    expect(phraseAfterVerb(body)).toMatchObject({ kind: 'role', text });
  });

  it.each([
    ['It will rise, said he.', 'he', 'm'],
    ['Налог вырастет, сказал он.', 'он', 'm'],
  ])('reads %s as the pronoun %s', (body, text, gender) => {
    expect(phraseAfterVerb(body)).toMatchObject({ kind: 'pronoun', text, gender });
  });

  it.each([
    ['Налог вырастет, сказал мэр Москвы Сергей Собянин.', 'Сергей Собянин', 'мэр Москвы'],
    ['Налог вырастет, сказал пресс-секретарь президента Дмитрий Песков.', 'Дмитрий Песков', 'пресс-секретарь президента'],
    ['Налог вырастет, сказал лидер Движения против нелегальной иммиграции Александр Белов.', 'Александр Белов', 'лидер Движения против нелегальной иммиграции'],
    ['Налог вырастет, сказал генеральный директор «Стейдж Энтертейнмент» Дмитрий Богачев.', 'Дмитрий Богачев', 'генеральный директор «Стейдж Энтертейнмент»'],
    ['Налог вырастет, сказал представитель МИД Мария Захарова.', 'Мария Захарова', 'представитель МИД'],
    // Who was told (a dative) comes before who spoke; a circumstance is passed over.
    ['Налог вырастет, сказал мэру генеральный директор Иван Петров.', 'Иван Петров', 'генеральный директор'],
    ['Налог вырастет, сказал в беседе с корреспондентом агентства лидер движения Александр Белов.', 'Александр Белов', 'лидер движения'],
    ['Налог вырастет, сказала Мария Захарова.', 'Мария Захарова', null],
    ['Налог вырастет, сказал Владимир Владимирович Путин.', 'Владимир Владимирович Путин', null],
    // A place's adjective after the name belongs to the next phrase.
    ['Налог вырастет, сказал Роман Коноплев Русской общины.', 'Роман Коноплев', null],
  ])('reads the Russian %s as %s (described as %s)', (body, text, description) => {
    expect(phraseAfterVerb(body)).toMatchObject({ kind: 'name', text, description, personLike: true });
  });

  it.each([
    ['It will rise, said the Bank of England.', 'Bank of England'],
    ['It will rise, said the Department of Agriculture in a statement.', 'Department of Agriculture'],
    ['It will rise, said the Telecom Regulatory Authority of India.', 'Telecom Regulatory Authority of India'],
  ])('reads an institution named over "of" whole: %s', (body, text) => {
    expect(phraseAfterVerb(body)).toMatchObject({ kind: 'name', text, personLike: false });
  });

  it('reads a web address as an outlet, never a person', () => {
    expect(phraseAfterVerb('Налог вырастет, сообщает Лента.ру.')).toMatchObject({ kind: 'name', personLike: false });
  });

  it.each([
    ['It is hard, he said, later adding that it would take years.'],
    ['Stocks fell, suggesting that investors do not fear a rise.'],
  ])('reads no speaker after "that", which opens what was said: %s', (body) => {
    expect(phraseAfterVerb(body.replace(/^[^,]*, (he said, )?/, ''))).toBeNull();
  });
});
