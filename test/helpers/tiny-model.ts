/**
 * The tiny byte-level model the training tests share: 2 layers, hidden 32, 2 heads (1 KV head),
 * full attention in both layers, vocab 256. `microConfig` takes overrides; `microModel` builds it.
 */
import { SpikingBrainModel, resolveConfig, type ModelConfig } from '../../lib/index.js';

export function microConfig(o: Partial<ModelConfig> = {}): ModelConfig {
  return resolveConfig({
    vocab_size: 256,
    hidden_size: 32,
    num_hidden_layers: 2,
    num_attention_heads: 2,
    num_key_value_heads: 1,
    intermediate_size: 64,
    sliding_window: null,
    attn_layers: [0, 1],
    rope_theta: 1e4,
    max_position_embeddings: 256,
    ...o,
  });
}

export function microModel(seed: number, o: Partial<ModelConfig> = {}): SpikingBrainModel {
  return new SpikingBrainModel(microConfig(o), { seed });
}

/** n deterministic token windows of length L1 (ids below 97). */
export function tokenWindows(n: number, L1: number, seed = 1): number[][] {
  return Array.from({ length: n }, (_, b) => Array.from({ length: L1 }, (_, i) => (seed * 17 + b * 31 + i * 7) % 97));
}
