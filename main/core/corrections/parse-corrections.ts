// The corrections file's format and the one check of a correction, wherever one comes from: the file next
// to the index cache, a file being imported, or an API request (main/transport/api-handlers.ts).

import type { Correction, CorrectionChange } from '../../contract/model.js';
import { InvalidArgumentError } from '../errors.js';

/** The format's name in every corrections file, and the version this Verbatim writes and reads. */
export const correctionsFormat = 'verbatim-corrections';
export const correctionsVersion = 1;

/** What a corrections file holds (`version` goes up when its meaning changes; a newer one is refused). */
export interface CorrectionsFile {
  format: typeof correctionsFormat;
  version: typeof correctionsVersion;
  corrections: Correction[];
}

/** Longest id, name or quotation a correction may carry, in characters (a quote's text is cut at far less). */
const maxIdLength = 200;
const maxNameLength = 200;
const maxQuoteTextLength = 20_000;
/** More corrections than anyone makes by hand; a file with more is not a corrections file. */
export const maxCorrections = 100_000;

/**
 * The change `value` describes, checked field by field; throws `InvalidArgumentError` naming the field
 * (prefixed with `where`, e.g. "correction 3: ") for anything else, unknown fields included.
 * @example parseCorrectionChange({ type: 'not-quote', quoteId: 'a.txt:2', quoteText: 'We will win' }, '');
 */
export function parseCorrectionChange(value: unknown, where: string): CorrectionChange {
  const r = expectRecord(value, `${where}change`);
  const string = (name: string, max: number): string => expectString(r[name], `${where}change.${name}`, max);
  const fields = (allowed: readonly string[]): void => expectFields(r, allowed, `${where}change: `);
  switch (r.type) {
    case 'speaker': {
      fields(['type', 'quoteId', 'quoteText', 'speakerId', 'speakerName']);
      const speakerId = r.speakerId === null ? null : string('speakerId', maxIdLength);
      const speakerName = string('speakerName', maxNameLength).trim();
      if (speakerName === '') throw new InvalidArgumentError(`${where}change.speakerName must name someone`);
      return { type: 'speaker', quoteId: string('quoteId', maxIdLength), quoteText: string('quoteText', maxQuoteTextLength), speakerId, speakerName };
    }
    case 'not-quote':
      fields(['type', 'quoteId', 'quoteText']);
      return { type: 'not-quote', quoteId: string('quoteId', maxIdLength), quoteText: string('quoteText', maxQuoteTextLength) };
    case 'merge': {
      fields(['type', 'into', 'from']);
      const into = string('into', maxIdLength);
      const from = string('from', maxIdLength);
      if (into === from) throw new InvalidArgumentError(`${where}change: a speaker cannot be merged into itself ("${into.slice(0, 40)}")`);
      return { type: 'merge', into, from };
    }
    case 'split':
      fields(['type', 'speakerId', 'alias']);
      return { type: 'split', speakerId: string('speakerId', maxIdLength), alias: string('alias', maxNameLength) };
    default:
      throw new InvalidArgumentError(`${where}change.type must be one of speaker, not-quote, merge, split`);
  }
}

/** One saved correction (`{ id, made, change }`), checked as `parseCorrectionChange` checks its change; `label` names it in errors. */
export function parseCorrection(value: unknown, label: string): Correction {
  const r = expectRecord(value, label);
  const where = `${label}: `;
  expectFields(r, ['id', 'made', 'change'], where);
  const id = expectString(r.id, `${where}id`, maxIdLength);
  if (id === '') throw new InvalidArgumentError(`${where}id must not be empty`);
  const made = expectString(r.made, `${where}made`, 40);
  if (Number.isNaN(Date.parse(made))) throw new InvalidArgumentError(`${where}made must be an ISO 8601 date-time (got "${made}")`);
  return { id, made, change: parseCorrectionChange(r.change, where) };
}

/**
 * The corrections of a corrections file's text, oldest first. Throws `InvalidArgumentError` saying what is
 * wrong: not JSON, not a corrections file, a newer version than this Verbatim reads, a bad correction (by
 * its number), or one id twice.
 */
export function parseCorrectionsFile(text: string): Correction[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // JSON.parse's own message quotes the text, which a damaged file fills with anything (issue 14).
    throw new InvalidArgumentError('it is not JSON');
  }
  const r = expectRecord(value, 'the file');
  if (r.format !== correctionsFormat) throw new InvalidArgumentError(`it is not a Verbatim corrections file (no "format": "${correctionsFormat}")`);
  if (typeof r.version !== 'number' || !Number.isInteger(r.version) || r.version < 1) throw new InvalidArgumentError('its "version" is not a version number');
  if (r.version > correctionsVersion) {
    throw new InvalidArgumentError(`it was written by a newer Verbatim (corrections version ${r.version}; this one reads version ${correctionsVersion})`);
  }
  if (!Array.isArray(r.corrections)) throw new InvalidArgumentError('its "corrections" is not a list');
  if (r.corrections.length > maxCorrections) throw new InvalidArgumentError(`it has ${r.corrections.length} corrections; the limit is ${maxCorrections}`);
  const ids = new Set<string>();
  return r.corrections.map((entry: unknown, i) => {
    const correction = parseCorrection(entry, `correction ${i + 1}`);
    if (ids.has(correction.id)) throw new InvalidArgumentError(`correction ${i + 1}: the id "${correction.id.slice(0, 40)}" is used twice`);
    ids.add(correction.id);
    return correction;
  });
}

/** The text of a corrections file holding `corrections`. */
export function formatCorrectionsFile(corrections: readonly Correction[]): string {
  const file: CorrectionsFile = { format: correctionsFormat, version: correctionsVersion, corrections: [...corrections] };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function expectRecord(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidArgumentError(`${name} must be an object`);
  // A plain object only: fields inherited from another prototype would be read without being listed.
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) throw new InvalidArgumentError(`${name} must be a plain object`);
  return value as Record<string, unknown>;
}

function expectFields(r: Record<string, unknown>, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(r)) if (!allowed.includes(key)) throw new InvalidArgumentError(`${where}unknown field "${key.slice(0, 40)}"`);
}

function expectString(value: unknown, name: string, maxLength: number): string {
  if (typeof value !== 'string') throw new InvalidArgumentError(`${name} must be a string`);
  if (value.length > maxLength) throw new InvalidArgumentError(`${name} is ${value.length} characters long; the limit is ${maxLength}`);
  return value;
}
