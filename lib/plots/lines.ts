/** A line per series (e.g. per spike scheme) on plain rows: steps against count, rates against k. */
import * as Plot from '@observablehq/plot';

export interface SeriesRow {
  x: number;
  y: number;
  series: string;
}

export interface LinesOptions {
  title?: string;
  xLabel: string;
  yLabel: string;
  yType?: 'linear' | 'log';
  xType?: 'linear' | 'log';
  width?: number;
  height?: number;
  document?: Document;
}

export function linesBySeries(rows: SeriesRow[], o: LinesOptions): SVGSVGElement | HTMLElement {
  return Plot.plot({
    title: o.title,
    width: o.width ?? 560,
    height: o.height ?? 320,
    marginRight: 150,
    x: { label: o.xLabel, type: o.xType ?? 'linear' },
    y: { label: o.yLabel, type: o.yType ?? 'linear', grid: true },
    color: { legend: false },
    marks: [
      Plot.line(rows, { x: 'x', y: 'y', stroke: 'series', strokeWidth: 1.5 }),
      Plot.text(rows, Plot.selectLast({ x: 'x', y: 'y', z: 'series', text: 'series', fill: 'series', textAnchor: 'start', dx: 4 })),
    ],
    document: o.document,
  });
}
