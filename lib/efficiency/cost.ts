/**
 * An analytical cost model of prefill and decoding (report §5.2–5.3, Table 7, Table 13, Fig. 7):
 * FLOPs and bytes moved per prefill and per decoded token for a model config against context, and a
 * roofline time on stated hardware numbers. Counted from the config's block plan (lib/models), so the
 * SpikingBrain-7B, Qwen2.5-7B and Llama-3.2-1B shapes all go through the same arithmetic.
 *
 * What is counted: every matmul with 2 FLOPs per multiply-add (projections, FFN/MoE active experts,
 * attention scores and values, GLA state updates and read-outs, the LM head for one token). What is
 * not: norms, activations, RoPE, softmax exponentials (a few % at these sizes), and communication.
 */
import type { ModelConfig } from '../models/config.js';
import { parameterCount, kvCacheBytes, recurrentStateBytes } from '../models/counts.js';
import { blockPlan, headDim, swaWindowKeys } from '../models/plan.js';
import { checkInteger } from '../util/validate.js';

export interface Hardware {
  name: string;
  /** dense matmul peak, FLOP/s */
  peakFlops: number;
  /** memory bandwidth, bytes/s */
  bandwidth: number;
  source: string;
}

/** NVIDIA H100 SXM: 989 TFLOP/s dense BF16 tensor core, 3.35 TB/s HBM3. */
export const H100_SXM: Hardware = {
  name: 'H100 SXM',
  peakFlops: 989e12,
  bandwidth: 3.35e12,
  source: 'NVIDIA H100 datasheet (SXM5): BF16 dense 989 TFLOPS, HBM3 3.35 TB/s',
};

export interface CostOptions {
  /** bytes per weight (2 = BF16; 0.5625 = llama.cpp Q4_0, 4.5 bits) */
  weightBytes?: number;
  /** bytes per cached key/value/state element (2 = BF16/F16) */
  cacheBytes?: number;
  /** GLA chunk size of the chunked prefill */
  chunkSize?: number;
}

function defaults(o: CostOptions): Required<CostOptions> {
  return { weightBytes: o.weightBytes ?? 2, cacheBytes: o.cacheBytes ?? 2, chunkSize: o.chunkSize ?? 64 };
}

const checkLength = (name: string, n: number): number => checkInteger(name, n, 1);

/** Keys a query at position t (0-based) attends in a softmax block; window = keys counting itself. */
function keysSeen(t: number, window: number | null): number {
  return window === null ? t + 1 : Math.min(t + 1, window);
}

/** Sum over t < L of keysSeen(t, window), in closed form. */
function totalKeys(L: number, window: number | null): number {
  if (window === null || window >= L) return (L * (L + 1)) / 2;
  return (window * (window + 1)) / 2 + (L - window) * window;
}

/** Sum over t < L of the keys t sees inside its own chunk (causal, chunks of C tokens). */
function totalKeysInChunks(L: number, C: number): number {
  const full = Math.floor(L / C),
    rest = L - full * C;
  return (full * C * (C + 1)) / 2 + (rest * (rest + 1)) / 2;
}

/** Matmul weights touched per token (active parameters without the embedding lookup and the norms). */
export function activeMatmulParameters(c: ModelConfig): number {
  const p = parameterCount(c);
  // the LM head runs once per prefill (for the first token), so it is counted separately
  return p.active - p.embedding - p.norms - p.lmHead;
}

export interface CostBreakdown {
  /** projections + FFN (+ router), i.e. 2 x active matmul parameters x tokens */
  linear: number;
  /** softmax blocks: q k^T and attention x V */
  softmaxAttention: number;
  /** GLA blocks: state updates, read-outs and the intra-chunk part */
  linearAttention: number;
  /** the LM head for one token */
  lmHead: number;
  total: number;
}

/** FLOPs of a prefill of L tokens (TTFT's compute). */
export function prefillFlops(c: ModelConfig, L: number, options: CostOptions = {}): CostBreakdown {
  checkLength('L', L);
  const { chunkSize } = defaults(options);
  const K = headDim(c),
    V = K;
  // chunked GLA: per token a state update (k^T v) and a read-out (q S), plus causal attention inside its chunk
  const gla = 2 * K * V * L + (K + V) * totalKeysInChunks(L, chunkSize);
  return breakdown(c, (window) => totalKeys(L, window), gla, 2 * activeMatmulParameters(c) * L);
}

/** FLOPs of decoding one token after `context` tokens. */
export function decodeFlops(c: ModelConfig, context: number): CostBreakdown {
  checkLength('context', context);
  const K = headDim(c),
    V = K;
  return breakdown(c, (window) => keysSeen(context, window), 2 * K * V, 2 * activeMatmulParameters(c));
}

/**
 * The breakdown over the model's blocks: per head, a softmax block reads `keys(window)` keys
 * (window null for full attention) and a GLA block costs `glaPerHead`; `linear` is the projections'.
 */
function breakdown(c: ModelConfig, keys: (window: number | null) => number, glaPerHead: number, linear: number): CostBreakdown {
  const H = c.num_attention_heads,
    K = headDim(c),
    V = K;
  let softmax = 0,
    la = 0;
  for (const p of blockPlan(c)) {
    if (p.mixer === 'full' || p.mixer.endsWith('+full')) softmax += 2 * H * (K + V) * keys(null);
    if (p.mixer === 'swa' || p.mixer.endsWith('+swa')) softmax += 2 * H * (K + V) * keys(swaWindowKeys(c));
    if (p.mixer.startsWith('gla')) la += 2 * H * glaPerHead;
  }
  const lmHead = 2 * c.vocab_size * c.hidden_size;
  return { linear, softmaxAttention: softmax, linearAttention: la, lmHead, total: linear + softmax + la + lmHead };
}

/** Bytes read per decoded token after `context` tokens: active weights, the KV caches and the states. */
export function decodeBytes(c: ModelConfig, context: number, options: CostOptions = {}): { weights: number; cache: number; total: number } {
  checkLength('context', context);
  const { weightBytes, cacheBytes } = defaults(options);
  const p = parameterCount(c);
  const weights = (activeMatmulParameters(c) + p.lmHead + (c.tie_word_embeddings ? p.embedding : 0)) * weightBytes;
  const cache = kvCacheBytes(c, context, { bytesPerElement: cacheBytes }) + 2 * recurrentStateBytes(c, { bytesPerElement: cacheBytes });
  return { weights, cache, total: weights + cache };
}

/** Roofline time (s): the slower of compute at peak and memory traffic at full bandwidth. */
export function rooflineSeconds(flops: number, bytes: number, hw: Hardware, devices = 1): number {
  checkLength('devices', devices);
  return Math.max(flops / (hw.peakFlops * devices), bytes / (hw.bandwidth * devices));
}
