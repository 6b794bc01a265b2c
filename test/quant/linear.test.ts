import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
  w8aspikeLinear,
  adaptiveThresholdSpikes,
  quantizeInt8GroupWise,
  dequantizeInt8,
  mulberry32,
  normalSamples,
} from '../../lib/index.js';
import { leakedTensors, useWasmBackend } from '../helpers/tfjs.js';

useWasmBackend();

const N = 5,
  IN = 256,
  OUT = 24;

function inputs(seed: number) {
  const x = new Float32Array(normalSamples(N * IN, seed));
  // a few outliers, as real activations have
  x[3] = 25;
  x[IN + 7] = -30;
  const rng = mulberry32(seed + 1);
  const w = Float32Array.from({ length: OUT * IN }, () => (rng() - 0.5) * 0.2);
  const b = Float32Array.from({ length: OUT }, () => rng() - 0.5);
  return { x, w, b };
}

/** counts * Vth from the CPU reference, as float32. */
function spikedReference(x: Float32Array, k: number): { spiked: Float32Array; counts: Int32Array } {
  const { counts, vth } = adaptiveThresholdSpikes(x, N, IN, k);
  const spiked = new Float32Array(N * IN);
  for (let r = 0; r < N; r++) for (let c = 0; c < IN; c++) spiked[r * IN + c] = counts[r * IN + c]! * vth[r]!;
  return { spiked, counts };
}

describe('w8aspikeLinear(x, weight, bias, options)', () => {
  it('equals (counts * Vth) W^T + b with the reference counts, bit for bit against the same tfjs linear', () => {
    const { x, w, b } = inputs(42);
    const { spiked } = spikedReference(x, 3);
    tf.tidy(() => {
      const W = tf.tensor2d(w, [OUT, IN]);
      const B = tf.tensor1d(b);
      const y = w8aspikeLinear(tf.tensor2d(x, [N, IN]), W, B, {});
      const expected = tf.add(tf.matMul(tf.tensor2d(spiked, [N, IN]), W, false, true), B);
      expect(y.shape).toEqual([N, OUT]);
      expect(Array.from(y.dataSync())).toEqual(Array.from(expected.dataSync()));
      // and close to a float64 evaluation of the same formula
      const yv = y.dataSync();
      for (let r = 0; r < N; r++) {
        for (let o = 0; o < OUT; o++) {
          let acc = b[o]!;
          for (let c = 0; c < IN; c++) acc += spiked[r * IN + c]! * w[o * IN + c]!;
          expect(yv[r * OUT + o]).toBeCloseTo(acc, 4);
        }
      }
    });
  });

  it('is not the plain linear: spiking changes the output', () => {
    const { x, w } = inputs(3);
    tf.tidy(() => {
      const X = tf.tensor2d(x, [N, IN]);
      const W = tf.tensor2d(w, [OUT, IN]);
      const diff = tf.max(tf.abs(tf.sub(w8aspikeLinear(X, W, null), tf.matMul(X, W, false, true)))).dataSync()[0]!;
      expect(diff).toBeGreaterThan(1e-3);
    });
  });

  it('uses k (default 3) and hands the counts of each forward to onCounts', () => {
    const { x, w } = inputs(5);
    for (const k of [undefined, 2, 5]) {
      const seen: number[][] = [];
      tf.tidy(() => {
        w8aspikeLinear(tf.tensor2d(x, [N, IN]), tf.tensor2d(w, [OUT, IN]), null, {
          ...(k === undefined ? {} : { k }),
          onCounts: (counts) => {
            expect(counts.shape).toEqual([N, IN]);
            seen.push(Array.from(counts.dataSync(), (v) => v + 0));
          },
        });
      });
      expect(seen.length).toBe(1);
      expect(seen[0]).toEqual(Array.from(spikedReference(x, k ?? 3).counts));
    }
  });

  it('with a dequantized INT8 weight is the W8ASpike QuantLinear forward', () => {
    const { x, w, b } = inputs(11);
    const dq = dequantizeInt8(quantizeInt8GroupWise(w, OUT, IN, 128));
    const { spiked } = spikedReference(x, 3);
    tf.tidy(() => {
      const W = tf.tensor2d(dq, [OUT, IN]);
      const y = w8aspikeLinear(tf.tensor2d(x, [N, IN]), W, tf.tensor1d(b));
      const expected = tf.add(tf.matMul(tf.tensor2d(spiked, [N, IN]), W, false, true), tf.tensor1d(b));
      expect(Array.from(y.dataSync())).toEqual(Array.from(expected.dataSync()));
    });
  });

  it('has the straight-through gradient: the plain linear gradients, dx as if unspiked, dW and db at the spiked input', () => {
    const { x, w, b } = inputs(42);
    const { spiked } = spikedReference(x, 3);
    tf.tidy(() => {
      const X = tf.tensor2d(x, [N, IN]);
      const W = tf.tensor2d(w, [OUT, IN]);
      const B = tf.tensor1d(b);
      // a random upstream gradient
      const R = tf.tensor2d(Float32Array.from(normalSamples(N * OUT, 9)), [N, OUT]);
      const plain = (xIn: tf.Tensor, wIn: tf.Tensor, bIn: tf.Tensor) => tf.sum(tf.mul(tf.add(tf.matMul(xIn, wIn, false, true), bIn), R));
      const ste = tf.grads((xIn: tf.Tensor, wIn: tf.Tensor, bIn: tf.Tensor) =>
        tf.sum(tf.mul(w8aspikeLinear(xIn as tf.Tensor2D, wIn as tf.Tensor2D, bIn as tf.Tensor1D), R)),
      )([X, W, B]);
      const atSpiked = tf.grads(plain)([tf.tensor2d(spiked, [N, IN]), W, B]);
      const atX = tf.grads(plain)([X, W, B]);
      const [dx, dW, db] = ste.map((g) => Array.from(g.dataSync()));
      expect(dx).toEqual(Array.from(atX[0]!.dataSync()));
      expect(dx).toEqual(Array.from(atSpiked[0]!.dataSync()));
      expect(dW).toEqual(Array.from(atSpiked[1]!.dataSync()));
      expect(db).toEqual(Array.from(atSpiked[2]!.dataSync()));
      // dW at the spiked input is not dW at x: the forward really used the spikes
      expect(dW).not.toEqual(Array.from(atX[1]!.dataSync()));
      // dx = R W
      expect(dx).toEqual(Array.from(tf.matMul(R, W).dataSync()));
    });
  });

  it('leaks no tensors, forward or under tf.grads', () => {
    const { x, w, b } = inputs(1);
    const X = tf.tensor2d(x, [N, IN]);
    const W = tf.tensor2d(w, [OUT, IN]);
    const B = tf.tensor1d(b);
    expect(leakedTensors(() => w8aspikeLinear(X, W, B, { onCounts: (c) => c.sum().dispose() }).dispose())).toBe(0);
    expect(leakedTensors(() => w8aspikeLinear(X, W, null, { sumOrder: 'backend' }).dispose())).toBe(0);
    expect(
      leakedTensors(() => {
        const gs = tf.grads((a: tf.Tensor, c: tf.Tensor) => w8aspikeLinear(a as tf.Tensor2D, c as tf.Tensor2D, B).sum())([X, W]);
        tf.dispose(gs);
      }),
    ).toBe(0);
    tf.dispose([X, W, B]);
  });

  it('rejects mismatched shapes, dtypes and options, naming the argument', () => {
    tf.tidy(() => {
      const X = tf.zeros([2, 8]) as tf.Tensor2D;
      const W = tf.zeros([3, 8]) as tf.Tensor2D;
      expect(() => w8aspikeLinear(X, tf.zeros([3, 7]) as tf.Tensor2D, null)).toThrow(
        /expected weight of shape \[out, in\] with in = 8 \(x's last dim\), got \[3, 7\]/,
      );
      expect(() => w8aspikeLinear(tf.zeros([8]) as unknown as tf.Tensor2D, W, null)).toThrow(/expected x of shape \[N, in\], got \[8\]/);
      expect(() => w8aspikeLinear(X, W, tf.zeros([4]) as tf.Tensor1D)).toThrow(/expected bias of shape \[out\] = \[3\], got \[4\]/);
      expect(() => w8aspikeLinear(X, W, undefined as unknown as null)).toThrow(/expected bias to be a tf.Tensor of shape \[out\] or null/);
      expect(() => w8aspikeLinear(X, W, null, { k: -1 })).toThrow(/k must be a finite number > 0, got -1/);
      expect(() => w8aspikeLinear(X, W, null, { sumOrder: 'gpu' as 'torch' })).toThrow(/sumOrder must be 'torch' or 'backend'/);
      expect(() => w8aspikeLinear(X, W, null, { onCounts: 3 as unknown as () => void })).toThrow(/options.onCounts must be a function/);
    });
  });
});
