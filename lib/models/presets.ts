/**
 * Presets (report §2.2, Fig. 3): SpikingBrain-7B exactly as its config.json, a Qwen2.5-7B-shaped
 * full-attention baseline (the base model the report converts from), a SpikingBrain-76B reading of the
 * report's text (§2.2, Fig. 3: assumptions marked), and small configs that train on a laptop.
 * Each call returns a fresh, validated config.
 */
import { resolveConfig, type ModelConfig } from './config.js';

const range = (n: number, from = 0, step = 1): number[] => Array.from({ length: n }, (_, i) => from + i * step);

/** SpikingBrain-7B: W8ASpike/config.json (28 blocks, GLA on even, SWA 4096 on odd layers). */
export function spikingBrain7BConfig(): ModelConfig {
  return resolveConfig({
    vocab_size: 152064,
    hidden_size: 3584,
    num_hidden_layers: 28,
    num_attention_heads: 28,
    num_key_value_heads: 4,
    intermediate_size: 18944,
    hidden_act: 'swish',
    max_position_embeddings: 131072,
    sliding_window: 4096,
    attn_layers: range(14, 1, 2),
    norm_eps: 1e-6,
    rope_theta: 1e6,
    tie_word_embeddings: false,
    initializer_range: 0.02,
    attn_mode: 'chunk',
    use_short_conv: false,
  });
}

/** Qwen2.5-7B's shape: the same dims, every block full softmax attention (the KV-cache baseline). */
export function qwen25_7BConfig(): ModelConfig {
  return resolveConfig({
    ...spikingBrain7BConfig(),
    sliding_window: null,
    attn_layers: range(28),
    max_position_embeddings: 131072,
  });
}

/**
 * SpikingBrain-76B-A12B as the report describes it (no config is public): Qwen2.5-7B's dims, every
 * block LA + SWA in parallel, LA + FA on layers 7, 14, 21, 28 (1-based), 128 sink tokens, 16 routed
 * experts (top-1) + 1 shared, dense FFN on layers 1, 2, 3, 5, 7, 9, 11 (1-based). Assumed: experts of
 * intermediate_size, the LA branch keyed gate with a sigmoid feature map (§2.2), separate branch q/k/v.
 */
export function spikingBrain76BConfig(): ModelConfig {
  return resolveConfig({
    ...spikingBrain7BConfig(),
    hybrid: 'intra',
    attn_layers: [],
    full_attn_layers: [7, 14, 21, 28].map((l) => l - 1),
    num_sink_tokens: 128,
    la_feature_map: 'sigmoid',
    la_gate: 'key',
    num_experts: 16,
    num_experts_per_tok: 1,
    num_shared_experts: 1,
    mlp_only_layers: [1, 2, 3, 5, 7, 9, 11].map((l) => l - 1),
  });
}

/** Tiny inter-layer hybrid (7B-shaped): 4 blocks, GLA / SWA alternating, trains in seconds. */
export function tinyConfig(): ModelConfig {
  return resolveConfig({
    vocab_size: 256,
    hidden_size: 128,
    num_hidden_layers: 4,
    num_attention_heads: 4,
    num_key_value_heads: 2,
    intermediate_size: 384,
    sliding_window: 16,
    attn_layers: [1, 3],
    max_position_embeddings: 1024,
    rope_theta: 1e4,
    initializer_range: 0.02,
  });
}

/** Tiny full-attention Transformer (Qwen-shaped) of the same size as tinyConfig. */
export function tinyFullAttentionConfig(): ModelConfig {
  return resolveConfig({ ...tinyConfig(), sliding_window: null, attn_layers: range(4) });
}

/** Tiny intra-layer hybrid MoE (76B-shaped): LA + SWA, LA + FA on the last block, sinks, 4 experts top-1 + 1 shared. */
export function tinyIntraConfig(): ModelConfig {
  return resolveConfig({
    ...tinyConfig(),
    hybrid: 'intra',
    attn_layers: [],
    full_attn_layers: [3],
    num_sink_tokens: 4,
    la_feature_map: 'sigmoid',
    la_gate: 'key',
    num_experts: 4,
    num_experts_per_tok: 1,
    num_shared_experts: 1,
    moe_intermediate_size: 128,
    mlp_only_layers: [0],
  });
}

/** Small inter-layer hybrid for notebook training runs (Brown corpus, byte vocabulary). */
export function smallConfig(): ModelConfig {
  return resolveConfig({
    ...tinyConfig(),
    hidden_size: 256,
    num_hidden_layers: 6,
    num_attention_heads: 4,
    num_key_value_heads: 2,
    intermediate_size: 768,
    sliding_window: 64,
    attn_layers: [1, 3, 5],
  });
}

/** Every preset by name. */
export const PRESETS = {
  'spikingbrain-7b': spikingBrain7BConfig,
  'qwen2.5-7b': qwen25_7BConfig,
  'spikingbrain-76b': spikingBrain76BConfig,
  tiny: tinyConfig,
  'tiny-full': tinyFullAttentionConfig,
  'tiny-intra': tinyIntraConfig,
  small: smallConfig,
} as const satisfies Record<string, () => ModelConfig>;

export type PresetName = keyof typeof PRESETS;
