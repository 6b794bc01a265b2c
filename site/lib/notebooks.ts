/**
 * Read-only rendering of the committed notebooks (notebooks/*.ipynb, with the outputs of their last
 * full run) at build time: markdown cells and markdown outputs through Astro's markdown processor
 * (GFM tables), code cells highlighted, figures (our own SVG/HTML outputs) inlined, streams as
 * preformatted text; long outputs fold, wide tables scroll inside a focusable region.
 */
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { accessibleFigureMarkup } from './render.js';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';

const raw = import.meta.glob('../../notebooks/*.ipynb', { eager: true, query: '?raw', import: 'default' }) as Record<string, string>;
const files: Record<string, Notebook> = Object.fromEntries(Object.entries(raw).map(([p, t]) => [p, JSON.parse(t) as Notebook]));

interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, string | string[]>;
  ename?: string;
  evalue?: string;
}
interface Cell {
  cell_type: 'markdown' | 'code' | 'raw';
  source: string | string[];
  outputs?: Output[];
}
interface Notebook {
  cells: Cell[];
}

export interface RenderedOutput {
  kind: 'html' | 'text' | 'error';
  html: string;
  /** long outputs are folded behind a summary ("142 lines") */
  fold?: string;
}
export interface RenderedCell {
  /** 1-based position in the notebook: the anchor is #cell-<n> */
  n: number;
  kind: 'markdown' | 'code';
  html: string;
  outputs: RenderedOutput[];
}
export interface RenderedNotebook {
  cells: RenderedCell[];
  headings: { depth: number; slug: string; text: string }[];
}

/** Outputs longer than this many lines (text) or table rows fold. */
const FOLD_LINES = 30;
const FOLD_ROWS = 16;

const text = (t: string | string[] | undefined): string => (Array.isArray(t) ? t.join('') : (t ?? ''));
const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

let processor: ReturnType<typeof createMarkdownProcessor> | undefined;

function notebook(stem: string): Notebook {
  const nb = Object.entries(files).find(([p]) => p.endsWith(`/${stem}.ipynb`))?.[1];
  if (!nb) throw new Error(`notebooks/${stem}.ipynb is missing`);
  return nb;
}

export function notebookStems(): string[] {
  return Object.keys(files)
    .map((p) => p.replace(/^.*\//, '').replace(/\.ipynb$/, ''))
    .filter((s) => /^\d\d-/.test(s) && !s.startsWith('00-'))
    .sort();
}

/** The 1-based cell whose code first names the claim id (where the claim is made), if any. */
export function cellOfClaim(stem: string, id: string): number | undefined {
  if (!Object.keys(raw).some((p) => p.endsWith(`/${stem}.ipynb`))) return undefined;
  const quoted = [`'${id}'`, `"${id}"`, `\`${id}\``];
  const i = notebook(stem).cells.findIndex((c) => c.cell_type === 'code' && quoted.some((q) => text(c.source).includes(q)));
  return i >= 0 ? i + 1 : undefined;
}

/**
 * A Markdown table whose header holds an unescaped pipe (e.g. "max |s|") has more header cells than
 * delimiter cells and would show as raw pipes: escape the pipes of short |tokens| in such a header.
 */
export function repairTables(md: string): string {
  const lines = md.split('\n');
  const cells = (l: string) =>
    l
      .replace(/\\\|/g, '')
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|').length;
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!/^\s*\|?\s*:?-{3,}/.test(lines[i + 1]!) || !lines[i]!.includes('|')) continue;
    const want = cells(lines[i + 1]!);
    let header = lines[i]!;
    while (cells(header) > want && /(^|[^\\])\|([^|\s]{1,12})\|(?=\s)/.test(header)) {
      header = header.replace(/(^|[^\\])\|([^|\s]{1,12})\|(?=\s)/, (_m, pre: string, tok: string) => `${pre}\\|${tok}\\|`);
    }
    lines[i] = header;
  }
  return lines.join('\n');
}

/** Wraps tables in a keyboard-scrollable region so a wide one never widens the page. */
function wrapTables(html: string): string {
  return html.replace(
    /<table[\s\S]*?<\/table>/g,
    (t) => `<div class="table-wrap" role="region" aria-label="table" tabindex="0">${t}</div>`,
  );
}

export async function renderNotebook(stem: string): Promise<RenderedNotebook> {
  const nb = notebook(stem);
  const md = await (processor ??= createMarkdownProcessor({
    remarkPlugins: [remarkMath],
    rehypePlugins: [rehypeKatex],
    // high-contrast themes: comments keep >= 4.5:1 (the default github-dark does not); dark via CSS variables
    shikiConfig: { themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' }, defaultColor: 'light' },
  }));
  const headings: RenderedNotebook['headings'] = [];
  const render = async (src: string, collect = false) => {
    const out = await md.render(repairTables(src));
    if (collect) headings.push(...out.metadata.headings);
    return wrapTables(out.code);
  };
  const cells: RenderedCell[] = [];
  for (const [i, cell] of nb.cells.entries()) {
    const src = text(cell.source);
    if (cell.cell_type === 'markdown') {
      cells.push({ n: i + 1, kind: 'markdown', html: await render(src, true), outputs: [] });
      continue;
    }
    if (cell.cell_type !== 'code') continue;
    const outputs: RenderedOutput[] = [];
    const pre = (s: string, kind: 'text' | 'error'): RenderedOutput => {
      const lines = s.replace(/\n$/, '').split('\n').length;
      return { kind, html: `<pre>${escape(s)}</pre>`, fold: lines > FOLD_LINES ? `${lines} lines of output` : undefined };
    };
    const rich = (html: string): RenderedOutput => {
      const rows = (html.match(/<tr[\s>]/g) ?? []).length;
      return { kind: 'html', html, fold: rows > FOLD_ROWS ? `a table of ${rows - 1} rows` : undefined };
    };
    for (const o of cell.outputs ?? []) {
      if (o.output_type === 'stream') outputs.push(pre(text(o.text), 'text'));
      else if (o.output_type === 'error') outputs.push(pre(`${o.ename}: ${o.evalue}`, 'error'));
      else if (o.data?.['text/html']) outputs.push(rich(wrapTables(accessibleFigureMarkup(text(o.data['text/html'])))));
      else if (o.data?.['image/svg+xml']) outputs.push(rich(accessibleFigureMarkup(text(o.data['image/svg+xml']))));
      else if (o.data?.['text/markdown']) outputs.push(rich(await render(text(o.data['text/markdown']))));
      else if (o.data?.['text/plain']) outputs.push(pre(text(o.data['text/plain']), 'text'));
    }
    cells.push({ n: i + 1, kind: 'code', html: await render('```ts\n' + src + '\n```'), outputs });
  }
  return { cells, headings };
}
