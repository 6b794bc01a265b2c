/**
 * Read-only rendering of the committed notebooks (notebooks/*.ipynb, with the outputs of their last
 * full run) at build time: markdown cells and markdown outputs through Astro's markdown processor,
 * code cells highlighted, figures (our own SVG/HTML outputs) inlined, streams as preformatted text.
 */
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
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

export interface RenderedCell {
  kind: 'markdown' | 'code';
  html: string;
  outputs: { kind: 'html' | 'text' | 'error'; html: string }[];
}

const text = (t: string | string[] | undefined): string => (Array.isArray(t) ? t.join('') : (t ?? ''));
const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

let processor: ReturnType<typeof createMarkdownProcessor> | undefined;

export function notebookStems(): string[] {
  return Object.keys(files)
    .map((p) => p.replace(/^.*\//, '').replace(/\.ipynb$/, ''))
    .filter((s) => /^\d\d-/.test(s) && !s.startsWith('00-'))
    .sort();
}

export async function renderNotebook(stem: string): Promise<RenderedCell[]> {
  const nb = Object.entries(files).find(([p]) => p.endsWith(`/${stem}.ipynb`))?.[1];
  if (!nb) throw new Error(`notebooks/${stem}.ipynb is missing`);
  // math ($...$) typeset at build time, as on the topic pages (the page must load site/styles/math.css)
  const md = await (processor ??= createMarkdownProcessor({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex] }));
  const render = async (src: string) => (await md.render(src)).code;
  const cells: RenderedCell[] = [];
  for (const cell of nb.cells) {
    const src = text(cell.source);
    if (cell.cell_type === 'markdown') {
      cells.push({ kind: 'markdown', html: await render(src), outputs: [] });
      continue;
    }
    if (cell.cell_type !== 'code') continue;
    const outputs: RenderedCell['outputs'] = [];
    for (const o of cell.outputs ?? []) {
      if (o.output_type === 'stream') outputs.push({ kind: 'text', html: `<pre>${escape(text(o.text))}</pre>` });
      else if (o.output_type === 'error') outputs.push({ kind: 'error', html: `<pre>${escape(`${o.ename}: ${o.evalue}`)}</pre>` });
      else if (o.data?.['text/html']) outputs.push({ kind: 'html', html: text(o.data['text/html']) });
      else if (o.data?.['text/markdown']) outputs.push({ kind: 'html', html: await render(text(o.data['text/markdown'])) });
      else if (o.data?.['text/plain']) outputs.push({ kind: 'text', html: `<pre>${escape(text(o.data['text/plain']))}</pre>` });
    }
    cells.push({ kind: 'code', html: await render('```ts\n' + src + '\n```'), outputs });
  }
  return cells;
}
