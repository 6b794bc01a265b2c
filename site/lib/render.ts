/**
 * Build-time rendering of the library's figure functions to SVG markup (a virtual DOM, as the
 * notebooks do), so widgets show their first state without JavaScript; and clean-up of stored
 * figure markup for the page.
 */
import { parseHTML } from 'linkedom';

export function renderFigure(draw: (document: Document) => unknown): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const el = draw(document as unknown as Document) as Element;
  return el.outerHTML;
}

/**
 * Observable Plot puts aria-label on plain <g>/<rect>/<path> marks, which ARIA forbids on elements
 * without a role (axe-core: aria-prohibited-attr); figures already committed under data/figures carry
 * them. Drops those labels (the figure keeps its own label and caption); markup is otherwise untouched.
 */
export function accessibleFigureMarkup(markup: string): string {
  return markup.replace(/<(g|rect|path|line|circle|text)\b([^>]*?)\saria-label="[^"]*"/g, (m, tag: string, attrs: string) =>
    /\srole="/.test(attrs) ? m : `<${tag}${attrs}`,
  );
}
