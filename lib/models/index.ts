/** Models: config (reference config.json field names), presets, the stack of blocks, decoding with caches. */
export { type ModelConfig, DEFAULT_CONFIG, SHAPE_FIELDS, resolveConfig, validateConfig, configFromJSON, configToJSON } from './config.js';
export { blockPlan, headDim, swaWindowKeys, describePlan, type BlockPlan, type MixerKind, type FFNKind } from './plan.js';
export {
  parameterCount,
  mixerParameters,
  recurrentStateBytes,
  kvCacheBytes,
  inferenceStateBytes,
  type ParameterCount,
  type MemoryOptions,
} from './counts.js';
export {
  spikingBrain7BConfig,
  qwen25_7BConfig,
  spikingBrain76BConfig,
  tinyConfig,
  tinyFullAttentionConfig,
  tinyIntraConfig,
  smallConfig,
  llama32_1BConfig,
  spikingBrain1BAssumedConfig,
  qwen3_1_7BConfig,
  qwen3_1_7BHybridConfig,
} from './presets.js';
export { PRESETS, PRESET_NAMES, preset, type PresetEntry, type PresetName } from './registry.js';
export { buildBlocks } from './build.js';
export { SpikingBrainModel, ModelCache, type ModelOptions, type ForwardOptions, type TokenIds } from './model.js';
export { trainStep, nextTokenBatch, greedyDecode, accumulateGradients, chooseMicroBatch, type TrainStepOptions } from './train.js';
export {
  stateDict,
  loadStateDict,
  saveSafetensors,
  loadSafetensors,
  modelFromSafetensors,
  type LoadReport,
  type SaveOptions,
} from './weights.js';
export { estimateTrainStepBytes, estimateForwardBytes, memoryLimitBytes, checkFits, WASM_HEAP_LIMIT_BYTES } from './memory.js';
export { embedLookup, embedOneHot } from './embedding.js';
