/**
 * What a reader sees, checked in the browser on one loaded page (issue 11): no horizontal page
 * overflow, the verdict of every claims table's first row visible without scrolling sideways, no
 * Markdown table left as raw pipe text, and axe-core's serious or critical accessibility violations.
 * Used by pages.browser.ts (the CI test) and by hand from scripts (`npx tsx`).
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
/** axe-core's browser bundle, injected into the page under test (never shipped with the site). */
export const AXE_PATH = require.resolve('axe-core/axe.min.js');

/** Layout problems a reader would see; an empty list when the page reads well. */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const vw = document.documentElement.clientWidth;
    const sw = document.documentElement.scrollWidth;
    if (sw > vw + 1) {
      // name the widest offenders, so a failure says where to look
      const wide = Array.from(document.querySelectorAll<HTMLElement>('body *'))
        .filter((el) => el.getBoundingClientRect().right > vw + 1 && !el.closest('[data-scroll-ok]'))
        .slice(-3)
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''}`,
        );
      problems.push(`page scrolls sideways: ${sw} px wide in a ${vw} px viewport (${wide.join(', ')})`);
    }
    for (const [i, table] of Array.from(document.querySelectorAll<HTMLElement>('[data-claims-table]')).entries()) {
      const row = Array.from(table.querySelectorAll<HTMLElement>('[data-claim]')).find((r) => !r.hidden && r.offsetParent !== null);
      if (!row) continue;
      const badge = row.querySelector<HTMLElement>('[data-verdict]');
      if (!badge) {
        problems.push(`claims table ${i + 1}: first row ${row.dataset.claim} has no [data-verdict] badge`);
        continue;
      }
      badge.scrollIntoView({ block: 'center', inline: 'nearest' });
      const r = badge.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      const inView = r.width > 0 && r.left >= 0 && r.right <= vw + 0.5;
      if (!inView || !hit || !(badge === hit || badge.contains(hit))) {
        problems.push(
          `claims table ${i + 1}: the verdict of ${row.dataset.claim} is not visible without scrolling sideways (x ${Math.round(r.left)}–${Math.round(r.right)} of ${vw})`,
        );
      }
    }
    // Plot's legend swatches are 15 px SVGs: a figure rule for whole charts (min-width) must not blow them up
    for (const svg of Array.from(document.querySelectorAll<SVGSVGElement>('[class$="-swatch"] > svg'))) {
      const r = svg.getBoundingClientRect();
      if (r.width > 24 || r.height > 24) {
        problems.push(
          `a legend swatch is drawn ${Math.round(r.width)} x ${Math.round(r.height)} px (${svg.parentElement?.textContent?.trim()})`,
        );
      }
    }
    window.scrollTo(0, 0);
    // rendered text only: code (notebook sources, signatures) may legitimately hold pipes
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    // a delimiter row (| --- |) or a whole line of cells (| a | b |): a Markdown table that did not render
    const pipes = /\|\s*:?-{3,}:?\s*\||(^|\n)\s*\|(?:[^\n|]+\|){2,}\s*($|\n)/;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('code, script, style, [hidden]')) continue;
      if (pipes.test(n.textContent ?? '')) {
        problems.push(`raw Markdown table text: "${(n.textContent ?? '').trim().slice(0, 80)}"`);
        break;
      }
    }
    return problems;
  });
}

/** axe-core's serious and critical violations, one line each with the first offending selector. */
export async function axeProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `axe ${v.impact} ${v.id}: ${v.nodes.length} node(s), e.g. ${v.nodes
            .slice(0, 2)
            .map((n) => n.target.join(' '))
            .join(' | ')}`,
      );
  });
}
