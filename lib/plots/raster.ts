/**
 * Time–neuron raster of a spike train (report Fig. 4 / Fig. 10 style): a tick per spike, blue for +1
 * and red for −1, with the colours named in the figure. Ticks stay sparse and marks stay visible at
 * large T.
 */
import * as Plot from '@observablehq/plot';
import type { SpikeTrain } from '../spike/train.js';
import { FAINT, FIGURE_FONT_PX, finishFigure } from './style.js';

export interface RasterRow {
  t: number;
  neuron: number;
  sign: 1 | -1;
}

/** Rows of a raster: one per spike. Tensors and trains never reach Plot directly. */
export function rasterRows(train: SpikeTrain): RasterRow[] {
  const rows: RasterRow[] = [];
  train.forEachSpike((t, neuron, sign) => rows.push({ t, neuron, sign }));
  return rows;
}

export interface RasterOptions {
  T: number;
  neurons: number;
  width?: number;
  document?: Document;
}

export const SPIKE_COLOURS = { positive: '#1f6feb', negative: '#e5534b' } as const;

/** At most `max` integer ticks over 0..n−1, on a round step (1, 2, 5, 10, ...), always including 0. */
export function integerTicks(n: number, max: number): number[] {
  if (n <= 0) return [];
  const raw = Math.max(1, (n - 1) / Math.max(1, max - 1));
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw)!;
  const ticks: number[] = [];
  for (let v = 0; v <= n - 1; v += step) ticks.push(v);
  return ticks;
}

export function spikeRaster(rows: RasterRow[], o: RasterOptions): SVGSVGElement | HTMLElement {
  if (!(Number.isInteger(o.T) && o.T >= 1)) throw new RangeError(`T must be an integer >= 1, got ${o.T}`);
  if (!(Number.isInteger(o.neurons) && o.neurons >= 1)) throw new RangeError(`neurons must be an integer >= 1, got ${o.neurons}`);
  const width = o.width ?? 480;
  const marginLeft = 44,
    marginRight = 12;
  const plotWidth = width - marginLeft - marginRight;
  const stepPx = plotWidth / o.T;
  const rowPx = o.neurons > 48 ? 8 : 18;
  const spikes = [
    { label: '+1 spike', x: 0, fill: SPIKE_COLOURS.positive },
    { label: '−1 spike', x: 1, fill: SPIKE_COLOURS.negative },
  ];
  return finishFigure(
    Plot.plot({
      width,
      height: Math.max(140, rowPx * o.neurons + 74),
      marginLeft,
      marginRight,
      marginTop: 34,
      marginBottom: 40,
      x: {
        label: 'time step',
        domain: [-0.5, o.T - 0.5],
        ticks: integerTicks(o.T, Math.max(2, Math.floor(plotWidth / 36))),
        tickFormat: (v: number) => String(v),
      },
      y: {
        label: 'neuron',
        domain: [-0.5, o.neurons - 0.5],
        ticks: integerTicks(o.neurons, Math.max(2, Math.floor((rowPx * o.neurons) / 22))),
        tickFormat: (v: number) => String(v),
        reverse: true,
      },
      color: { domain: [1, -1], range: [SPIKE_COLOURS.positive, SPIKE_COLOURS.negative], legend: false },
      marks: [
        Plot.frame(FAINT),
        Plot.ruleX(rows, {
          x: 't',
          y1: (d: RasterRow) => d.neuron - 0.4,
          y2: (d: RasterRow) => d.neuron + 0.4,
          stroke: 'sign',
          strokeWidth: Math.max(1, Math.min(3, stepPx * 0.6)),
          title: (d: RasterRow) => `neuron ${d.neuron}, step ${d.t}: ${d.sign > 0 ? '+1' : '−1'}`,
        }),
        // the colour key, in the top margin (inside the SVG: the figure stays one self-contained image)
        // left-aligned after the axis label: still in view when a phone scrolls the figure's box
        ...spikes.map((s) =>
          Plot.text([s], {
            frameAnchor: 'top-left',
            text: () => `▮ ${s.label}`,
            fill: s.fill,
            fontSize: FIGURE_FONT_PX,
            dy: -22,
            dx: 40 + s.x * 85,
            textAnchor: 'start',
          }),
        ),
      ],
      document: o.document,
    }) as Element,
  ) as unknown as SVGSVGElement | HTMLElement;
}
