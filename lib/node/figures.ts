/**
 * Node-only: renders Observable Plot figures (lib/plots) to SVG strings with a virtual DOM, and
 * saves them under data/figures/ for the README and the site.
 */
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { makeDirs, writeFileAtomic } from './files.js';
import { dataDir } from './paths.js';

/** A document for Plot's `document` option. */
export function virtualDocument(): Document {
  return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}

/**
 * Renders a figure function's output (an SVG or a figure element) to markup. The callback's
 * result is typed loosely because notebooks compile without the DOM type library.
 */
export function renderSvg(draw: (document: Document) => unknown): string {
  const el = draw(virtualDocument()) as Element;
  if (!el || typeof el.outerHTML !== 'string') throw new TypeError('renderSvg: the figure function must return a DOM element');
  if (el.tagName.toLowerCase() === 'svg' && !el.getAttribute('xmlns')) el.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  for (const svg of Array.from(el.querySelectorAll('svg'))) {
    if (!svg.getAttribute('xmlns')) svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  }
  return el.outerHTML;
}

/**
 * Writes data/figures/<name>.svg (or .html for a figure with a legend); returns the path. Figures of
 * wall-clock timings carry "-measured" in their name: the determinism check skips their bytes.
 */
export function saveFigure(name: string, markup: string): string {
  if (!/^[a-z0-9-]+$/.test(name)) throw new RangeError(`figure name must be lower-case words joined by "-", got "${name}"`);
  const dir = join(dataDir(), 'figures');
  makeDirs(dir, 'figure folder');
  const ext = markup.trimStart().startsWith('<svg') ? 'svg' : 'html';
  const path = join(dir, `${name}.${ext}`);
  writeFileAtomic(path, markup + '\n');
  return path;
}
