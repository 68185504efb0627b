// The archive's people as they cross threads and are saved (engine/people-wire.ts): each shard's clusters a
// line each, read back only when a quote of the cluster is shown, and the same as those resolved.
import { describe, expect, it } from 'vitest';
import { readPeopleList, resolveMentionLists } from '../../../main/core/engine/people-wire.js';
import type { SpeakerMention } from '../../../main/core/quotes/people/resolve-people.js';
import { clusterQuotations, quotationWords } from '../../../main/core/verify/quote-clusters.js';

const mention = (quoteId: string, speaker: string | null, date: string | null, source: string | null): SpeakerMention => ({
  articleId: quoteId.split(':')[0] ?? quoteId,
  quoteId,
  speaker,
  description: null,
  speakerFound: speaker === null ? null : 'name',
  date,
  source,
  language: 'en',
});

describe('people lists on the wire', () => {
  it('give back every quote\'s speaker id and cluster, one object per cluster, from two shards resolved together', () => {
    const rebuild = 'We will rebuild the harbour wall this year.';
    const shards: { mention: SpeakerMention; text: string }[][] = [
      [
        { mention: mention('a:0', 'Jane Doe', '2024-03-02', 'Harbour "Gazette"\nweekly'), text: rebuild },
        { mention: mention('a:1', 'Jane Doe', '2024-03-02', null), text: 'Seven words are not enough here, friends.' },
        { mention: mention('b:0', null, null, null), text: '“We will REBUILD the harbour-wall this year”' },
      ],
      [
        { mention: mention('c:0', 'John Roe', '2024-03-05', 'Island Post'), text: 'We will rebuild the harbour wall this year' },
        { mention: mention('c:1', 'John Roe', '2024-03-05', 'Island Post'), text: 'Nothing like the others at all, not one bit of it.' },
      ],
    ];
    const lists = shards.map((list) => JSON.stringify(list.map((q) => q.mention)));
    const quotations = shards.map((list) => JSON.stringify(list.map((q) => quotationWords({ kind: 'direct', text: q.text }))));
    const resolved = resolveMentionLists(lists, quotations, { merges: [], splits: [] });
    // Let go once parsed: the resolving engine makes the people in their place.
    expect([...lists, ...quotations].every((text) => text === '')).toBe(true);
    const expected = clusterQuotations(
      shards.flat().map((q) => ({ quoteId: q.mention.quoteId, articleId: q.mention.articleId, date: q.mention.date, source: q.mention.source, words: quotationWords({ kind: 'direct', text: q.text }) })),
    );
    expect(expected.filter((c) => c !== null)).toHaveLength(3);

    const read = shards.map((_, i) => readPeopleList(resolved.speakerIds[i] ?? '', resolved.clusters[i] ?? ''));
    expect(read.map((list) => list.clusters.length)).toEqual([3, 2]);
    const clusters = read.flatMap((list) => Array.from({ length: list.clusters.length }, (_, j) => list.clusters.at(j)));
    expect(clusters).toEqual(expected);
    // Read from the bytes a people file holds (a source with a line break and quotation marks among them): the same.
    const fromBytes = shards.map((_, i) => readPeopleList(resolved.speakerIds[i] ?? '', Buffer.from(resolved.clusters[i] ?? '', 'utf8')));
    expect(fromBytes.flatMap((list) => Array.from({ length: list.clusters.length }, (_, j) => list.clusters.at(j)))).toEqual(expected);
    // Quotes of one cluster share its object, within a shard (as they did when the whole table was parsed).
    expect(read[0]?.clusters.at(0)).toBe(read[0]?.clusters.at(2));
    const ids = read.flatMap((list) => Array.from({ length: list.speakerIds.length }, (_, j) => list.speakerIds.at(j)));
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).toBeNull();
    expect(ids[3]).toBe(ids[4]);
    expect(ids[0]).not.toBe(ids[3]);
  });

  it('refuse a list whose places are not places in its table, and read a line that is not a cluster as none', () => {
    expect(() => readPeopleList('{"table":[],"of":[]}', '{}')).toThrow(/not a cluster list/);
    expect(() => readPeopleList('{"table":[],"of":[]}', '[0]')).toThrow(/not a cluster list/);
    expect(() => readPeopleList('{"table":[],"of":[]}', Buffer.from('[0]'))).toThrow(/not a cluster list/);
    const bytes = readPeopleList('{"table":[],"of":[-1,-1,-1]}', Buffer.from('[-1,1,0]\n["c1",2,"a",null,null]\n["c2",3,"b","2024-01-01","Ü Post"]'));
    expect([bytes.clusters.at(0), bytes.clusters.at(1)?.clusterId, bytes.clusters.at(1)?.cluster.first.source, bytes.clusters.at(2)?.clusterId]).toEqual([null, 'c2', 'Ü Post', 'c1']);
    // A last line ended by a line break: one more (empty) line, as the text's own split makes it.
    expect(readPeopleList('{"table":[],"of":[-1]}', Buffer.from('[1]\n["c1",2,"a",null,"Ü"]\n')).clusters.at(0)).toBeNull();
    const list = readPeopleList('{"table":[],"of":[-1,-1]}', '[0,-1]\n{"clusterId":1}');
    expect(list.clusters.at(0)).toBeNull();
    expect(list.clusters.at(1)).toBeNull();
  });
});
