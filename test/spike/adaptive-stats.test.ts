import { describe, expect, it } from 'vitest';
import {
  adaptiveThresholdSpikes,
  roundHalfEven,
  normalSamples,
  zeroFraction,
  meanAbsCount,
  silentChannelFraction,
  shareWithin,
  absCountHistogram,
  stepsByScheme,
  stepsForLevels,
  spikeSparsity,
  encodeSpikes,
} from '../../lib/index.js';

describe('roundHalfEven(x)', () => {
  it('rounds exact halves to the even neighbour, like torch.round', () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4999, 2.5001].map(roundHalfEven)).toEqual([0, 2, 2, -0, -2, -2, 2, 3]);
  });
});

describe('adaptiveThresholdSpikes(x, rows, cols, k)', () => {
  it('sets Vth = mean(|x|)/k per row and counts = round(x / Vth)', () => {
    const x = new Float32Array([1, -2, 3, -4, 0.5, 0.5, 0.5, 0.5]);
    const { vth, counts } = adaptiveThresholdSpikes(x, 2, 4, 2);
    expect(Array.from(vth)).toEqual([1.25, 0.25]);
    expect(Array.from(counts)).toEqual([1, -2, 2, -3, 2, 2, 2, 2]);
  });
  it('clamps Vth to [1e-5, 1e4]', () => {
    const { vth, counts } = adaptiveThresholdSpikes(new Float32Array([0, 0, 1e6, 1e6]), 2, 2, 1);
    expect(vth[0]).toBe(Math.fround(1e-5));
    expect(vth[1]).toBe(1e4);
    expect(Array.from(counts)).toEqual([0, 0, 100, 100]);
  });
  it('defaults to k = 3', () => {
    const x = new Float32Array(normalSamples(64, 42));
    expect(adaptiveThresholdSpikes(x, 2, 32)).toEqual(adaptiveThresholdSpikes(x, 2, 32, 3));
  });
  it('rejects k <= 0, non-finite x and a shape mismatch, naming the argument', () => {
    const x = new Float32Array(4);
    expect(() => adaptiveThresholdSpikes(x, 2, 2, 0)).toThrow(/k must be a finite number > 0, got 0/);
    expect(() => adaptiveThresholdSpikes(x, 2, 2, -1)).toThrow(/k must be/);
    expect(() => adaptiveThresholdSpikes(new Float32Array([1, NaN, 0, 0]), 2, 2)).toThrow(
      /x\[1\] \(row 0, col 1\) must be a finite number/,
    );
    expect(() => adaptiveThresholdSpikes(x, 3, 2)).toThrow(/expected x of length rows\*cols = 3\*2 = 6, got 4/);
  });
});

describe('spike statistics', () => {
  const counts = [0, 1, -2, 0, 9, 0, 0, 3];
  it('zeroFraction, meanAbsCount, shareWithin', () => {
    expect(zeroFraction(counts)).toBe(4 / 8);
    expect(meanAbsCount(counts)).toBe(15 / 8);
    expect(shareWithin(counts, 7)).toBe(7 / 8);
  });
  it('silentChannelFraction counts columns that are zero in every row', () => {
    // rows: [0, 1, -2, 0] and [9, 0, 0, 3]: no column is zero in both
    expect(silentChannelFraction(counts, 2, 4)).toBe(0);
    expect(silentChannelFraction([0, 1, 0, 3, 2, 0], 2, 3)).toBe(1 / 3);
    expect(() => silentChannelFraction(counts, 3, 4)).toThrow(/rows\*cols = 12/);
  });
  it('absCountHistogram keeps everything, overflow in the last bin', () => {
    const h = absCountHistogram(counts, 4);
    expect(h.bins).toEqual([4, 1, 1, 1, 1]);
    expect(h.bins.reduce((a, b) => a + b, 0)).toBe(h.total);
  });
  it('spikeSparsity is one minus the firing rate', () => {
    const train = encodeSpikes([3, 0, -1, 0], 'bitwise-bidirectional', { T: 3 });
    expect(spikeSparsity(train)).toBeCloseTo(1 - 3 / 12, 12);
  });
  it('stepsByScheme: the steps a count of 256 needs', () => {
    expect(stepsByScheme(256)).toEqual({
      binary: 256,
      ternary: 256,
      bitwise: 9,
      'bitwise-bidirectional': 9,
      'bitwise-twos-complement': 10,
    });
  });
  it('stepsForLevels: the steps 256 levels need (the Fig. 4 way of counting)', () => {
    expect(stepsForLevels(256, 'binary')).toBe(255);
    expect(stepsForLevels(256, 'ternary')).toBe(128);
    expect(stepsForLevels(256, 'bitwise')).toBe(8);
    expect(stepsForLevels(256, 'bitwise-bidirectional')).toBe(8);
    expect(stepsForLevels(255, 'bitwise-bidirectional')).toBe(7);
  });
});
