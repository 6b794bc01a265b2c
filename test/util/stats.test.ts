/** The numeric summaries notebooks share (median, Spearman's rank correlation used by notebook 07). */
import { describe, expect, it } from 'vitest';
import { median, ranks, spearman } from '../../lib/index.js';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(RangeError);
  });
});

describe('spearman', () => {
  it('is 1 / -1 for monotone pairs, whatever the spacing', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 1000, 1001])).toBe(1);
    expect(spearman([2, 2.5, 3, 3.5, 4], [3.76, 2.73, 1.76, 1.43, 0.83])).toBe(-1);
  });

  it('gives tied values their mean rank', () => {
    expect(ranks([5, 1, 5, 3])).toEqual([3.5, 1, 3.5, 2]);
    // Pearson of ranks [1,2,3,4] and [1,2.5,2.5,4]: 4.5 / sqrt(5 * 4.5)
    expect(spearman([1, 2, 3, 4], [1, 2, 2, 3])).toBeCloseTo(4.5 / Math.sqrt(5 * 4.5), 12);
  });

  it('names the arguments on bad input', () => {
    expect(() => spearman([1, 2], [1])).toThrow(/same length, got 2 and 1/);
    expect(() => spearman([1], [1])).toThrow(/at least 2 pairs/);
  });
});
