/**
 * Next-token training with per-token loss weights (for the single-needle base of report App. B.1 at
 * laptop scale: the few answer tokens of a needle document can weigh more than the haystack text, so
 * a small model sees the retrieval signal sooner). Weighted mean: sum(w · CE) / sum(w).
 */
import * as tf from '@tensorflow/tfjs';
import type { SpikingBrainModel, TokenIds } from '../models/index.js';

/** Weights [B, L] for targets [B, L]: 1 everywhere, `answerWeight` at the `digits` targets of each row's answer (answerAt: first answer digit in the row of L + 1 tokens, -1 for none; or a list of them per row). */
export function answerWeights(
  answerAt: readonly (number | readonly number[])[],
  targetLength: number,
  digits: number,
  answerWeight: number,
): number[][] {
  if (!(typeof answerWeight === 'number' && answerWeight >= 0 && Number.isFinite(answerWeight)))
    throw new RangeError(`answerWeight must be a finite number >= 0, got ${JSON.stringify(answerWeight)}`);
  if (!Number.isInteger(digits) || digits < 1) throw new RangeError(`digits must be an integer >= 1, got ${JSON.stringify(digits)}`);
  return answerAt.map((entry, b) => {
    const w = new Array<number>(targetLength).fill(1);
    for (const a of typeof entry === 'number' ? [entry] : entry) {
      if (!Number.isInteger(a) || a < -1 || a > targetLength)
        throw new RangeError(`answerAt[${b}] must be -1 or an integer in [1, ${targetLength}], got ${JSON.stringify(a)}`);
      // the target at index t is row[t + 1], so the answer digit at row index a is target a - 1
      if (a > 0) for (let j = 0; j < digits && a - 1 + j < targetLength; j++) w[a - 1 + j] = answerWeight;
    }
    return w;
  });
}

/** Weighted mean next-token cross-entropy (differentiable). */
export function weightedLoss(model: SpikingBrainModel, inputs: TokenIds, targets: number[][], weights: number[][]): tf.Scalar {
  return tf.tidy(() => {
    const logits = model.forward(inputs, { differentiable: true });
    const [B, L, V] = logits.shape;
    if (targets.length !== B || weights.length !== B || targets.some((t) => t.length !== L) || weights.some((w) => w.length !== L)) {
      throw new RangeError(`targets and weights must have shape [${B}, ${L}]`);
    }
    const logp = tf.logSoftmax(tf.reshape(logits, [-1, V]));
    const onehot = tf.oneHot(tf.tensor1d(targets.flat(), 'int32'), V);
    const ce = tf.neg(tf.sum(tf.mul(onehot, logp), -1));
    const w = tf.tensor1d(weights.flat());
    return tf.div(tf.sum(tf.mul(ce, w)), tf.sum(w)) as tf.Scalar;
  });
}

/** One Adam step on the weighted loss; returns the loss before the step (like trainStep). */
export function weightedTrainStep(
  model: SpikingBrainModel,
  optimizer: tf.Optimizer,
  inputs: number[][],
  targets: number[][],
  weights: number[][],
): number {
  if (model.runtime.mode !== 'float') throw new Error('weightedTrainStep needs float projections: call model.setW8ASpike(false) first');
  const cost = optimizer.minimize(() => weightedLoss(model, inputs, targets, weights), true, model.trainableVariables());
  if (!cost) throw new Error('optimizer.minimize returned no loss');
  const value = cost.dataSync()[0]!;
  cost.dispose();
  model.weightsChanged();
  return value;
}
