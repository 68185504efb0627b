// Reads a plain-text article: the headline on line 1, then the body; a date, source and author are
// picked up when the first lines state them plainly ("Source: Reuters", "By Jane Doe", a dateline).
// Nothing is invented: what is not stated stays null, and the lines stay in the text.

import { ArticleParseError } from '../errors.js';
import { collapseSpaces } from '../util/white-space.js';
import { emptyDraft, type ArticleDraft } from './article-draft.js';
import { leadingDatePattern, normalizeDate } from './normalize-date.js';
import { normalizeParagraphs } from './paragraphs.js';

/** How many paragraphs after the headline are looked at for metadata. */
const metadataParagraphs = 4;

/**
 * Parses a `.txt` article.
 * @example parseTxt('politics/017.txt', 'Headline\n\nFirst paragraph.') // [{ title: 'Headline', body: 'First paragraph.', ... }]
 */
export function parseTxt(path: string, text: string): ArticleDraft[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first === -1) throw new ArticleParseError(path, 'no headline: the file is empty');
  const title = collapseSpaces(lines[first] ?? '');
  const body = normalizeParagraphs(lines.slice(first + 1).join('\n'));
  return [{ ...emptyDraft(title, body), ...statedMetadata(body) }];
}

type Metadata = Pick<ArticleDraft, 'date' | 'source' | 'author'>;

/** The metadata the opening paragraphs state plainly. */
export function statedMetadata(body: string): Partial<Metadata> {
  const found: Partial<Metadata> = {};
  const paragraphs = body.split('\n\n').slice(0, metadataParagraphs);
  for (const paragraph of paragraphs) {
    const field = /^(source|источник|date|published|дата|author|автор|by)\s*:\s*(.{1,120})$/iu.exec(paragraph);
    if (field) {
      const key = (field[1] ?? '').toLowerCase();
      const value = (field[2] ?? '').trim();
      if ((key === 'source' || key === 'источник') && found.source === undefined) found.source = value;
      else if ((key === 'author' || key === 'автор' || key === 'by') && found.author === undefined) found.author = value;
      else if (found.date === undefined) {
        const date = normalizeDate(value);
        if (date !== null) found.date = date;
      }
      continue;
    }
    const byline = /^By\s+(\p{Lu}[\p{L}.'-]+(?:\s+(?:\p{Lu}[\p{L}.'-]+|and|de|van|von))+)$/u.exec(paragraph);
    if (byline && found.author === undefined) {
      found.author = byline[1] ?? null;
      continue;
    }
    if (found.date === undefined && paragraph.length <= 40) {
      const date = normalizeDate(paragraph.replace(/^(?:published|updated)\s+/i, ''));
      if (date !== null) {
        found.date = date;
        continue;
      }
    }
    Object.assign(found, { ...dateline(paragraph), ...found });
  }
  return found;
}

/** "MOSCOW, Aug. 16, 2025 (Reuters) — ..." or "LONDON (AP) - ..." at the start of a paragraph. */
function dateline(paragraph: string): Partial<Metadata> {
  const head = /^([\p{Lu}][\p{Lu} .'-]{1,40}),?\s+(.{0,40}?)\s*(?:\(([\p{L}][\p{L} .&-]{1,30})\))?\s*[-–—]\s/u.exec(paragraph);
  if (!head) return {};
  const result: Partial<Metadata> = {};
  const datePart = head[2] ?? '';
  const date = leadingDatePattern.exec(datePart);
  if (date && date.index === 0) {
    const iso = normalizeDate(date[0]);
    if (iso !== null) result.date = iso;
  } else if (datePart.trim() !== '') {
    return {};
  }
  if (head[3]) result.source = head[3].trim();
  return result;
}
