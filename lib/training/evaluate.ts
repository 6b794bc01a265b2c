/**
 * Held-out evaluation (report Table 12's role at our scale: loss and perplexity instead of
 * HellaSwag / MMLU): mean next-token cross-entropy over fixed windows, in batches, no gradient.
 */
import * as tf from '@tensorflow/tfjs';
import type { SpikingBrainModel } from '../models/index.js';
import { checkInteger } from '../util/validate.js';

/** Mean next-token loss (nats per token) over windows of equal length L + 1, `batchSize` windows at a time. */
export function evaluateLoss(model: SpikingBrainModel, windows: readonly number[][], batchSize = 16): number {
  if (windows.length === 0) throw new RangeError('expected at least one evaluation window');
  const L1 = windows[0]!.length;
  if (L1 < 2 || windows.some((w) => w.length !== L1))
    throw new RangeError(`expected windows of equal length >= 2, got lengths ${[...new Set(windows.map((w) => w.length))].join(', ')}`);
  checkInteger('batchSize', batchSize, 1);
  let total = 0;
  for (let i = 0; i < windows.length; i += batchSize) {
    const chunk = windows.slice(i, i + batchSize);
    const inputs = chunk.map((w) => w.slice(0, -1));
    const targets = chunk.map((w) => w.slice(1));
    const v = tf.tidy(() => {
      const logits = model.forward(inputs);
      const V = logits.shape[2];
      const logp = tf.logSoftmax(tf.reshape(logits, [-1, V]));
      const t = tf.tensor1d(targets.flat(), 'int32');
      const picked = tf.sum(tf.mul(logp, tf.oneHot(t, V)), -1);
      return tf.neg(tf.sum(picked)).dataSync()[0]!;
    });
    total += v;
  }
  return total / (windows.length * (L1 - 1));
}

/** exp(loss). */
export function perplexity(loss: number): number {
  return Math.exp(loss);
}
