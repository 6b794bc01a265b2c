/**
 * The fused softmax attention (ops/attention/fused.ts, hand-written gradient) against its autodiff
 * sibling (ops/attention/blocked.ts) and the float64 reference: outputs and gradients, for grouped
 * heads, windows, decoding offsets (Lq < Lk), no mask, and forced query blocks.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { naiveSoftmaxAttention, softmaxAttention, type SoftmaxAttentionOptions } from '../../lib/ops/index.js';
import { fusedAttention, fusedPlan } from '../../lib/ops/attention/fused.js';
import { leakedTensors, useWasmBackend } from '../helpers/tfjs.js';
import { attentionInputs, attentionTensors, f32, maxAbs, maxAbsDiff, randn, type AttentionShape } from './helpers.js';

useWasmBackend();

interface Case extends AttentionShape {
  opts: SoftmaxAttentionOptions;
  blockSize?: number;
}

const cases: Case[] = [
  { B: 2, H: 4, Hkv: 2, Lq: 37, Lk: 37, K: 8, V: 6, opts: { causal: true } },
  { B: 2, H: 4, Hkv: 2, Lq: 37, Lk: 37, K: 8, V: 6, opts: { causal: true }, blockSize: 8 },
  { B: 1, H: 6, Hkv: 2, Lq: 50, Lk: 50, K: 8, V: 8, opts: { window: 5 }, blockSize: 16 },
  { B: 1, H: 2, Hkv: 2, Lq: 50, Lk: 50, K: 8, V: 8, opts: { window: 7 } },
  { B: 2, H: 4, Hkv: 1, Lq: 5, Lk: 29, K: 8, V: 4, opts: { causal: true } },
  { B: 1, H: 4, Hkv: 2, Lq: 9, Lk: 29, K: 8, V: 4, opts: { window: 6 }, blockSize: 4 },
  { B: 2, H: 2, Hkv: 1, Lq: 11, Lk: 17, K: 4, V: 4, opts: {} },
];

function data(c: Case, seed: number) {
  return {
    ...attentionInputs(c, seed),
    w: f32(randn(c.B * c.H * c.Lq * c.V, seed + 3)),
  };
}

function run(c: Case, x: ReturnType<typeof data>, f: (q: tf.Tensor4D, k: tf.Tensor4D, v: tf.Tensor4D) => tf.Tensor4D) {
  let out: Float32Array = new Float32Array();
  const grads = tf.tidy(() => {
    const [q, k, v] = attentionTensors(c, x);
    out = f(q, k, v).dataSync() as Float32Array;
    const g = tf.grads((a: tf.Tensor, b: tf.Tensor, d: tf.Tensor) =>
      tf.sum(tf.mul(f(a as tf.Tensor4D, b as tf.Tensor4D, d as tf.Tensor4D), tf.tensor(x.w, [c.B, c.H, c.Lq, c.V]))),
    );
    return g([q, k, v]).map((t) => t.dataSync() as Float32Array);
  });
  return { out, grads };
}

describe('fusedAttention', () => {
  it('equals the float64 reference and the blocked kernel, outputs and gradients', () => {
    cases.forEach((c, i) => {
      const x = data(c, 100 + 10 * i);
      const causal = c.opts.causal ?? c.opts.window !== undefined;
      const fused = run(c, x, (q, k, v) =>
        fusedAttention(q, k, v, {
          causal,
          window: c.opts.window ?? Infinity,
          scale: 1 / Math.sqrt(c.K),
          ...(c.blockSize ? { blockSize: c.blockSize } : {}),
        }),
      );
      const blocked = run(c, x, (q, k, v) => softmaxAttention(q, k, v, { ...c.opts, kernel: 'blocked' }));
      const ref = naiveSoftmaxAttention(x.q, x.k, x.v, { B: c.B, H: c.H, Hkv: c.Hkv, Lq: c.Lq, Lk: c.Lk, K: c.K, V: c.V }, c.opts);
      expect(maxAbsDiff(fused.out, ref), `case ${i} output`).toBeLessThan(1e-5);
      fused.grads.forEach((g, j) => {
        const scale = Math.max(1, maxAbs(blocked.grads[j]!));
        expect(maxAbsDiff(g, blocked.grads[j]!) / scale, `case ${i} gradient ${j}`).toBeLessThan(1e-5);
      });
    });
  });

  it('is the default kernel of softmaxAttention, and an unknown kernel is rejected', () => {
    const c = cases[0]!;
    const x = data(c, 7);
    const a = run(c, x, (q, k, v) => softmaxAttention(q, k, v, { causal: true }));
    const b = run(c, x, (q, k, v) => fusedAttention(q, k, v, { causal: true, window: Infinity, scale: 1 / Math.sqrt(c.K) }));
    expect(maxAbsDiff(a.out, b.out)).toBe(0);
    const q = tf.zeros([1, 1, 2, 2]) as tf.Tensor4D;
    expect(() => softmaxAttention(q, q, q, { kernel: 'flash' as 'fused' })).toThrow(/kernel 'fused' or 'blocked'/);
    q.dispose();
  });

  it('plans key ranges that cover every visible key; causal blocks of 64 rows by default', () => {
    expect(fusedPlan(256, 256, true, Infinity)).toHaveLength(4);
    expect(fusedPlan(1, 300, true, 16)).toEqual([{ r0: 0, rows: 1, k0: 284, kw: 16 }]);
    expect(fusedPlan(100, 120, false, Infinity)).toHaveLength(1);
    for (const [Lq, Lk, w, bs] of [
      [100, 100, 7, 16],
      [10, 40, 5, 3],
      [64, 64, Infinity, 16],
    ] as const) {
      for (const b of fusedPlan(Lq, Lk, true, w, bs)) {
        for (let r = b.r0; r < b.r0 + b.rows; r++) {
          const p = Lk - Lq + r;
          const first = Number.isFinite(w) ? Math.max(0, p - w + 1) : 0;
          expect(b.k0).toBeLessThanOrEqual(first);
          expect(b.k0 + b.kw).toBeGreaterThan(p);
          expect(b.k0 + b.kw).toBeLessThanOrEqual(Lk);
        }
      }
    }
  });

  it('leaks no tensors across forward and backward', () => {
    const c = cases[2]!;
    const x = data(c, 3);
    run(c, x, (q, k, v) => softmaxAttention(q, k, v, c.opts));
    expect(leakedTensors(() => run(c, x, (q, k, v) => softmaxAttention(q, k, v, c.opts)))).toBe(0);
  });
});
