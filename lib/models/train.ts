/**
 * Training and greedy decoding helpers for the small presets (report §3: continued training is
 * full-parameter; here plain next-token cross-entropy with Adam). The loss is computed, applied and
 * disposed inside one call, so repeated steps leak nothing.
 */
import * as tf from '@tensorflow/tfjs';
import type { SpikingBrainModel, TokenIds } from './model.js';

/** Inputs and targets for next-token prediction from sequences [B, L + 1]: ids[:, :-1] and ids[:, 1:]. */
export function nextTokenBatch(sequences: number[][]): { inputs: number[][]; targets: number[][] } {
  if (sequences.length === 0 || sequences.some((s) => s.length < 2)) throw new RangeError('expected sequences of at least 2 tokens');
  return { inputs: sequences.map((s) => s.slice(0, -1)), targets: sequences.map((s) => s.slice(1)) };
}

/** One optimizer step on the mean cross-entropy; returns the loss before the step. */
export function trainStep(model: SpikingBrainModel, optimizer: tf.Optimizer, inputs: TokenIds, targets: TokenIds): number {
  if (model.runtime.mode !== 'float') throw new Error('trainStep needs float projections: call model.setW8ASpike(false) first');
  const cost = optimizer.minimize(() => model.loss(inputs, targets), true, model.trainableVariables());
  if (!cost) throw new Error('optimizer.minimize returned no loss');
  const value = cost.dataSync()[0]!;
  cost.dispose();
  model.weightsChanged();
  return value;
}

/** Greedy continuation: prefill the prompt [1, L] with a cache, then `steps` tokens one at a time. */
export function greedyDecode(model: SpikingBrainModel, prompt: number[], steps: number): number[] {
  if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`steps must be an integer >= 0, got ${steps}`);
  const cache = model.createCache();
  const out: number[] = [];
  try {
    let next = [prompt];
    for (let s = 0; s < steps; s++) {
      const id = tf.tidy(() => {
        const logits = model.forward(next, { cache });
        const last = tf.slice(logits, [0, logits.shape[1] - 1, 0], [1, 1, -1]);
        return tf.argMax(tf.reshape(last, [-1])).dataSync()[0]!;
      });
      out.push(id);
      next = [[id]];
    }
  } finally {
    cache.dispose();
  }
  return out;
}
