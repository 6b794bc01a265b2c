import { describe, expect, it } from 'vitest';
import { zeroPointShift, encodeSpikes } from '../../lib/index.js';

describe('zeroPointShift(counts, scheme) as Int2Spike spike_quant', () => {
  it('halves non-negative counts for a bidirectional coder: 256 becomes 128', () => {
    const { counts, shift } = zeroPointShift([256, 7, 0, 1], 'ternary');
    expect(Array.from(counts)).toEqual([128, 3, 0, 0]);
    expect(Array.from(shift)).toEqual([128, 4, 0, 1]);
    expect(encodeSpikes(counts, 'ternary').T).toBe(128);
  });
  it('shifts signed counts by the minimum for an unsigned coder', () => {
    const { counts, shift } = zeroPointShift([-3, 0, 4], 'binary');
    expect(Array.from(counts)).toEqual([0, 3, 7]);
    expect(Array.from(shift)).toEqual([-3, -3, -3]);
  });
  it('leaves counts that already suit the scheme alone, and restores the input', () => {
    for (const [values, scheme] of [
      [[-3, 2], 'ternary'],
      [[1, 2], 'bitwise'],
      [[4, 5], 'bitwise-twos-complement'],
    ] as const) {
      const { counts, shift } = zeroPointShift(values, scheme);
      expect(Array.from(counts, (c, i) => c + shift[i]!)).toEqual(values);
    }
    expect(Array.from(zeroPointShift([-3, 2], 'ternary').shift)).toEqual([0, 0]);
  });
  it('rejects non-integers', () => {
    expect(() => zeroPointShift([0.5], 'ternary')).toThrow(/counts\[0\] must be an integer/);
  });
});
