// Reads the dates articles state, in the ways news files write them, as ISO 8601.

const monthNames: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
  // Russian, in the genitive used in dates ("16 августа 2025") and the nominative.
  января: 1, январь: 1, февраля: 2, февраль: 2, марта: 3, март: 3, апреля: 4, апрель: 4, мая: 5, май: 5,
  июня: 6, июнь: 6, июля: 7, июль: 7, августа: 8, август: 8, сентября: 9, сентябрь: 9, октября: 10,
  октябрь: 10, ноября: 11, ноябрь: 11, декабря: 12, декабрь: 12,
};

const monthPattern = Object.keys(monthNames).sort((a, b) => b.length - a.length).join('|');
const dayMonthYear = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+(${monthPattern})\\.?,?\\s+(\\d{4})(?:\\s*(?:г\\.?|года))?$`, 'iu');
const monthDayYear = new RegExp(`^(${monthPattern})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})$`, 'iu');

/** A date found at the start of a text, for datelines: the ISO date and how many characters it took. */
export const leadingDatePattern = new RegExp(
  `(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${monthPattern})\\.?,?\\s+\\d{4}|(?:${monthPattern})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}\\.\\d{1,2}\\.\\d{4})`,
  'iu',
);

/**
 * Returns an ISO date (`2025-08-16`), or date-time when a time is given, for a date written in a common
 * way; null when the text is not a date Verbatim can read for certain (never a guess).
 * @example normalizeDate('August 16, 2025') // '2025-08-16'
 */
export function normalizeDate(raw: string): string | null {
  const text = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (iso) {
    const [, y, m, d, time, zone] = iso;
    if (!validDay(Number(y), Number(m), Number(d))) return null;
    return time === undefined ? `${y}-${m}-${d}` : `${y}-${m}-${d}T${time}${zone ?? ''}`;
  }
  let match = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(text);
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  // Day first with dots (16.08.2025) is the European and Russian order; slashes are ambiguous: refused.
  match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (match) return isoDate(Number(match[3]), Number(match[2]), Number(match[1]));
  match = dayMonthYear.exec(text);
  if (match) return isoDate(Number(match[3]), monthNames[(match[2] ?? '').toLowerCase()] ?? 0, Number(match[1]));
  match = monthDayYear.exec(text);
  if (match) return isoDate(Number(match[3]), monthNames[(match[1] ?? '').toLowerCase()] ?? 0, Number(match[2]));
  if (/^\d{9,13}$/.test(text)) {
    // Unix time, in seconds or milliseconds (crawler dumps).
    const n = Number(text);
    const ms = text.length >= 12 ? n : n * 1000;
    const date = new Date(ms);
    return date.getUTCFullYear() >= 1990 && date.getUTCFullYear() <= 2100 ? date.toISOString().slice(0, 10) : null;
  }
  // RFC 2822 and similar ("Sat, 16 Aug 2025 10:00:00 GMT"): only with a weekday or time to be unambiguous.
  if (/^[A-Z][a-z]{2},\s+\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}/.test(text)) {
    const parsed = Date.parse(text);
    if (!Number.isNaN(parsed)) return new Date(parsed).toISOString().slice(0, 10);
  }
  return null;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (!validDay(year, month, day)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function validDay(year: number, month: number, day: number): boolean {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
