import { describe, expect, it } from 'vitest';
import {
  encodeSpikes,
  spikeMatmul,
  spikeMatmulBitwiseWeights,
  denseMatmul,
  weightToBitwise,
  bitwiseToWeights,
  uniformIntegers,
  SPIKE_SCHEMES,
  isSigned,
} from '../../lib/index.js';

describe('spikeMatmul(train, weights): spike matmul = integer matmul', () => {
  for (const scheme of SPIKE_SCHEMES) {
    it(`${scheme}: equals the dense product and counts the work`, () => {
      const tokens = 5;
      const rows = 37;
      const cols = 11;
      const counts = uniformIntegers(tokens * rows, isSigned(scheme) ? -9 : 0, 9, 17);
      // leave channels 0 and 3 silent in every token
      for (let t = 0; t < tokens; t++) counts[t * rows] = counts[t * rows + 3] = 0;
      const w = uniformIntegers(rows * cols, -8, 7, 18);
      const train = encodeSpikes(counts, scheme);
      const result = spikeMatmul(train, { data: w, rows, cols });
      expect(result.output).toEqual(denseMatmul({ data: counts, rows: tokens, cols: rows }, { data: w, rows, cols }));
      expect(result.additions).toBe(train.spikeCount() * cols);
      expect(result.untouchedRows).toBeGreaterThanOrEqual(2);
      expect(result.denseMacs).toBe(tokens * rows * cols);
      if (scheme.startsWith('bitwise')) expect(result.mergeAdditions).toBe((train.T - 1) * tokens * cols);
      else expect(result.mergeAdditions).toBe(0);
    });
  }
  it('counts untouched weight rows exactly', () => {
    // 2 tokens x 4 channels; channel 2 never fires
    const train = encodeSpikes([1, 0, 0, 2, 0, 3, 0, 0], 'ternary');
    const result = spikeMatmul(train, { data: [1, 2, 3, 4], rows: 4, cols: 1 });
    expect(result.untouchedRows).toBe(1);
    expect(Array.from(result.output)).toEqual([1 + 8, 6]);
  });
  it('rejects a train whose length is not a multiple of weights.rows, and a malformed matrix', () => {
    const train = encodeSpikes([1, 2, 3], 'bitwise');
    expect(() => spikeMatmul(train, { data: [1, 2], rows: 2, cols: 1 })).toThrow(
      /train.length \(3\) must be a multiple of weights.rows \(2\)/,
    );
    expect(() => spikeMatmul(train, { data: [1, 2], rows: 3, cols: 1 })).toThrow(/weights.data must hold rows\*cols = 3 values, got 2/);
  });
});

describe('weightToBitwise(weights): Int2Spike weight bit planes', () => {
  it('reassembles the integer weights, shifting negatives by the minimum', () => {
    const w = uniformIntegers(7 * 5, -8, 7, 3);
    const planes = weightToBitwise({ data: w, rows: 7, cols: 5 });
    expect(planes.offset).toBe(Math.min(...w));
    expect(planes.T).toBe(Math.max(1, Math.ceil(Math.log2(Math.max(...w) - Math.min(...w) + 1))));
    expect(bitwiseToWeights(planes)).toEqual(w);
  });
  it('non-negative weights keep offset 0', () => {
    const planes = weightToBitwise({ data: [0, 1, 5, 2], rows: 2, cols: 2 });
    expect(planes.offset).toBe(0);
    expect(planes.T).toBe(3);
  });
  it('spikes x weight planes equals the integer matmul', () => {
    for (const scheme of SPIKE_SCHEMES) {
      const counts = uniformIntegers(3 * 24, isSigned(scheme) ? -8 : 0, 8, 9);
      const w = uniformIntegers(24 * 5, -8, 7, 10);
      const train = encodeSpikes(counts, scheme);
      const result = spikeMatmulBitwiseWeights(train, weightToBitwise({ data: w, rows: 24, cols: 5 }));
      expect(result.output, scheme).toEqual(denseMatmul({ data: counts, rows: 3, cols: 24 }, { data: w, rows: 24, cols: 5 }));
    }
  });
  it('rejects non-integer weights', () => {
    expect(() => weightToBitwise({ data: [0.5, 1], rows: 1, cols: 2 })).toThrow(/weights.data\[0\] must be an integer/);
  });
});
