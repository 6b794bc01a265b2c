import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { SpikingBrainModel, nextTokenBatch, tinyConfig, tinyFullAttentionConfig, tinyIntraConfig, trainStep } from '../../lib/index.js';
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
