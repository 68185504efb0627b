// A person's quotes per month (issue 16) as the timeline shows them: the chart's columns, each month's name,
// and the one-sentence summary a screen reader hears for the chart. Pure (no DOM), so unit-tested under Node.

import type { MonthCount } from '../main/contract/api.js';

/** Half a month, in seconds: the chart's padding before its first column's middle and after its last. */
export const halfMonthSeconds = 16 * 24 * 3600;

/**
 * The chart's data: each month (`2005-03`), its middle (the 16th, 00:00 UTC, in Unix seconds: a column is drawn
 * centred on it, between the ticks of its first day and the next month's) and its number of quotes, in order.
 */
export interface TimelineColumns {
  months: string[];
  middles: number[];
  quotes: number[];
}

/**
 * The columns for uPlot (x in seconds, as uPlot's time scale expects); a month that is not `YYYY-MM` is left out.
 * @example
 * timelineColumns([{ month: '2005-03', quotes: 4 }]); // { months: ['2005-03'], middles: [1110931200], quotes: [4] }
 */
export function timelineColumns(months: readonly MonthCount[]): TimelineColumns {
  const columns: TimelineColumns = { months: [], middles: [], quotes: [] };
  for (const { month, quotes } of months) {
    const start = monthStart(month);
    if (start === null) continue;
    columns.months.push(month);
    columns.middles.push(start / 1000 + 15 * 24 * 3600);
    columns.quotes.push(quotes);
  }
  return columns;
}

/**
 * The month's name for people ("March 2005"), in English like the rest of the window; the text itself when it
 * is not `YYYY-MM`.
 */
export function monthName(month: string): string {
  const start = monthStart(month);
  if (start === null) return month;
  return new Date(start).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/**
 * What the chart shows, in words: its span and its busiest month.
 * @example
 * describeTimeline([{ month: '2005-03', quotes: 4 }, { month: '2005-04', quotes: 9 }]);
 * // 'Quotes per month, March 2005 to April 2005: 13 quotes, most in April 2005 (9).'
 */
export function describeTimeline(months: readonly MonthCount[]): string {
  const first = months[0];
  const last = months[months.length - 1];
  if (first === undefined || last === undefined) return 'No dated quotes to show by month.';
  const total = months.reduce((sum, month) => sum + month.quotes, 0);
  const busiest = months.reduce((best, month) => (month.quotes > best.quotes ? month : best), first);
  const span = first === last ? monthName(first.month) : `${monthName(first.month)} to ${monthName(last.month)}`;
  const count = `${total.toLocaleString('en-US')} ${total === 1 ? 'quote' : 'quotes'}`;
  return `Quotes per month, ${span}: ${count}, most in ${monthName(busiest.month)} (${busiest.quotes.toLocaleString('en-US')}).`;
}

/** Milliseconds at the start of `YYYY-MM` (UTC), or null when it is not a month. */
function monthStart(month: string): number | null {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (match === null) return null;
  const monthIndex = Number(match[2]) - 1;
  if (monthIndex < 0 || monthIndex > 11) return null;
  return Date.UTC(Number(match[1]), monthIndex, 1);
}
