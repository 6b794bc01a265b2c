/**
 * Preset configs (report §2.2, Fig. 3; §5.3, Fig. 7; App. B, Table 13): SpikingBrain-7B exactly as its
 * config.json, a Qwen2.5-7B-shaped full-attention baseline (the base model the report converts from), a
 * SpikingBrain-76B reading of the report's text (assumptions marked), the CPU-decoding pair of Fig. 7
 * (Llama-3.2-1B and an assumed SpikingBrain-1B), Table 13's Qwen3-1.7B and its hybrids, and small
 * configs that train on a laptop. Each call returns a fresh, validated config; registry.ts lists them
 * all by name, once.
 */
import { resolveConfig, type ModelConfig } from './config.js';

const range = (n: number, from = 0, step = 1): number[] => Array.from({ length: n }, (_, i) => from + i * step);

/**
 * SpikingBrain-7B: W8ASpike/config.json (28 blocks, GLA on even, SWA 4096 on odd layers). The
 * reference GLAswaConfig's defaults are this file's values, so DEFAULT_CONFIG holds them once; the
 * test reads the config.json itself and checks it gives this preset field for field.
 */
export function spikingBrain7BConfig(): ModelConfig {
  return resolveConfig();
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

/** Llama-3.2-1B as published (meta-llama/Llama-3.2-1B config.json): the full-attention side of Fig. 7. */
export function llama32_1BConfig(): ModelConfig {
  return resolveConfig({
    vocab_size: 128256,
    hidden_size: 2048,
    num_hidden_layers: 16,
    num_attention_heads: 32,
    num_key_value_heads: 8,
    intermediate_size: 8192,
    sliding_window: null,
    attn_layers: range(16),
    rope_theta: 500000,
    tie_word_embeddings: true,
    qkv_bias: false,
    norm_eps: 1e-5,
    max_position_embeddings: 131072,
  });
}

/**
 * ASSUMPTION (§5.3, Fig. 7; no config is public): SpikingBrain-1B = Llama-3.2-1B's dims as a 1:1
 * GLA/SWA inter-layer hybrid like the 7B's (GLA on even blocks, SWA 4096 on odd).
 */
export function spikingBrain1BAssumedConfig(): ModelConfig {
  return resolveConfig({ ...llama32_1BConfig(), sliding_window: 4096, attn_layers: range(8, 1, 2), qkv_bias: true });
}

/**
 * Appendix B (Table 13): the ablation continues pre-training from Qwen3-1.7B (Qwen/Qwen3-1.7B
 * config.json: 28 layers, hidden 2048, 16 heads / 8 KV heads of 128, FFN 6144, tied embeddings).
 */
export function qwen3_1_7BConfig(): ModelConfig {
  return resolveConfig({
    vocab_size: 151936,
    hidden_size: 2048,
    num_hidden_layers: 28,
    num_attention_heads: 16,
    num_key_value_heads: 8,
    intermediate_size: 6144,
    sliding_window: null,
    attn_layers: range(28),
    rope_theta: 1000000,
    tie_word_embeddings: true,
    qkv_bias: false,
    norm_eps: 1e-6,
    max_position_embeddings: 40960,
  });
}

/**
 * Table 13's H: Qwen3-1.7B converted to an inter-layer hybrid of linear attention (GLA) and SWA 4096.
 * `swaPerLinear` SWA blocks follow each linear block: 1 gives the 1:1 mix of Table 12's hybrid
 * (equivalent window 2080), 3 the "1:3" that App. B.2 states.
 */
export function qwen3_1_7BHybridConfig(swaPerLinear: 1 | 3): ModelConfig {
  const period = swaPerLinear + 1;
  return resolveConfig({ ...qwen3_1_7BConfig(), sliding_window: 4096, attn_layers: range(28).filter((i) => i % period !== 0) });
}
