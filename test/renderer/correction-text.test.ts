// Unit tests of the corrections UI's words (issue 16): each kind of correction in one line, and which person
// a typed name means (one, or none rather than a guess).

import { describe, expect, it } from 'vitest';
import type { CorrectionChange, Speaker } from '../../main/contract/api.js';
import { describeCorrection, newestFirst, speakerNamed } from '../../renderer/correction-text.js';

const person = (id: string, name: string, aliases: string[] = []): Speaker => ({
  id,
  name,
  aliases,
  roles: [],
  kind: 'person',
  quotes: 1,
  articles: 1,
  first: null,
  last: null,
});

const names: Record<string, string> = { tb: 'Tony Blair', gb: 'Gordon Brown' };
const nameOf = (id: string): string => names[id] ?? id;

describe('describeCorrection', () => {
  it.each<[CorrectionChange, string]>([
    [{ type: 'speaker', quoteId: 'a:1', quoteText: 'We will  win', speakerId: 'gb', speakerName: 'Gordon Brown' }, '“We will win” was said by Gordon Brown'],
    [{ type: 'not-quote', quoteId: 'a:2', quoteText: 'Hello' }, '“Hello” is not a quotation'],
    [{ type: 'merge', into: 'tb', from: 'x9' }, 'x9 is the same as Tony Blair'],
    [{ type: 'split', speakerId: 'tb', alias: 'Blair' }, '“Blair” is not Tony Blair'],
  ])('says %j as %j', (change, text) => {
    expect(describeCorrection(change, nameOf)).toBe(text);
  });

  it('shortens a long quotation', () => {
    const text = describeCorrection({ type: 'not-quote', quoteId: 'a', quoteText: 'word '.repeat(40) }, nameOf);
    expect(text).toMatch(/^“(word ){11}word…” is not a quotation$/);
  });
});

describe('newestFirst', () => {
  it('reverses the oldest-first list, leaving it as it was', () => {
    const list = [{ id: '1', made: '2026-01-01T00:00:00Z', change: { type: 'merge', into: 'a', from: 'b' } as const }, { id: '2', made: '2026-01-02T00:00:00Z', change: { type: 'merge', into: 'a', from: 'c' } as const }];
    expect(newestFirst(list).map((c) => c.id)).toEqual(['2', '1']);
    expect(list.map((c) => c.id)).toEqual(['1', '2']);
  });
});

describe('speakerNamed', () => {
  const speakers = [person('tb', 'Tony Blair', ['Blair', 'the prime minister']), person('ib', 'Ian Blair', ['Sir Ian Blair']), person('gb', 'Gordon Brown', ['Brown']), person('gb2', 'Gordon Brown')];
  it.each<[string, string | null]>([
    ['tony blair', 'tb'],
    ['  Tony   Blair ', 'tb'],
    ['The Prime Minister', 'tb'],
    ['Sir Ian Blair', 'ib'],
    ['Gordon Brown', null],
    ['Brown', 'gb'],
    ['Jane Doe', null],
    ['', null],
  ])('takes %j for %j', (name, id) => {
    expect(speakerNamed(name, speakers)?.id ?? null).toBe(id);
  });
});
