// The reporting clause around a quotation, found on short sentences: after it (`," said Redfield`), before
// it (`Ruiz said: "`), signatures, "according to", who was told, and quoting outlets.
import { describe, expect, it } from 'vitest';
import type { AttributionContext } from '../../../../main/core/quotes/attribution/attribution.js';
import { findClauseAfter } from '../../../../main/core/quotes/attribution/find-clause-after.js';
import { findClauseBefore } from '../../../../main/core/quotes/attribution/find-clause-before.js';
import { indexPeople } from '../../../../main/core/quotes/people/index-people.js';
import { endsSentence, splitParagraphs, tokenizeBody } from '../../../../main/core/quotes/tokenize-body.js';

function contextOf(body: string): AttributionContext {
  const tokens = tokenizeBody(body, splitParagraphs(body));
  return { body, tokens, people: indexPeople(body, tokens, new Uint8Array(tokens.length)), stops: new Uint8Array(tokens.length) };
}

/** The clause after the body's first quotation, read to the end of its sentence. */
function clauseAfterQuote(body: string) {
  const context = contextOf(body);
  const { tokens } = context;
  const from = tokens.findIndex((token, i) => i > 0 && token.kind === 'mark') + 1;
  let end = from;
  while (end < tokens.length && !endsSentence(tokens, end)) end++;
  const clause = findClauseAfter(context, from, end);
  return clause === null ? null : { speaker: clause.phrase?.text ?? null, kind: clause.phrase?.kind ?? null, verb: clause.verb };
}

/** The clause before the body's first quotation, from the start of the body. */
function clauseBeforeQuote(body: string) {
  const context = contextOf(body);
  const open = context.tokens.findIndex((token) => token.kind === 'mark');
  const found = findClauseBefore(context, 0, open);
  return found === null ? null : { speaker: found.clause.phrase?.text ?? null, verb: found.clause.verb, distance: found.distance };
}

describe('findClauseAfter', () => {
  it.each([
    ['"We will rebuild," the mayor said.', 'the mayor', 'role', 'said'],
    ['"We will rebuild," said Redfield.', 'Redfield', 'name', 'said'],
    ['"We will rebuild," she said.', 'she', 'pronoun', 'said'],
    ['"We will rebuild," it added.', 'it', 'pronoun', 'added'],
    ['"We will rebuild," Leslie told the conference.', 'Leslie', 'name', 'told'],
    ['"We will rebuild," Rep. Charles Rangel of New York told the L.A. Times.', 'Charles Rangel', 'name', 'told'],
    ['"We will rebuild," University of the Fraser Valley political scientist Hamish Telford said.', 'Hamish Telford', 'name', 'said'],
    ['"We will rebuild," according to the Sydney Morning Herald.', 'Sydney Morning Herald', 'name', null],
    ['"We will rebuild" ― Justin Trudeau', 'Justin Trudeau', 'name', null],
    ['"We will rebuild" ― Justin Trudeau, Prime Minister of Canada', 'Justin Trudeau', 'name', null],
    ['«Мы всё восстановим», — сказал он.', 'он', 'pronoun', 'сказал'],
    ['«Мы всё восстановим», — заявил мэр Москвы Сергей Собянин.', 'Сергей Собянин', 'name', 'заявил'],
    // The outlet that quotes is passed over; the person quoted is put in the nominative.
    ['«Мы всё восстановим», — цитирует «Взгляд» Дмитрия Медведева.', 'Дмитрий Медведев', 'name', 'цитирует'],
    ['«Мы всё восстановим», — цитирует РБК Морозова.', 'Морозов', 'name', 'цитирует'],
  ])('attributes %s to %s (%s, verb %s)', (body, speaker, kind, verb) => {
    expect(clauseAfterQuote(body)).toEqual({ speaker, kind, verb });
  });

  it.each([
    // After "told" comes who was told, never who spoke.
    ['"We will rebuild," told HuffPost Canada.'],
    // A passive verb names no speaker before it.
    ['"We will rebuild," has been commented on by experts.'],
    // A verb followed by words no speaker could be read from is no one's.
    ['«Мы всё восстановим», — сказал премьер-министр турции реджеп тайип эрдоган.'],
  ])('finds no clause in %s', (body) => {
    expect(clauseAfterQuote(body)).toBeNull();
  });
});

describe('findClauseBefore', () => {
  it.each([
    ['Ruiz said: "We will rebuild."', 'Ruiz', 'said', 0],
    ['Stern said, "We will rebuild."', 'Stern', 'said', 0],
    ['Brown responded by saying that "we will rebuild."', 'Brown', 'saying', 0],
    ['Mr. Tedeschi also told the court that, over the years, "we will rebuild."', 'Tedeschi', 'told', 5],
    ['According to the mayor, "we will rebuild."', 'the mayor', null, 0],
    ['По словам Анны Соколовой, «мы всё восстановим».', 'Анны Соколовой', null, 0],
    ['Как сообщил А. Кудрин, «мы всё восстановим».', 'А. Кудрин', 'сообщил', 2],
    // A person's name and a colon, as in a transcript; a person who is the subject of a sentence a colon ends.
    ['Hillary Clinton: "We will rebuild."', 'Hillary Clinton', null, 0],
    ['Justin Trudeau delivered a blunt message: "We will rebuild."', 'Justin Trudeau', null, 0],
  ])('attributes %s to %s (verb %s, %i words away)', (body, speaker, verb, distance) => {
    expect(clauseBeforeQuote(body)).toEqual({ speaker, verb, distance });
  });

  it.each([
    // A quoted object of a preposition is a title, not speech.
    ['He says on "The Internet Explorer 6 Countdown" that it works.'],
    // A lone surname and a colon is no transcript until the article names the person in full.
    ['Clinton: "We will rebuild."'],
  ])('finds no clause in %s', (body) => {
    expect(clauseBeforeQuote(body)).toBeNull();
  });
});
