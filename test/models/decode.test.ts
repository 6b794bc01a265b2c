import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpikingBrainModel, greedyDecode, resolveConfig, uniformIntegers, type ModelConfig } from '../../lib/index.js';
import { leakedTensors, useWasmBackend } from '../helpers/tfjs.js';

useWasmBackend();

const small = {
  vocab_size: 40,
  hidden_size: 32,
  num_attention_heads: 4,
  num_key_value_heads: 2,
  intermediate_size: 48,
  rope_theta: 1e4,
  initializer_range: 0.2,
} satisfies Partial<ModelConfig>;
// GLA, SWA (window 4 + self = 5 keys), full attention
const inter = resolveConfig({ ...small, num_hidden_layers: 3, attn_layers: [1, 2], full_attn_layers: [2], sliding_window: 4 });
// LA + SWA with sinks and MoE, then LA + FA
const intra = resolveConfig({
  ...small,
  num_hidden_layers: 2,
  hybrid: 'intra',
  attn_layers: [],
  full_attn_layers: [1],
  sliding_window: 3,
  num_sink_tokens: 3,
  la_feature_map: 'sigmoid',
  la_gate: 'key',
  num_experts: 3,
  num_experts_per_tok: 1,
  num_shared_experts: 1,
  moe_intermediate_size: 16,
});

const N = 13;
const ids = Array.from(uniformIntegers(2 * N, 0, 39, 7));
const seqs = [ids.slice(0, N), ids.slice(N)];
const cols = (a: number, b: number) => seqs.map((s) => s.slice(a, b));

function decodeInPieces(model: SpikingBrainModel, pieces: number[]): tf.Tensor3D {
  const cache = model.createCache();
  const out: tf.Tensor3D[] = [];
  let at = 0;
  for (const n of pieces) {
    out.push(model.forward(cols(at, at + n), { cache }));
    at += n;
  }
  const all = tf.concat(out, 1);
  tf.dispose(out);
  expect(cache.seen).toBe(at);
  cache.dispose();
  return all;
}

describe.each([
  ['inter-layer hybrid (GLA, SWA, FA)', inter],
  ['intra-layer hybrid (LA+SWA with sinks, LA+FA; MoE)', intra],
])('%s decoding with caches', (_, config) => {
  let model: SpikingBrainModel;
  beforeAll(() => {
    model = new SpikingBrainModel(config, { seed: 3 });
  });
  afterAll(() => model.dispose());
  const full = () => model.forward(seqs);

  it.each([
    ['prefill 1 then single tokens', [1, ...new Array(N - 1).fill(1)]],
    ['prefill 3 (inside the window) then single tokens', [3, ...new Array(N - 3).fill(1)]],
    ['prefill 8 (beyond the window) then single tokens', [8, ...new Array(N - 8).fill(1)]],
    ['chunks of 2, 4 and 3 after a prefill of 4', [4, 2, 4, 3]],
  ])('%s gives the logits of one forward pass', (_, pieces) => {
    tf.tidy(() => {
      const a = full();
      const b = decodeInPieces(model, pieces as number[]);
      expect(b.shape).toEqual([2, N, 40]);
      expect(tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]).toBeLessThan(2e-4);
    });
  });
  it('leaks no tensor across repeated forward calls, decoding included (cache disposed)', () => {
    expect(
      leakedTensors(() => {
        for (let i = 0; i < 3; i++) model.forward(seqs).dispose();
        decodeInPieces(model, [5, 1, 1]).dispose();
      }),
    ).toBe(0);
  });
});

describe('ModelCache memory', () => {
  it('SWA ring buffers stop growing at the window, full-attention caches grow with the tokens', () => {
    const model = new SpikingBrainModel(inter, { seed: 1 });
    const cache = model.createCache();
    const bytesAfter = (n: number) => {
      for (let i = 0; i < n; i++) model.forward([[1]], { cache }).dispose();
      return { swa: cache.layers[1]!.kv!.length, full: cache.layers[2]!.kv!.length, state: cache.layers[0]!.recurrent!.bytes() };
    };
    expect(bytesAfter(3)).toEqual({ swa: 3, full: 3, state: 4 * 8 * 8 * 4 });
    expect(bytesAfter(6)).toEqual({ swa: 4, full: 9, state: 4 * 8 * 8 * 4 });
    cache.dispose();
    model.dispose();
  });
  it('greedyDecode continues a prompt and leaks nothing', () => {
    const model = new SpikingBrainModel(inter, { seed: 1 });
    let out: number[] = [];
    expect(
      leakedTensors(() => {
        out = greedyDecode(model, [1, 2, 3], 5);
      }),
    ).toBe(0);
    expect(out.length).toBe(5);
    // the same continuation from one forward pass at each step
    const seq = [1, 2, 3];
    for (let s = 0; s < 5; s++) {
      const next = tf.tidy(
        () => tf.argMax(tf.reshape(tf.slice(model.forward([seq]), [0, seq.length - 1, 0], [1, 1, -1]), [-1])).dataSync()[0]!,
      );
      seq.push(next);
    }
    expect(out).toEqual(seq.slice(3));
    model.dispose();
  });
});
