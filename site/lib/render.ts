/**
 * Build-time rendering of the library's figure functions to SVG markup (a virtual DOM, as the
 * notebooks do), so widgets show their first state without JavaScript.
 */
import { parseHTML } from 'linkedom';

export function renderFigure(draw: (document: Document) => unknown): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const el = draw(document as unknown as Document) as Element;
  return el.outerHTML;
}
