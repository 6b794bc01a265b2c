import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { MoE, defaultRuntime, normalSamples } from '../../lib/index.js';
import { leakedTensors, useWasmBackend } from '../helpers/tfjs.js';

useWasmBackend();

const make = (o: Partial<ConstructorParameters<typeof MoE>[0]> = {}) =>
  new MoE({
    name: 'model.layers.1.mlp',
    hiddenSize: 8,
    intermediateSize: 16,
    numExperts: 4,
    topK: 2,
    numShared: 1,
    std: 0.3,
    downStd: 0.3,
    seed: 5,
    runtime: defaultRuntime(),
    ...o,
  });

describe('MoE (eq. 7-8, shared experts)', () => {
  it('routes each token to exactly k experts, weighted by their sigmoid scores', () => {
    const moe = make();
    tf.tidy(() => {
      const x = tf.tensor2d(Float32Array.from(normalSamples(6 * 8, 1)), [6, 8]);
      const w = moe.routingWeights(x).arraySync();
      const p = moe.scores(x).arraySync();
      w.forEach((row, r) => {
        const chosen = row.map((v, i) => [v, i] as const).filter(([v]) => v > 0);
        expect(chosen.length).toBe(2);
        const top2 = p[r]!.map((v, i) => [v, i] as const)
          .sort((a, b) => b[0] - a[0])
          .slice(0, 2)
          .map(([, i]) => i)
          .sort();
        expect(chosen.map(([, i]) => i).sort()).toEqual(top2);
        for (const [v, i] of chosen) expect(v).toBeCloseTo(p[r]![i]!, 6);
      });
    });
    moe.dispose();
  });
  it('equals the shared expert plus the weighted sum of the chosen experts', () => {
    const moe = make();
    tf.tidy(() => {
      const x = tf.tensor2d(Float32Array.from(normalSamples(3 * 8, 2)), [3, 8]);
      const w = moe.routingWeights(x);
      let want = moe.shared[0]!.apply(x);
      moe.experts.forEach((e, i) => {
        want = tf.add(want, tf.mul(tf.slice(w, [0, i], [-1, 1]), e.apply(x)));
      });
      const got = moe.apply(x);
      expect(tf.max(tf.abs(tf.sub(got, want))).dataSync()[0]).toBeLessThan(1e-6);
    });
    moe.dispose();
  });
  it('names its parameters like HF MoE checkpoints (router `gate`, experts.i, shared_experts.i)', () => {
    const moe = make();
    const names = moe.parameters().map(([n]) => n);
    expect(names).toContain('model.layers.1.mlp.gate.weight');
    expect(names).toContain('model.layers.1.mlp.experts.3.down_proj.weight');
    expect(names).toContain('model.layers.1.mlp.shared_experts.0.up_proj.weight');
    expect(names.length).toBe(1 + 5 * 3);
    moe.dispose();
  });
  it('passes gradients to the router through the scores, and leaks nothing', () => {
    const moe = make();
    const x = tf.tensor3d(Float32Array.from(normalSamples(2 * 3 * 8, 3)), [2, 3, 8]);
    expect(leakedTensors(() => moe.apply(x).dispose())).toBe(0);
    const { grads, value } = tf.variableGrads(() => tf.sum(tf.square(moe.apply(x))) as tf.Scalar, [moe.router.weight]);
    expect(tf.sum(tf.abs(grads[moe.router.weight.name]!)).dataSync()[0]).toBeGreaterThan(0);
    tf.dispose([value, ...Object.values(grads), x]);
    moe.dispose();
  });
  it('rejects impossible expert counts, naming them', () => {
    expect(() => make({ topK: 5 })).toThrow(/topK must be <= numExperts = 4, got 5/);
    expect(() => make({ topK: 0, numShared: 0 })).toThrow(/numShared and topK cannot both be 0/);
  });
});
