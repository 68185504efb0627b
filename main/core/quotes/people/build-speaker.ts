// One resolved speaker as the API shows it: the fullest form of the name, the other forms, roles with dates, counts.
import type { Speaker, SpeakerRole } from '../../../contract/model.js';
import type { SpeakerMention } from './resolve-people.js';
import type { SpeakerForm } from './speaker-form.js';

/** Roles listed per speaker, most given first: a person described a hundred ways is still one page. */
const MAX_ROLES = 10;

/**
 * The speaker `id` whose quotes are `indexes` of `mentions`: named by the full name most used (a bare
 * surname or a role only when there is none), every other form an alias; an organisation when most of its forms are.
 */
export function buildSpeaker(id: string, indexes: readonly number[], mentions: readonly SpeakerMention[], forms: readonly (SpeakerForm | null)[]): Speaker {
  const written = new Map<string, { text: string; count: number; words: number; name: boolean }>();
  const roles = new Map<string, SpeakerRole & { count: number }>();
  const articles = new Set<string>();
  let organisations = 0;
  let first: string | null = null;
  let last: string | null = null;
  for (const i of indexes) {
    const mention = mentions[i] as SpeakerMention;
    const form = forms[i] ?? null;
    articles.add(mention.articleId);
    if (form !== null && form.type !== 'other' && form.organisation) organisations += 1;
    const date = mention.date === null ? null : mention.date.slice(0, 10);
    if (date !== null) {
      if (first === null || date < first) first = date;
      if (last === null || date > last) last = date;
    }
    if (mention.speaker !== null) {
      const text = mention.speaker.replace(/\s+/g, ' ').trim();
      const key = text.toLowerCase();
      const entry = written.get(key) ?? { text, count: 0, words: form?.type === 'name' ? form.words.length : 0, name: form?.type === 'name' };
      entry.count += 1;
      written.set(key, entry);
    }
    if (mention.description !== null && mention.description.trim() !== '') {
      const role = mention.description.replace(/\s+/g, ' ').trim();
      const entry = roles.get(role.toLowerCase()) ?? { role, first: null, last: null, count: 0 };
      entry.count += 1;
      if (date !== null) {
        if (entry.first === null || date < entry.first) entry.first = date;
        if (entry.last === null || date > entry.last) entry.last = date;
      }
      roles.set(role.toLowerCase(), entry);
    }
  }
  // A full name before a bare surname, then the form most used ("Elon Musk", not "Billionaire Elon Musk").
  const full = (f: { words: number; name: boolean }): number => Number(f.name) * Math.min(f.words, 2);
  const ranked = [...written.values()].sort((a, b) => full(b) - full(a) || b.count - a.count || b.words - a.words || (a.text < b.text ? -1 : 1));
  const name = ranked[0]?.text ?? id;
  return {
    id,
    name,
    aliases: ranked
      .slice(1)
      .sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : 1))
      .map((f) => f.text),
    roles: [...roles.values()]
      .sort((a, b) => b.count - a.count || (a.role < b.role ? -1 : 1))
      .slice(0, MAX_ROLES)
      .map(({ role, first: from, last: to }) => ({ role, first: from, last: to })),
    kind: organisations * 2 > indexes.length ? 'organisation' : 'person',
    quotes: indexes.length,
    articles: articles.size,
    first,
    last,
  };
}
