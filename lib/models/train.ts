/**
 * Training and greedy decoding helpers for the small presets (report §3: continued training is
 * full-parameter; here plain next-token cross-entropy with Adam). The loss is computed, applied and
 * disposed inside one call, so repeated steps leak nothing. A batch too large for the wasm heap runs
 * as micro-batches whose averaged gradients make one update (gradient accumulation), so memory is
 * that of one micro-batch.
 */
import * as tf from '@tensorflow/tfjs';
import { checkFits, estimateTrainStepBytes, memoryLimitBytes } from './memory.js';
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

export interface TrainStepOptions {
  /**
   * sequences per micro-batch (a divisor of B): gradients of the micro-batches are averaged and
   * applied as one optimizer update. Default: the whole batch when its memory estimate fits, else
   * the largest divisor of B that fits (models/memory.ts)
   */
  microBatch?: number;
}

/**
 * The largest micro-batch (a divisor of B) whose training-step estimate fits next to the bytes
 * already allocated; throws, naming the batch, the length, the bytes and the limit, when not even
 * one sequence fits.
 */
export function chooseMicroBatch(model: SpikingBrainModel, B: number, L: number): number {
  const limit = memoryLimitBytes();
  const room = limit - tf.memory().numBytes;
  for (let m = B; m >= 1; m--) {
    if (B % m === 0 && estimateTrainStepBytes(model.config, m, L) <= room) return m;
  }
  const mib = (n: number) => `${(n / 2 ** 20).toFixed(0)} MiB`;
  const full = estimateTrainStepBytes(model.config, B, L);
  const one = estimateTrainStepBytes(model.config, 1, L);
  throw new RangeError(
    `a training step on batch ${B} × length ${L} needs an estimated ${mib(full)} (${full} bytes), and even one sequence of ${L} tokens ` +
      `(micro-batches of 1) needs ${mib(one)} (${one} bytes), more than the ${mib(room)} free under the ${tf.getBackend()} backend's limit of ` +
      `${mib(limit)} (${limit} bytes): use shorter sequences`,
  );
}

/**
 * Mean cross-entropy and its gradients (by variable name) over B sequences, computed in micro-batches
 * of `microBatch` sequences and averaged: equal to the full-batch values (each micro-batch holds the
 * same number of tokens). The caller disposes the gradients.
 */
export function accumulateGradients(
  model: SpikingBrainModel,
  ids: tf.Tensor2D,
  targets: tf.Tensor2D,
  microBatch: number,
): { loss: number; grads: tf.NamedTensorMap } {
  const [B, L] = ids.shape;
  if (!Number.isInteger(microBatch) || microBatch < 1 || B % microBatch !== 0)
    throw new RangeError(`microBatch must be a divisor of the batch ${B}, got ${microBatch}`);
  const n = B / microBatch;
  const vars = model.trainableVariables();
  const sum: tf.NamedTensorMap = {};
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const [x, y] = tf.tidy(() => [
      tf.slice(ids, [i * microBatch, 0], [microBatch, L]),
      tf.slice(targets, [i * microBatch, 0], [microBatch, L]),
    ]) as [tf.Tensor2D, tf.Tensor2D];
    const { value, grads } = tf.variableGrads(() => model.loss(x, y), vars);
    tf.dispose([x, y]);
    loss += value.dataSync()[0]! / n;
    value.dispose();
    for (const [name, g] of Object.entries(grads)) {
      const scaled = tf.mul(g, 1 / n);
      g.dispose();
      const prev = sum[name];
      sum[name] = prev ? tf.add(prev, scaled) : scaled;
      if (prev) {
        prev.dispose();
        scaled.dispose();
      }
    }
  }
  return { loss, grads: sum };
}

/**
 * One optimizer step on the mean cross-entropy; returns the loss before the step. A batch whose
 * memory estimate does not fit runs as micro-batches whose gradients are averaged into the same one
 * update (options.microBatch to choose); a request that cannot fit at all fails before any tensor work.
 */
export function trainStep(
  model: SpikingBrainModel,
  optimizer: tf.Optimizer,
  inputs: TokenIds,
  targets: TokenIds,
  options: TrainStepOptions = {},
): number {
  if (model.runtime.mode !== 'float') throw new Error('trainStep needs float projections: call model.setW8ASpike(false) first');
  if (backendAborted) throw new Error(backendAborted);
  // every input checked, and the size estimated, before any tensor work of the step
  const ids = model.ids(inputs, 'inputs');
  const t = model.ids(targets, 'targets');
  try {
    const [B, L] = ids.shape;
    if (t.shape[0] !== B || t.shape[1] !== L)
      throw new RangeError(`expected targets of shape [${B}, ${L}] (the inputs' shape), got [${t.shape.join(', ')}]`);
    let micro = options.microBatch;
    if (micro === undefined) micro = chooseMicroBatch(model, B, L);
    else if (!Number.isInteger(micro) || micro < 1 || B % micro !== 0)
      throw new RangeError(`options.microBatch must be a divisor of the batch ${B}, got ${micro}`);
    else checkFits('training step', estimateTrainStepBytes(model.config, micro, L), micro, L);
    let value: number;
    try {
      if (micro === B) {
        // the whole batch at once (the path every earlier run took: same numerics)
        const cost = optimizer.minimize(() => model.loss(ids, t), true, model.trainableVariables());
        if (!cost) throw new Error('optimizer.minimize returned no loss');
        value = cost.dataSync()[0]!;
        cost.dispose();
      } else {
        const { loss, grads } = accumulateGradients(model, ids, t, micro);
        optimizer.applyGradients(grads);
        tf.dispose(Object.values(grads));
        value = loss;
      }
    } catch (e) {
      if (!isWasmAbort(e)) throw e;
      backendAborted =
        `the wasm backend aborted during a training step on batch ${B} × length ${L} (${e instanceof Error ? e.message : String(e)}); ` +
        'tfjs-wasm cannot recover from an abort: this process can no longer run the model, restart it with a smaller batch or length';
      throw new Error(backendAborted, { cause: e });
    }
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
