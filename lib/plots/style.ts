/**
 * What every figure function shares: tick formats that read (no SI "m" on pJ, GiB or Gbit/s axes; shares
 * as percent), log-axis ticks that do not crowd, end-label dodging, and a finishing pass that makes
 * Plot's SVG themeable (currentColor, no white block) and free of aria-labels axe prohibits on g/rect.
 */

/** Font size of every figure's text (px in the SVG's own units; the site keeps charts near natural size). */
export const FIGURE_FONT_PX = 12;

/** Stroke and fill that follow the page's text colour, for frames and rules. */
export const FAINT = { stroke: 'currentColor', strokeOpacity: 0.3 } as const;

/** Trailing zeros dropped: 0.50 -> "0.5", 2.00 -> "2". */
function trim(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/**
 * A tick label without SI prefixes below 1 (0.01 stays "0.01", never "10m"); k, M, G for thousands,
 * millions and billions, which no unit on our axes confuses with a prefix of its own.
 */
export function formatTick(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a === 0) return '0';
  if (a >= 1e9) return `${trim((v / 1e9).toPrecision(3))}G`;
  if (a >= 1e6) return `${trim((v / 1e6).toPrecision(3))}M`;
  if (a >= 1e3) return `${trim((v / 1e3).toPrecision(3))}k`;
  if (a >= 1) return trim(v.toPrecision(4)).replace(/\.$/, '');
  return trim(v.toPrecision(2));
}

/** A share (0..1) as a percent tick: 0.25 -> "25 %". */
export function formatPercentTick(v: number): string {
  return `${trim((100 * v).toPrecision(3))} %`;
}

/** Ticks for a log axis over [lo, hi]: 1-2-5 per decade over short spans, fewer as the span grows. */
export function logTicks(lo: number, hi: number): number[] {
  if (!(lo > 0) || !(hi >= lo)) return [];
  const d0 = Math.floor(Math.log10(lo)),
    d1 = Math.ceil(Math.log10(hi));
  const decades = Math.log10(hi / lo);
  const mantissas = decades <= 1.2 ? [1, 2, 3, 5] : decades <= 2.5 ? [1, 2, 5] : decades <= 4 ? [1, 3] : [1];
  const every = decades > 8 ? 2 : 1;
  const ticks: number[] = [];
  for (let d = d0; d <= d1; d++) {
    if ((d - d0) % every) continue;
    for (const m of mantissas) {
      const v = Number((m * 10 ** d).toPrecision(6));
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) ticks.push(v);
    }
  }
  return ticks;
}

/** Whether values look like shares the axis should print as percent. */
export function areShares(values: number[], label: string | undefined): boolean {
  return /share|fraction|sparsity|rate\b|proportion/i.test(label ?? '') && values.length > 0 && values.every((v) => v >= 0 && v <= 1);
}

/** The label with its unit: " (%)" added when the axis prints percent and the label says no unit yet. */
export function withPercent(label: string): string {
  return /%/.test(label) ? label : `${label} (%)`;
}

/**
 * Label positions (px) moved apart so that no two are closer than their heights allow, kept inside
 * [lo, hi]: a push down the sorted list, then a push up from the bottom if the last one spilled over.
 */
export function dodge(positions: number[], heights: number[], lo: number, hi: number): number[] {
  const order = positions.map((_, i) => i).sort((a, b) => positions[a]! - positions[b]!);
  const out = positions.slice();
  let prev = -Infinity,
    prevH = 0;
  for (const i of order) {
    const min = prev + (prevH + heights[i]!) / 2;
    out[i] = Math.max(out[i]!, min, lo + heights[i]! / 2);
    prev = out[i]!;
    prevH = heights[i]!;
  }
  let next = Infinity,
    nextH = 0;
  for (const i of order.slice().reverse()) {
    const max = next - (nextH + heights[i]!) / 2;
    out[i] = Math.min(out[i]!, max, hi - heights[i]! / 2);
    next = out[i]!;
    nextH = heights[i]!;
  }
  return out;
}

/** Rough width (px) of a text at the figure font: enough to reserve a margin, not to typeset. */
export function textWidth(text: string, fontPx = FIGURE_FONT_PX): number {
  return text.length * fontPx * 0.6;
}

/**
 * Makes Plot's output themeable and accessible: text at FIGURE_FONT_PX, the background left to the page
 * (Plot's tip boxes take the page colour), and no aria-label on g/rect/path (axe: aria-prohibited-attr;
 * the page gives each figure one text alternative).
 */
export function finishFigure<T extends Element>(el: T): T {
  const svgs =
    el.tagName.toLowerCase() === 'svg' ? [el, ...Array.from(el.querySelectorAll('svg'))] : Array.from(el.querySelectorAll('svg'));
  for (const svg of svgs) {
    if (svg.getAttribute('font-size')) svg.setAttribute('font-size', String(FIGURE_FONT_PX));
  }
  for (const node of [el, ...Array.from(el.querySelectorAll('[aria-label], [aria-description]'))]) {
    if (node.tagName.toLowerCase() === 'svg' && node === el) continue;
    const label = node.getAttribute('aria-label');
    // kept as data-mark: tests and styles can still find "y-axis tick label" or "line"
    if (label && node.tagName.toLowerCase() === 'g') node.setAttribute('data-mark', label);
    node.removeAttribute('aria-label');
    node.removeAttribute('aria-description');
  }
  for (const style of Array.from(el.querySelectorAll('style'))) {
    style.textContent = (style.textContent ?? '').replace('--plot-background: white', '--plot-background: var(--bg, white)');
  }
  return el;
}
