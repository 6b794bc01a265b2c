/** Time–neuron raster of a spike train (report Fig. 4 / Fig. 10 style). */
import * as Plot from '@observablehq/plot';
import type { SpikeTrain } from '../spike/train.js';

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

export function spikeRaster(rows: RasterRow[], o: RasterOptions): SVGSVGElement | HTMLElement {
  return Plot.plot({
    width: o.width ?? 480,
    height: Math.max(120, 18 * o.neurons + 50),
    x: { label: 'time step', domain: [-0.5, o.T - 0.5], ticks: Math.min(o.T, 16) },
    y: { label: 'neuron', domain: [-0.5, o.neurons - 0.5], ticks: Math.min(o.neurons, 10), reverse: true },
    color: { domain: [1, -1], range: ['#1f6feb', '#d1242f'], legend: false },
    marks: [
      Plot.frame({ stroke: '#ccc' }),
      Plot.ruleX(rows, { x: 't', y1: (d: RasterRow) => d.neuron - 0.4, y2: (d: RasterRow) => d.neuron + 0.4, stroke: 'sign', strokeWidth: 3 }),
    ],
    document: o.document,
  });
}
