// The corrections the person resolution takes: speakers merged into one person, and forms of a name split off.

import type { Correction } from '../../contract/model.js';

/**
 * Merges and splits, oldest first: the shape of `PeopleCorrections` in r16-people's resolve-people.ts, which
 * the library hands to the person resolution (library/archive-corrections.ts).
 */
export interface PeopleCorrections {
  merges: { into: string; from: string }[];
  splits: { speakerId: string; alias: string }[];
}

/** The merges and splits of `corrections`, oldest first. */
export function peopleCorrectionsOf(corrections: readonly Correction[]): PeopleCorrections {
  const result: PeopleCorrections = { merges: [], splits: [] };
  for (const { change } of corrections) {
    if (change.type === 'merge') result.merges.push({ into: change.into, from: change.from });
    else if (change.type === 'split') result.splits.push({ speakerId: change.speakerId, alias: change.alias });
  }
  return result;
}
