/**
 * Training and greedy decoding helpers for the small presets (report §3: continued training is
 * full-parameter; here plain next-token cross-entropy with Adam). The loss is computed, applied and
 * disposed inside one call, so repeated steps leak nothing.
 */
import * as tf from '@tensorflow/tfjs';
import { checkFits, estimateTrainStepBytes } from './memory.js';
import type { SpikingBrainModel, TokenIds } from './model.js';

/** Set once the wasm backend has aborted: tfjs-wasm cannot recover in the same process. */
let backendAborted: string | null = null;

/** Errors that come from inside wasm (out of memory, abort), not from a check of ours. */
export function isWasmAbort(e: unknown): boolean {
  const m = e instanceof Error ? `${e.name} ${e.message}` : String(e);
  return /Aborted\(|memory access out of bounds|RuntimeError|Cannot enlarge memory|out of memory/i.test(m);
}

/** Inputs and targets for next-token prediction from sequences [B, L + 1]: ids[:, :-1] and ids[:, 1:]. */
export function nextTokenBatch(sequences: number[][]): { inputs: number[][]; targets: number[][] } {
  if (sequences.length === 0 || sequences.some((s) => s.length < 2)) throw new RangeError('expected sequences of at least 2 tokens');
  return { inputs: sequences.map((s) => s.slice(0, -1)), targets: sequences.map((s) => s.slice(1)) };
}

/** One optimizer step on the mean cross-entropy; returns the loss before the step. */
export function trainStep(model: SpikingBrainModel, optimizer: tf.Optimizer, inputs: TokenIds, targets: TokenIds): number {
  if (model.runtime.mode !== 'float') throw new Error('trainStep needs float projections: call model.setW8ASpike(false) first');
  if (backendAborted) throw new Error(backendAborted);
  // every input checked, and the size estimated, before any tensor work of the step
  const ids = model.ids(inputs, 'inputs');
  const t = model.ids(targets, 'targets');
  try {
    const [B, L] = ids.shape;
    if (t.shape[0] !== B || t.shape[1] !== L) throw new RangeError(`expected targets of shape [${B}, ${L}] (the inputs' shape), got [${t.shape.join(', ')}]`);
    checkFits('training step', estimateTrainStepBytes(model.config, B, L), B, L);
    let cost: tf.Scalar | null;
    try {
      cost = optimizer.minimize(() => model.loss(ids, t), true, model.trainableVariables());
    } catch (e) {
      if (!isWasmAbort(e)) throw e;
      backendAborted = `the wasm backend aborted during a training step on batch ${B} × length ${L} (${e instanceof Error ? e.message : String(e)}); ` +
        'tfjs-wasm cannot recover from an abort: this process can no longer run the model, restart it with a smaller batch or length';
      throw new Error(backendAborted);
    }
    if (!cost) throw new Error('optimizer.minimize returned no loss');
    const value = cost.dataSync()[0]!;
    cost.dispose();
    model.weightsChanged();
    return value;
  } finally {
    if (ids !== inputs) ids.dispose();
    if (t !== targets) t.dispose();
  }
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
