// The people an article names, looked up as attribution does: a surname or a declined Russian name to the
// full name, a misspelt surname, a role to the person it describes, "she" to the right person.
import { describe, expect, it } from 'vitest';
import { indexPeople } from '../../../../main/core/quotes/people/index-people.js';
import { splitParagraphs, tokenizeBody } from '../../../../main/core/quotes/tokenize-body.js';

function peopleOf(body: string) {
  const tokens = tokenizeBody(body, splitParagraphs(body));
  return indexPeople(body, tokens, new Uint8Array(tokens.length));
}

describe('indexPeople', () => {
  it.each([
    ['Political analyst Kazbek Maigeldinov spoke. Maigeldinov said more.', 'maigeldinov', 'Kazbek Maigeldinov'],
    ['Rep. Charles Rangel spoke. Rep. Rangels said more.', 'rangels', 'Charles Rangel'],
    ['Ms Anna Buchtmann spoke. Ms Bauchtman said more.', 'bauchtman', 'Anna Buchtmann'],
    ['Tijana Martin said it was fine. Martin left.', 'martin', 'Tijana Martin'],
    // Russian names decline; the nominative is shown.
    ['Дмитрий Песков заявил об этом. Позже Пескова спросили.', 'пескова', 'Дмитрий Песков'],
    ['По словам Анны Соколовой, всё хорошо. Соколова сказала это.', 'соколова', 'Анна Соколова'],
    ['Джон Смит сказал. Смиту ответили.', 'смиту', 'Джон Смит'],
    // A lone Russian surname that is a sentence's subject is a person.
    ['Калоев, потерявший семью, заявил это.', 'калоев', 'Калоев'],
  ])('in %s, finds %s as %s', (body, word, name) => {
    expect(peopleOf(body).fullName([word], Number.MAX_SAFE_INTEGER)?.name).toBe(name);
  });

  it('leaves out the name in a photo credit', () => {
    expect(peopleOf('Photo: Tijana Martin / The Canadian Press. Nothing else.').fullName(['martin'], 100)).toBeNull();
  });

  it('keeps the description a name was first given', () => {
    expect(peopleOf('Political analyst Kazbek Maigeldinov spoke.').fullName(['maigeldinov'], 100)?.description).toBe('Political analyst');
  });

  it.each([
    ['analyst', 'Kazbek Maigeldinov'],
    // An adjective of the role describes it too: "mayoral candidate" is the mayor.
    ['mayor', 'Jane Roe'],
    ['pilot', undefined],
  ])('finds "the %s" as %s', (head, name) => {
    const body = 'Political analyst Kazbek Maigeldinov spoke first. Mayoral candidate Jane Roe spoke next. Then the analyst said more.';
    expect(peopleOf(body).byRole(head, body.length)?.name).toBe(name);
  });

  it.each([
    ['f', 'Jane Roe'],
    ['m', 'John Smith'],
  ] as const)('resolves a pronoun of gender %s to %s', (gender, name) => {
    const body = 'Mr John Smith met Mrs Jane Roe on Monday.\n\nShe said it went well.';
    expect(peopleOf(body).antecedent(body.indexOf('She'), gender)?.name).toBe(name);
  });
});
