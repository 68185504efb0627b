// The archive's people as an engine knows them: each speaker id with the folded forms of its name, so that
// `speaker:` and the quote list's speaker option match a person by name or alias (issue 16).
import { foldWords } from '../quotes/people/speaker-form.js';

/** Per speaker, its id, display name and every form of its name the archive used (name first). */
export interface PersonNames {
  id: string;
  names: string[];
}

/** The people an engine serves, looked up by a filter's value. */
export interface PeopleTable {
  people: readonly PersonNames[];
  /** The display name of each id. */
  nameOf: ReadonlyMap<string, string>;
  /** Folded form (words joined by a space) to the ids with that name or alias. */
  byForm: ReadonlyMap<string, readonly string[]>;
}

/** Indexes `people` for `speakersNamed`. */
export function makePeopleTable(people: readonly PersonNames[]): PeopleTable {
  const byForm = new Map<string, string[]>();
  const nameOf = new Map<string, string>();
  for (const person of people) {
    nameOf.set(person.id, person.names[0] ?? person.id);
    for (const name of person.names) {
      const form = formOf(name);
      const ids = byForm.get(form);
      if (ids === undefined) byForm.set(form, [person.id]);
      else if (!ids.includes(person.id)) ids.push(person.id);
    }
  }
  return { people, nameOf, byForm };
}

/** A name as filters compare it: folded words, a leading "the" dropped ("The prime minister" = "prime minister"). */
function formOf(name: string): string {
  const words = foldWords(name);
  return (words[0] === 'the' ? words.slice(1) : words).join(' ');
}

/**
 * The speakers a filter's value names: those called exactly that (name or alias, case and accents aside);
 * when nobody is, those whose name or an alias holds its words in a row ("blair" finds Tony Blair and Ian
 * Blair, not "Mr Blair's spokesman", whose word is "blair's").
 */
export function speakersNamed(table: PeopleTable, value: string): Set<string> {
  const form = formOf(value);
  const exact = table.byForm.get(form);
  if (exact !== undefined) return new Set(exact);
  const ids = new Set<string>();
  if (form === '') return ids;
  const padded = ` ${form} `;
  for (const [name, owners] of table.byForm) if (` ${name} `.includes(padded)) for (const id of owners) ids.add(id);
  return ids;
}
