/**
 * ops/: stateless tensor functions for the attention mixers of the SpikingBrain hybrids (report
 * §3.1): softmax attention (full, sliding-window, grouped-query, decoding against a cache) and gated
 * linear attention (recurrent and chunked forms). Each fast path has a float64 reference beside it.
 */

// softmax / sliding-window attention: fast path and reference
export { softmaxAttention, type SoftmaxAttentionOptions } from './attention/index.js';
export { naiveSoftmaxAttention, type NaiveAttentionDims, type NaiveAttentionOptions } from './attention/naive.js';

// gated linear attention: entry point, its two tfjs forms and the reference
export { gatedLinearAttention, type GlaOptions, type GlaResult } from './gla/index.js';
export { glaRecurrent } from './gla/recurrent.js';
export { glaChunk, chunkLogSpan, MAX_CHUNK_LOG_SPAN } from './gla/chunk.js';
export { naiveGla, type NaiveGlaDims, type NaiveGlaOptions } from './gla/naive.js';
