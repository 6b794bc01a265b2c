/** Weight-owning blocks built on ops (report §2, §4): GLA, SWA and full-attention layers, FFN, MoE, hybrid blocks. */
export {
  type NamedVariable,
  type Layer,
  type InitOptions,
  seedFor,
  normalVariable,
  constantVariable,
  splitHeads,
  mergeHeads,
  repeatKv,
  matMul2D,
  logSigmoid,
} from './module.js';
export { Linear, defaultRuntime, type LinearOptions, type ProjectionHook, type ProjectionRuntime } from './linear.js';
export { RMSNorm, rmsNorm } from './rmsnorm.js';
export { ropeTables, applyRope } from './rope.js';
export { SwiGLU, type SwiGLUOptions } from './ffn.js';
export { MoE, upcycleSwiGLU, type MoEOptions, type UpcycleSwiGLUOptions } from './moe.js';
export { KVCache, RecurrentCache, disposeLayerCache, type LayerCache } from './cache.js';
export { sinkAttention, causalWindowMask, type SinkAttentionOptions } from './sinks.js';
export { AttentionLayer, type AttentionLayerOptions } from './attention.js';
export { GLALayer, type GLALayerOptions } from './gla.js';
export { ParallelHybridAttention, type ParallelHybridOptions } from './hybrid.js';
export { DecoderBlock, type Mixer, type FeedForward } from './block.js';
