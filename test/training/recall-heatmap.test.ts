import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { recallHeatmap, type RecallCell } from '../../lib/index.js';

const doc = () => parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
const cells = (model: string, k: number): RecallCell[] =>
  [64, 128].flatMap((length) => [0, 0.5, 1].map((depth) => ({ model, length, depth, successes: k, trials: 10 })));

describe('recallHeatmap', () => {
  it('draws one cell per (model, length, depth) with its percentage and successes/trials in the title', () => {
    const el = recallHeatmap([...cells('FA', 10), ...cells('SWA', 3)], { document: doc() });
    const labels = Array.from(el.querySelectorAll('text')).map((t) => (t.textContent ?? '').trim());
    expect(labels.filter((t) => t === '100')).toHaveLength(6);
    expect(labels.filter((t) => t === '30')).toHaveLength(6);
    expect(labels).toContain('FA');
    expect(labels).toContain('SWA');
    const titles = Array.from(el.querySelectorAll('title')).map((t) => t.textContent ?? '');
    expect(titles).toContain('SWA, 128 tokens, depth 0.5: 3 / 10');
    expect(el.querySelector('[aria-label]')).toBeNull();
  });

  it('rejects empty input and impossible counts, naming the cell', () => {
    expect(() => recallHeatmap([], { document: doc() })).toThrow(/cells must hold at least one cell/);
    expect(() => recallHeatmap([{ model: 'FA', length: 64, depth: 0, successes: 11, trials: 10 }], { document: doc() })).toThrow(
      /cell FA L=64 depth=0: successes/,
    );
  });
});
