/** An [L, L] attention weight matrix as a heatmap (query rows, key columns). */
import * as Plot from '@observablehq/plot';

export interface HeatmapOptions {
  title?: string;
  /** symmetric colour scale for signed weights (GLA); default sequential from 0 */
  signed?: boolean;
  width?: number;
  document?: Document;
}

export function attentionHeatmap(A: ArrayLike<number>, L: number, o: HeatmapOptions = {}): SVGSVGElement | HTMLElement {
  if (A.length !== L * L) throw new RangeError(`expected A of length L*L = ${L * L}, got ${A.length}`);
  const rows: { t: number; s: number; w: number }[] = [];
  let max = 0;
  for (let t = 0; t < L; t++) for (let s = 0; s <= t; s++) {
    rows.push({ t, s, w: A[t * L + s]! });
    max = Math.max(max, Math.abs(A[t * L + s]!));
  }
  const size = o.width ?? 220;
  return Plot.plot({
    title: o.title,
    width: size,
    height: size,
    margin: 24,
    x: { label: 'key', axis: 'top', ticks: [] },
    y: { label: 'query', ticks: [] },
    color: o.signed ? { type: 'linear', domain: [-max || -1, max || 1], scheme: 'rdbu' } : { type: 'linear', domain: [0, max || 1], scheme: 'blues' },
    marks: [Plot.cell(rows, { x: 's', y: 't', fill: 'w', inset: 0 }), Plot.frame({ stroke: '#ccc' })],
    document: o.document,
  });
}
