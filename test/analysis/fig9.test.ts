import { describe, expect, it } from 'vitest';
import {
  REPORT_FIG9,
  fig9Readings,
  windowSpikeShares,
  windowSpikeSharesFromHistogram,
  absCountHistogram,
  roundingTolerance,
  includesChance,
} from '../../lib/index.js';

describe('Fig. 9: spikes per count within a 3-step window', () => {
  it('windowSpikeShares bins the popcount of |s| into 0, 1, 2, >= 3', () => {
    // |s|: 0 -> 0, 1 -> 1, 2 -> 1, 3 -> 2, 7 -> 3, 8 -> 1 (extended) or 3 (clipped to 7)
    expect(windowSpikeShares([0, 1, -2, 3, -7, 8])).toEqual([1 / 6, 3 / 6, 1 / 6, 1 / 6]);
    expect(windowSpikeShares([0, 1, -2, 3, -7, 8], 3, true)).toEqual([1 / 6, 2 / 6, 1 / 6, 2 / 6]);
    expect(() => windowSpikeShares([1.5])).toThrow(/counts\[0\] must be an integer/);
    expect(() => windowSpikeShares([])).toThrow(/must not be empty/);
  });

  it('agrees with the same shares computed from a |count| histogram', () => {
    const counts = [0, 0, 1, 2, 3, 5, 6, 7, -9, 12, 40];
    const { shares, unresolved } = windowSpikeSharesFromHistogram(absCountHistogram(counts, 32).bins);
    const direct = windowSpikeShares(counts.filter((c) => Math.abs(c) < 32));
    expect(unresolved).toBeCloseTo(1 / 11, 12);
    shares.forEach((s, i) => expect(s).toBeCloseTo((direct[i]! * 10) / 11, 12));
  });

  it("the report's 7B bars give 0.44 spikes per count, not the text's 1.13, under the spikes reading", () => {
    const r = fig9Readings(REPORT_FIG9['7B']);
    expect(r.spikes.meanAll).toBeCloseTo((19.3 + 2 * 9.69 + 3 * 1.85) / 99.99, 10);
    expect(r.spikes.meanFiring).toBeGreaterThan(1.4);
    expect(r.spikes.slotSparsity).toBeCloseTo(1 - r.spikes.meanAll / 3, 12);
    expect(r.values.within7AtLeast).toBeGreaterThan(0.98);
    expect(() => fig9Readings([1, 2, 3])).toThrow(/four shares/);
  });
});

describe('roundingTolerance and includesChance', () => {
  it('is half a unit of the reported figure, plus the spread of a rounded intermediate', () => {
    expect(roundingTolerance(97.7, 1)).toBeCloseTo(0.05, 12);
    // 201.6 = 28 x 7.2, with 7.2 standing for 7.15..7.25
    expect(roundingTolerance(201.6, 1, { value: 7.2, decimals: 1, f: (x) => 28 * x })).toBeCloseTo(0.05 + 1.4, 9);
    expect(() => roundingTolerance(1, -1)).toThrow(/reportedDecimals must be an integer >= 0/);
  });
  it('says whether an interval contains chance', () => {
    expect(includesChance([2, 20], 10)).toBe(true);
    expect(includesChance([12, 30], 10)).toBe(false);
  });
});
