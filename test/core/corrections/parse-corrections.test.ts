// The one check of a correction (the corrections file, an import, an API request): every field, with
// messages that name the field, and a file of another format or a newer version refused.
import { describe, expect, it } from 'vitest';
import { correctionsVersion, formatCorrectionsFile, parseCorrectionChange, parseCorrectionsFile } from '../../../main/core/corrections/parse-corrections.js';
import type { Correction } from '../../../main/contract/model.js';

const made = '2026-12-07T10:00:00.000Z';
const corrections: Correction[] = [
  { id: 'a', made, change: { type: 'speaker', quoteId: 'politics/001.txt:3', quoteText: 'We will win', speakerId: null, speakerName: 'Tony Blair' } },
  { id: 'b', made, change: { type: 'not-quote', quoteId: 'politics/002.txt:0', quoteText: 'a disgrace' } },
  { id: 'c', made, change: { type: 'merge', into: 'tony-blair', from: 'blair' } },
  { id: 'd', made, change: { type: 'split', speakerId: 'tony-blair', alias: 'Ian Blair' } },
];

describe('parseCorrectionChange', () => {
  it.each(corrections.map((c) => [c.change.type, c.change] as const))('accepts a %s change as it is', (_type, change) => {
    expect(parseCorrectionChange(structuredClone(change), '')).toEqual(change);
  });

  it.each([
    [null, /change must be an object/],
    [['speaker'], /change must be an object/],
    [{ type: 'rename' }, /change.type must be one of speaker, not-quote, merge, split/],
    [{ type: 'not-quote', quoteId: 'a:1' }, /change.quoteText must be a string/],
    [{ type: 'not-quote', quoteId: 'a:1', quoteText: 'x', extra: 1 }, /change: unknown field "extra"/],
    [{ type: 'speaker', quoteId: 'a:1', quoteText: 'x', speakerId: null, speakerName: '  ' }, /speakerName must name someone/],
    [{ type: 'speaker', quoteId: 'a:1', quoteText: 'x', speakerId: 7, speakerName: 'Ann' }, /change.speakerId must be a string/],
    [{ type: 'speaker', quoteId: 'x'.repeat(201), quoteText: 'x', speakerId: null, speakerName: 'Ann' }, /quoteId is 201 characters long; the limit is 200/],
    [{ type: 'merge', into: 'p1', from: 'p1' }, /cannot be merged into itself/],
    [Object.create({ type: 'merge', into: 'a', from: 'b' }) as unknown, /must be a plain object/],
  ])('refuses %j, saying why', (value, message) => {
    expect(() => parseCorrectionChange(value, '')).toThrow(message);
  });
});

describe('parseCorrectionsFile', () => {
  it('reads back what formatCorrectionsFile wrote', () => {
    expect(parseCorrectionsFile(formatCorrectionsFile(corrections))).toEqual(corrections);
  });

  it.each([
    ['not JSON', '{"format": "verbatim-corrections",', /^it is not JSON$/],
    ['another format', '{"format": "something-else", "version": 1, "corrections": []}', /not a Verbatim corrections file/],
    ['a newer version', `{"format": "verbatim-corrections", "version": ${correctionsVersion + 1}, "corrections": []}`, /written by a newer Verbatim \(corrections version 2; this one reads version 1\)/],
    ['a bad correction', '{"format": "verbatim-corrections", "version": 1, "corrections": [{"id": "x", "made": "yesterday", "change": {}}]}', /^correction 1: made must be an ISO 8601 date-time/],
    ['an id twice', formatCorrectionsFile([corrections[0] as Correction, { ...(corrections[1] as Correction), id: 'a' }]), /^correction 2: the id "a" is used twice/],
  ])('refuses %s, saying why', (_name, text, message) => {
    expect(() => parseCorrectionsFile(text)).toThrow(message);
  });
});
