// `verbatim speakers`: the people quoted in the archive (or in the articles matching a query), most quoted
// first, as text or as one JSON document (issue 16).

import type { SpeakersReply } from '../contract/api.js';
import type { Speaker } from '../contract/model.js';
import type { Library } from '../core/library.js';
import { terminalText } from './terminal-text.js';

/** A speaker as `verbatim speakers --json` lists it. */
export function speakerJson(s: Speaker): Record<string, unknown> {
  return { id: s.id, name: s.name, aliases: s.aliases, roles: s.roles, kind: s.kind, quotes: s.quotes, articles: s.articles, first: s.first, last: s.last };
}

/** Lists the speakers of `library` (of the articles matching `query` when it is not empty), the first `limit`. */
export async function listSpeakers(library: Library, query: string, limit: number): Promise<SpeakersReply> {
  return library.speakers({ ...(query === '' ? {} : { query }), limit });
}

/** The speakers as text: one line each, with their counts and the other forms of their name. */
export function speakersText(reply: SpeakersReply): string {
  const lines = [`${reply.total} ${reply.total === 1 ? 'speaker' : 'speakers'}`];
  for (const s of reply.speakers) {
    const also = s.aliases.length > 0 ? ` (also ${s.aliases.slice(0, 4).join(', ')}${s.aliases.length > 4 ? ', ...' : ''})` : '';
    const kind = s.kind === 'organisation' ? ' [organisation]' : '';
    lines.push(`${s.quotes} ${s.quotes === 1 ? 'quote' : 'quotes'} in ${s.articles} ${s.articles === 1 ? 'article' : 'articles'}: ${s.name}${kind}${also} [${s.id}]`);
  }
  // No escapes of Verbatim's own here: the whole list is cleaned at once.
  return `${terminalText(lines.join('\n'))}\n`;
}
