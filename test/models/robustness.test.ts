/**
 * Issue 14, model side: bad input fails before any tensor work and leaks nothing; tensor ids get the
 * range check arrays get; a disposed cache cannot be reused; ignored config settings are rejected;
 * non-finite weights are refused on load; a request too large for the wasm heap fails up front with
 * the batch, the length, the bytes and the limit, and leaves the process usable.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
  SpikingBrainModel,
  estimateTrainStepBytes,
  greedyDecode,
  loadStateDict,
  resolveConfig,
  stateDict,
  tinyConfig,
  trainStep,
} from '../../lib/index.js';
import { useWasmBackend } from '../helpers/tfjs.js';

useWasmBackend();

const small = {
  ...tinyConfig(),
  hidden_size: 32,
  num_attention_heads: 2,
  num_key_value_heads: 1,
  intermediate_size: 64,
  vocab_size: 50,
  num_hidden_layers: 2,
  attn_layers: [1],
  sliding_window: 4,
};

describe('model robustness (issue 14)', () => {
  it('a failed trainStep leaks no tensors: targets of the wrong shape are caught before the forward pass', () => {
    const model = new SpikingBrainModel(small, { seed: 1 });
    const opt = tf.train.adam(1e-3);
    trainStep(model, opt, [[1, 2, 3]], [[2, 3, 4]]);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) expect(() => trainStep(model, opt, [[1, 2, 3]], [[2, 3]])).toThrow(/expected targets of shape \[1, 3\]/);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('token ids given as tensors are range- and integer-checked like arrays', () => {
    const model = new SpikingBrainModel(small, { seed: 1 });
    const opt = tf.train.adam(1e-3);
    const inputs = tf.tensor2d([[1, 2, 3]], [1, 3], 'int32');
    const before = tf.memory().numTensors;
    for (const [bad, dtype, shown] of [
      [49 + 950, 'int32', '999'],
      [-1, 'int32', '-1'],
      [1.9, 'float32', '1.9'],
    ] as const) {
      const targets = tf.tensor2d([[2, bad, 4]], [1, 3], dtype);
      expect(() => trainStep(model, opt, inputs, targets)).toThrow(
        new RegExp(`token ids must be integers in \\[0, 49\\].*got ${shown.replace('.', '\\.')} in targets`),
      );
      expect(() => model.forward(targets)).toThrow(/token ids must be integers/);
      targets.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
    // good float ids are accepted and train like int ids
    const asFloat = tf.tensor2d([[2, 3, 4]], [1, 3], 'float32');
    expect(Number.isFinite(trainStep(model, opt, inputs, asFloat))).toBe(true);
    asFloat.dispose();
    inputs.dispose();
    model.dispose();
  });

  it('a disposed decoding cache throws instead of silently starting over', () => {
    const model = new SpikingBrainModel(small, { seed: 1 });
    const cache = model.createCache();
    model.forward([[1, 2, 3]], { cache }).dispose();
    cache.dispose();
    expect(cache.disposed).toBe(true);
    expect(() => model.forward([[4]], { cache })).toThrow(/decoding cache was disposed after 3 tokens/);
    expect(() => cache.layers[0]!.recurrent!.state).toThrow(/disposed/);
    model.dispose();
  });

  it('config settings that would be ignored are rejected; NaN is reported as NaN', () => {
    expect(() => resolveConfig({ ...small, full_attn_layers: [0] })).toThrow(/full_attn_layers lists 0, which is a GLA layer/);
    expect(() => resolveConfig({ ...small, hybrid: 'intra', attn_layers: [1] })).toThrow(
      /attn_layers \[1\] has no effect with hybrid 'intra'/,
    );
    expect(() =>
      resolveConfig({ ...small, hybrid: 'intra', attn_layers: undefined as unknown as number[], full_attn_layers: [1] }),
    ).not.toThrow();
    expect(() => resolveConfig({ ...small, initializer_range: Number.NaN })).toThrow(
      /initializer_range must be a finite number >= 0, got NaN/,
    );
  });

  it('weights with NaN or Inf are refused on load, naming the weight', () => {
    const model = new SpikingBrainModel(small, { seed: 1 });
    const sd = stateDict(model);
    const name = 'model.layers.0.attn.q_proj.weight';
    const values = sd[name]!.dataSync().slice();
    values[5] = Number.NaN;
    const bad = tf.tensor(values, sd[name]!.shape);
    const before = model
      .parameters()
      .find(([n]) => n === name)![1]
      .dataSync()
      .slice();
    expect(() => loadStateDict(model, { ...sd, [name]: bad })).toThrow(
      new RegExp(`weight ${name.replace(/\./g, '\\.')} holds a non-finite value \\(NaN at flat index 5\\)`),
    );
    // nothing was assigned
    expect(
      Array.from(
        model
          .parameters()
          .find(([n]) => n === name)![1]
          .dataSync(),
      ),
    ).toEqual(Array.from(before));
    bad.dispose();
    for (const t of Object.values(sd)) t.dispose();
    model.dispose();
  });

  it('a step too large for the wasm heap fails up front with batch, length, bytes and limit; the model still works', () => {
    const model = new SpikingBrainModel(tinyConfig(), { seed: 1 });
    const opt = tf.train.adam(1e-3);
    const B = 64;
    const L = 1024;
    const est = estimateTrainStepBytes(model.config, B, L);
    expect(est).toBeGreaterThan(4 * 2 ** 30);
    const row = Array.from({ length: L }, (_, i) => i % 256);
    const rows = Array.from({ length: B }, () => row);
    const before = tf.memory().numTensors;
    // a micro-batch asked for explicitly is checked as asked
    expect(() => trainStep(model, opt, rows, rows, { microBatch: B })).toThrow(
      new RegExp(`training step on batch ${B} × length ${L} needs an estimated \\d+ MiB \\(${est} bytes\\).*limit of \\d+ MiB`),
    );
    expect(tf.memory().numTensors).toBe(before);
    // by default the batch is split into micro-batches; a length where not even one sequence fits fails up front
    const L2 = 16384;
    const est2 = estimateTrainStepBytes(model.config, 4, L2);
    const rows2 = Array.from({ length: 4 }, () => Array.from({ length: L2 }, (_, i) => i % 256));
    expect(() => trainStep(model, opt, rows2, rows2)).toThrow(
      new RegExp(
        `training step on batch 4 × length ${L2} needs an estimated \\d+ MiB \\(${est2} bytes\\).*micro-batches of 1.*limit of \\d+ MiB \\(\\d+ bytes\\)`,
      ),
    );
    expect(tf.memory().numTensors).toBe(before);
    expect(Number.isFinite(trainStep(model, opt, [[1, 2, 3, 4]], [[2, 3, 4, 5]]))).toBe(true);
    expect(greedyDecode(model, [1, 2, 3], 2)).toHaveLength(2);
    model.dispose();
  });

  it('the estimate grows linearly with the length for the hybrid', () => {
    const c = tinyConfig();
    const a = estimateTrainStepBytes(c, 4, 2048);
    const b = estimateTrainStepBytes(c, 4, 4096);
    expect(b / a).toBeGreaterThan(1.9);
    expect(b / a).toBeLessThan(2.1);
  });
});
