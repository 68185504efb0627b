import { describe, expect, it } from 'vitest';
import { stemKazakh } from '../../../main/core/index/kazakh-stem.js';

describe('the Kazakh stemmer', () => {
  it.each([
    // Plural, possessive and case endings, stripped from the outside in.
    ['көпір', 'көпір'],
    ['көпірлер', 'көпір'],
    ['көпірдің', 'көпір'],
    ['көпірге', 'көпір'],
    ['көпірден', 'көпір'],
    ['көпірмен', 'көпір'],
    ['қала', 'қала'],
    ['қаланың', 'қала'],
    ['қалаға', 'қала'],
    ['қалада', 'қала'],
    ['қаладан', 'қала'],
    ['астанада', 'астана'],
    ['өзенде', 'өзен'],
    ['өзенінде', 'өзен'],
    ['қалаларда', 'қала'],
    ['әкімі', 'әкім'],
    ['әкімдер', 'әкім'],
    ['жағалауын', 'жағалау'],
    ['жылға', 'жыл'],
    ['шамдары', 'шам'],
    ['өзені', 'өзен'],
    ['өзенінің', 'өзен'],
    ['өзеніне', 'өзен'],
    ['тұрғындарына', 'тұрғ'],
    ['тұрғын', 'тұрғ'],
    // Verb endings: past, present, participle, converb.
    ['қатысты', 'қатыс'],
    ['қатысады', 'қатыс'],
    ['қатысқан', 'қатыс'],
    ['береді', 'бер'],
    ['берген', 'бер'],
    ['хабарлайды', 'хабарла'],
    ['жазып', 'жаз'],
  ])('stems %s to %s', (word, stem) => {
    expect(stemKazakh(word)).toBe(stem);
  });

  it.each([['ел'], ['елдің'], ['үлкен'], ['жаңа'], ['гауһар'], ['екі']])('leaves at least three letters with a vowel: %s', (word) => {
    const stem = stemKazakh(word);
    expect(stem.length === word.length || (stem.length >= 3 && /[аәеиоөуұүыі]/.test(stem))).toBe(true);
  });
});
