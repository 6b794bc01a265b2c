import { describe, expect, it } from 'vitest';
import { evalPolynomial, fitPolynomial, fitPowerLaw, powerLawPredictionInterval, predictPowerLaw, studentT975 } from '../../lib/index.js';

describe('fitPowerLaw(xs, ys)', () => {
  it('recovers an exact power law', () => {
    const xs = [1, 2, 4, 8, 16];
    const f = fitPowerLaw(
      xs,
      xs.map((x) => 3 * x ** 1.5),
    );
    expect(f.coefficient).toBeCloseTo(3, 10);
    expect(f.exponent).toBeCloseTo(1.5, 10);
    expect(f.exponentStdError).toBeCloseTo(0, 10);
    expect(predictPowerLaw(f, 32)).toBeCloseTo(3 * 32 ** 1.5, 6);
  });

  it('gives a prediction interval that widens away from the data and contains the fit', () => {
    const xs = [1, 2, 3, 4, 5, 6];
    const ys = [2.1, 3.9, 6.3, 7.8, 10.4, 11.7];
    const f = fitPowerLaw(xs, ys);
    const near = powerLawPredictionInterval(f, 3.5),
      far = powerLawPredictionInterval(f, 60);
    expect(near.low).toBeLessThan(near.mid);
    expect(near.high).toBeGreaterThan(near.mid);
    expect(far.high / far.low).toBeGreaterThan(near.high / near.low);
    expect(f.exponentStdError).toBeGreaterThan(0);
  });

  it('rejects non-positive values and mismatched lengths', () => {
    expect(() => fitPowerLaw([1, 2], [1])).toThrow(/same length, got 2 and 1/);
    expect(() => fitPowerLaw([0, 2], [1, 2])).toThrow(/x\[0\] = 0/);
    expect(() => fitPowerLaw([2, 2], [1, 2])).toThrow(/must not all be equal/);
  });
});

describe('fitPolynomial(xs, ys, degree)', () => {
  it('fits a line and a parabola exactly, at large x too', () => {
    const xs = [262144, 524288, 1048576];
    const line = fitPolynomial(
      xs,
      xs.map((x) => 650 + 0.026 * x),
      1,
    );
    expect(line[0]).toBeCloseTo(650, 6);
    expect(line[1]).toBeCloseTo(0.026, 12);
    const quad = fitPolynomial(
      xs,
      xs.map((x) => 300 + 0.027 * x - 1e-9 * x * x),
      2,
    );
    expect(evalPolynomial(quad, 4194304)).toBeCloseTo(300 + 0.027 * 4194304 - 1e-9 * 4194304 ** 2, 4);
  });

  it('rejects a degree the points cannot determine', () => {
    expect(() => fitPolynomial([1, 2], [1, 2], 2)).toThrow(/need at least 3 points, got 2/);
    expect(() => fitPolynomial([1, 2], [1, 2], 5)).toThrow(/degree must be an integer in \[0, 4\], got 5/);
  });
});

describe('studentT975(df)', () => {
  it('has the textbook quantiles', () => {
    expect(studentT975(1)).toBe(12.706);
    expect(studentT975(10)).toBe(2.228);
    expect(studentT975(1000)).toBe(1.96);
    expect(() => studentT975(0)).toThrow(/df must be an integer >= 1/);
  });
});
