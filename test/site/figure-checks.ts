/**
 * Checks of figures as the browser lays them out (issue 11): within one figure no two text labels
 * overlap (bounding boxes), and text is at least `minFontPx` tall on screen. Runs inside the page
 * (passed to page.evaluate: no closures). Figures written before the library's finishing pass (no
 * data-mark attributes) are listed as stale instead: they need their notebook rerun.
 */
export interface FigureReport {
  checked: number;
  stale: string[];
  problems: string[];
}

export function figureProblems(minFontPx: number): FigureReport {
  const report: FigureReport = { checked: 0, stale: [], problems: [] };
  const figures = Array.from(document.querySelectorAll('.data-figure, .widget .chart'));
  figures.forEach((fig, fi) => {
    const name = fig.querySelector('code')?.textContent ?? fig.getAttribute('data-out') ?? `figure ${fi}`;
    if (!fig.querySelector('[data-mark]')) {
      report.stale.push(name);
      return;
    }
    report.checked++;
    // every SVG of the figure: the plot, a colour bar (Plot's swatch legends are HTML with tiny text-free SVGs)
    for (const svg of Array.from(fig.querySelectorAll('svg'))) {
      const boxes = Array.from(svg.querySelectorAll('text'))
        .filter((t) => (t.textContent ?? '').trim() !== '')
        .map((t) => ({ text: (t.textContent ?? '').trim(), r: t.getBoundingClientRect(), font: parseFloat(getComputedStyle(t).fontSize) }));
      const vb = svg.viewBox.baseVal;
      const scale = vb && vb.width ? svg.getBoundingClientRect().width / vb.width : 1;
      for (const b of boxes) {
        if (b.font * scale < minFontPx) {
          report.problems.push(`${name}: "${b.text}" is ${(b.font * scale).toFixed(1)} px on screen (< ${minFontPx})`);
          break;
        }
      }
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!.r,
            c = boxes[j]!.r;
          const w = Math.min(a.right, c.right) - Math.max(a.left, c.left);
          const h = Math.min(a.bottom, c.bottom) - Math.max(a.top, c.top);
          if (w > 1 && h > 2) report.problems.push(`${name}: "${boxes[i]!.text}" overlaps "${boxes[j]!.text}"`);
        }
    }
  });
  return report;
}
