import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { adaptiveSpikesTensor, absRowSumTorchOrder, adaptiveThresholdSpikes, mulberry32, type Rng } from '../../lib/index.js';
import { float32AbsSumTorchOrder } from '../../lib/util/float32-sum.js';
import { adaptiveGolden } from '../helpers/golden-adaptive.js';
import { leakedTensors, useWasmBackend } from '../helpers/tfjs.js';

useWasmBackend();

const goldenCases = adaptiveGolden();

/** Counts and thresholds of the tensor version, read back. */
function tensorSpikes(x: Float32Array, rows: number, cols: number, k: number, sumOrder?: 'torch' | 'backend') {
  const xt = tf.tensor2d(x, [rows, cols]);
  // without options: the default order ('torch') is what is tested
  const { counts, vth } = sumOrder === undefined ? adaptiveSpikesTensor(xt, k) : adaptiveSpikesTensor(xt, k, { sumOrder });
  // + 0 turns the -0 of round(-0.3) into 0, as the Int32Array of the CPU version does
  const out = { counts: Array.from(counts.dataSync(), (v) => v + 0), vth: Array.from(vth.dataSync()) };
  tf.dispose([xt, counts, vth]);
  return out;
}

/** Rows of normal values with a few large outliers (activations have heavy tails). */
function activations(rng: Rng, rows: number, cols: number): Float32Array {
  const x = new Float32Array(rows * cols);
  for (let i = 0; i < x.length; i++) {
    const u = Math.max(rng(), 1e-12);
    const g = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
    x[i] = rng() < 0.01 ? g * 40 : g;
  }
  return x;
}

/**
 * A row whose |x| sum is exact in any order and whose threshold is exactly 2 quanta, so every odd
 * multiple of the quantum is an exact tie x / Vth = n + 0.5 (cols and k powers of two).
 */
function tieRow(rng: Rng, cols: number, k: number): Float32Array {
  const quantum = 2 ** -5;
  const target = 2 * k * cols; // sum of |m| in quanta: mean / k = 2 quanta
  // |m| <= 2k averages about k, so the balancing entry is usually >= 0
  const a = 2 * k;
  for (let attempt = 0; attempt < 100; attempt++) {
    const m = Array.from({ length: cols - 1 }, () => Math.floor(rng() * (2 * a + 1)) - a);
    const rest = target - m.reduce((s, v) => s + Math.abs(v), 0);
    if (rest < 0) continue;
    m.push(rng() < 0.5 ? rest : -rest);
    // shuffle the big balancing entry into a random place
    const j = Math.floor(rng() * cols);
    [m[j], m[cols - 1]] = [m[cols - 1]!, m[j]!];
    return new Float32Array(m.map((v) => v * quantum));
  }
  throw new Error(`tieRow(${cols}, ${k}): no row found`);
}

describe('adaptiveSpikesTensor(x, k) against W8ASpike dynamic_spikes (golden)', () => {
  for (const c of goldenCases) {
    it(`k = ${c.k}: the golden float32 thresholds and counts`, () => {
      const { counts, vth } = tensorSpikes(new Float32Array(c.x), c.rows, c.cols, c.k);
      expect(vth).toEqual(c.vth.map(Math.fround));
      expect(counts).toEqual(c.counts);
    });
  }
});

describe('absRowSumTorchOrder(x)', () => {
  it('equals the torch-order float32 sum bit for bit at every cascade level (lengths 1 to 140001)', () => {
    const rng = mulberry32(42);
    // 8193+: a level-2 group; 131072+: the level-3 accumulator; odd lengths: leftover vectors and scalar tail
    for (const cols of [1, 7, 8, 9, 31, 32, 33, 63, 100, 127, 128, 129, 511, 512, 513, 1000, 2051, 3584, 8193, 18944, 140001]) {
      const rows = cols > 10000 ? 2 : 5;
      const x = activations(rng, rows, cols);
      const xt = tf.tensor2d(x, [rows, cols]);
      const sums = absRowSumTorchOrder(xt);
      const got = Array.from(sums.dataSync());
      tf.dispose([xt, sums]);
      const want = Array.from({ length: rows }, (_, r) => float32AbsSumTorchOrder(x, r * cols, cols));
      expect(got, `cols ${cols}`).toEqual(want);
    }
  });

  it('differs from a plain float32 tf.sum on most rows (why the order matters)', () => {
    const rng = mulberry32(7);
    const x = activations(rng, 64, 3584);
    const xt = tf.tensor2d(x, [64, 3584]);
    const torch = absRowSumTorchOrder(xt).dataSync();
    const plain = tf.sum(tf.abs(xt), 1).dataSync();
    let differ = 0;
    for (let r = 0; r < 64; r++) if (torch[r] !== plain[r]) differ++;
    tf.dispose(xt);
    expect(differ).toBeGreaterThan(16);
  });
});

describe('adaptiveSpikesTensor(x, k) equals adaptiveThresholdSpikes(x, rows, cols, k)', () => {
  it('on many random rows of several widths and k, thresholds and counts bit for bit', () => {
    const rng = mulberry32(42);
    for (const cols of [1, 5, 32, 100, 128, 1000, 3584]) {
      for (const k of [1, 2, 3, 4, 0.7]) {
        const rows = cols >= 1000 ? 8 : 40;
        const x = activations(rng, rows, cols);
        const ref = adaptiveThresholdSpikes(x, rows, cols, k);
        const got = tensorSpikes(x, rows, cols, k);
        expect(got.vth, `cols ${cols}, k ${k}`).toEqual(Array.from(ref.vth));
        expect(got.counts, `cols ${cols}, k ${k}`).toEqual(Array.from(ref.counts));
      }
    }
  });

  it('on rows full of exact .5 ties, rounding each half to even', () => {
    const rng = mulberry32(42);
    let ties = 0,
      tiesUp = 0;
    for (const cols of [16, 64, 256, 1024]) {
      for (const k of [1, 2, 4]) {
        const rows = 6;
        const x = new Float32Array(rows * cols);
        for (let r = 0; r < rows; r++) x.set(tieRow(rng, cols, k), r * cols);
        const ref = adaptiveThresholdSpikes(x, rows, cols, k);
        const got = tensorSpikes(x, rows, cols, k);
        expect(Array.from(ref.vth)).toEqual(new Array(rows).fill(2 ** -4));
        expect(got.vth).toEqual(Array.from(ref.vth));
        expect(got.counts).toEqual(Array.from(ref.counts));
        for (let i = 0; i < x.length; i++) {
          const ratio = x[i]! / 2 ** -4;
          if (ratio - Math.floor(ratio) === 0.5) {
            ties++;
            expect(Math.abs(got.counts[i]!) % 2).toBe(0);
            if (got.counts[i]! > ratio) tiesUp++;
          }
        }
      }
    }
    // ties were exercised in both directions (2.5 -> 2 and 3.5 -> 4)
    expect(ties).toBeGreaterThan(1000);
    expect(tiesUp).toBeGreaterThan(100);
    expect(ties - tiesUp).toBeGreaterThan(100);
  });

  it('clamps the threshold to [1e-5, 1e4] like the reference', () => {
    const x = new Float32Array([0, 0, 0, 0, 1e-7, -1e-7, 0, 0, 1e6, -1e6, 3e6, 0]);
    const got = tensorSpikes(x, 3, 4, 1);
    const ref = adaptiveThresholdSpikes(x, 3, 4, 1);
    expect(got.vth).toEqual([Math.fround(1e-5), Math.fround(1e-5), 1e4]);
    expect(got.vth).toEqual(Array.from(ref.vth));
    expect(got.counts).toEqual(Array.from(ref.counts));
    expect(got.counts.slice(8)).toEqual([100, -100, 300, 0]);
  });

  it("with sumOrder 'backend' (tf.mean) stays within the float32 summation bound: thresholds within 2·D ulps, counts off by at most 1 and only at near-ties", () => {
    const rng = mulberry32(42);
    let rowsWithOtherVth = 0,
      countsDiffer = 0;
    for (const cols of [32, 128, 1000, 3584]) {
      const rows = 48;
      const k = 3;
      const x = activations(rng, rows, cols);
      const ref = adaptiveThresholdSpikes(x, rows, cols, k);
      const got = tensorSpikes(x, rows, cols, k, 'backend');
      // two float32 sums of the same positive terms differ by at most 2 (D - 1) eps of the sum
      const rel = 2 * cols * 2 ** -24 + 2 ** -22;
      for (let r = 0; r < rows; r++) {
        const t = ref.vth[r]!;
        expect(Math.abs(got.vth[r]! - t)).toBeLessThanOrEqual(rel * t);
        if (got.vth[r] !== t) rowsWithOtherVth++;
        for (let c = 0; c < cols; c++) {
          const i = r * cols + c;
          const d = got.counts[i]! - ref.counts[i]!;
          if (d === 0) continue;
          countsDiffer++;
          expect(Math.abs(d)).toBe(1);
          // x / Vth within the threshold's relative error of a half-integer
          const ratio = x[i]! / t;
          const distance = Math.abs(Math.abs(ratio - Math.trunc(ratio)) - 0.5);
          expect(distance).toBeLessThanOrEqual((rel + 2 ** -22) * Math.abs(ratio));
        }
      }
    }
    // the two orders do give different thresholds: the bound above is exercised
    expect(rowsWithOtherVth).toBeGreaterThan(20);
    // near-ties are rare: a handful of counts at most out of ~230k
    expect(countsDiffer).toBeLessThan(50);
  });

  it('handles a batch of zero rows and returns integer counts as float32', () => {
    const { counts, vth } = adaptiveSpikesTensor(tf.zeros([0, 8]) as tf.Tensor2D);
    expect(counts.shape).toEqual([0, 8]);
    expect(vth.shape).toEqual([0]);
    tf.dispose([counts, vth]);
    const r = adaptiveSpikesTensor(tf.tensor2d([[1, -2, 3, -4]]));
    expect(r.counts.dtype).toBe('float32');
    tf.dispose([r.counts, r.vth]);
  });

  it('leaks no tensors (both sum orders)', () => {
    const x = tf.tensor2d(activations(mulberry32(1), 4, 777), [4, 777]);
    for (const sumOrder of ['torch', 'backend'] as const) {
      expect(
        leakedTensors(() => {
          const { counts, vth } = adaptiveSpikesTensor(x, 3, { sumOrder });
          tf.dispose([counts, vth]);
        }),
      ).toBe(0);
    }
    x.dispose();
  });

  it('rejects a bad x, k or sumOrder, naming the argument', () => {
    const x = tf.tensor2d([[1, 2]]);
    expect(() => adaptiveSpikesTensor(tf.tensor1d([1, 2]) as unknown as tf.Tensor2D)).toThrow(/expected x of shape \[N, D\], got \[2\]/);
    expect(() => adaptiveSpikesTensor(tf.tensor2d([[1, 2]], [1, 2], 'int32'))).toThrow(/expected x of dtype float32, got int32/);
    expect(() => adaptiveSpikesTensor([[1, 2]] as unknown as tf.Tensor2D)).toThrow(/expected x to be a tf.Tensor/);
    expect(() => adaptiveSpikesTensor(x, 0)).toThrow(/k must be a finite number > 0, got 0/);
    expect(() => adaptiveSpikesTensor(x, NaN)).toThrow(/k must be a finite number > 0, got NaN/);
    expect(() => adaptiveSpikesTensor(x, 3, { sumOrder: 'fast' as 'torch' })).toThrow(/sumOrder must be 'torch' or 'backend', got "fast"/);
    expect(() => adaptiveSpikesTensor(tf.zeros([2, 0]) as tf.Tensor2D)).toThrow(/D >= 1/);
    x.dispose();
  });
});
