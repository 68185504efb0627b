// The person page's timeline (issue 16): how often they are quoted per month, as uPlot bars, with the same
// numbers in a real <table> (a toggle below the chart) for screen readers and keyboards. Clicking a bar or a
// month in the table asks for that month. uPlot draws on a canvas and styles its elements through the CSSOM
// only (no HTML strings, no style attributes), so it runs under the renderer's CSP and Trusted Types; its CSS
// is bundled into styles.css. Its colours come from the page's custom properties, read again when the colour
// scheme changes, so the chart follows dark mode.

import uPlot from 'uplot';
import type { MonthCount } from '../../main/contract/api.js';
import { h } from '../dom.js';
import { describeTimeline, halfMonthSeconds, monthName, timelineColumns, type TimelineColumns } from '../timeline-data.js';

/** The shortest time the chart spans (a year, in seconds). */
const minimumSpanSeconds = 365 * 24 * 3600;
/** The chart's height in CSS pixels; its width follows the page. */
const chartHeight = 160;

export interface TimelineChart {
  /** The chart, its summary and the table toggle. */
  readonly element: HTMLElement;
  /** Draws `months`; `selected` (`2005-03`) is the month the query is narrowed to, if any. */
  show(months: readonly MonthCount[], selected: string | null): void;
}

/** Creates the timeline; `onMonth` gets the month (`2005-03`) clicked in the chart or the table. */
export function createTimelineChart(onMonth: (month: string) => void): TimelineChart {
  const summary = h('p', { class: 'timeline-summary', id: 'timeline-summary' });
  // The canvas says nothing to a screen reader: the box is one image named by the summary, the table has the rest.
  const plotBox = h('div', { class: 'timeline-plot', role: 'img', 'aria-labelledby': 'timeline-summary' });
  const tableBody = h('tbody');
  const table = h(
    'table',
    { class: 'timeline-table', id: 'timeline-table', hidden: true },
    h('caption', {}, 'Quotes per month (months without quotes left out)'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Month'), h('th', { scope: 'col' }, 'Quotes'))),
    tableBody,
  );
  const toggle = h('button', { type: 'button', class: 'tool-button timeline-toggle', 'aria-expanded': 'false', 'aria-controls': 'timeline-table' }, 'Show as a table');
  toggle.addEventListener('click', () => {
    table.hidden = !table.hidden;
    toggle.setAttribute('aria-expanded', String(!table.hidden));
    toggle.textContent = table.hidden ? 'Show as a table' : 'Hide the table';
  });
  tableBody.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest<HTMLElement>('button[data-month]') : null;
    const month = button?.dataset['month'];
    if (month !== undefined) onMonth(month);
  });
  const element = h('section', { class: 'timeline', 'aria-labelledby': 'timeline-heading' }, h('h3', { id: 'timeline-heading' }, 'Quotes over time'), plotBox, summary, toggle, table);

  let plot: uPlot | null = null;
  let columns: TimelineColumns = { months: [], middles: [], quotes: [] };
  let selected: string | null = null;

  const draw = (): void => {
    plot?.destroy();
    plot = null;
    if (columns.months.length === 0) return;
    plot = new uPlot(chartOptions(columns, selected, Math.max(plotBox.clientWidth, 240)), [columns.middles, columns.quotes], plotBox);
    // A click (not a drag: the chart does not zoom) on a month's column asks for that month.
    plot.over.addEventListener('click', () => {
      const index = plot?.cursor.idx ?? -1;
      const month = columns.months[index];
      // A month without quotes has nothing to narrow to.
      if (month !== undefined && (columns.quotes[index] ?? 0) > 0) onMonth(month);
    });
  };

  // The page lives as long as the window: its observer and listener are never removed.
  const resize = new ResizeObserver(() => {
    if (plot !== null && plotBox.clientWidth > 0 && plotBox.clientWidth !== plot.width) plot.setSize({ width: plotBox.clientWidth, height: chartHeight });
  });
  resize.observe(plotBox);
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', draw);

  return {
    element,
    show: (months, month) => {
      columns = timelineColumns(months);
      selected = month;
      summary.textContent = describeTimeline(months);
      // The months with quotes: a screen reader need not step through a year of zeros to reach the next one.
      tableBody.replaceChildren(...months.filter((count) => count.quotes > 0).map((count) => tableRow(count, count.month === month)));
      toggle.hidden = months.length === 0;
      plotBox.hidden = months.length === 0;
      // Drawn once the page is laid out, so that the chart takes the box's width.
      requestAnimationFrame(draw);
    },
  };
}

function tableRow(count: MonthCount, selected: boolean): HTMLTableRowElement {
  const name = monthName(count.month);
  const month = h('button', { type: 'button', class: 'link-button', 'data-month': count.month, 'aria-pressed': String(selected), title: `Only ${name} (date:${count.month})` }, name);
  return h('tr', { class: selected ? 'selected' : null }, h('th', { scope: 'row' }, month), h('td', {}, count.quotes.toLocaleString('en-US')));
}

/**
 * The months the chart spans: half a month before the first column and after the last, so that both are drawn
 * whole, and at least a year, centred on the quotes, so that one month's column is a bar and not the whole chart.
 */
function xRange(columns: TimelineColumns): [number, number] {
  const first = columns.middles[0] ?? 0;
  const last = columns.middles[columns.middles.length - 1] ?? first;
  const pad = Math.max(halfMonthSeconds, (minimumSpanSeconds - (last - first)) / 2);
  return [first - pad, last + pad];
}

/** uPlot's options: bars in the accent colour, axes and grid in the page's text and border colours. */
function chartOptions(columns: TimelineColumns, selected: string | null, width: number): uPlot.Options {
  const style = getComputedStyle(document.documentElement);
  const colour = (name: string): string => style.getPropertyValue(name).trim();
  const selectedIndex = selected === null ? -1 : columns.months.indexOf(selected);
  const bars = uPlot.paths.bars;
  const axis = (): uPlot.Axis => ({
    stroke: colour('--muted'),
    grid: { stroke: colour('--border'), width: 1 },
    ticks: { stroke: colour('--border'), width: 1 },
    font: `12px ${colour('--font-ui')}`,
  });
  return {
    width,
    height: chartHeight,
    // Months are calendar months: read the seconds as UTC, not in the machine's time zone.
    tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
    legend: { show: false },
    cursor: { drag: { x: false, y: false }, points: { show: false } },
    scales: { x: { time: true, range: xRange(columns) }, y: { range: (_plot, _min, max) => [0, Math.max(1, max)] } },
    axes: [axis(), { ...axis(), incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000], size: 40 }],
    series: [
      {},
      {
        label: 'Quotes',
        stroke: colour('--accent'),
        fill: colour('--accent'),
        width: 0,
        // Each bar is centred on its month's middle and covers most of the month.
        ...(bars === undefined ? {} : { paths: bars({ size: [0.8, 48], align: 0 }) }),
        points: { show: false },
      },
    ],
    hooks: {
      // The month the query is narrowed to is outlined, in the colour of the current hit.
      draw: [
        (plot) => {
          if (selectedIndex < 0) return;
          const middle = columns.middles[selectedIndex];
          if (middle === undefined) return;
          const ratio = devicePixelRatio;
          const left = plot.valToPos(middle - halfMonthSeconds, 'x', true);
          const right = plot.valToPos(middle + halfMonthSeconds, 'x', true);
          plot.ctx.save();
          plot.ctx.strokeStyle = colour('--hit-current-bg');
          plot.ctx.lineWidth = 2 * ratio;
          plot.ctx.strokeRect(left, plot.bbox.top, Math.max(right - left, 2 * ratio), plot.bbox.height);
          plot.ctx.restore();
        },
      ],
    },
  };
}
