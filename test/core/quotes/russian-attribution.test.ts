// Who said what in Russian news: reporting clauses after and before the quotation, names in their
// cases, outlets that relay words without saying them (issue 12).
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../main/core/quotes/extract-quotes.js';

const quotationsOf = (body: string) => extractQuotes({ id: 'ru', body }).filter((q) => q.kind !== 'indirect');

describe('Russian attribution', () => {
  it.each([
    ['"как сообщил X" before the quotation', 'Как сообщил А. Кудрин, «мы продолжим работу над бюджетом».', 'А. Кудрин'],
    ['the person an outlet with a web address quotes', '«Мы не ожидали такого решения», - цитирует NEWSru.com Морозова.', 'Морозов'],
    ['no one for an outlet that relays the words', '«Я принял решение об отставке», — сообщает Лента.ру.', null],
    ['the nominative the surname of a later subject tells', 'Мы встретились с Рупертом Мёрдоком в Москве. Тогда он обрушился с критикой. «Инвестиционный климат в России ужасен», — заявил Мёрдок.', 'Руперт Мёрдок'],
    ['not an adverb opening the name', '«Всё будет хорошо», — сказал Далее Герстенмайер.', 'Герстенмайер'],
  ])('%s', (_case, body, speaker) => {
    expect(quotationsOf(body).map((q) => q.speaker)).toEqual([speaker]);
  });

  it('finds the speakers of text written all in lower case, and shows their names capitalised', () => {
    const body = [
      'городской совет в четверг утвердил план ремонта набережной, который обсуждался почти год. работы начнутся весной и продлятся до конца следующего года.',
      '«мы долго искали деньги, и теперь они есть», — сказал мэр москвы сергей собянин в четверг.',
      'депутаты городского совета поддержали план большинством голосов, хотя часть из них требовала пересмотреть смету.',
      '«смета завышена как минимум на треть», — заявил депутат павел орлов журналистам.',
      '«это важный шаг для всего города», — сказал премьер-министр турции реджеп эрдоган.',
    ].join('\n\n');
    // The last speaker's surname has no Russian suffix: no one, rather than the speaker before.
    expect(quotationsOf(body).map((q) => q.speaker)).toEqual(['Сергей Собянин', 'Павел Орлов', null]);
  });

  it('reads an outlet named in guillemets after its verb as the outlet, not a quotation', () => {
    expect(quotationsOf('Москва не спешит заключать соглашение, пока две страны не придут к консенсусу, пишет «Росбалт».')).toEqual([]);
    expect(quotationsOf('В обоих случаях предполагается отмена прямых выборов мэров, отмечают «Ведомости».')).toEqual([]);
  });
});
