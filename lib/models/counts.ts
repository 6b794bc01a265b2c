/**
 * Size and inference memory of a config without allocating anything (report §2.2, §5.2: constant
 * memory of SpikingBrain-7B vs the linear KV cache of Qwen2.5-7B). Pure arithmetic on the config,
 * counted the way the reference modules build their weights (biases on q/k/v, none on o_proj or the FFN).
 */
import type { ModelConfig } from './config.js';
import { blockPlan, headDim, type MixerKind } from './plan.js';

export interface ParameterCount {
  /** every parameter */
  total: number;
  /** parameters used per token (shared + top-k experts instead of all experts) */
  active: number;
  /** input embedding matrix */
  embedding: number;
  /** output head (0 when tied) */
  lmHead: number;
  /** attention projections, gates, output norms, sink tokens */
  attention: number;
  /** FFN and MoE (router included) */
  ffn: number;
  /** the block RMSNorms and the final norm */
  norms: number;
}

function softmaxBranch(c: ModelConfig, withOut: boolean): number {
  const D = c.hidden_size;
  const kv = c.num_key_value_heads * headDim(c);
  const b = c.qkv_bias ? 1 : 0;
  return D * D + b * D + 2 * (D * kv + b * kv) + (withOut ? D * D : 0) + c.num_sink_tokens * D;
}

function glaBranch(c: ModelConfig, withOut: boolean): number {
  const D = c.hidden_size;
  const kv = c.num_key_value_heads * headDim(c);
  const r = c.gate_low_rank_dim;
  const gate = c.la_gate === 'low_rank' ? D * r + r * kv + kv : 0;
  // GLA q/k/v always carry a bias in the reference; g_norm has one weight per head dim
  return D * D + D + 2 * (D * kv + kv) + gate + headDim(c) + (withOut ? D * D : 0);
}

/** Parameters of one attention block of the given kind. */
export function mixerParameters(c: ModelConfig, kind: MixerKind): number {
  const D = c.hidden_size;
  switch (kind) {
    case 'gla':
      return glaBranch(c, true);
    case 'swa':
    case 'full':
      return softmaxBranch(c, true);
    case 'gla+swa':
    case 'gla+full':
      return glaBranch(c, false) + softmaxBranch(c, false) + headDim(c) + D * D;
  }
}

/** Parameter count of a config (no weights allocated). */
export function parameterCount(c: ModelConfig): ParameterCount {
  const D = c.hidden_size;
  const expertSize = 3 * D * (c.moe_intermediate_size ?? c.intermediate_size);
  const dense = 3 * D * c.intermediate_size;
  let attention = 0;
  let ffn = 0;
  let ffnActive = 0;
  for (const p of blockPlan(c)) {
    attention += mixerParameters(c, p.mixer);
    if (p.ffn === 'dense') {
      ffn += dense;
      ffnActive += dense;
    } else {
      const router = D * c.num_experts;
      ffn += router + (c.num_experts + c.num_shared_experts) * expertSize;
      ffnActive += router + (c.num_experts_per_tok + c.num_shared_experts) * expertSize;
    }
  }
  const embedding = c.vocab_size * D;
  const lmHead = c.tie_word_embeddings ? 0 : c.vocab_size * D;
  const norms = (2 * c.num_hidden_layers + 1) * D;
  const base = embedding + lmHead + attention + norms;
  return { total: base + ffn, active: base + ffnActive, embedding, lmHead, attention, ffn, norms };
}

export interface MemoryOptions {
  /** sequences decoded at once */
  batch?: number;
  /** bytes per stored number: 2 for bf16 (the reference torch_dtype), 4 for float32 */
  bytesPerElement?: number;
}

function opts(o: MemoryOptions): { batch: number; bytes: number } {
  const batch = o.batch ?? 1;
  const bytes = o.bytesPerElement ?? 2;
  if (!Number.isInteger(batch) || batch < 1) throw new RangeError(`batch must be an integer >= 1, got ${batch}`);
  if (!(bytes > 0)) throw new RangeError(`bytesPerElement must be > 0, got ${bytes}`);
  return { batch, bytes };
}

/** Bytes of the linear-attention states after any number of tokens: per LA block B × H × K × V (eq. 10's S_t). */
export function recurrentStateBytes(c: ModelConfig, o: MemoryOptions = {}): number {
  const { batch, bytes } = opts(o);
  const K = headDim(c);
  const la = blockPlan(c).filter((p) => p.mixer.startsWith('gla')).length;
  return la * batch * c.num_attention_heads * K * K * bytes;
}

/**
 * Bytes of cached keys and values after `context` tokens: full-attention blocks hold all of them,
 * SWA blocks at most sliding_window (the ring buffer; the query itself is the window's last key).
 */
export function kvCacheBytes(c: ModelConfig, context: number, o: MemoryOptions = {}): number {
  if (!Number.isInteger(context) || context < 0) throw new RangeError(`context must be an integer >= 0, got ${context}`);
  const { batch, bytes } = opts(o);
  const perToken = 2 * c.num_key_value_heads * headDim(c) * bytes * batch;
  let total = 0;
  for (const p of blockPlan(c)) {
    if (p.mixer === 'full' || p.mixer === 'gla+full') total += perToken * context;
    else if (p.mixer === 'swa' || p.mixer === 'gla+swa') total += perToken * Math.min(context, c.sliding_window ?? context);
  }
  return total;
}

/** Everything a decoder keeps between tokens: KV caches plus recurrent states. */
export function inferenceStateBytes(c: ModelConfig, context: number, o: MemoryOptions = {}): number {
  return kvCacheBytes(c, context, o) + recurrentStateBytes(c, o);
}
