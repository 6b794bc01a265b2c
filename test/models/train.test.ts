import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
  SpikingBrainModel,
  WASM_HEAP_LIMIT_BYTES,
  accumulateGradients,
  chooseMicroBatch,
  estimateTrainStepBytes,
  nextTokenBatch,
  tinyConfig,
  tinyFullAttentionConfig,
  tinyIntraConfig,
  trainStep,
} from '../../lib/index.js';
import { leakedTensors, useWasmBackend } from '../helpers/tfjs.js';

useWasmBackend();

describe('trainStep(model, optimizer, inputs, targets) on the tiny preset', () => {
  it('a few Adam steps reduce the loss on a repeated pattern, leaking nothing per step', () => {
    const model = new SpikingBrainModel(tinyConfig(), { seed: 42 });
    const opt = tf.train.adam(3e-3);
    const pattern = (o: number) => Array.from({ length: 33 }, (_, i) => (7 * i + o) % 23);
    const { inputs, targets } = nextTokenBatch([pattern(0), pattern(5)]);
    const losses: number[] = [trainStep(model, opt, inputs, targets)];
    // after the first step Adam's slots exist: later steps must leave the tensor count unchanged
    const leaked = leakedTensors(() => {
      for (let i = 0; i < 5; i++) losses.push(trainStep(model, opt, inputs, targets));
    });
    expect(leaked).toBe(0);
    expect(losses[0]).toBeCloseTo(Math.log(256), 0);
    expect(losses[losses.length - 1]!).toBeLessThan(losses[0]! - 0.5);
    opt.dispose();
    model.dispose();
  });
  it('every tiny preset takes a training step (MoE routing, sink tokens, full attention)', () => {
    for (const config of [tinyIntraConfig(), tinyFullAttentionConfig()]) {
      const model = new SpikingBrainModel(config, { seed: 3 });
      const opt = tf.train.adam(1e-3);
      const a = trainStep(model, opt, [[1, 2, 3, 4, 5, 6]], [[2, 3, 4, 5, 6, 7]]);
      const b = trainStep(model, opt, [[1, 2, 3, 4, 5, 6]], [[2, 3, 4, 5, 6, 7]]);
      expect(Number.isFinite(a) && b < a).toBe(true);
      opt.dispose();
      model.dispose();
    }
  });
  it('the differentiable (one-hot) and gather embeddings give the same logits', () => {
    const model = new SpikingBrainModel(tinyConfig(), { seed: 1 });
    tf.tidy(() => {
      const a = model.forward([[1, 2, 3, 200]]);
      const b = model.forward([[1, 2, 3, 200]], { differentiable: true });
      expect(tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]).toBe(0);
    });
    expect(() => model.forward([[1, 256]])).toThrow(/token ids must be integers in \[0, 255\] \(vocab_size 256\), got 256/);
    model.dispose();
  });
});

describe('gradient accumulation (micro-batches, one optimizer update)', () => {
  const rows = (B: number, L: number, o: number) =>
    Array.from({ length: B }, (_, b) => Array.from({ length: L }, (_, i) => (i * 11 + b * 29 + o) % 256));
  it('accumulated gradients and loss equal the full-batch ones (hybrid and full attention)', () => {
    for (const config of [tinyConfig(), tinyFullAttentionConfig()]) {
      const model = new SpikingBrainModel(config, { seed: 5 });
      const ids = tf.tensor2d(rows(4, 12, 0), [4, 12], 'int32');
      const tg = tf.tensor2d(rows(4, 12, 1), [4, 12], 'int32');
      const full = accumulateGradients(model, ids, tg, 4);
      for (const micro of [1, 2]) {
        const acc = accumulateGradients(model, ids, tg, micro);
        expect(acc.loss).toBeCloseTo(full.loss, 5);
        expect(Object.keys(acc.grads).sort()).toEqual(Object.keys(full.grads).sort());
        for (const [name, g] of Object.entries(full.grads)) {
          const [err, scale] = tf.tidy(() => [
            tf.max(tf.abs(tf.sub(acc.grads[name]!, g))).dataSync()[0]!,
            tf.max(tf.abs(g)).dataSync()[0]!,
          ]);
          expect(err, name).toBeLessThanOrEqual(1e-5 * Math.max(scale!, 1e-3) + 1e-8);
        }
        tf.dispose(Object.values(acc.grads));
      }
      tf.dispose(Object.values(full.grads));
      tf.dispose([ids, tg]);
      model.dispose();
    }
  });
  it('the micro-batch is the largest divisor of B whose estimate fits (16 × 1024 hybrid: not 16 or 8)', () => {
    const model = new SpikingBrainModel(tinyConfig(), { seed: 1 });
    const m = chooseMicroBatch(model, 16, 1024);
    expect(16 % m).toBe(0);
    expect(estimateTrainStepBytes(model.config, m, 1024)).toBeLessThanOrEqual(WASM_HEAP_LIMIT_BYTES);
    expect(estimateTrainStepBytes(model.config, 2 * m, 1024)).toBeGreaterThan(WASM_HEAP_LIMIT_BYTES - tf.memory().numBytes);
    expect(m).toBeLessThan(16);
    expect(chooseMicroBatch(model, 8, 64)).toBe(8);
    model.dispose();
  });
  it('trainStep in micro-batches makes the same update as the whole batch, leaking nothing', () => {
    const a = new SpikingBrainModel(tinyConfig(), { seed: 9 });
    const b = new SpikingBrainModel(tinyConfig(), { seed: 9 });
    const oa = tf.train.sgd(0.5);
    const ob = tf.train.sgd(0.5);
    const x = rows(4, 10, 2);
    const y = rows(4, 10, 3);
    const la = trainStep(a, oa, x, y);
    trainStep(b, ob, x, y, { microBatch: 1 });
    const leaked = leakedTensors(() => void trainStep(b, ob, x, y, { microBatch: 2 }));
    expect(leaked).toBe(0);
    trainStep(a, oa, x, y);
    expect(la).toBeGreaterThan(0);
    const pa = a.parameters();
    const pb = b.parameters();
    for (let i = 0; i < pa.length; i++) {
      const err = tf.tidy(() => tf.max(tf.abs(tf.sub(pa[i]![1], pb[i]![1]))).dataSync()[0]!);
      expect(err, pa[i]![0]).toBeLessThan(1e-5);
    }
    expect(() => trainStep(a, oa, x, y, { microBatch: 3 })).toThrow(/options.microBatch must be a divisor of the batch 4, got 3/);
    oa.dispose();
    ob.dispose();
    a.dispose();
    b.dispose();
  });
});
