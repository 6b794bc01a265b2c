/**
 * Needle-in-a-haystack recall as a depth × length heatmap per model (report App. B.1, Table 12's
 * S-NIAH at laptop scale; the usual NIAH picture): one small panel per model, a cell's colour is the
 * share of trials whose whole value was retrieved, its title gives successes / trials.
 */
import * as Plot from '@observablehq/plot';
import { FAINT, FIGURE_FONT_PX, finishFigure } from './style.js';

export interface RecallCell {
  model: string;
  length: number;
  depth: number;
  successes: number;
  trials: number;
}

export interface RecallHeatmapOptions {
  title?: string;
  /** panels per row (default 3) */
  columns?: number;
  width?: number;
  document?: Document;
}

export function recallHeatmap(cells: readonly RecallCell[], o: RecallHeatmapOptions = {}): SVGSVGElement | HTMLElement {
  if (!Array.isArray(cells) || cells.length === 0) throw new RangeError('cells must hold at least one cell');
  for (const c of cells) {
    if (!(Number.isInteger(c.trials) && c.trials > 0 && Number.isInteger(c.successes) && c.successes >= 0 && c.successes <= c.trials)) {
      throw new RangeError(
        `cell ${c.model} L=${c.length} depth=${c.depth}: successes must be an integer in [0, trials], got ${c.successes}/${c.trials}`,
      );
    }
  }
  const models = [...new Set(cells.map((c) => c.model))];
  const columns = Math.max(1, Math.min(o.columns ?? 3, models.length));
  const rows = cells.map((c) => {
    const i = models.indexOf(c.model);
    return {
      ...c,
      rate: c.successes / c.trials,
      fx: i % columns,
      fy: Math.floor(i / columns),
      label: `${Math.round((100 * c.successes) / c.trials)}`,
    };
  });
  // 560 like linesBySeries: a phone scales the figure by at most ~0.85, so 12 px text stays legible
  const width = o.width ?? 560;
  const panelRows = Math.ceil(models.length / columns);
  return finishFigure(
    Plot.plot({
      title: o.title,
      width,
      height: 60 + panelRows * 150,
      marginLeft: 48,
      marginBottom: 40,
      marginTop: 28,
      fx: { axis: null, domain: Array.from({ length: columns }, (_, i) => i) },
      fy: { axis: null, domain: Array.from({ length: panelRows }, (_, i) => i) },
      x: { label: 'needle depth (0 = start of the haystack) →', type: 'band', tickFormat: (d: number) => String(d) },
      y: { label: '↑ prompt length (tokens)', type: 'band', reverse: true },
      color: { type: 'linear', domain: [0, 1], range: ['#f4f1ea', '#2f6fdf'] },
      marks: [
        Plot.cell(rows, {
          x: 'depth',
          y: 'length',
          fx: 'fx',
          fy: 'fy',
          fill: 'rate',
          inset: 0.5,
          title: (d: { model: string; successes: number; trials: number; length: number; depth: number }) =>
            `${d.model}, ${d.length} tokens, depth ${d.depth}: ${d.successes} / ${d.trials}`,
        }),
        Plot.text(rows, {
          x: 'depth',
          y: 'length',
          fx: 'fx',
          fy: 'fy',
          text: 'label',
          fill: (d: { rate: number }) => (d.rate > 0.6 ? 'white' : 'black'),
          fontSize: FIGURE_FONT_PX,
        }),
        Plot.text(
          models.map((m, i) => ({ m, fx: i % columns, fy: Math.floor(i / columns) })),
          { fx: 'fx', fy: 'fy', text: 'm', frameAnchor: 'top', dy: -14, fontWeight: 'bold', fontSize: FIGURE_FONT_PX },
        ),
        Plot.frame(FAINT),
      ],
      document: o.document,
    }),
  );
}
