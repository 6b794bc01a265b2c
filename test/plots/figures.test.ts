/**
 * Figure functions (lib/plots): each one's y domain covers the plotted values and is not 100× them, the
 * numbers printed on the y axis mean what the values mean (a loss of 2.1 is never "210 %"), end labels
 * do not overprint, and no element carries an aria-label that axe prohibits.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { attentionHeatmap, groupedHistogram, linesBySeries, spikeRaster, type SeriesRow } from '../../lib/plots/index.js';
import { dodge, formatPercentTick, formatTick, logTicks } from '../../lib/plots/style.js';

const doc = () => parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
type Scaled = Element & { scale(name: string): { domain: number[] } };

/** The numbers printed as y tick labels, in the values' own units ("25 %" -> 0.25, "3k" -> 3000). */
function yTickValues(el: Element): number[] {
  const texts = Array.from(el.querySelectorAll('g[data-mark="y-axis tick label"] text')).map((t) => (t.textContent ?? '').trim());
  expect(texts.length, 'y tick labels').toBeGreaterThan(1);
  return texts.map((s) => {
    const m = /^(−|-)?([\d.]+)\s*(%|k|M|G)?$/.exec(s);
    if (!m) throw new Error(`unreadable tick label "${s}"`);
    const v = Number(m[2]) * (m[1] ? -1 : 1);
    return m[3] === '%' ? v / 100 : m[3] === 'k' ? v * 1e3 : m[3] === 'M' ? v * 1e6 : m[3] === 'G' ? v * 1e9 : v;
  });
}

/** y domain covers [min, max] of the values, and neither domain nor printed ticks reach 100× them. */
function expectHonestY(el: Element, values: number[]): void {
  const [d0, d1] = (el as Scaled).scale('y').domain as [number, number];
  const lo = Math.min(...values),
    hi = Math.max(...values);
  expect(Math.min(d0, d1)).toBeLessThanOrEqual(lo);
  expect(Math.max(d0, d1)).toBeGreaterThanOrEqual(hi);
  expect(Math.max(d0, d1)).toBeLessThan(10 * Math.max(Math.abs(hi), Math.abs(lo)));
  const ticks = yTickValues(el);
  expect(Math.max(...ticks)).toBeLessThanOrEqual(Math.max(d0, d1) * 1.0001);
  expect(Math.min(...ticks)).toBeGreaterThanOrEqual(Math.min(d0, d1) * (Math.min(d0, d1) < 0 ? 1.0001 : 0.9999));
}

function expectNoProhibitedAria(el: Element): void {
  expect(
    Array.from(
      el.querySelectorAll('g[aria-label], rect[aria-label], path[aria-label], line[aria-label], circle[aria-label], text[aria-label]'),
    ),
  ).toEqual([]);
}

describe('linesBySeries', () => {
  const energy: SeriesRow[] = [];
  for (let s = 0.25; s <= 8; s += 0.25)
    energy.push(
      { x: s, y: 0.03 * s, series: 'spiking' },
      { x: s, y: 1.5, series: 'FP16 MAC' },
      { x: s, y: 0.23, series: 'INT8 MAC' },
      { x: s, y: 0.24, series: 'INT8 add + fetch' },
    );

  it('log y (pJ): domain covers the values, ticks print decimals, never an SI "m"', () => {
    const el = linesBySeries(energy, { xLabel: 'spikes', yLabel: 'energy per MAC (pJ)', yType: 'log', document: doc() }) as Element;
    expectHonestY(
      el,
      energy.map((r) => r.y),
    );
    const texts = Array.from(el.querySelectorAll('text')).map((t) => t.textContent ?? '');
    expect(texts.filter((t) => /^\d+(\.\d+)?m$/.test(t.trim()))).toEqual([]);
    expect(texts).toContain('0.1');
    expectNoProhibitedAria(el);
  });

  it('end labels that would overprint are moved apart by at least a line height', () => {
    const el = linesBySeries(energy, { xLabel: 'spikes', yLabel: 'energy per MAC (pJ)', yType: 'log', document: doc() }) as Element;
    const ys = Array.from(el.querySelectorAll('g[data-mark="text"] text')).map((t) =>
      Number(/translate\([^,]+,([^)]+)\)/.exec(t.getAttribute('transform') ?? '')![1]),
    );
    expect(ys).toHaveLength(4);
    const sorted = ys.sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(12);
  });

  it('shares print as percent with the unit on the axis; the domain stays in shares', () => {
    const rows: SeriesRow[] = [1, 2, 3, 4].flatMap((k) => [
      { x: k, y: 0.5 + k / 20, series: 'gaussian' },
      { x: k, y: 0.55 + k / 20, series: 'laplace' },
    ]);
    const el = linesBySeries(rows, { xLabel: 'k', yLabel: 'sparsity, 3-step window', document: doc() }) as Element;
    expectHonestY(
      el,
      rows.map((r) => r.y),
    );
    expect(el.textContent).toContain('sparsity, 3-step window (%)');
    expect(Array.from(el.querySelectorAll('g[data-mark="y-axis tick label"] text')).every((t) => /%$/.test(t.textContent ?? ''))).toBe(
      true,
    );
  });

  it('linear y of plain quantities (tokens per second) prints them as they are', () => {
    const rows: SeriesRow[] = [1024, 2048, 4096].flatMap((c, i) => [
      { x: c, y: 40 - i, series: 'full' },
      { x: c, y: 55, series: 'hybrid' },
    ]);
    const el = linesBySeries(rows, { xLabel: 'context', yLabel: 'tokens per second', document: doc() }) as Element;
    expectHonestY(
      el,
      rows.map((r) => r.y),
    );
  });

  it('rejects empty rows', () => {
    expect(() => linesBySeries([], { xLabel: 'x', yLabel: 'y', document: doc() })).toThrow(/rows/);
  });
});

describe('groupedHistogram', () => {
  it('a validation loss of 2.1–3.4 nats/token reads 2.1–3.4, not 210–345 (the conversion figure)', () => {
    const rows = [
      { bin: 'fa', share: 2.1, series: 'converted' },
      { bin: 'swa', share: 2.2, series: 'converted' },
      { bin: 'swa', share: 3.4, series: 'from scratch' },
    ];
    const el = groupedHistogram(rows, { xLabel: 'architecture', yLabel: 'validation loss (nats/token)', document: doc() }) as Element;
    expectHonestY(el, [0, ...rows.map((r) => r.share)]);
    expect(
      Array.from(el.querySelectorAll('text'))
        .map((t) => t.textContent)
        .join(' '),
    ).not.toMatch(/%/);
    expect(el.querySelector('title')!.textContent).toMatch(/architecture: fa/);
    expectNoProhibitedAria(el);
  });

  it('shares of counts print as percent', () => {
    const rows = ['0', '1', '2'].map((bin, i) => ({ bin, share: [0.2, 0.5, 0.3][i]!, series: 'k = 3' }));
    const el = groupedHistogram(rows, { xLabel: '|s|', document: doc() }) as Element;
    expectHonestY(el, [0, ...rows.map((r) => r.share)]);
    expect(el.textContent).toContain('share of counts (%)');
  });

  it('percent asked for values outside [0, 1] is an error, not a 100× axis', () => {
    expect(() => groupedHistogram([{ bin: 'a', share: 2.5, series: 's' }], { xLabel: 'x', percent: true, document: doc() })).toThrow(
      /percent/,
    );
  });
});

describe('spikeRaster', () => {
  it('covers every step and neuron, keeps ticks sparse at large T and names the spike colours', () => {
    const rows = Array.from({ length: 300 }, (_, t) => ({ t, neuron: t % 5, sign: (t % 2 ? 1 : -1) as 1 | -1 }));
    const el = spikeRaster(rows, { T: 300, neurons: 5, document: doc() }) as unknown as Scaled;
    const [y0, y1] = el.scale('y').domain as [number, number];
    expect(Math.min(y0, y1)).toBeLessThanOrEqual(0);
    expect(Math.max(y0, y1)).toBeGreaterThanOrEqual(4);
    expect(Math.max(y0, y1)).toBeLessThan(6);
    expect(el.scale('x').domain[1]).toBeGreaterThanOrEqual(299);
    expect(el.querySelectorAll('g[data-mark="x-axis tick label"] text').length).toBeLessThanOrEqual(14);
    expect(el.textContent).toContain('+1 spike');
    expect(el.textContent).toContain('−1 spike');
    expectNoProhibitedAria(el);
  });
});

describe('attentionHeatmap', () => {
  it('has a colour scale whose domain covers the weights (symmetric when signed), zero showing the page background', () => {
    const A = Float64Array.from({ length: 16 }, (_, i) => (i % 3) - 0.5);
    const el = attentionHeatmap(A, 4, { signed: true, document: doc() }) as Element;
    const svgs = el.querySelectorAll('svg');
    expect(svgs.length).toBe(2);
    const [o0, o1] = (svgs[0] as unknown as Scaled).scale('opacity').domain as [number, number];
    expect(o0).toBe(0);
    expect(o1).toBeGreaterThanOrEqual(1.5);
    expect(o1).toBeLessThan(15);
    const [c0, c1] = (svgs[1] as unknown as Scaled).scale('x').domain as [number, number];
    expect(c0).toBeLessThanOrEqual(-1.5);
    expect(c1).toBeGreaterThanOrEqual(1.5);
    expect(svgs[1]!.textContent).toContain('attention weight');
    expectNoProhibitedAria(el);
  });
});

describe('figure helpers', () => {
  it('formatTick never prints an SI milli, and percent ticks carry %', () => {
    for (const v of [0.001, 0.01, 0.02, 0.3, 0.5]) expect(formatTick(v)).not.toMatch(/m$/);
    expect(formatTick(0.05)).toBe('0.05');
    expect(formatTick(3000)).toBe('3k');
    expect(formatTick(1_048_576)).toBe('1.05M');
    expect(formatPercentTick(0.25)).toBe('25 %');
  });

  it('logTicks stay inside the range and thin out over many decades', () => {
    const t = logTicks(0.007, 1.5);
    expect(t).toEqual([0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1]);
    expect(logTicks(1, 1e12).length).toBeLessThanOrEqual(8);
  });

  it('dodge keeps labels a height apart and inside the range', () => {
    const out = dodge([100, 101, 102, 300], [14, 14, 14, 14], 0, 310);
    const s = out.slice().sort((a, b) => a - b);
    for (let i = 1; i < s.length; i++) expect(s[i]! - s[i - 1]!).toBeGreaterThanOrEqual(14 - 1e-9);
    expect(Math.max(...out)).toBeLessThanOrEqual(310 - 7);
    const squeezed = dodge([300, 301, 302], [14, 14, 14], 0, 305);
    expect(Math.max(...squeezed)).toBeLessThanOrEqual(305 - 7 + 1e-9);
  });
});
