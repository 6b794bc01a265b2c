import { describe, expect, it } from 'vitest';
import {
  averageReadings,
  bitwiseReductionReadings,
  budgetRange,
  decodeDrawnTrain,
  halfUnit,
  hybridEquivalentWindow,
  improvedIndices,
  laEquivalentWindow,
  marksAgreeing,
  meanOf,
  nonDecreasing,
  nonIncreasing,
  recoveryPct,
  relativeDropPct,
  speedupReadings,
  sourceOf,
  rowOf,
  columnOf,
  TABLE1,
  TABLE2,
  TABLE3,
  TABLE11_ACCURACY,
  type MarkedTable,
} from '../../lib/index.js';

describe('report checks', () => {
  it('meanOf and averageReadings give the unweighted mean and the mean of group means', () => {
    expect(meanOf([1, 2, 6])).toBe(3);
    const r = averageReadings([1, 1, 1, 4, 7], [[0, 1, 2], [3], [4]]);
    expect(r.unweighted).toBeCloseTo(2.8, 12);
    expect(r.groupMean).toBeCloseTo(4, 12);
    expect(() => meanOf([])).toThrow(/xs must not be empty/);
    expect(() => meanOf([1, NaN])).toThrow(/xs\[1\] must be a finite number/);
    expect(() => averageReadings([1, 2], [[0, 5]])).toThrow(/group index 5 outside 0..1/);
  });
  it('halfUnit is half a unit in the last printed place', () => {
    expect(halfUnit(0)).toBe(0.5);
    expect(halfUnit(3)).toBeCloseTo(0.0005, 15);
    expect(() => halfUnit(1.5)).toThrow(/decimals must be an integer/);
  });
  it('recoveryPct distinguishes the ratio of means from the mean of ratios', () => {
    const r = recoveryPct([50, 100], [100, 100]);
    expect(r.ratioOfMeans).toBeCloseTo(75, 12);
    expect(r.meanOfRatios).toBeCloseTo(75, 12);
    const s = recoveryPct([10, 90], [20, 100]);
    expect(s.ratioOfMeans).toBeCloseTo((100 * 50) / 60, 12);
    expect(s.meanOfRatios).toBeCloseTo(70, 12);
    expect(() => recoveryPct([1], [1, 2])).toThrow(/same length/);
  });
  it('speedupReadings and relativeDropPct', () => {
    const s = speedupReadings(300, 100);
    expect(s.ratio).toBe(3);
    expect(s.ratioMinusOne).toBe(2);
    expect(s.savingPct).toBeCloseTo(66.6667, 3);
    expect(() => speedupReadings(0, 1)).toThrow(/latencies must be > 0/);
    expect(relativeDropPct(0.7, 0.63)).toBeCloseTo(10, 10);
    expect(() => relativeDropPct(0, 1)).toThrow(/before must be finite and non-zero/);
  });
  it('budgetRange sums [low, high] stage budgets (§3.4: 140–160B)', () => {
    expect(budgetRange([{ tokensB: [100, 100] }, { tokensB: [20, 30] }, { tokensB: [20, 30] }])).toEqual([140, 160]);
  });
  it('improvedIndices, nonIncreasing, nonDecreasing', () => {
    expect(improvedIndices([1, 2, 3], [2, 2, 4])).toEqual([0, 2]);
    expect(() => improvedIndices([1], [1, 2])).toThrow(/same length/);
    expect(nonIncreasing([3, 3, 1])).toBe(true);
    expect(nonIncreasing([1, 2])).toBe(false);
    expect(nonDecreasing([1, 1, 2])).toBe(true);
  });
  it('equivalent windows: a 128 x 128 state equals 64 tokens of K and V; the 1:1 hybrid averages to 2080', () => {
    expect(laEquivalentWindow(128)).toBe(64);
    expect(hybridEquivalentWindow(1, 1, 64, 4096)).toBe(2080);
    expect(hybridEquivalentWindow(1, 3, 64, 4096)).toBe(3088);
    expect(() => laEquivalentWindow(0)).toThrow(/dk and dv must be > 0/);
    expect(() => hybridEquivalentWindow(0, 0, 1, 1)).toThrow(/positive sum/);
  });
  it('decodeDrawnTrain reads a drawn train with the library decoder (Fig. 4)', () => {
    expect(decodeDrawnTrain([-1, 0, -1], 'bitwise-bidirectional')).toBe(-5);
    expect(decodeDrawnTrain([1, 0, 1, 1], 'bitwise-twos-complement')).toBe(-5);
    expect(decodeDrawnTrain([1, 1, 1, 1, 1, 0, 0, 0], 'binary')).toBe(5);
    expect(decodeDrawnTrain([1, 0, 1], 'bitwise')).toBe(5);
  });
  it('bitwiseReductionReadings: every reading for an 8-bit count is at least 16x', () => {
    const r = bitwiseReductionReadings(8);
    expect(Math.min(...r.map((x) => x.ratio))).toBe(16);
    expect(r.map((x) => x.ratio)).toContain(128);
    expect(() => bitwiseReductionReadings(1)).toThrow(/bits must be an integer in \[2, 30\]/);
  });
  it('marksAgreeing finds a misplaced bold mark', () => {
    expect(marksAgreeing(TABLE1)).toEqual({ agree: 5, rows: 5, disagreeing: [] });
    const swapped: MarkedTable = {
      ...TABLE2,
      marks: TABLE2.marks.map((m, i) => (i === 0 ? { bold: m.underlined, underlined: m.bold } : m)),
    };
    expect(marksAgreeing(swapped)).toEqual({ agree: 4, rows: 5, disagreeing: ['MMLU'] });
  });
  it('sourceOf, rowOf and columnOf name what is missing', () => {
    expect(sourceOf(TABLE3.location, { where: '§5.5', page: 21 })).toBe('report Table 3 (p. 21), §5.5 (p. 21)');
    expect(() => sourceOf()).toThrow(/at least one location/);
    expect(rowOf(TABLE11_ACCURACY, 'k = 3')[7]).toBe(0.6875);
    expect(() => rowOf(TABLE3, 'nope')).toThrow(/Table 3 has no row "nope"; rows: SpikingBrain-7B/);
    expect(columnOf(TABLE1, 'Qwen2.5 (base)')).toEqual([74.21, 81.73, 44.04, 72.81, 81.6]);
    expect(() => columnOf(TABLE1, 'GPT')).toThrow(/Table 1 has no column "GPT"/);
  });
});
