/**
 * Model configuration with the field names of the reference config.json (SpikingBrain-7B,
 * W8ASpike/config.json, report §2.2), so a real config loads as is; extra fields (marked "ours")
 * describe what the 7B file cannot: the 76B intra-layer hybrid, MoE (§2.1.2, §3.2) and W8ASpike (§3.3).
 * Layer indices are 0-based as in the reference (attn_layers [1, 3, …, 27] are the odd layers).
 */
import { checkInteger, checkOneOf } from '../util/validate.js';

/** A model config; every field has a default (the reference GLAswaConfig's, i.e. SpikingBrain-7B). */
export interface ModelConfig {
  /** vocabulary size */
  vocab_size: number;
  /** model dim D */
  hidden_size: number;
  /** number of decoder blocks */
  num_hidden_layers: number;
  /** query heads H; head dim = hidden_size / H */
  num_attention_heads: number;
  /** key/value heads (grouped-query attention), divides H */
  num_key_value_heads: number;
  /** SwiGLU hidden dim of dense FFNs */
  intermediate_size: number;
  /** FFN activation: 'swish' (= silu), the only one supported */
  hidden_act: 'swish' | 'silu';
  /** longest position the model was trained for (informational; RoPE has no table limit here) */
  max_position_embeddings: number;
  /** SWA left window as flash-attn's window_size[0]: a query sees itself and this many earlier tokens; null: softmax layers are full attention */
  sliding_window: number | null;
  /** blocks with softmax attention (SWA, or full where listed in full_attn_layers); the others are GLA (inter-layer hybrid) */
  attn_layers: number[];
  /** eps of every RMSNorm */
  norm_eps: number;
  /** RoPE base, softmax layers only */
  rope_theta: number;
  /** lm_head shares the embedding matrix */
  tie_word_embeddings: boolean;
  /** std of normal-initialised weights */
  initializer_range: number;
  /** GLA kernel for sequences: 'chunk' / 'fused_chunk' (chunk form) or 'fused_recurrent' (recurrent form) */
  attn_mode: 'chunk' | 'fused_chunk' | 'fused_recurrent';
  /** short convolutions before GLA (false in SpikingBrain-7B; true is not supported) */
  use_short_conv: boolean;
  /** ours: GLA low-rank gate rank (reference GatedLinearAttention default 16) */
  gate_low_rank_dim: number;
  /** ours: GLA gate divisor, logsigmoid(g) / 16 (reference default 16) */
  gate_logit_normalizer: number;
  /** ours: GLA feature map on q and k, 'relu' (7B) or 'sigmoid' (76B) */
  la_feature_map: 'relu' | 'sigmoid';
  /** ours: GLA decay, 'low_rank' (7B) or 'key' (76B: g = 1 - k) */
  la_gate: 'low_rank' | 'key';
  /** ours: q/k/v projections with bias (true in Qwen2.5 and SpikingBrain) */
  qkv_bias: boolean;
  /** ours: 'inter' (one attention kind per block, attn_layers) or 'intra' (LA + SWA/FA in every block, 76B) */
  hybrid: 'inter' | 'intra';
  /** ours: softmax blocks that use full attention instead of SWA (76B: [6, 13, 20, 27]) */
  full_attn_layers: number[];
  /** ours: learnable sink tokens in every softmax attention (76B: 128) */
  num_sink_tokens: number;
  /** ours: routed experts N per MoE block; 0 for a dense model */
  num_experts: number;
  /** ours: routed experts active per token k */
  num_experts_per_tok: number;
  /** ours: always-on shared experts S */
  num_shared_experts: number;
  /** ours: hidden dim of each expert; null: intermediate_size */
  moe_intermediate_size: number | null;
  /** ours: blocks that keep a dense FFN when num_experts > 0 (76B: [0, 1, 2, 4, 6, 8, 10]) */
  mlp_only_layers: number[];
  /** ours: router nonlinearity, 'sigmoid' (eq. 16) or 'softmax' */
  router_activation: 'sigmoid' | 'softmax';
  /** W8ASpike weight group size (reference field; null: 128 when W8ASpike is switched on) */
  quant_weight_group_size: number | null;
  /** ours: W8ASpike adaptive threshold Vth = mean|x| / k (reference dynamic_sfr) */
  spike_threshold_k: number;
  /** ours: start with W8ASpike projections (inference only); switchable per model */
  w8aspike: boolean;
  /** ours: the FFN down_proj spikes too (true: the report, every projection; false: the released code, whose fused swiglu_linear keeps it float) */
  w8aspike_down_proj: boolean;
}

/** The reference GLAswaConfig defaults (SpikingBrain-7B) plus ours; attn_layers defaults to the odd layers. */
export const DEFAULT_CONFIG: Readonly<Omit<ModelConfig, 'attn_layers'>> = Object.freeze({
  vocab_size: 152064,
  hidden_size: 3584,
  num_hidden_layers: 28,
  num_attention_heads: 28,
  num_key_value_heads: 4,
  intermediate_size: 18944,
  hidden_act: 'swish',
  max_position_embeddings: 131072,
  sliding_window: 4096,
  norm_eps: 1e-6,
  rope_theta: 1e6,
  tie_word_embeddings: false,
  initializer_range: 0.02,
  attn_mode: 'chunk',
  use_short_conv: false,
  gate_low_rank_dim: 16,
  gate_logit_normalizer: 16,
  la_feature_map: 'relu',
  la_gate: 'low_rank',
  qkv_bias: true,
  hybrid: 'inter',
  full_attn_layers: [],
  num_sink_tokens: 0,
  num_experts: 0,
  num_experts_per_tok: 1,
  num_shared_experts: 1,
  moe_intermediate_size: null,
  mlp_only_layers: [],
  router_activation: 'sigmoid',
  quant_weight_group_size: null,
  spike_threshold_k: 3,
  w8aspike: false,
  w8aspike_down_proj: true,
});

const KNOWN = new Set<string>([...Object.keys(DEFAULT_CONFIG), 'attn_layers']);

/** A complete, validated config: defaults filled in, arrays copied. */
export function resolveConfig(partial: Partial<ModelConfig> = {}): ModelConfig {
  for (const key of Object.keys(partial)) {
    if (!KNOWN.has(key)) throw new TypeError(`unknown config field '${key}' (use configFromJSON to read a config.json with extra fields)`);
  }
  const L = partial.num_hidden_layers ?? DEFAULT_CONFIG.num_hidden_layers;
  // inter-layer default: softmax on odd layers; an intra-layer hybrid has no attn_layers
  const c: ModelConfig = {
    ...DEFAULT_CONFIG,
    attn_layers: partial.hybrid === 'intra' ? [] : Array.from({ length: Math.floor(L / 2) }, (_, i) => 2 * i + 1),
    ...stripUndefined(partial),
  } as ModelConfig;
  c.attn_layers = [...c.attn_layers];
  c.full_attn_layers = [...c.full_attn_layers];
  c.mlp_only_layers = [...c.mlp_only_layers];
  validateConfig(c);
  return c;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Reads a HuggingFace config.json object: SpikingBrain's (gla_swa) as is, and Qwen2-style ones
 * (rms_norm_eps, use_sliding_window false, no attn_layers: every block softmax). Unknown fields
 * (architectures, torch_dtype, …) are ignored.
 */
export function configFromJSON(json: Record<string, unknown>): ModelConfig {
  if (typeof json !== 'object' || json === null) throw new TypeError(`expected a config object, got ${String(json)}`);
  const picked: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(json)) if (KNOWN.has(k)) picked[k] = v;
  if (picked.norm_eps === undefined && typeof json.rms_norm_eps === 'number') picked.norm_eps = json.rms_norm_eps;
  if (json.use_sliding_window === false) picked.sliding_window = null;
  const L = (picked.num_hidden_layers as number | undefined) ?? DEFAULT_CONFIG.num_hidden_layers;
  const modelType = typeof json.model_type === 'string' ? json.model_type : '';
  if (picked.attn_layers === undefined && modelType !== 'gla_swa' && modelType !== '') {
    // a plain Transformer config (qwen2, llama, mistral): every block is softmax attention
    picked.attn_layers = Array.from({ length: L }, (_, i) => i);
  }
  if (modelType === 'gla_swa' && picked.hybrid !== 'intra') {
    // GLAswaConfig.__init__ overwrites attn_layers with the odd layers whatever the file says
    picked.attn_layers = Array.from({ length: Math.floor(L / 2) }, (_, i) => 2 * i + 1);
  }
  return resolveConfig(picked as Partial<ModelConfig>);
}

/** The config as a plain JSON object (for data files and saved checkpoints). */
export function configToJSON(c: ModelConfig): Record<string, unknown> {
  return JSON.parse(JSON.stringify(c)) as Record<string, unknown>;
}

function checkPosInt(name: string, v: unknown, min = 1): void {
  checkInteger(`config.${name}`, v, min);
}

function checkLayerList(name: string, v: unknown, L: number): void {
  if (!Array.isArray(v)) throw new TypeError(`config.${name} must be an array of layer indices, got ${JSON.stringify(v)}`);
  const seen = new Set<number>();
  for (const i of v) {
    if (!Number.isInteger(i) || i < 0 || i >= L)
      throw new RangeError(`config.${name} entries must be integers in [0, ${L - 1}] (num_hidden_layers = ${L}), got ${JSON.stringify(i)}`);
    if (seen.has(i)) throw new RangeError(`config.${name} lists layer ${i} twice`);
    seen.add(i);
  }
}

/**
 * The fields that give a model's shape. A config.json that leaves one out gets SpikingBrain-7B's value
 * (DEFAULT_CONFIG), so a reader of foreign configs (the site's calculator) requires them.
 */
export const SHAPE_FIELDS = [
  'vocab_size',
  'hidden_size',
  'num_hidden_layers',
  'num_attention_heads',
  'num_key_value_heads',
  'intermediate_size',
] as const;

/** The values each enumerated field may take. */
const ALLOWED: { readonly [K in keyof ModelConfig]?: readonly ModelConfig[K][] } = {
  hidden_act: ['swish', 'silu'],
  attn_mode: ['chunk', 'fused_chunk', 'fused_recurrent'],
  la_feature_map: ['relu', 'sigmoid'],
  la_gate: ['low_rank', 'key'],
  hybrid: ['inter', 'intra'],
  router_activation: ['sigmoid', 'softmax'],
  tie_word_embeddings: [true, false],
  qkv_bias: [true, false],
  w8aspike: [true, false],
  w8aspike_down_proj: [true, false],
  use_short_conv: [true, false],
};

/** Throws a RangeError naming the field when the config is inconsistent. */
export function validateConfig(c: ModelConfig): void {
  for (const f of [...SHAPE_FIELDS, 'max_position_embeddings', 'gate_low_rank_dim'] as const) checkPosInt(f, c[f]);
  for (const f of ['num_sink_tokens', 'num_experts', 'num_experts_per_tok', 'num_shared_experts'] as const) checkPosInt(f, c[f], 0);
  if (c.hidden_size % c.num_attention_heads !== 0)
    throw new RangeError(`config.hidden_size (${c.hidden_size}) must be divisible by num_attention_heads (${c.num_attention_heads})`);
  if (c.num_attention_heads % c.num_key_value_heads !== 0)
    throw new RangeError(
      `config.num_attention_heads (${c.num_attention_heads}) must be a multiple of num_key_value_heads (${c.num_key_value_heads})`,
    );
  if ((c.hidden_size / c.num_attention_heads) % 2 !== 0)
    throw new RangeError(
      `config: head dim hidden_size / num_attention_heads must be even for RoPE, got ${c.hidden_size / c.num_attention_heads}`,
    );
  if (c.sliding_window !== null) checkPosInt('sliding_window', c.sliding_window, 0);
  for (const f of ['norm_eps', 'rope_theta', 'initializer_range', 'gate_logit_normalizer', 'spike_threshold_k'] as const) {
    if (typeof c[f] !== 'number' || !(c[f] >= 0) || !Number.isFinite(c[f]))
      throw new RangeError(
        `config.${f} must be a finite number >= 0, got ${typeof c[f] === 'number' ? String(c[f]) : JSON.stringify(c[f])}`,
      );
  }
  if (!(c.rope_theta > 0)) throw new RangeError(`config.rope_theta must be > 0, got ${c.rope_theta}`);
  for (const [f, allowed] of Object.entries(ALLOWED) as [keyof ModelConfig, readonly unknown[]][])
    checkOneOf(`config.${f}`, c[f], allowed, RangeError);
  if (c.use_short_conv) throw new RangeError('config.use_short_conv = true is not supported (SpikingBrain-7B uses false)');
  if (c.la_gate === 'key' && c.la_feature_map !== 'sigmoid')
    throw new RangeError(`config.la_gate 'key' (g = 1 - k) needs la_feature_map 'sigmoid', got '${c.la_feature_map}'`);
  const L = c.num_hidden_layers;
  checkLayerList('attn_layers', c.attn_layers, L);
  checkLayerList('full_attn_layers', c.full_attn_layers, L);
  checkLayerList('mlp_only_layers', c.mlp_only_layers, L);
  // settings that would be ignored are errors, not silent no-ops
  if (c.hybrid === 'intra' && c.attn_layers.length > 0) {
    throw new RangeError(
      `config.attn_layers ${JSON.stringify(c.attn_layers)} has no effect with hybrid 'intra' (every block is LA + softmax; full_attn_layers picks the full-attention ones): use attn_layers: []`,
    );
  }
  if (c.hybrid === 'inter') {
    const gla = c.full_attn_layers.filter((i) => !c.attn_layers.includes(i));
    if (gla.length > 0)
      throw new RangeError(
        `config.full_attn_layers lists ${gla.join(', ')}, which ${gla.length > 1 ? 'are GLA layers' : 'is a GLA layer'} (not in attn_layers ${JSON.stringify(c.attn_layers)}): full_attn_layers only applies to softmax layers`,
      );
  }
  if (c.num_experts > 0 && c.num_experts_per_tok > c.num_experts)
    throw new RangeError(`config.num_experts_per_tok (${c.num_experts_per_tok}) must be <= num_experts (${c.num_experts})`);
  if (c.num_experts > 0 && c.num_experts_per_tok === 0 && c.num_shared_experts === 0)
    throw new RangeError('config: num_experts_per_tok and num_shared_experts cannot both be 0');
  if (c.moe_intermediate_size !== null) checkPosInt('moe_intermediate_size', c.moe_intermediate_size);
  if (c.quant_weight_group_size !== null) checkPosInt('quant_weight_group_size', c.quant_weight_group_size);
}
