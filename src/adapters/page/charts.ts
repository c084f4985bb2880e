import { el, svg } from './dom.js';
import { count } from './format.js';

/** One bar: its label and its people (`null`: withheld by the privacy floor). */
export interface Bar {
  label: string;
  value: number | null;
}

/** The figure's caption, a screen-reader summary on the chart, and its numbers as a table for copying. */
function frame(
  figure: HTMLElement,
  caption: string,
  chart: SVGElement,
  table: HTMLTableElement,
  note?: string,
) {
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', `${caption}: the chart of the table below`);
  const numbers = el('details', { class: 'numbers' }, el('summary', {}, 'The numbers'), table);
  figure.replaceChildren(el('figcaption', {}, caption), chart);
  if (note) figure.append(el('p', { class: 'withheld-note' }, note));
  figure.append(numbers);
}

function table(headers: string[], rows: string[][], caption: string): HTMLTableElement {
  const head = el(
    'tr',
    {},
    ...headers.map((h, i) => el('th', { scope: 'col', ...(i > 0 ? { class: 'number' } : {}) }, h)),
  );
  const body = rows.map((row) =>
    el(
      'tr',
      {},
      ...row.map((cell, i) =>
        i === 0 ? el('th', { scope: 'row' }, cell) : el('td', { class: 'number' }, cell),
      ),
    ),
  );
  return el(
    'table',
    {},
    el('caption', { class: 'visually-hidden' }, caption),
    el('thead', {}, head),
    el('tbody', {}, ...body),
  );
}

/** Horizontal bars, one per row, longest first as given; withheld rows drawn empty and said so. */
export function barChart(figure: HTMLElement, caption: string, bars: Bar[], note?: string): void {
  const width = 400;
  const row = 22;
  const labelWidth = 96;
  const valueWidth = 64;
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${Math.max(row, bars.length * row)}`,
    width,
    height: bars.length * row,
  });
  bars.forEach((b, i) => {
    const y = i * row;
    chart.append(svg('text', { x: labelWidth - 6, y: y + 15, 'text-anchor': 'end' }, b.label));
    const length = ((width - labelWidth - valueWidth) * (b.value ?? 0)) / max;
    chart.append(
      svg('rect', { class: 'bar', x: labelWidth, y: y + 4, width: Math.max(0, length), height: row - 8 }),
    );
    chart.append(svg('text', { class: 'value', x: labelWidth + length + 6, y: y + 15 }, count(b.value)));
  });
  frame(
    figure,
    caption,
    chart,
    table(
      ['', 'Fans'],
      bars.map((b) => [b.label, count(b.value)]),
      caption,
    ),
    note,
  );
}

/** One point of a series over time: its label and two figures (either may be withheld). */
export interface Point {
  label: string;
  /** the label on the axis, shorter */
  short: string;
  first: number | null;
  second: number | null;
}

/** Two series side by side per point (active and new fans per month), with a legend. */
export function pairedColumns(
  figure: HTMLElement,
  caption: string,
  names: [string, string],
  points: Point[],
  note?: string,
): void {
  const height = 180;
  const bottom = 34;
  const left = 44;
  const slot = Math.max(28, Math.min(64, 640 / Math.max(1, points.length)));
  const width = left + slot * points.length + 8;
  const max = Math.max(1, ...points.flatMap((p) => [p.first ?? 0, p.second ?? 0]));
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height });
  const plot = height - bottom - 8;
  chart.append(svg('line', { class: 'axis', x1: left, x2: width, y1: plot + 8, y2: plot + 8 }));
  chart.append(svg('text', { class: 'value', x: left - 6, y: 16, 'text-anchor': 'end' }, count(max)));
  points.forEach((p, i) => {
    const x = left + i * slot;
    const bar = (slot - 10) / 2;
    [p.first, p.second].forEach((value, j) => {
      const h = (plot * (value ?? 0)) / max;
      chart.append(
        svg('rect', {
          class: j === 0 ? 'bar' : 'bar second',
          x: x + 4 + j * bar,
          y: plot + 8 - h,
          width: bar,
          height: h,
        }),
      );
    });
    chart.append(svg('text', { x: x + slot / 2, y: height - 12, 'text-anchor': 'middle' }, p.short));
  });
  const legend = el(
    'p',
    { class: 'legend', 'aria-hidden': 'true' },
    el('span', {}, el('span', { class: 'key' }), names[0]),
    el('span', {}, el('span', { class: 'key second' }), names[1]),
  );
  frame(
    figure,
    caption,
    chart,
    table(
      ['', ...names],
      points.map((p) => [p.label, count(p.first), count(p.second)]),
      caption,
    ),
    note,
  );
  figure.insertBefore(legend, figure.children[1] ?? null);
}
