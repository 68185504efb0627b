// Unit tests of the person page's timeline data (issue 16): the chart's columns, month names and the summary
// a screen reader hears.

import { describe, expect, it } from 'vitest';
import { describeTimeline, monthName, timelineColumns } from '../../renderer/timeline-data.js';

describe('timelineColumns', () => {
  it('puts each month at its middle (the 16th, UTC), with its count', () => {
    expect(timelineColumns([{ month: '2005-03', quotes: 4 }, { month: '2005-04', quotes: 0 }])).toEqual({
      months: ['2005-03', '2005-04'],
      middles: [Date.UTC(2005, 2, 16) / 1000, Date.UTC(2005, 3, 16) / 1000],
      quotes: [4, 0],
    });
  });

  it.each(['2005', '2005-13', '2005-00', 'March'])('leaves out %j, which is not a month', (month) => {
    expect(timelineColumns([{ month, quotes: 2 }, { month: '2005-01', quotes: 1 }]).months).toEqual(['2005-01']);
  });
});

describe('monthName', () => {
  it.each([
    ['2005-03', 'March 2005'],
    ['1999-12', 'December 1999'],
    ['2005-13', '2005-13'],
  ])('names %s %j', (month, name) => {
    expect(monthName(month)).toBe(name);
  });
});

describe('describeTimeline', () => {
  it('says the span, the total and the busiest month', () => {
    expect(describeTimeline([{ month: '2005-03', quotes: 4 }, { month: '2005-04', quotes: 9 }, { month: '2005-05', quotes: 9 }])).toBe(
      'Quotes per month, March 2005 to May 2005: 22 quotes, most in April 2005 (9).',
    );
  });

  it('says one month once, and one quote in the singular', () => {
    expect(describeTimeline([{ month: '2004-11', quotes: 1 }])).toBe('Quotes per month, November 2004: 1 quote, most in November 2004 (1).');
  });

  it('says when there is nothing to show', () => {
    expect(describeTimeline([])).toBe('No dated quotes to show by month.');
  });
});
