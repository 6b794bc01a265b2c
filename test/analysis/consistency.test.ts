import { describe, expect, it } from 'vitest';
import {
  contains,
  impliedSpikesPerChannel,
  impliedWindow,
  roundingInterval,
  windowSparsity,
  windowSparsityInterval,
} from '../../lib/index.js';

describe("consistency of the report's spiking figures", () => {
  it('roundingInterval gives the values a rounded figure stands for', () => {
    const [lo, hi] = roundingInterval(1.13, 2);
    expect(lo).toBeCloseTo(1.125, 12);
    expect(hi).toBeCloseTo(1.135, 12);
    expect(() => roundingInterval(1, -1)).toThrow(/decimals must be an integer >= 0, got -1/);
  });

  it('windowSparsity: 1 - firing share x spikes / window', () => {
    expect(windowSparsity(1.5, 3)).toBeCloseTo(0.5, 12);
    expect(windowSparsity(2, 4, 0.5)).toBeCloseTo(0.75, 12);
    expect(() => windowSparsity(1, 0)).toThrow(/window must be a number > 0, got 0/);
    expect(() => windowSparsity(1, 3, 1.2)).toThrow(/firingShare must be in \[0, 1\], got 1.2/);
  });

  it('windowSparsityInterval bounds every combination of its inputs', () => {
    const spikes = roundingInterval(1.13, 2);
    const firing = [1 - 0.1845, 1 - 0.1835] as const;
    const range = windowSparsityInterval(spikes, 3, firing);
    for (const s of spikes) for (const f of firing) expect(contains(range, windowSparsity(s, 3, f))).toBe(true);
    expect(range[0]).toBeLessThan(range[1]);
  });

  it('implied quantities invert windowSparsity', () => {
    expect(windowSparsity(impliedSpikesPerChannel(0.6915, 3), 3)).toBeCloseTo(0.6915, 12);
    expect(windowSparsity(1.13, impliedWindow(0.6915, 1.13))).toBeCloseTo(0.6915, 12);
  });
});
