import { describe, expect, it } from 'vitest';
import { languageProcessing } from '../../../main/core/index/languages.js';

const russian = languageProcessing('ru');
const keys = (words: string): string[] => [...new Set(words.split(' ').map((w) => russian.stem(w)))];

describe('Russian index keys', () => {
  // Snowball gave these paradigms two or three stems (issue 15); each must now have one key.
  it.each([
    ['спортсмен спортсмена спортсмену спортсменом спортсмене спортсмены спортсменов спортсменам спортсменами спортсменах'],
    ['паводок паводка паводку паводком паводке паводки паводков паводкам паводками паводках'],
    ['рынок рынка рынку рынком рынке рынки рынков рынкам'],
    ['отец отца отцу отцом отце отцы отцов'],
    ['ветер ветра ветру ветром ветре ветры ветров'],
    ['посол посла послу послом после послы послов'],
    ['газпром газпрома газпрому газпромом'],
    ['проблема проблемы проблеме проблему проблемой проблем проблемам проблемами'],
    ['ошибка ошибки ошибке ошибку ошибкой ошибок ошибкам ошибками'],
  ])('gives every form one key: %s', (paradigm) => {
    expect(keys(paradigm)).toHaveLength(1);
  });

  it.each([
    ['санкции санкций санкциями', 'санкц'],
    ['снегопад снегопаде', 'снегопад'],
    ['спортсменам спортсмен', 'спортсм'],
    ['паводок паводков', 'паводк'],
  ])('keeps Snowball where it was right: %s -> %s', (words, key) => {
    expect(keys(words)).toEqual([key]);
  });

  it.each([
    ['море', 'мера'],
    ['дом', 'дым'],
    ['зачем', 'зачитывая'],
    ['могиле', 'мог'],
    ['насилием', 'нас'],
  ])('keeps %s and %s apart (short keys are left as Snowball gives them)', (a, b) => {
    expect(russian.stem(a)).not.toBe(russian.stem(b));
  });
});
