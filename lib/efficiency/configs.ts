/**
 * Configs of the CPU decoding comparison (report §5.3, Fig. 7: Llama-3.2-1B and an assumed
 * SpikingBrain-1B) and of Table 13's ablation (App. B: Qwen3-1.7B and its hybrids). They live with the
 * other presets (lib/models/presets.ts, listed once in lib/models/registry.ts); exported here too so
 * the efficiency code and its notebooks import them from where they are used.
 */
export { llama32_1BConfig, qwen3_1_7BConfig, qwen3_1_7BHybridConfig, spikingBrain1BAssumedConfig } from '../models/presets.js';
