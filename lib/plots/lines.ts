/**
 * A line per series (e.g. per spike scheme) on plain rows: steps against count, rates against k, energy
 * against spikes (report Fig. 4, Table 7, eq. 24 figures). Series are named at their line ends; the
 * names are moved apart so that they never overprint, and every point carries a hover title.
 */
import * as Plot from '@observablehq/plot';
import {
  areShares,
  dodge,
  finishFigure,
  FIGURE_FONT_PX,
  formatPercentTick,
  formatTick,
  logTicks,
  textWidth,
  withPercent,
} from './style.js';

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
  /** y values are shares (0..1) printed as percent; default: the label names a share/sparsity/fraction and every y lies in [0, 1] */
  percent?: boolean;
  width?: number;
  height?: number;
  document?: Document;
}

/** Hover targets are thinned to this many points: enough to read values, not a megabyte of circles. */
const MAX_TITLED_POINTS = 200;

type PlotScale = { domain: number[]; range: number[]; apply: (v: number) => number; invert: (v: number) => number };

function axis(type: 'linear' | 'log', values: number[], label: string, percent: boolean) {
  const finite = values.filter((v) => Number.isFinite(v) && (type === 'linear' || v > 0));
  const lo = Math.min(...finite),
    hi = Math.max(...finite);
  return {
    label: percent ? withPercent(label) : label,
    type,
    ...(type === 'log' ? { ticks: logTicks(lo, hi) } : {}),
    tickFormat: percent ? formatPercentTick : formatTick,
  };
}

/**
 * Explicit axis marks for a log axis: Plot's implicit log axis filters a custom tick format's labels
 * (d3's log tickFormat), so 0.05 and 0.5 would go unlabelled; explicit marks print every chosen tick.
 */
function logAxisMarks(dim: 'x' | 'y', ax: ReturnType<typeof axis>) {
  if (ax.type !== 'log' || !('ticks' in ax)) return [];
  const text = (d: number) => ax.tickFormat(d);
  return dim === 'x'
    ? [Plot.axisX(ax.ticks, { text, label: ax.label })]
    : [Plot.gridY(ax.ticks), Plot.axisY(ax.ticks, { text, label: ax.label })];
}

export function linesBySeries(rows: SeriesRow[], o: LinesOptions): SVGSVGElement | HTMLElement {
  if (rows.length === 0) throw new RangeError('linesBySeries: rows must not be empty');
  const width = o.width ?? 560,
    height = o.height ?? 320;
  const fs = FIGURE_FONT_PX;
  const series = [...new Set(rows.map((r) => r.series))];
  const percent =
    o.percent ??
    ((o.yType ?? 'linear') === 'linear' &&
      areShares(
        rows.map((r) => r.y),
        o.yLabel,
      ));
  const fmtY = percent ? formatPercentTick : formatTick;
  // the right margin holds the series names, wrapped when longer than a third of the width
  const marginRight = Math.round(Math.min(Math.max(...series.map((s) => textWidth(s))) + 14, width / 3));
  const wrapPx = marginRight - 12;
  const x = axis(
    o.xType ?? 'linear',
    rows.map((r) => r.x),
    o.xLabel,
    false,
  );
  const y = {
    ...axis(
      o.yType ?? 'linear',
      rows.map((r) => r.y),
      o.yLabel,
      percent,
    ),
    grid: true,
  };
  const line = Plot.line(rows, { x: 'x', y: 'y', stroke: 'series', strokeWidth: 1.75 });
  // room between the axis labels and the tick labels at 12 px
  const base = {
    title: o.title,
    width,
    height,
    marginTop: 30,
    marginBottom: 40,
    marginRight,
    x,
    y,
    color: { legend: false, domain: series },
    document: o.document,
  };

  // probe: where the axes put each line's end and how wide the y tick labels are
  const axes = [...logAxisMarks('x', x), ...logAxisMarks('y', y)];
  const probe = Plot.plot({ ...base, marks: [...axes, line] }) as unknown as Element & { scale(name: string): PlotScale };
  const ys = probe.scale('y'),
    xs = probe.scale('x');
  const tickChars = Math.max(
    1,
    ...Array.from(probe.querySelectorAll('g[aria-label="y-axis tick label"] text')).map((t) => (t.textContent ?? '').length),
  );
  const marginLeft = Math.max(40, Math.round(tickChars * fs * 0.62 + 12));

  const ends = series.map((s) => {
    const own = rows.filter((r) => r.series === s && Number.isFinite(r.y) && Number.isFinite(r.x));
    const last = own[own.length - 1]!;
    const lines = Math.max(1, Math.ceil(textWidth(s) / wrapPx));
    return { series: s, x: last.x, y: last.y, px: ys.apply(last.y), h: lines * fs * 1.15 + 2 };
  });
  const [lo, hi] = [Math.min(...ys.range), Math.max(...ys.range)];
  const placed = dodge(
    ends.map((e) => e.px),
    ends.map((e) => e.h),
    lo,
    hi,
  );
  const labels = ends.map((e, i) => ({ ...e, yLabel: ys.invert(placed[i]!) }));

  const step = Math.max(1, Math.ceil(rows.length / MAX_TITLED_POINTS));
  const titled = rows.filter((_, i) => i % step === 0 || i === rows.length - 1);
  const el = Plot.plot({
    ...base,
    marginLeft,
    x: { ...x, domain: xs.domain },
    y: { ...y, domain: ys.domain },
    marks: [
      ...axes,
      line,
      Plot.dot(titled, {
        x: 'x',
        y: 'y',
        r: 4,
        fill: 'series',
        fillOpacity: 0,
        title: (d: SeriesRow) => `${d.series}\n${o.xLabel}: ${formatTick(d.x)}\n${o.yLabel}: ${fmtY(d.y)}`,
      }),
      Plot.text(labels, {
        x: 'x',
        y: 'yLabel',
        text: 'series',
        fill: 'series',
        textAnchor: 'start',
        dx: 6,
        lineWidth: wrapPx / fs,
        fontSize: fs,
      }),
    ],
  });
  return finishFigure(el as Element) as unknown as SVGSVGElement | HTMLElement;
}
