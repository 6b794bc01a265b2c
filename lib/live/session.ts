/**
 * A live decoding session (report §2.2 decoding with caches, §3.3 W8ASpike, §5.5 eq. 24): the
 * converted hybrid loaded twice from one safetensors file, once with W8ASpike (INT8 weights, spiking
 * projection inputs) and once in float, plus optionally its full-attention base. Every model decodes
 * the same tokens with its own caches; the active hybrid (W8ASpike on or off) picks each next token
 * greedily, and each token reports per layer what the spikes, the energy and the caches did, and how
 * the next-token distribution differs with W8ASpike on and off. Runs in Node and in a browser worker.
 */
import * as tf from '@tensorflow/tfjs';
import type { ModelCache, SpikingBrainModel } from '../models/model.js';
import { modelFromSafetensors } from '../models/weights.js';
import { attentionView, type AttentionView } from './attention.js';
import { klDivergence, softmaxRow, topK, totalVariation, type TopToken } from './distribution.js';
import { layerMemory, layerTokenStats, tokenEnergy, type LayerMemory, type LayerTokenStats, type TokenEnergy } from './stats.js';

export interface LiveSessionOptions {
  /** W8ASpike threshold Vth = mean|x| / k (default: the checkpoint's spike_threshold_k) */
  k?: number;
  /** tokens in each top-k list (default 5) */
  topK?: number;
  /** the longest context (prompt + generated) a session accepts (default: the model's max_position_embeddings) */
  maxContext?: number;
}

export interface TokenReport {
  /** position of the token just fed (prompt positions count from 0) */
  position: number;
  /** tokens the context holds now */
  context: number;
  /** the chosen next token (greedy argmax of the active hybrid) */
  next: number;
  /** W8ASpike was on for the active hybrid */
  w8aspike: boolean;
  /** per layer, the token just fed (the prompt's last token after prefill) */
  layers: LayerTokenStats[];
  energy: TokenEnergy;
  /** the hybrid's next-token distribution with W8ASpike on and off */
  distribution: { on: TopToken[]; off: TopToken[]; klOffOn: number; totalVariation: number; sameArgmax: boolean };
  /** the full-attention base on the same tokens, if loaded */
  base: { top: TopToken[]; layers: LayerMemory[]; kvBytes: number } | null;
  /** bytes the hybrid's caches hold (float32) */
  hybridCacheBytes: number;
  /** wall time of the step, ms */
  ms: number;
}

interface Runner {
  model: SpikingBrainModel;
  cache: ModelCache | null;
}

export class LiveSession {
  /** true: the spiking hybrid picks the tokens and its counts are reported */
  w8aspike = true;
  private readonly spiking: Runner;
  private readonly float: Runner;
  private readonly base: Runner | null;
  /** W8ASpike threshold divisor */
  readonly k: number;
  private readonly topK: number;
  /** the longest context a session accepts */
  readonly maxContext: number;
  private tokens: number[] = [];
  private pending: number | null = null;
  private disposed = false;

  /** Models built from safetensors bytes with a config in their metadata (lib/models/weights.ts). */
  static fromSafetensors(hybrid: Uint8Array, base: Uint8Array | null = null, o: LiveSessionOptions = {}): LiveSession {
    const models: SpikingBrainModel[] = [];
    try {
      models.push(modelFromSafetensors(hybrid), modelFromSafetensors(hybrid));
      if (base) models.push(modelFromSafetensors(base));
    } catch (e) {
      for (const m of models) m.dispose();
      throw e;
    }
    return new LiveSession(models[0]!, models[1]!, models[2] ?? null, o);
  }

  /** spiking and float must hold the same weights (two loads of one file); the session owns all three. */
  constructor(spiking: SpikingBrainModel, float: SpikingBrainModel, base: SpikingBrainModel | null, o: LiveSessionOptions = {}) {
    const k = o.k ?? spiking.config.spike_threshold_k;
    if (!(typeof k === 'number' && k > 0 && Number.isFinite(k))) throw new RangeError(`options.k must be a finite number > 0, got ${o.k}`);
    this.topK = o.topK ?? 5;
    if (!Number.isInteger(this.topK) || this.topK < 1 || this.topK > spiking.config.vocab_size)
      throw new RangeError(`options.topK must be an integer in [1, ${spiking.config.vocab_size}], got ${o.topK}`);
    const limit = Math.min(spiking.config.max_position_embeddings, base?.config.max_position_embeddings ?? Infinity);
    this.maxContext = o.maxContext ?? limit;
    if (!Number.isInteger(this.maxContext) || this.maxContext < 2 || this.maxContext > limit)
      throw new RangeError(`options.maxContext must be an integer in [2, ${limit}], got ${o.maxContext}`);
    this.k = k;
    spiking.setW8ASpike(true, { k });
    float.setW8ASpike(false);
    this.spiking = { model: spiking, cache: null };
    this.float = { model: float, cache: null };
    this.base = base ? { model: base, cache: null } : null;
  }

  get config() {
    return this.spiking.model.config;
  }

  /** The context so far: prompt and generated tokens fed to the models. */
  get context(): readonly number[] {
    return this.tokens;
  }

  /** Parameters of the hybrid and of the base (0 without one). */
  parameterCounts(): { hybrid: number; base: number } {
    return { hybrid: this.spiking.model.numParameters(), base: this.base?.model.numParameters() ?? 0 };
  }

  get hasBase(): boolean {
    return this.base !== null;
  }

  /** Starts over with a prompt: new caches, prefill, and the report of the prompt's last token. */
  start(prompt: readonly number[]): TokenReport {
    this.check();
    if (!Array.isArray(prompt) || prompt.length < 1) throw new RangeError('prompt must hold at least one token id');
    if (prompt.length >= this.maxContext)
      throw new RangeError(`prompt must be shorter than ${this.maxContext} tokens (the context limit), got ${prompt.length}`);
    const V = this.config.vocab_size;
    for (const t of prompt)
      if (!Number.isInteger(t) || t < 0 || t >= V) throw new RangeError(`prompt token ids must be integers in [0, ${V - 1}], got ${t}`);
    for (const r of this.runners()) {
      r.cache?.dispose();
      r.cache = r.model.createCache();
    }
    this.tokens = [];
    return this.feed([...prompt]);
  }

  /** Feeds the token the last report chose and reports the next one. */
  step(): TokenReport {
    this.check();
    if (this.pending === null) throw new Error('call start(prompt) before step()');
    if (this.tokens.length >= this.maxContext)
      throw new RangeError(`the context is full (${this.maxContext} tokens): start again with a shorter prompt`);
    return this.feed([this.pending]);
  }

  /**
   * Attention / decay maps of the context so far for its last token (the query that answers): the
   * active hybrid's (W8ASpike on or off) and the base's. One extra forward per model, no cache touched.
   */
  attention(radius = 2): { hybrid: AttentionView; base: AttentionView | null } {
    this.check();
    if (this.tokens.length === 0) throw new Error('call start(prompt) before attention()');
    const active = this.w8aspike ? this.spiking : this.float;
    return {
      hybrid: attentionView(active.model, this.tokens, radius),
      base: this.base ? attentionView(this.base.model, this.tokens, radius) : null,
    };
  }

  dispose(): void {
    if (this.disposed) return;
    for (const r of this.runners()) {
      r.cache?.dispose();
      r.model.dispose();
    }
    this.disposed = true;
  }

  private feed(ids: number[]): TokenReport {
    const t0 = now();
    const active = this.w8aspike ? this.spiking : this.float;
    const counts = new Map<string, Int32Array>();
    active.model.setSpikeCountHook((name, c) => {
      const cols = c.shape[1];
      const all = c.dataSync() as Int32Array;
      counts.set(name, Int32Array.from(all.subarray(all.length - cols)));
    });
    let on: Float64Array, off: Float64Array;
    let baseP: Float64Array | null = null;
    try {
      on = this.lastProbs(this.spiking, ids);
      off = this.lastProbs(this.float, ids);
      if (this.base) baseP = this.lastProbs(this.base, ids);
    } finally {
      active.model.setSpikeCountHook(null);
    }
    const position = this.tokens.length + ids.length - 1;
    this.tokens.push(...ids);
    const onTop = topK(on, this.topK);
    const offTop = topK(off, this.topK);
    this.pending = (this.w8aspike ? onTop : offTop)[0]!.id;
    const linears = new Map(active.model.linears().map((l) => [l.name, l.outFeatures]));
    const layers = layerTokenStats(counts, (n) => linears.get(n) ?? 0, active.cache!.layers);
    const baseLayers = this.base ? this.base.cache!.layers.map(layerMemory) : null;
    return {
      position,
      context: this.tokens.length,
      next: this.pending,
      w8aspike: this.w8aspike,
      layers,
      energy: tokenEnergy(layers),
      distribution: {
        on: onTop,
        off: offTop,
        klOffOn: klDivergence(off, on),
        totalVariation: totalVariation(off, on),
        sameArgmax: onTop[0]!.id === offTop[0]!.id,
      },
      base: baseP && baseLayers ? { top: topK(baseP, this.topK), layers: baseLayers, kvBytes: this.base!.cache!.bytes() } : null,
      hybridCacheBytes: active.cache!.bytes(),
      ms: now() - t0,
    };
  }

  /** Runs ids through one model with its cache; the probabilities after the last id. */
  private lastProbs(r: Runner, ids: number[]): Float64Array {
    const row = tf.tidy(() => {
      const logits = r.model.forward([ids], { cache: r.cache! });
      const L = logits.shape[1];
      return tf.slice(logits, [0, L - 1, 0], [1, 1, -1]).dataSync() as Float32Array;
    });
    return softmaxRow(row);
  }

  private runners(): Runner[] {
    return this.base ? [this.spiking, this.float, this.base] : [this.spiking, this.float];
  }

  private check(): void {
    if (this.disposed) throw new Error('this live session was disposed: make a new one');
  }
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());
