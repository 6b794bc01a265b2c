/**
 * Draws the attention / decay maps of the live page (issue 15; report §2.1, Table 12 S-NIAH): one row per
 * layer and head, one column per earlier position, the colour the share of the answering token's |weight|
 * on that position (scaled to each row's peak), the needle and the SWA window marked, the retrieving row
 * outlined. The worker computes every number (lib/live/attention.ts); this only paints them, once per prompt.
 */
import type { AttentionView } from './protocol';
import { attentionSummary } from './summary';

const ROW = 12;
const TOP = 16;
const LABEL = 84;
const KIND = { gla: 'GLA', swa: 'SWA', full: 'full' } as const;

/** Paints `v` into the canvas at its CSS width (sharp on high-density screens). */
export function drawAttentionMap(canvas: HTMLCanvasElement, v: AttentionView): void {
  const css = getComputedStyle(canvas);
  const colour = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const fg = css.color || '#222';
  const muted = colour('--muted', '#666');
  const accent = {
    gla: colour('--st-reproduced', '#1a7f37'),
    swa: colour('--st-analogue', '#0550ae'),
    full: colour('--st-analogue', '#0550ae'),
  };
  const mark = colour('--st-inconsistent', '#a40e26');
  const width = Math.max(240, canvas.clientWidth || canvas.parentElement?.clientWidth || 600);
  const height = TOP + v.rows.length * ROW + 4;
  const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(height * dpr);
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const L = v.query + 1;
  const plot = width - LABEL - 4;
  const x = (s: number) => LABEL + (s * plot) / L;
  const cell = Math.max(1, plot / L);
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  v.rows.forEach((r, i) => {
    const y = TOP + i * ROW;
    ctx.globalAlpha = 1;
    ctx.fillStyle = fg;
    ctx.fillText(`L${r.layer} h${r.head} ${KIND[r.kind]}`, 2, y + ROW / 2);
    const peak = Math.max(...r.share);
    ctx.fillStyle = accent[r.kind];
    for (let s = 0; s < r.share.length; s++) {
      const t = peak > 0 ? Math.sqrt(r.share[s]! / peak) : 0;
      if (t < 0.02) continue;
      ctx.globalAlpha = t;
      ctx.fillRect(x(s), y + 1, cell + 0.5, ROW - 2);
    }
    if (i > 0 && v.rows[i - 1]!.layer !== r.layer) {
      ctx.globalAlpha = 0.5;
      ctx.fillStyle = muted;
      ctx.fillRect(0, y, width, 1);
    }
  });
  ctx.globalAlpha = 1;
  const vline = (s: number, style: string, label: string, dash: number[], labelX: number) => {
    ctx.strokeStyle = style;
    ctx.lineWidth = 1.5;
    ctx.setLineDash(dash);
    // half-transparent, so the cells under the line stay visible
    ctx.globalAlpha = 0.55;
    ctx.beginPath();
    ctx.moveTo(x(s) + cell / 2, TOP - 2);
    ctx.lineTo(x(s) + cell / 2, height);
    ctx.stroke();
    ctx.globalAlpha = 1;
    ctx.setLineDash([]);
    ctx.fillStyle = style;
    ctx.fillText(label, Math.min(width - ctx.measureText(label).width - 2, Math.max(LABEL, labelX)), 7);
  };
  const w = v.rows.find((r) => r.kind === 'swa')?.window;
  if (w && L > w) vline(L - w, muted, 'SWA window →', [3, 3], x(L - w) + 3);
  if (v.needle !== null) vline(v.needle, mark, '↓ needle', [], x(v.needle) - 14);
  const pick = v.retriever
    ? v.rows.findIndex((r) => r.layer === v.retriever!.layer && r.head === v.retriever!.head && r.kind === v.retriever!.kind)
    : -1;
  if (pick >= 0) {
    ctx.strokeStyle = fg;
    ctx.lineWidth = 1.5;
    ctx.strokeRect(1, TOP + pick * ROW + 0.5, width - 2, ROW - 1);
  }
}

/** Table rows: per layer, its head with the most weight near the needle. */
export function nearRows(v: AttentionView, model: string): string[][] {
  if (v.needle === null) return [];
  const best = new Map<string, AttentionView['rows'][number]>();
  for (const r of v.rows) {
    const key = `${r.layer} ${r.kind}`;
    const b = best.get(key);
    if (!b || (r.near ?? 0) > (b.near ?? 0)) best.set(key, r);
  }
  return [...best.values()].map((r) => [
    model,
    String(r.layer),
    KIND[r.kind],
    String(r.head),
    `${(100 * (r.near ?? 0)).toFixed(1)}\u00a0%`,
  ]);
}

/** Fills the page's map section (`[data-out="attn-…"]` under root) from one worker message. */
export function showAttention(root: HTMLElement, m: { w8aspike: boolean; hybrid: AttentionView; base: AttentionView | null }): void {
  const out = (name: string) => root.querySelector<HTMLElement>(`[data-out="${name}"]`)!;
  const hybridName = `Hybrid (W8ASpike ${m.w8aspike ? 'on' : 'off'})`;
  const parts: [string, AttentionView | null, string][] = [
    ['hybrid', m.hybrid, hybridName],
    ['base', m.base, 'Full-attention base'],
  ];
  const table: string[][] = [];
  // one map per animation frame: both in one frame took ~60 ms of main thread on a CPU-drawn canvas
  const paints: (() => void)[] = [];
  for (const [key, v, name] of parts) {
    const fig = out(`attn-${key}`);
    fig.hidden = !v;
    if (!v) continue;
    const text = attentionSummary(v, name);
    const canvas = fig.querySelector('canvas')!;
    canvas.setAttribute('aria-label', `attention and decay map: ${text}`);
    fig.querySelector('figcaption')!.textContent = text;
    paints.push(() => drawAttentionMap(canvas, v));
    if (v.retriever) fig.dataset.retriever = `${v.retriever.layer}/${v.retriever.head}/${v.retriever.kind}`;
    else delete fig.dataset.retriever;
    table.push(...nearRows(v, key === 'hybrid' ? 'hybrid' : 'base'));
  }
  const body = out('attn-table');
  body.replaceChildren(
    ...table.map((cells) => {
      const tr = document.createElement('tr');
      for (const c of cells) tr.append(Object.assign(document.createElement('td'), { textContent: c }));
      return tr;
    }),
  );
  (body.closest('.table-scroll') as HTMLElement | null)?.toggleAttribute('hidden', table.length === 0);
  const paint = (i: number): void => {
    paints[i]?.();
    if (i + 1 < paints.length) requestAnimationFrame(() => paint(i + 1));
  };
  paint(0);
  root.dataset.attention = m.hybrid.retriever ? 'needle' : 'no-needle';
}
