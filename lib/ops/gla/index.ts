/**
 * gatedLinearAttention: the public entry for GLA (report §3.1, the linear-attention half of the
 * SpikingBrain hybrids). Validates, then runs the chunked form (gla/chunk.ts) or the recurrent form
 * (gla/recurrent.ts); gla/naive.ts is the float64 reference.
 */
import * as tf from '@tensorflow/tfjs';
import { expectKnownKeys, expectPositiveInteger, expectScale, expectShape } from '../validate.js';
import { glaChunk, type GlaChunkLayout } from './chunk.js';
import { glaRecurrent, type GlaResult } from './recurrent.js';

export type { GlaResult } from './recurrent.js';

export interface GlaOptions {
  /** state entering the first token, [B, H, K, V] (default zeros) */
  initialState?: tf.Tensor4D;
  /** query scale (default K^-0.5) */
  scale?: number;
  /** 'chunk' (prefill, training) or 'recurrent' (token by token); default 'chunk', 'recurrent' when L = 1 */
  mode?: 'recurrent' | 'chunk';
  /** tokens per chunk in 'chunk' mode (default 64) */
  chunkSize?: number;
  /** 'chunk' mode products: batched over chunks and heads, per head, or 'auto' (per head for a forward pass without gradient when B·H <= 4) */
  layout?: GlaChunkLayout;
}

/**
 * Gated linear attention: q, k, gk [B, H, L, K] (gk the per-key-channel decay in log space), v
 * [B, H, L, V]. Returns the output [B, H, L, V] and the state after the last token [B, H, K, V].
 * No feature map inside (the GLA layer applies ReLU to q and k first). The caller owns both tensors.
 */
export function gatedLinearAttention(q: tf.Tensor4D, k: tf.Tensor4D, v: tf.Tensor4D, gk: tf.Tensor4D, options: GlaOptions = {}): GlaResult {
  if (options === null || typeof options !== 'object') throw new TypeError(`expected options to be an object, got ${String(options)}`);
  expectKnownKeys('gatedLinearAttention', options, ['initialState', 'scale', 'mode', 'chunkSize', 'layout']);
  const dims: Record<string, number> = {};
  expectShape('q', q, ['B', 'H', 'L', 'K'], dims);
  expectShape('k', k, ['B', 'H', 'L', 'K'], dims);
  expectShape('v', v, ['B', 'H', 'L', 'V'], dims);
  expectShape('gk', gk, ['B', 'H', 'L', 'K'], dims);
  if (options.initialState !== undefined) expectShape('initialState', options.initialState, ['B', 'H', 'K', 'V'], dims);
  const scale = options.scale === undefined ? 1 / Math.sqrt(dims.K!) : expectScale(options.scale);
  const mode = options.mode ?? (dims.L === 1 ? 'recurrent' : 'chunk');
  if (mode !== 'chunk' && mode !== 'recurrent') throw new RangeError(`expected mode 'recurrent' or 'chunk', got ${JSON.stringify(mode)}`);
  const chunkSize = options.chunkSize === undefined ? 64 : expectPositiveInteger('chunkSize', options.chunkSize);
  const h0 = options.initialState ?? null;
  const layout = options.layout ?? 'auto';
  if (layout !== 'auto' && layout !== 'batched' && layout !== 'per-head')
    throw new RangeError(`expected layout 'auto', 'batched' or 'per-head', got ${JSON.stringify(layout)}`);
  return mode === 'chunk' ? glaChunk(q, k, v, gk, h0, scale, chunkSize, layout) : glaRecurrent(q, k, v, gk, h0, scale);
}
