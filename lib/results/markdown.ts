/**
 * Markdown tables for notebook outputs (tslab's display.markdown) and the claims ledger: one
 * builder instead of hand-built table strings in every notebook cell.
 */

export type Align = 'left' | 'right' | 'center' | null;

const RULE: Record<Exclude<Align, null>, string> = { left: ':---', right: '---:', center: ':---:' };

/** A table cell: '–' for null/undefined, pipes escaped so they never split the cell. */
export function markdownCell(v: unknown): string {
  return v === null || v === undefined ? '–' : String(v).replace(/\|/g, '\\|');
}

/**
 * A Markdown table: the header row, the rule row and one row per entry; cells go through markdownCell
 * (so format numbers before passing them). `align` sets a column's rule (right: `---:`).
 */
export function markdownTable(header: readonly string[], rows: readonly (readonly unknown[])[], align: readonly Align[] = []): string {
  rows.forEach((r, i) => {
    if (r.length !== header.length) throw new RangeError(`rows[${i}] has ${r.length} cells, the header ${header.length}`);
  });
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(header.map(markdownCell)),
    `|${header.map((_, i) => (align[i] ? RULE[align[i]!] : '---')).join('|')}|`,
    ...rows.map((r) => line(r.map(markdownCell))),
  ].join('\n');
}
