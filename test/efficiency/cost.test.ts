import { describe, expect, it } from 'vitest';
import {
  decodeBytes,
  decodeFlops,
  H100_SXM,
  kvCacheBytes,
  llama32_1BConfig,
  parameterCount,
  prefillFlops,
  qwen25_7BConfig,
  resolveConfig,
  rooflineSeconds,
  spikingBrain1BAssumedConfig,
  spikingBrain7BConfig,
  activeMatmulParameters,
} from '../../lib/index.js';

const tiny = (over: Record<string, unknown> = {}) =>
  resolveConfig({
    vocab_size: 50,
    hidden_size: 32,
    num_hidden_layers: 2,
    num_attention_heads: 4,
    num_key_value_heads: 2,
    intermediate_size: 64,
    sliding_window: 3,
    attn_layers: [1],
    max_position_embeddings: 64,
    ...over,
  });

describe('prefillFlops(config, L)', () => {
  it('counts softmax attention pair by pair: 2 H (K + V) per visible key, causal and windowed', () => {
    const c = tiny({ attn_layers: [0, 1], sliding_window: null });
    const L = 10,
      H = 4,
      K = 8;
    let pairs = 0;
    for (let t = 0; t < L; t++) pairs += t + 1;
    expect(prefillFlops(c, L).softmaxAttention).toBe(2 * (2 * H * (K + K) * pairs));
    const w = tiny({ attn_layers: [0, 1], sliding_window: 3 }); // 4 keys counting the query (reference convention)
    let wpairs = 0;
    for (let t = 0; t < L; t++) wpairs += Math.min(t + 1, 4);
    expect(prefillFlops(w, L).softmaxAttention).toBe(2 * (2 * H * (K + K) * wpairs));
  });

  it('counts projections and FFN as 2 x active matmul parameters per token, and the LM head once', () => {
    const c = tiny();
    const f = prefillFlops(c, 7);
    expect(f.linear).toBe(2 * activeMatmulParameters(c) * 7);
    expect(f.lmHead).toBe(2 * 50 * 32);
    expect(f.total).toBe(f.linear + f.softmaxAttention + f.linearAttention + f.lmHead);
  });

  it('grows quadratically for full attention and linearly for the 7B hybrid at long context', () => {
    const qw = qwen25_7BConfig(),
      sb = spikingBrain7BConfig();
    const L = 1 << 20;
    const ratio = (c: typeof qw) => prefillFlops(c, 2 * L).total / prefillFlops(c, L).total;
    expect(ratio(qw)).toBeGreaterThan(3.5);
    expect(ratio(sb)).toBeLessThan(2.05);
    expect(ratio(sb)).toBeGreaterThan(1.95);
  });

  it('rejects a non-integer length', () => {
    expect(() => prefillFlops(tiny(), 1.5)).toThrow(/L must be an integer >= 1, got 1.5/);
  });
});

describe('decode cost', () => {
  it("full attention reads a KV cache that grows with context; the hybrid's stops at the window", () => {
    const l1 = llama32_1BConfig(),
      s1 = spikingBrain1BAssumedConfig();
    const grow = (c: typeof l1) => decodeBytes(c, 200_000).cache - decodeBytes(c, 100_000).cache;
    expect(grow(l1)).toBe(kvCacheBytes(l1, 200_000) - kvCacheBytes(l1, 100_000));
    expect(grow(l1)).toBeGreaterThan(0);
    expect(grow(s1)).toBe(0);
    expect(decodeFlops(l1, 1000).softmaxAttention).toBeLessThan(decodeFlops(l1, 2000).softmaxAttention);
  });

  it('the 7B presets have 7.6 B parameters, and Llama-3.2-1B its published 1.24 B', () => {
    expect(parameterCount(spikingBrain7BConfig()).total / 1e9).toBeCloseTo(7.62, 2);
    expect(parameterCount(llama32_1BConfig()).total / 1e9).toBeCloseTo(1.24, 2);
  });
});

describe('rooflineSeconds(flops, bytes, hardware)', () => {
  it('takes the slower of compute and memory', () => {
    expect(rooflineSeconds(989e12, 0, H100_SXM)).toBeCloseTo(1, 12);
    expect(rooflineSeconds(0, 3.35e12 * 2, H100_SXM)).toBeCloseTo(2, 12);
    expect(rooflineSeconds(989e12 * 8, 0, H100_SXM, 8)).toBeCloseTo(1, 12);
  });
});
