/**
 * The chunked GLA's two layouts (ops/gla/chunk.ts): batched over all chunks and heads, and per head
 * with 2D matMuls. Both against the float64 reference (outputs, final states) and against each
 * other (gradients), with an initial state, a ragged last chunk and grouped batch/heads.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { gatedLinearAttention, naiveGla } from '../../lib/ops/index.js';
import { useWasmBackend } from '../helpers/tfjs.js';
import { f32, logDecays, maxAbs, maxAbsDiff, randn, tensor4 } from './helpers.js';

useWasmBackend();

describe('gatedLinearAttention chunk layouts', () => {
  const [B, H, L, K, V] = [2, 3, 37, 8, 6];
  const x = {
    q: f32(randn(B * H * L * K, 1)),
    k: f32(randn(B * H * L * K, 2)),
    v: f32(randn(B * H * L * V, 3)),
    gk: f32(logDecays(B * H * L * K, 4, 4)),
    h0: f32(randn(B * H * K * V, 5)),
    w: f32(randn(B * H * L * V, 6)),
  };
  const run = (layout: 'batched' | 'per-head') =>
    tf.tidy(() => {
      const q = tensor4(x.q, [B, H, L, K]);
      const k = tensor4(x.k, [B, H, L, K]);
      const v = tensor4(x.v, [B, H, L, V]);
      const gk = tensor4(x.gk, [B, H, L, K]);
      const h0 = tensor4(x.h0, [B, H, K, V]);
      const res = gatedLinearAttention(q, k, v, gk, { initialState: h0, chunkSize: 8, layout });
      const out = res.output.dataSync().slice();
      const state = res.finalState.dataSync().slice();
      const g = tf.grads((a: tf.Tensor, b: tf.Tensor, c: tf.Tensor, d: tf.Tensor, s: tf.Tensor) =>
        tf.sum(
          tf.mul(
            gatedLinearAttention(a as tf.Tensor4D, b as tf.Tensor4D, c as tf.Tensor4D, d as tf.Tensor4D, {
              initialState: s as tf.Tensor4D,
              chunkSize: 8,
              layout,
            }).output,
            tf.tensor(x.w, [B, H, L, V]),
          ),
        ),
      );
      return { out, state, grads: g([q, k, v, gk, h0]).map((t) => t.dataSync().slice()) };
    });

  it('both equal the float64 reference and have the same gradients', () => {
    const ref = naiveGla(x.q, x.k, x.v, x.gk, { B, H, L, K, V }, { initialState: x.h0 });
    const a = run('batched');
    const b = run('per-head');
    for (const r of [a, b]) {
      expect(maxAbsDiff(r.out, ref.output)).toBeLessThan(1e-4);
      expect(maxAbsDiff(r.state, ref.finalState)).toBeLessThan(1e-4);
    }
    a.grads.forEach((g, i) => expect(maxAbsDiff(g, b.grads[i]!) / Math.max(1, maxAbs(g)), `gradient ${i}`).toBeLessThan(1e-4));
  });

  it('rejects an unknown layout', () => {
    const t = tf.zeros([1, 1, 2, 2]) as tf.Tensor4D;
    expect(() => gatedLinearAttention(t, t, t, t, { layout: 'diagonal' as 'batched' })).toThrow(/layout 'auto', 'batched' or 'per-head'/);
    t.dispose();
  });
});
