/**
 * Configs for the CPU decoding comparison of report §5.3 / Fig. 7: Llama-3.2-1B as published
 * (meta-llama/Llama-3.2-1B config.json), and a SpikingBrain-1B reading: no config is public, so we
 * ASSUME Llama-3.2-1B's dims with the 7B's inter-layer hybrid (GLA on even blocks, SWA 4096 on odd).
 */
import { resolveConfig, type ModelConfig } from '../models/config.js';

const range = (n: number, from = 0, step = 1): number[] => Array.from({ length: n }, (_, i) => from + i * step);

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

/** ASSUMPTION: SpikingBrain-1B = Llama-3.2-1B's dims as a 1:1 GLA/SWA inter-layer hybrid, window 4096. */
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
