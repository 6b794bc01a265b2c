/**
 * Grouped bars per bin and series: shares of counts per |count| bin (report Fig. 9 style), or any other
 * quantity per category (e.g. validation loss per architecture, report Table 12 analogue). Shares print
 * as percent; other quantities print as themselves, in the unit their label names.
 */
import * as Plot from '@observablehq/plot';
import { areShares, finishFigure, formatPercentTick, formatTick, withPercent } from './style.js';

export interface HistogramRow {
  /** bin label, e.g. "0", "7", ">=16" (or a category) */
  bin: string;
  /** the bar's value: a share of all counts in this bin (0..1), or any quantity when yLabel names it */
  share: number;
  series: string;
}

export interface HistogramOptions {
  xLabel: string;
  /** default "share of counts" */
  yLabel?: string;
  /**
   * values are shares (0..1) printed as percent. Default: the label names a share (or fraction) and every
   * value lies in [0, 1]; a loss of 2.1 is never printed as 210 %.
   */
  percent?: boolean;
  width?: number;
  height?: number;
  document?: Document;
}

export function groupedHistogram(rows: HistogramRow[], o: HistogramOptions): SVGSVGElement | HTMLElement {
  const bins = [...new Set(rows.map((r) => r.bin))];
  const yLabel = o.yLabel ?? 'share of counts';
  const values = rows.map((r) => r.share);
  const percent = o.percent ?? areShares(values, yLabel);
  if (percent && !values.every((v) => v >= 0 && v <= 1)) {
    throw new RangeError(
      `groupedHistogram: percent needs every value in [0, 1]; got values up to ${Math.max(...values)} (for other quantities pass percent: false)`,
    );
  }
  const fmt = percent ? formatPercentTick : formatTick;
  const valueText = (v: number) => (percent ? `${(100 * v).toFixed(2)} %` : formatTick(v));
  return finishFigure(
    Plot.plot({
      width: o.width ?? 560,
      height: o.height ?? 300,
      marginTop: 30,
      marginBottom: 44,
      marginLeft: 48,
      fx: { label: o.xLabel, domain: bins, padding: 0.15 },
      x: { axis: null },
      y: { label: percent ? withPercent(yLabel) : yLabel, grid: true, tickFormat: fmt, nice: true },
      color: { legend: true },
      marks: [
        Plot.barY(rows, {
          fx: 'bin',
          x: 'series',
          y: 'share',
          fill: 'series',
          title: (d: HistogramRow) => `${d.series}\n${o.xLabel}: ${d.bin}\n${yLabel}: ${valueText(d.share)}`,
        }),
        Plot.ruleY([0]),
      ],
      document: o.document,
    }) as Element,
  ) as unknown as SVGSVGElement | HTMLElement;
}
