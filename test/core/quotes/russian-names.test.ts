// Russian names put back in the nominative from the case a preposition governs.
import { describe, expect, it } from 'vitest';
import { caseAfter, isRussianSurname, nominativeName } from '../../../main/core/quotes/russian-names.js';

describe('nominativeName', () => {
  it.each([
    ['Анны Соколовой', 'genitive', 'Анна Соколова'],
    ['Дениса Суареса', 'genitive', 'Денис Суарес'],
    ['Сергея Лаврова', 'genitive', 'Сергей Лавров'],
    ['Дмитрия Медведева', 'genitive', 'Дмитрий Медведев'],
    ['Марии Захаровой', 'genitive', 'Мария Захарова'],
    ['Ольги Петровской', 'genitive', 'Ольга Петровская'],
    ['Марку Иванову', 'dative', 'Марк Иванов'],
    ['Анне Соколовой', 'dative', 'Анна Соколова'],
  ] as const)('reads %s (%s) as %s', (name, nameCase, nominative) => {
    expect(nominativeName(name, nameCase)).toBe(nominative);
  });

  it('leaves names that are not all Cyrillic, and short names, as they are', () => {
    expect(nominativeName('Jane Roe', 'genitive')).toBe('Jane Roe');
    expect(nominativeName('Ли', 'genitive')).toBe('Ли');
  });
});

describe('caseAfter', () => {
  it.each([
    [['по', 'словам'], 'genitive'],
    [['по', 'мнению'], 'genitive'],
    [['заявил', 'согласно'], 'dative'],
    [['сказал', 'министр'], null],
  ] as const)('after %j: %s', (before, nameCase) => {
    expect(caseAfter(before)).toBe(nameCase);
  });
});

describe('isRussianSurname', () => {
  it.each([
    ['Калоев', true],
    ['Пескова', true],
    ['захаровой', true],
    ['шевченко', true],
    ['Собянин', true],
    // Told by the suffix only: "Шойгу" is not; a short word or a Latin name never is.
    ['Шойгу', false],
    ['Ин', false],
    ['Ivanov', false],
  ])('isRussianSurname(%s) is %s', (word, expected) => {
    expect(isRussianSurname(word)).toBe(expected);
  });
});
