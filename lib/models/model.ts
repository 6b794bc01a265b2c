/**
 * The causal language model (report §2.2, Fig. 3; the reference GLAswaForCausalLM): embeddings, the
 * blocks a config describes, a final RMSNorm and lm_head. Decoding with caches: SWA ring buffers, GLA
 * states, growing KV caches for full attention. Projections can switch to W8ASpike per model (§3.3;
 * lm_head stays float, as in the reference) and report their inputs to a hook.
 *
 * The embedding is a gather; on the training path its gradient is a host scatter-add (the wasm
 * backend has no gradient kernel for gather; models/embedding.ts, with the one-hot sibling).
 */
import * as tf from '@tensorflow/tfjs';
import {
  DecoderBlock,
  Linear,
  RMSNorm,
  defaultRuntime,
  disposeLayerCache,
  matMul2D,
  normalVariable,
  type Layer,
  type LayerCache,
  type NamedVariable,
  type ProjectionHook,
  type ProjectionRuntime,
} from '../layers/index.js';
import { buildBlocks } from './build.js';
import { resolveConfig, type ModelConfig } from './config.js';
import { embedLookup } from './embedding.js';
import { checkFits, estimateForwardBytes } from './memory.js';

export interface ModelOptions {
  /** seed of every weight (each parameter's is derived from it and its name) */
  seed?: number;
}

export interface ForwardOptions {
  /** decode: the ids are the next tokens after those the cache has seen; the cache advances */
  cache?: ModelCache;
  /** embedding with a gradient (gather + host scatter-add, models/embedding.ts) */
  differentiable?: boolean;
}

/** Token ids [B, L]: an int32 tensor or nested arrays. */
export type TokenIds = tf.Tensor2D | number[][];

/** The per-block caches of one decoding run. */
export class ModelCache {
  /** tokens seen so far */
  seen = 0;
  private isDisposed = false;
  constructor(readonly layers: LayerCache[]) {}

  /** true after dispose(): the cache has lost its context and cannot be used again */
  get disposed(): boolean {
    return this.isDisposed;
  }

  /** Bytes held now (float32), KV caches and recurrent states. */
  bytes(): number {
    return this.layers.reduce((s, c) => s + (c.kv?.bytes() ?? 0) + (c.recurrent?.bytes() ?? 0), 0);
  }

  dispose(): void {
    for (const c of this.layers) disposeLayerCache(c);
    this.isDisposed = true;
  }
}

export class SpikingBrainModel implements Layer {
  readonly name = 'model';
  readonly config: ModelConfig;
  /** shared by every projection: float or W8ASpike, and the input hook */
  readonly runtime: ProjectionRuntime;
  /** model.embeddings.weight [V, D] */
  readonly embeddings: tf.Variable;
  readonly blocks: DecoderBlock[];
  /** model.norm */
  readonly norm: RMSNorm;
  /** lm_head [D, V]; null when tied to the embeddings */
  readonly lmHead: Linear | null;

  constructor(config: Partial<ModelConfig> = {}, options: ModelOptions = {}) {
    this.config = resolveConfig(config);
    const c = this.config;
    const seed = options.seed ?? 42;
    if (!Number.isInteger(seed)) throw new TypeError(`options.seed must be an integer, got ${seed}`);
    this.runtime = {
      ...defaultRuntime(),
      mode: c.w8aspike ? 'w8aspike' : 'float',
      groupSize: c.quant_weight_group_size ?? 128,
      k: c.spike_threshold_k,
    };
    this.embeddings = normalVariable([c.vocab_size, c.hidden_size], c.initializer_range, seed, 'model.embeddings.weight');
    this.blocks = buildBlocks(c, seed, this.runtime);
    this.norm = new RMSNorm('model.norm', c.hidden_size, c.norm_eps);
    // the reference keeps lm_head a float nn.Linear under W8ASpike: its own float runtime, no hook
    this.lmHead = c.tie_word_embeddings
      ? null
      : new Linear({
          name: 'lm_head',
          inFeatures: c.hidden_size,
          outFeatures: c.vocab_size,
          bias: false,
          std: c.initializer_range,
          seed,
          runtime: defaultRuntime(),
        });
  }

  /** Logits [B, L, V] for ids [B, L]; with a cache, the ids continue the cached sequence. */
  forward(inputIds: TokenIds, o: ForwardOptions = {}): tf.Tensor3D {
    const cache = o.cache;
    if (cache && cache.disposed)
      throw new Error(`the decoding cache was disposed after ${cache.seen} tokens: its context is gone; make a new one with createCache()`);
    if (cache && cache.layers.length !== this.blocks.length)
      throw new RangeError(`expected a cache of ${this.blocks.length} layers (createCache()), got ${cache.layers.length}`);
    return tf.tidy(() => {
      const ids = this.ids(inputIds, 'inputIds');
      // a pass that cannot fit fails here, before any model work (a training step checks its own, larger, estimate)
      if (!tf.engine().isTapeOn())
        checkFits('forward pass', estimateForwardBytes(this.config, ids.shape[0], ids.shape[1]), ids.shape[0], ids.shape[1]);
      let h = this.embed(ids, o.differentiable ?? false);
      this.blocks.forEach((b, i) => {
        h = b.apply(h, cache?.layers[i]);
      });
      if (cache) cache.seen += ids.shape[1];
      return this.logits(this.norm.apply(h));
    });
  }

  /** Mean next-token cross-entropy of logits(ids) against targets [B, L] (differentiable path). */
  loss(inputIds: TokenIds, targets: TokenIds): tf.Scalar {
    return tf.tidy(() => {
      // every input checked before any model work
      const ids = this.ids(inputIds, 'inputIds');
      const t = this.ids(targets, 'targets');
      if (ids.shape[0] !== t.shape[0] || ids.shape[1] !== t.shape[1]) {
        throw new RangeError(
          `expected targets of shape [${ids.shape[0]}, ${ids.shape[1]}] (the inputs' shape), got [${t.shape.join(', ')}]`,
        );
      }
      const logits = this.forward(ids, { differentiable: true });
      const V = this.config.vocab_size;
      const logp = tf.logSoftmax(tf.reshape(logits, [-1, V]));
      const onehot = tf.cast(tf.oneHot(tf.reshape(t, [-1]) as tf.Tensor1D, V), 'float32');
      return tf.neg(tf.mean(tf.sum(tf.mul(onehot, logp), -1))) as tf.Scalar;
    });
  }

  /** An empty cache for decoding: call forward(prompt, { cache }) then forward(nextToken, { cache }). */
  createCache(): ModelCache {
    return new ModelCache(this.blocks.map((b) => b.createCache()));
  }

  /**
   * Switches every projection (not lm_head) to W8ASpike (INT8 group-wise weights, spiking inputs
   * with Vth = mean|x| / k) or back to float. INT8 weights are recomputed from the current weights.
   */
  setW8ASpike(on: boolean, o: { groupSize?: number; k?: number } = {}): void {
    if (typeof on !== 'boolean') throw new TypeError(`on must be a boolean, got ${String(on)}`);
    if (o.groupSize !== undefined && (!Number.isInteger(o.groupSize) || o.groupSize < 1))
      throw new RangeError(`groupSize must be an integer >= 1, got ${o.groupSize}`);
    if (o.k !== undefined && !(o.k > 0 && Number.isFinite(o.k))) throw new RangeError(`k must be a finite number > 0, got ${o.k}`);
    this.weightsChanged();
    this.runtime.mode = on ? 'w8aspike' : 'float';
    if (o.groupSize !== undefined) this.runtime.groupSize = o.groupSize;
    if (o.k !== undefined) this.runtime.k = o.k;
  }

  /** Sees the float input [N, in] of every projection (not lm_head) under its name; null removes it. */
  setProjectionHook(hook: ProjectionHook | null): void {
    this.runtime.hook = hook;
  }

  /**
   * Sees the spike counts [N, in] at every projection input (not lm_head) under its name: the counts
   * used in W8ASpike mode, the counts the input would give in float mode. Feed a SpikeStatsCollector:
   * `model.setSpikeCountHook((name, counts) => collector.add(name, counts))`. null removes it.
   */
  setSpikeCountHook(hook: ProjectionHook | null): void {
    this.runtime.countsHook = hook;
  }

  /** Every projection, e.g. to collect statistics or quantize. */
  linears(): Linear[] {
    const out: Linear[] = [];
    const seen = new Set<unknown>();
    const walk = (o: unknown): void => {
      if (o === null || typeof o !== 'object' || seen.has(o) || o instanceof tf.Tensor) return;
      seen.add(o);
      if (o instanceof Linear) {
        if (o !== this.lmHead) out.push(o);
        return;
      }
      for (const v of Array.isArray(o) ? o : Object.values(o)) walk(v);
    };
    walk(this.blocks);
    return out;
  }

  /** Call after the float weights changed outside training (e.g. assign): drops cached INT8 weights. */
  weightsChanged(): void {
    for (const l of this.linears()) l.dropQuantized();
  }

  parameters(): NamedVariable[] {
    return [
      ['model.embeddings.weight', this.embeddings],
      ...this.blocks.flatMap((b) => b.parameters()),
      ...this.norm.parameters(),
      ...(this.lmHead ? this.lmHead.parameters() : []),
    ];
  }

  trainableVariables(): tf.Variable[] {
    return this.parameters().map(([, v]) => v);
  }

  /** Parameters allocated (equals parameterCount(config).total). */
  numParameters(): number {
    return this.parameters().reduce((s, [, v]) => s + v.size, 0);
  }

  dispose(): void {
    this.embeddings.dispose();
    for (const b of this.blocks) b.dispose();
    this.norm.dispose();
    this.lmHead?.dispose();
  }

  /** Checked token ids as an int32 tensor (arrays value by value, tensors by one min/max reduction). */
  ids(x: TokenIds, name = 'token ids'): tf.Tensor2D {
    const V = this.config.vocab_size;
    const bad = (v: number) =>
      new RangeError(`token ids must be integers in [0, ${V - 1}] (vocab_size ${V}), got ${v}${name === 'token ids' ? '' : ` in ${name}`}`);
    if (Array.isArray(x)) {
      const L = x[0]?.length ?? 0;
      if (x.length === 0 || L === 0 || x.some((r) => !Array.isArray(r) || r.length !== L))
        throw new RangeError(`expected ${name} [B, L] with B, L >= 1 and rows of equal length`);
      for (const r of x) for (const t of r) if (!Number.isInteger(t) || t < 0 || t >= V) throw bad(t);
      return tf.tensor2d(x, [x.length, L], 'int32');
    }
    if (!(x instanceof tf.Tensor) || x.rank !== 2)
      throw new RangeError(`expected ${name} of shape [B, L], got ${x instanceof tf.Tensor ? `[${x.shape.join(', ')}]` : typeof x}`);
    if (x.isDisposed) throw new Error(`expected ${name} of shape [B, L], got a disposed tensor`);
    if (x.size === 0) throw new RangeError(`expected ${name} [B, L] with B, L >= 1, got [${x.shape.join(', ')}]`);
    if (x.dtype !== 'int32' && x.dtype !== 'float32')
      throw new TypeError(`expected ${name} of dtype int32 (or float32 holding integers), got ${x.dtype}`);
    // min, max and (for floats) the largest distance to an integer, in one read
    const [lo, hi, frac] = tf.tidy(() => {
      const flat = tf.reshape(x, [-1]);
      const parts = [tf.min(flat), tf.max(flat)];
      if (x.dtype === 'float32') parts.push(tf.max(tf.abs(tf.sub(flat, tf.round(flat)))));
      return tf.stack(parts).dataSync();
    }) as unknown as number[];
    // float32 values shown as typed (1.9, not 1.899999976158142)
    const shown = (v: number) => (x.dtype === 'float32' ? Number(v.toPrecision(7)) : v);
    if (!(lo! >= 0)) throw bad(shown(lo!));
    if (!(hi! < V)) throw bad(shown(hi!));
    if (frac !== undefined && !(frac === 0)) {
      const v = (x.dataSync() as Float32Array).find((t) => !Number.isInteger(t));
      throw bad(shown(v ?? Number.NaN));
    }
    return x.dtype === 'int32' ? x : tf.cast(x, 'int32');
  }

  private embed(ids: tf.Tensor2D, differentiable: boolean): tf.Tensor3D {
    const [B, L] = ids.shape;
    const D = this.config.hidden_size;
    const flat = tf.reshape(ids, [-1]) as tf.Tensor1D;
    const e = differentiable ? embedLookup(this.embeddings as tf.Tensor2D, flat) : tf.gather(this.embeddings, flat);
    return tf.reshape(e, [B, L, D]);
  }

  private logits(h: tf.Tensor3D): tf.Tensor3D {
    if (this.lmHead) return this.lmHead.apply(h);
    const [B, L, D] = h.shape;
    return tf.reshape(matMul2D(tf.reshape(h, [B * L, D]), tf.transpose(this.embeddings as tf.Tensor2D)), [B, L, this.config.vocab_size]);
  }
}
