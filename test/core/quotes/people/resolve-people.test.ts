// People across an archive (issue 16): which quotes' speakers are one person, which stay apart, the ids they
// get, and the user's corrections.
import { describe, expect, it } from 'vitest';
import type { SpeakerFound } from '../../../../main/contract/model.js';
import { resolvePeople, type SpeakerMention } from '../../../../main/core/quotes/people/resolve-people.js';

/** A quote's speaker in article `articleId`: `[speaker, description?, found?, date?, source?]`. */
type Row = [articleId: string, speaker: string | null, description?: string | null, found?: SpeakerFound | null, date?: string | null, source?: string | null];

function mentionsOf(rows: readonly Row[]): SpeakerMention[] {
  return rows.map(([articleId, speaker, description = null, found = speaker === null ? null : 'name', date = null, source = null], i) => ({
    articleId,
    quoteId: `${articleId}:${i}`,
    speaker,
    description,
    speakerFound: found,
    date,
    source,
    language: null,
  }));
}

/** The id each row's quote gets. */
function idsOf(rows: readonly Row[]): (string | null)[] {
  return resolvePeople(mentionsOf(rows)).speakerIds;
}

describe('resolvePeople', () => {
  it.each<[string, Row[], (string | null)[]]>([
    ['a full name is one person in every article', [['a', 'Tony Blair'], ['b', 'Tony Blair']], ['tony-blair', 'tony-blair']],
    ['titles and initials aside', [['a', 'Mr Tony Blair'], ['b', 'George W Bush'], ['c', 'George Bush']], ['tony-blair', 'george-bush', 'george-bush']],
    ['a bare surname joins the one full name with it', [['a', 'Michael Howard'], ['b', 'Howard']], ['michael-howard', 'michael-howard']],
    ['a bare surname with two full names stays apart', [['a', 'Tony Blair'], ['b', 'Ian Blair'], ['c', 'Blair']], ['tony-blair', 'ian-blair', 'blair']],
    ['but joins the one quoted in its own article', [['a', 'Tony Blair'], ['b', 'Ian Blair'], ['b', 'Blair']], ['tony-blair', 'ian-blair', 'ian-blair']],
    [
      'or the one of its source',
      [['a', 'Tony Blair', null, 'name', null, 'BBC'], ['b', 'Ian Blair', null, 'name', null, 'Met Gazette'], ['c', 'Blair', null, 'name', null, 'BBC']],
      ['tony-blair', 'ian-blair', 'tony-blair'],
    ],
    [
      'or the one of its period',
      [['a', 'Tony Blair', null, 'name', '2005-01-10'], ['b', 'Ian Blair', null, 'name', '2015-06-01'], ['c', 'Blair', null, 'name', '2005-03-01']],
      ['tony-blair', 'ian-blair', 'tony-blair'],
    ],
    ["a possessive is never the person it names", [['a', 'Tony Blair'], ['a', "Mr Blair's spokesman", null, 'description']], ['tony-blair', 'mr-blairs-spokesman']],
    [
      'a role noun is the person its article describes with the role',
      [['a', 'Tony Blair', 'Prime Minister'], ['a', 'Michael Howard', 'Tory leader'], ['a', 'the prime minister', null, 'description'], ['a', 'the Conservative leader', null, 'description']],
      ['tony-blair', 'michael-howard', 'tony-blair', 'michael-howard'],
    ],
    [
      'or the person quoted there whom the archive describes with it',
      [['a', 'Gordon Brown', 'UK Chancellor'], ['b', 'Gordon Brown'], ['b', 'Oliver Letwin'], ['b', 'the chancellor', null, 'description']],
      ['gordon-brown', 'gordon-brown', 'oliver-letwin', 'gordon-brown'],
    ],
    [
      'but not a qualified office: the shadow chancellor is not the chancellor',
      [['a', 'Oliver Letwin', 'Shadow Chancellor'], ['a', 'the chancellor', null, 'description']],
      ['oliver-letwin', 'chancellor-a'],
    ],
    ['a role nobody quoted holds stays a speaker of its own', [['a', 'Tony Blair'], ['a', 'the prime minister', null, 'description']], ['tony-blair', 'prime-minister-a']],
    ['a bare role such as "the spokesman" is nobody in particular', [['a', 'Jan Ruiz', 'spokesman'], ['a', 'the spokesman', null, 'description']], ['jan-ruiz', 'spokesman-a']],
    [
      'an unresolved role is someone of its own article only',
      [['a1', 'the company', null, 'description'], ['a1', 'The company', null, 'description'], ['b2', 'the company', null, 'description']],
      ['company-a1', 'company-a1', 'company-b2'],
    ],
    ['Russian names in any case are one person', [['a', 'Владимир Путин'], ['b', 'Путина'], ['c', 'Путину']], ['владимир-путин', 'владимир-путин', 'владимир-путин']],
    [
      'a Russian role noun finds its holder',
      [['a', 'Михаил Мишустин', 'глава правительства'], ['a', 'глава правительства', null, 'description']],
      ['михаил-мишустин', 'михаил-мишустин'],
    ],
    ['no speaker, no id', [['a', null], ['a', 'Tony Blair']], [null, 'tony-blair']],
  ])('%s', (_name, rows, ids) => {
    expect(idsOf(rows)).toEqual(ids);
  });

  it('names a person by the fullest form, with every other form as an alias, roles with dates, and counts', () => {
    const { speakers } = resolvePeople(
      mentionsOf([
        ['a', 'Tony Blair', 'Prime Minister', 'name', '2005-02-01'],
        ['a', 'the prime minister', null, 'description', '2005-02-01'],
        ['b', 'Tony Blair', 'Prime Minister', 'pronoun', '2005-04-03'],
        ['c', 'Blair', null, 'name', '2005-03-01'],
      ]),
    );
    expect(speakers).toEqual([
      {
        id: 'tony-blair',
        name: 'Tony Blair',
        aliases: ['Blair', 'the prime minister'],
        roles: [{ role: 'Prime Minister', first: '2005-02-01', last: '2005-04-03' }],
        kind: 'person',
        quotes: 4,
        articles: 3,
        first: '2005-02-01',
        last: '2005-04-03',
      },
    ]);
  });

  it('keeps organisations apart from people, as organisations', () => {
    const { speakers } = resolvePeople(mentionsOf([['a', 'the ministry', null, 'description'], ['b', 'Bank of England'], ['c', 'Mervyn King']]));
    expect(Object.fromEntries(speakers.map((s) => [s.name, s.kind]))).toEqual({ 'the ministry': 'organisation', 'Bank of England': 'organisation', 'Mervyn King': 'person' });
  });

  it('gives the same ids whatever the order of the mentions', () => {
    const rows: Row[] = [['a', 'Chancellor'], ['b', 'the chancellor', null, 'description'], ['c', 'Gordon Brown'], ['d', 'Brown']];
    const forward = resolvePeople(mentionsOf(rows));
    const backward = resolvePeople(mentionsOf([...rows].reverse()));
    expect([...backward.speakerIds].reverse()).toEqual(forward.speakerIds);
    expect(new Set(forward.speakerIds).size).toBe(3);
  });

  it("lets a quote's corrected speaker win, and applies splits, then merges", () => {
    const mentions = mentionsOf([['a', 'Tony Blair'], ['b', 'Blair'], ['c', 'Ian Blair'], ['d', 'Tony Blair']]);
    const corrected = mentions.map((m, i) => (i === 3 ? { ...m, speakerId: 'ian-blair' } : m));
    expect(resolvePeople(corrected).speakerIds).toEqual(['tony-blair', 'blair', 'ian-blair', 'ian-blair']);
    const split = resolvePeople(mentionsOf([['a', 'Tony Blair'], ['a', 'Blair']]), { merges: [], splits: [{ speakerId: 'tony-blair', alias: 'Blair' }] });
    expect(split.speakerIds).toEqual(['tony-blair', 'blair']);
    const merged = resolvePeople(mentions, { merges: [{ into: 'tony-blair', from: 'blair' }], splits: [] });
    expect(merged.speakerIds).toEqual(['tony-blair', 'tony-blair', 'ian-blair', 'tony-blair']);
    expect(merged.speakers.find((s) => s.id === 'tony-blair')?.aliases).toEqual(['Blair']);
  });
});
