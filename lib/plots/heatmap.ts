/**
 * An [L, L] attention weight matrix as a heatmap (query rows, key columns; report §2.1 / §3.1 forms of
 * attention), with its colour scale beneath. A weight is the opacity of one hue (blue, red for negative
 * weights), so a zero weight shows the page's own background, light or dark; the scale is drawn as SVG
 * (Plot's ramp legend needs a canvas).
 */
import * as Plot from '@observablehq/plot';
import { FAINT, finishFigure, formatTick } from './style.js';

export interface HeatmapOptions {
  title?: string;
  /** symmetric colour scale for signed weights (GLA); default sequential from 0 */
  signed?: boolean;
  width?: number;
  document?: Document;
}

interface Cell {
  t: number;
  s: number;
  w: number;
}

export const HEATMAP_COLOURS = { positive: '#2f6fdf', negative: '#e5534b' } as const;
const hue = (w: number) => (w < 0 ? HEATMAP_COLOURS.negative : HEATMAP_COLOURS.positive);

/** A horizontal colour bar over `domain` in 32 steps, with three ticks. */
function colourBar(domain: [number, number], max: number, width: number, document?: Document) {
  const [lo, hi] = domain,
    n = 32;
  const stops = Array.from({ length: n }, (_, i) => ({
    x1: lo + ((hi - lo) * i) / n,
    x2: lo + ((hi - lo) * (i + 1)) / n,
    v: lo + ((hi - lo) * (i + 0.5)) / n,
  }));
  return Plot.plot({
    width,
    height: 58,
    marginTop: 4,
    marginBottom: 40,
    marginLeft: 16,
    marginRight: 16,
    x: {
      domain,
      ticks: domain[0] < 0 ? [lo, 0, hi] : [lo, (lo + hi) / 2, hi],
      tickFormat: formatTick,
      label: 'attention weight',
      labelAnchor: 'center',
    },
    y: { axis: null, domain: [0, 1] },
    opacity: { domain: [0, max], range: [0, 1] },
    marks: [
      Plot.rect(stops, {
        x1: 'x1',
        x2: 'x2',
        y1: 0,
        y2: 1,
        fill: (d: { v: number }) => hue(d.v),
        fillOpacity: (d: { v: number }) => Math.abs(d.v),
      }),
      Plot.frame(FAINT),
    ],
    document,
  });
}

export function attentionHeatmap(A: ArrayLike<number>, L: number, o: HeatmapOptions = {}): SVGSVGElement | HTMLElement {
  if (!(Number.isInteger(L) && L >= 1)) throw new RangeError(`L must be an integer >= 1, got ${L}`);
  if (A.length !== L * L) throw new RangeError(`expected A of length L*L = ${L * L}, got ${A.length}`);
  const rows: Cell[] = [];
  let max = 0;
  for (let t = 0; t < L; t++)
    for (let s = 0; s <= t; s++) {
      rows.push({ t, s, w: A[t * L + s]! });
      max = Math.max(max, Math.abs(A[t * L + s]!));
    }
  const size = o.width ?? 220;
  const m = max || 1;
  const domain: [number, number] = o.signed ? [-m, m] : [0, m];
  const map = Plot.plot({
    title: o.title,
    width: size,
    height: size,
    margin: 24,
    marginTop: 28,
    x: { label: 'key →', axis: 'top', ticks: [], labelAnchor: 'right' },
    y: { label: '↓ query', ticks: [], labelAnchor: 'top' },
    opacity: { domain: [0, m], range: [0, 1] },
    marks: [
      Plot.cell(rows, {
        x: 's',
        y: 't',
        fill: (d: Cell) => hue(d.w),
        fillOpacity: (d: Cell) => Math.abs(d.w),
        inset: 0,
        title: (d: Cell) => `query ${d.t}, key ${d.s}: ${d.w.toFixed(3)}`,
      }),
      Plot.frame(FAINT),
    ],
    document: o.document,
  });
  const doc = o.document ?? globalThis.document;
  const figure = doc.createElement('figure');
  figure.setAttribute('class', 'plot-figure heatmap');
  figure.setAttribute('style', 'margin: 0;');
  figure.append(map as unknown as Node, colourBar(domain, m, size, o.document) as unknown as Node);
  return finishFigure(figure) as HTMLElement;
}
