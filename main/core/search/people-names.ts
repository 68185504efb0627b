// The archive's people as an engine knows them: each speaker id with the folded forms of its name, so that
// `speaker:` and the quote list's speaker option match a person by name or alias (issue 16).
import { foldWords, readSpeakerForm } from '../quotes/people/speaker-form.js';

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
  /** The forms of the names, made at the first speaker filter (see `formsOf`). */
  forms: NameForms | null;
}

/** The folded forms of the people's names, for matching a filter's value. */
interface NameForms {
  /** Folded form (words joined by a space) to the ids with that name or alias. */
  byForm: ReadonlyMap<string, readonly string[]>;
  /** Each form with the names and aliases written so. */
  written: ReadonlyMap<string, readonly string[]>;
  /**
   * Whether a form is a name ("Tony Blair", not "a spokesman for Tony Blair"): a filter may name part of it.
   * Read when a filter's words are first found in the form: reading every form took 70 ms at 50x BBC.
   */
  isName: Map<string, boolean>;
}

/**
 * Indexes `people` for `speakersNamed`: their display names now, the forms of their names at the first
 * speaker filter (folding and reading every name took 40 ms of a one-shot search at BBC's size, issue 19).
 */
export function makePeopleTable(people: readonly PersonNames[]): PeopleTable {
  const nameOf = new Map<string, string>();
  for (const person of people) nameOf.set(person.id, person.names[0] ?? person.id);
  return { people, nameOf, forms: null };
}

/** Makes the forms of `table`'s people's names now, ahead of the first speaker filter. */
export function indexNames(table: PeopleTable): void {
  formsOf(table);
}

/** The forms of the names of `table`'s people, made once. */
function formsOf(table: PeopleTable): NameForms {
  if (table.forms !== null) return table.forms;
  const byForm = new Map<string, string[]>();
  const written = new Map<string, string[]>();
  for (const person of table.people) {
    for (const name of person.names) {
      const form = formOf(name);
      const ids = byForm.get(form);
      if (ids === undefined) byForm.set(form, [person.id]);
      else if (!ids.includes(person.id)) ids.push(person.id);
      const names = written.get(form);
      if (names === undefined) written.set(form, [name]);
      else names.push(name);
    }
  }
  table.forms = { byForm, written, isName: new Map() };
  return table.forms;
}

/** Whether one of the names written as `form` is a name (see `NameForms.isName`). */
function isNameForm(forms: NameForms, form: string): boolean {
  let known = forms.isName.get(form);
  if (known === undefined) {
    known = (forms.written.get(form) ?? []).some((name) => readSpeakerForm(name, null).type === 'name');
    forms.isName.set(form, known);
  }
  return known;
}

/** A name as filters compare it: folded words, a leading "the" dropped ("The prime minister" = "prime minister"). */
function formOf(name: string): string {
  const words = foldWords(name);
  return (words[0] === 'the' ? words.slice(1) : words).join(' ');
}

/**
 * The speakers a filter's value names: those called exactly that (name or alias, case and accents aside),
 * and those whose name, or a name-form alias, holds its words in a row. "tony blair" finds Tony Blair;
 * "blair" finds Tony Blair, Ian Blair and a "Blair" the archive could not tell apart; neither finds "Mr
 * Blair's spokesman" or "a spokesman for Tony Blair", which are someone else speaking.
 */
export function speakersNamed(table: PeopleTable, value: string): Set<string> {
  const forms = formsOf(table);
  const form = formOf(value);
  const ids = new Set<string>(forms.byForm.get(form) ?? []);
  if (form === '') return ids;
  const padded = ` ${form} `;
  for (const [name, named] of forms.byForm) if (` ${name} `.includes(padded) && isNameForm(forms, name)) for (const id of named) ids.add(id);
  return ids;
}
