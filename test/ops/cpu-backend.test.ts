/**
 * The ops cut blocks differently on wasm (host-side copies) and elsewhere (tf.slice): this file runs
 * them on the cpu backend, so the tf.slice path is checked too (the site runs webgl / webgpu).
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../lib/node/backend.js';
import { gatedLinearAttention, glaChunk, glaRecurrent, naiveGla, naiveSoftmaxAttention, softmaxAttention } from '../../lib/ops/index.js';
import { leakedTensors } from '../helpers/tfjs.js';
import { f32, logDecays, maxAbs, maxAbsDiff, randn, tensor4 } from './helpers.js';

beforeAll(async () => {
  await useNodeBackend('cpu');
});

describe('ops on the cpu backend (tf.slice block cuts)', () => {
  const [B, H, L, K, V] = [1, 2, 70, 4, 3];
  const q = f32(randn(B * H * L * K, 1));
  const k = f32(randn(B * H * L * K, 2));
  const v = f32(randn(B * H * L * V, 3));
  const gk = f32(logDecays(B * H * L * K, 4));

  it('runs on the cpu backend', () => {
    expect(tf.getBackend()).toBe('cpu');
  });
  it('softmaxAttention equals the reference (causal and windowed) and leaks nothing', () => {
    for (const options of [{ causal: true }, { window: 9 }]) {
      const o = tf.tidy(() =>
        softmaxAttention(tensor4(q, [B, H, L, K]), tensor4(k, [B, H, L, K]), tensor4(v, [B, H, L, V]), options).dataSync(),
      );
      expect(maxAbsDiff(o, naiveSoftmaxAttention(q, k, v, { B, H, Lq: L, K, V }, options))).toBeLessThan(2e-6);
    }
    const t = [tensor4(q, [B, H, L, K]), tensor4(k, [B, H, L, K]), tensor4(v, [B, H, L, V])] as const;
    expect(leakedTensors(() => softmaxAttention(...t, { window: 9 }).dispose())).toBe(0);
    tf.dispose([...t]);
  });
  it('chunked GLA equals the reference, and its gradients equal the recurrent form', () => {
    const ref = naiveGla(q, k, v, gk, { B, H, L, K, V });
    const out = tf.tidy(() =>
      gatedLinearAttention(tensor4(q, [B, H, L, K]), tensor4(k, [B, H, L, K]), tensor4(v, [B, H, L, V]), tensor4(gk, [B, H, L, K]), {
        chunkSize: 16,
      }).output.dataSync(),
    );
    expect(maxAbsDiff(out, ref.output)).toBeLessThan(2e-5 * Math.max(1, maxAbs(ref.output)));
    const grads = (chunk: boolean) =>
      tf.tidy(() => {
        const g = tf.grads((a: tf.Tensor, b: tf.Tensor, c: tf.Tensor, d: tf.Tensor) => {
          const args = [a, b, c, d, null, 0.5] as unknown as Parameters<typeof glaRecurrent>;
          const r = chunk ? glaChunk(...args, 16) : glaRecurrent(...args);
          return tf.add(tf.sum(tf.mul(r.output, r.output)), tf.sum(r.finalState));
        });
        return g([tensor4(q, [B, H, L, K]), tensor4(k, [B, H, L, K]), tensor4(v, [B, H, L, V]), tensor4(gk, [B, H, L, K])]).map((x) =>
          x.dataSync(),
        );
      });
    const [a, b] = [grads(true), grads(false)];
    a.forEach((g, i) => expect(maxAbsDiff(g, b[i]!)).toBeLessThan(2e-5 * Math.max(1, maxAbs(b[i]!))));
  });
});
