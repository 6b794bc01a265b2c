import { describe, expect, it } from 'vitest';
import { quantizeInt8GroupWise, dequantizeInt8, normalSamples, mulberry32, INT8_GROUP_SIZE } from '../../lib/index.js';

const f = Math.fround;

describe('quantizeInt8GroupWise(w, rows, cols, groupSize)', () => {
  // rows 2, cols 12, groups of 4 consecutive input columns per output row
  const w = new Float32Array([
    127, -2.5, 3.5, 0.5, /**/ 1, 3, -5, 254, /**/ 0, 0, 0, 0, 1e-4, -5e-5, 0, 0, /**/ 2e6, -2e6, 1e4, -1.5e4, /**/ -0.25, 0.25, 0.75, 31.75,
  ]);

  it('follows quantize_sym per group on a hand-worked example: scale = amax/127 clamped to [1e-5, 1e4], round half to even, clamp to [-128, 127]', () => {
    const q = quantizeInt8GroupWise(w, 2, 12, 4);
    // amax 127 -> 1; 254 -> 2; all zero -> clamped up to 1e-5; 1e-4 -> 7.9e-7, clamped up to 1e-5;
    // 2e6 -> 15748, clamped down to 1e4; 31.75 -> 0.25
    expect(Array.from(q.scales)).toEqual([1, 2, f(1e-5), f(1e-5), 1e4, 0.25]);
    expect(Array.from(q.values)).toEqual([
      // -2.5 -> -2 and 0.5 -> 0 (even), 3.5 -> 4; then 0.5 -> 0, 1.5 -> 2, -2.5 -> -2, 127
      127, -2, 4, 0, 0, 2, -2, 127, 0, 0, 0, 0,
      // 1e-4 / 1e-5 = 10; 200 and -200 clamp to 127 and -128, -1.5 -> -2; -1, 1, 3, 127
      10, -5, 0, 0, 127, -128, 1, -2, -1, 1, 3, 127,
    ]);
    expect(q).toMatchObject({ rows: 2, cols: 12, groupSize: 4 });
    expect(Array.from(dequantizeInt8(q))).toEqual([
      127,
      -2,
      4,
      0,
      0,
      4,
      -4,
      254,
      0,
      0,
      0,
      0,
      f(10 * f(1e-5)),
      f(-5 * f(1e-5)),
      0,
      0,
      1.27e6,
      -1.28e6,
      1e4,
      -2e4,
      -0.25,
      0.25,
      0.75,
      31.75,
    ]);
  });

  it('groups consecutive columns within a row, never across rows', () => {
    // row 0 small, row 1 large: per-row groups keep row 0's resolution
    const x = new Float32Array([0.01, 0.025, 0.03, 0.04, 100, 200, 300, 400]);
    const q = quantizeInt8GroupWise(x, 2, 4, 4);
    expect(Array.from(q.scales)).toEqual([f(f(0.04) / 127), f(400 / 127)]);
    expect(Array.from(q.values.subarray(0, 4))).toEqual([32, 79, 95, 127]);
  });

  it('defaults to group size 128, the reference w_group_size', () => {
    expect(INT8_GROUP_SIZE).toBe(128);
    const x = new Float32Array(normalSamples(3 * 256, 42));
    const q = quantizeInt8GroupWise(x, 3, 256);
    expect(q.groupSize).toBe(128);
    expect(q.scales.length).toBe(6);
    expect(q).toEqual(quantizeInt8GroupWise(x, 3, 256, 128));
  });

  it('keeps |w - dequantized| <= scale / 2 in every group (plus float32 rounding), with |q| <= 127', () => {
    const rng = mulberry32(42);
    for (const [rows, cols, g] of [
      [4, 256, 128],
      [3, 96, 32],
      [5, 7, 7],
      [2, 384, 128],
      [1, 1, 1],
    ] as const) {
      const x = new Float32Array(rows * cols);
      // mixed magnitudes, so groups get very different scales
      for (let i = 0; i < x.length; i++) x[i] = (rng() - 0.5) * 10 ** Math.floor(rng() * 6 - 3);
      const q = quantizeInt8GroupWise(x, rows, cols, g);
      const dq = dequantizeInt8(q);
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const i = r * cols + c;
          const scale = q.scales[r * (cols / g) + Math.floor(c / g)]!;
          expect(Math.abs(q.values[i]!)).toBeLessThanOrEqual(127);
          expect(Math.abs(x[i]! - dq[i]!)).toBeLessThanOrEqual(scale * (0.5 + 2 ** -16));
        }
        for (let gi = 0; gi < cols / g; gi++) {
          // the group's largest |w| maps to +-127 (scale = amax / 127)
          let best = 0;
          for (let c = gi * g; c < (gi + 1) * g; c++) best = Math.max(best, Math.abs(q.values[r * cols + c]!));
          expect(best).toBe(127);
        }
      }
    }
  });

  it('rejects a group size that does not divide cols (the reference reshape fails), naming both', () => {
    expect(() => quantizeInt8GroupWise(new Float32Array(200), 1, 200)).toThrow(/groupSize \(128\) must divide cols \(200\)/);
    expect(() => quantizeInt8GroupWise(new Float32Array(10), 2, 5, 2)).toThrow(/groupSize \(2\) must divide cols \(5\)/);
  });

  it('rejects bad shapes, group sizes, array types and non-finite weights, naming the argument', () => {
    expect(() => quantizeInt8GroupWise(new Float32Array(8), 3, 4, 4)).toThrow(/expected w of length rows\*cols = 3\*4 = 12, got 8/);
    expect(() => quantizeInt8GroupWise(new Float32Array(8), 0, 8, 4)).toThrow(/rows must be an integer >= 1/);
    expect(() => quantizeInt8GroupWise(new Float32Array(8), 1, 8, 0)).toThrow(/groupSize must be an integer >= 1, got 0/);
    expect(() => quantizeInt8GroupWise(new Float32Array(8), 1, 8, 2.5)).toThrow(/groupSize must be an integer >= 1, got 2.5/);
    expect(() => quantizeInt8GroupWise([1, 2] as unknown as Float32Array, 1, 2, 2)).toThrow(/w must be a Float32Array, got Array/);
    expect(() => quantizeInt8GroupWise(new Float32Array([1, NaN]), 1, 2, 2)).toThrow(/w\[1\] \(row 0, col 1\) must be finite/);
  });
});

describe('dequantizeInt8(q)', () => {
  it('rejects inconsistent values and scales', () => {
    const q = quantizeInt8GroupWise(new Float32Array(8).fill(1), 2, 4, 2);
    expect(() => dequantizeInt8({ ...q, values: new Int8Array(7) })).toThrow(/q.values to be an Int8Array of length rows\*cols = 8, got 7/);
    expect(() => dequantizeInt8({ ...q, scales: new Float32Array(3) })).toThrow(
      /q.scales to be a Float32Array of length rows\*cols\/groupSize = 4, got 3/,
    );
    expect(() => dequantizeInt8({ ...q, groupSize: 3 })).toThrow(/groupSize \(3\) must divide cols \(4\)/);
  });
});
