import { describe, expect, it } from 'vitest';
import {
  adaptiveThresholdSpikes,
  encodeSpikes,
  referenceActivations,
  shareWithin,
  spikeSparsity,
  spikingStatistics,
  zeroFraction,
  uniformIntegers,
} from '../../lib/index.js';

describe('spikingStatistics(counts, rows, cols, window)', () => {
  it('counts every definition on a hand-worked matrix', () => {
    // one row: |s| = 0, 1, 3, 7, 9 (popcounts 0, 1, 2, 3, 2), one token x 5 channels
    const s = spikingStatistics([0, -1, 3, 7, -9], 1, 5);
    expect(s.zeroFraction).toBe(0.2);
    expect(s.silentColumnFraction).toBe(0.2);
    expect(s.avgSpikesRate).toBeCloseTo(20 / 5, 12);
    expect(s.avgSpikesBitwise).toBeCloseTo(8 / 5, 12);
    expect(s.avgSpikesBitwiseFiring).toBeCloseTo(8 / 4, 12);
    expect(s.within7).toBe(0.8);
    expect(s.over16).toBe(0);
    expect(s.maxAbs).toBe(9);
    // 9 needs 4 bits: slots 3+3+3+3+4 = 16
    expect(s.sparsity.windowExtended).toBeCloseTo(1 - 8 / 16, 12);
    // 9 saturates to 7 (3 spikes): spikes 0+1+2+3+3 = 9 over 15 slots
    expect(s.sparsity.windowClipped).toBeCloseTo(1 - 9 / 15, 12);
    // one T = 4 for the whole matrix
    expect(s.sparsity.tensorT).toBeCloseTo(1 - 8 / 20, 12);
    expect(s.sparsity.ternaryTensorT).toBeCloseTo(1 - 20 / 45, 12);
  });

  it('agrees with the spike trains and statistics of lib/spike on random counts', () => {
    const counts = uniformIntegers(4000, -40, 40, 42);
    const s = spikingStatistics(counts, 40, 100);
    const bidir = encodeSpikes(counts, 'bitwise-bidirectional');
    const ternary = encodeSpikes(counts, 'ternary');
    expect(s.avgSpikesBitwise).toBeCloseTo(bidir.spikeCount() / counts.length, 12);
    expect(s.sparsity.tensorT).toBeCloseTo(spikeSparsity(bidir), 12);
    expect(s.sparsity.ternaryTensorT).toBeCloseTo(spikeSparsity(ternary), 12);
    expect(s.zeroFraction).toBeCloseTo(zeroFraction(counts), 12);
    expect(s.within7).toBeCloseTo(shareWithin(counts, 7), 12);
    expect(s.over16).toBeCloseTo(1 - shareWithin(counts, 16), 12);
  });

  it('finds columns silent for every token', () => {
    const s = spikingStatistics([0, 1, 0, 2, 0, 0], 2, 3);
    expect(s.silentColumnFraction).toBeCloseTo(1 / 3, 12);
    expect(s.zeroFraction).toBeCloseTo(4 / 6, 12);
  });

  it('rejects a shape mismatch, non-integer counts and a bad window', () => {
    expect(() => spikingStatistics([1, 2, 3], 2, 2)).toThrow(/rows\*cols = 4, got 3/);
    expect(() => spikingStatistics([1.5], 1, 1)).toThrow(/counts\[0\] must be an integer, got 1.5/);
    expect(() => spikingStatistics([1], 1, 1, 0)).toThrow(/window must be an integer in \[1, 30\], got 0/);
  });
});

describe('referenceActivations(kind, rows, cols, seed)', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    for (const kind of ['gaussian', 'laplace', 'student-t-outliers'] as const) {
      expect(referenceActivations(kind, 4, 50, 42)).toEqual(referenceActivations(kind, 4, 50, 42));
      expect(referenceActivations(kind, 4, 50, 42)).not.toEqual(referenceActivations(kind, 4, 50, 7));
    }
  });

  it('has the mean |x| of each distribution (Gaussian sqrt(2/pi), Laplace 1)', () => {
    const meanAbs = (x: Float32Array) => x.reduce((a, v) => a + Math.abs(v), 0) / x.length;
    expect(meanAbs(referenceActivations('gaussian', 100, 1000, 42))).toBeCloseTo(Math.sqrt(2 / Math.PI), 2);
    expect(meanAbs(referenceActivations('laplace', 100, 1000, 42))).toBeCloseTo(1, 2);
  });

  it('puts the outliers in whole channels', () => {
    const rows = 200,
      cols = 100;
    const x = referenceActivations('student-t-outliers', rows, cols, 42, { outlierChannelFraction: 0.05, outlierScale: 50 });
    const colMeanAbs = Array.from({ length: cols }, (_, c) => {
      let s = 0;
      for (let r = 0; r < rows; r++) s += Math.abs(x[r * cols + c]!);
      return s / rows;
    });
    expect(colMeanAbs.filter((m) => m > 10).length).toBe(5);
  });

  it('gives the Gaussian share within 7 that the closed form predicts at k = 3', () => {
    // s = round(k x / mean|x|) with mean|x| = sqrt(2/pi): |s| <= 7 iff |x| < 7.5 sqrt(2/pi) / 3
    const x = referenceActivations('gaussian', 200, 3584, 42);
    const { counts } = adaptiveThresholdSpikes(x, 200, 3584, 3);
    const z = (7.5 * Math.sqrt(2 / Math.PI)) / 3;
    const expected = erf(z / Math.SQRT2);
    expect(spikingStatistics(counts, 200, 3584).within7).toBeCloseTo(expected, 2);
  });

  it('rejects unknown kinds and bad parameters, naming them', () => {
    expect(() => referenceActivations('cauchy' as never, 1, 1, 42)).toThrow(
      /kind must be one of 'gaussian', 'laplace', 'student-t-outliers'; got "cauchy"/,
    );
    expect(() => referenceActivations('gaussian', 0, 1, 42)).toThrow(/rows must be an integer >= 1, got 0/);
    expect(() => referenceActivations('student-t-outliers', 1, 1, 42, { dof: 0 })).toThrow(/dof must be an integer >= 1, got 0/);
  });
});

/** Abramowitz–Stegun 7.1.26 (error < 1.5e-7), enough for a two-decimal check. */
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return Math.sign(x) * y;
}
