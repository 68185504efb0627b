// Turns a reporting clause into an attribution: surnames to full names, pronouns and roles to people.
import type { SpeakerFound } from '../../../contract/model.js';
import { DEFINITE_DETERMINERS, DOCUMENT_NOUNS, ORGANISATION_NOUNS, PERSONAL_DOCUMENT_NOUNS, PERSONAL_PRONOUNS } from '../quote-lexicon.js';
import { caseAfter, caseOfSurname, nominativeName } from '../russian-names.js';
import type { SpeakerPhrase } from '../speaker-phrase/speaker-phrase.js';
import { isOutletName, lower } from '../speaker-phrase/word-classes.js';
import type { Attribution, AttributionContext, PreviousQuote, QuoteSite, ReportingClause } from './attribution.js';

/** English abstract nouns by their suffix ("relationship", "situation", "agreement"): never a speaker. */
const ABSTRACT_NOUN = /(?:ship|tion|sion|ness|ity|ism|ance|ence)s?$/;

/** Who an attribution names: everything but how it was found. */
type Speaker = Pick<Attribution, 'speaker' | 'description' | 'mention' | 'personal' | 'person'>;

/** No one: the clause names no speaker that can be resolved. */
const NOBODY: Speaker = { speaker: null, description: null, mention: null, personal: false, person: null };

/** How a phrase of this kind finds its speaker. */
const FOUND_BY: Record<SpeakerPhrase['kind'], SpeakerFound> = { name: 'name', pronoun: 'pronoun', role: 'description' };

/** Turns a clause into an attribution: surnames to full names, pronouns and roles to people. */
export function resolveClause(
  context: AttributionContext,
  clause: ReportingClause,
  distance: number | null,
  rule: Attribution['rule'],
  previous: PreviousQuote | null,
  site: QuoteSite,
): Attribution {
  const { people, tokens } = context;
  const { phrase, verb } = clause;
  // Built field by field in one literal: spreading a shared base into each outcome's literal cost a
  // tenth of extraction's time in V8.
  const attributed = (who: Speaker, learned: Attribution['learned'] = null, found: SpeakerFound = phrase === null ? 'carried' : FOUND_BY[phrase.kind]): Attribution => ({
    speaker: who.speaker,
    description: who.description,
    verb,
    mention: who.mention,
    personal: who.personal,
    found: who.speaker === null ? null : found,
    distance,
    rule,
    learned,
    person: who.person,
  });
  const inherited = previous?.attribution;
  if (phrase === null) {
    // `"...," later adding: "..."`: the verb without a subject continues the previous speaker.
    return attributed(inherited?.speaker != null ? inherited : NOBODY);
  }
  switch (phrase.kind) {
    case 'name': {
      // `«...», сообщает Лента.ру`: the outlet relays the words; it did not say them.
      if (phrase.text.split(' ').some(isOutletName)) return attributed(NOBODY);
      const person = phrase.personLike || phrase.words.length === 1 ? people.fullName(phrase.words, phrase.mention.start) : null;
      const description = phrase.description ?? person?.description ?? null;
      const learned = person === null ? null : { person, gender: null, description: phrase.description };
      // "по словам Соколовой": a name the article gives only in another case is shown in the nominative.
      const governed = caseAfter([lower(tokens[phrase.firstToken - 2]), lower(tokens[phrase.firstToken - 1])]);
      const written = governed === null ? phrase.text : nominativeName(phrase.text, governed);
      // A person the article names only in this oblique form ("цитирует «Взгляд» Дмитрия Медведева") is
      // shown as the clause reads them, in the nominative.
      const asWritten = person !== null && person.name === context.body.slice(phrase.mention.start, phrase.mention.end);
      const speaker = person === null || (asWritten && written !== person.name) ? written : inNominative(person.name, written);
      return attributed({ speaker, description, mention: phrase.mention, personal: person !== null || phrase.personLike, person }, learned);
    }
    case 'pronoun': {
      if (PERSONAL_PRONOUNS.has(phrase.text)) {
        const first = tokens[site.startToken];
        const last = tokens[site.endToken - 1];
        const quote = first === undefined || last === undefined ? null : { start: first.start, end: last.end };
        const said = inherited?.person != null && inherited.mention !== null ? { person: inherited.person, at: inherited.mention.start } : null;
        const person = people.antecedent(phrase.mention.start, phrase.gender, { quote, previous: said });
        if (person === null) return attributed(NOBODY);
        // Remember the gender, so that a later "she" does not pick the man this "he" meant.
        const learned = { person, gender: phrase.gender, description: null };
        return attributed({ speaker: person.name, description: person.description, mention: phrase.mention, personal: true, person }, learned);
      }
      // "it added", "they said": the organisation or group quoted just before, never a person.
      if (inherited?.speaker != null && !inherited.personal && (phrase.text === 'it' || phrase.text === 'they')) {
        return attributed({ speaker: inherited.speaker, description: inherited.description, mention: phrase.mention, personal: false, person: inherited.person }, null, 'carried');
      }
      return attributed(NOBODY);
    }
    case 'role': {
      // "the work relationship continued": an abstract noun is no one.
      if (phrase.head !== null && ABSTRACT_NOUN.test(phrase.head) && !DOCUMENT_NOUNS.has(phrase.head) && !ORGANISATION_NOUNS.has(phrase.head)) return attributed(NOBODY);
      // "added the statement": the statement just quoted; "a message stating" is a new one.
      const definite = DEFINITE_DETERMINERS.has(phrase.text.split(' ')[0]?.toLowerCase() ?? '');
      const ownDocument = phrase.head !== null && (PERSONAL_DOCUMENT_NOUNS.has(phrase.head) || (DOCUMENT_NOUNS.has(phrase.head) && inherited?.personal === false));
      if (ownDocument && definite && inherited?.speaker != null) {
        return attributed({ speaker: inherited.speaker, description: inherited.description, mention: phrase.mention, personal: inherited.personal, person: inherited.person }, null, 'carried');
      }
      const person = phrase.head === null ? null : people.byRole(phrase.head, phrase.mention.start);
      if (person !== null) return attributed({ speaker: person.name, description: person.description, mention: phrase.mention, personal: true, person });
      return attributed({ speaker: phrase.text, description: null, mention: phrase.mention, personal: false, person: null });
    }
  }
}

/**
 * A person's name as the article last declined it ("Максом Шремсом"), put back in the nominative when
 * the name as this clause reads it ends in the nominative surname ("Шремс"); else as it is.
 */
function inNominative(name: string, nominative: string): string {
  const nameCase = caseOfSurname(name.slice(name.lastIndexOf(' ') + 1), nominative.slice(nominative.lastIndexOf(' ') + 1));
  return nameCase === null ? name : nominativeName(name, nameCase);
}
