/** Figures the notebooks rendered to data/figures/ (SVG or HTML markup), grouped by notebook number. */
const markup = import.meta.glob('../../data/figures/*.{svg,html}', { eager: true, query: '?raw', import: 'default' }) as Record<
  string,
  string
>;

export interface Figure {
  name: string;
  markup: string;
}

/** Figures whose file name starts with the notebook's number, e.g. "01-". */
export function figuresFor(stem: string): Figure[] {
  const prefix = `${stem.slice(0, 2)}-`;
  return Object.entries(markup)
    .map(([path, m]) => ({ name: path.replace(/^.*\//, '').replace(/\.(svg|html)$/, ''), markup: m }))
    .filter((f) => f.name.startsWith(prefix))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** One figure by its file name without extension (build fails if a page cites a missing figure). */
export function figure(name: string): Figure {
  const entry = Object.entries(markup).find(([path]) => path.replace(/^.*\//, '').replace(/\.(svg|html)$/, '') === name);
  if (!entry) throw new Error(`data/figures/${name}.svg (or .html) is missing`);
  return { name, markup: entry[1] };
}
