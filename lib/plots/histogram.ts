/** Share of counts per |count| bin, grouped by series (report Fig. 9 style). */
import * as Plot from '@observablehq/plot';

export interface HistogramRow {
  /** bin label, e.g. "0", "7", ">=16" */
  bin: string;
  /** share of all counts in this bin (0..1) */
  share: number;
  series: string;
}

export interface HistogramOptions {
  xLabel: string;
  yLabel?: string;
  width?: number;
  height?: number;
  document?: Document;
}

export function groupedHistogram(rows: HistogramRow[], o: HistogramOptions): SVGSVGElement | HTMLElement {
  const bins = [...new Set(rows.map((r) => r.bin))];
  return Plot.plot({
    width: o.width ?? 640,
    height: o.height ?? 300,
    marginBottom: 40,
    fx: { label: o.xLabel, domain: bins, padding: 0.15 },
    x: { axis: null },
    y: { label: o.yLabel ?? 'share of counts', grid: true, percent: true },
    color: { legend: true },
    marks: [Plot.barY(rows, { fx: 'bin', x: 'series', y: 'share', fill: 'series', title: (d: HistogramRow) => `${d.series}, |s| ${d.bin}: ${(100 * d.share).toFixed(2)} %` }), Plot.ruleY([0])],
    document: o.document,
  });
}
