/**
 * Decoding caches (report §2.1.1, §5.2): full attention keeps a growing KV cache (O(n) memory), SWA a
 * ring buffer of the last w - 1 keys and values (the query itself is the w-th key: O(1) memory), GLA
 * its recurrent state S_t of eq. 10 (O(1)). A cache owns its tensors: they survive tf.tidy and are
 * replaced, the old ones disposed, on each update; call dispose() when done.
 */
import * as tf from '@tensorflow/tfjs';

/** Keys and values of past tokens, RoPE already applied; a ring buffer when `capacity` is a number. */
export class KVCache {
  /** tokens seen so far (the position of the next token) */
  seen = 0;
  /** [B, Hkv, n, K] in slot order; chronological from `start` */
  private keys: tf.Tensor4D | null = null;
  private values: tf.Tensor4D | null = null;
  /** the oldest slot of the ring */
  private start = 0;
  private disposed = false;

  /** @param capacity most tokens kept (window - 1 for SWA), or null to keep all (full attention) */
  constructor(readonly capacity: number | null) {
    if (capacity !== null && (!Number.isInteger(capacity) || capacity < 0))
      throw new RangeError(`capacity must be an integer >= 0 or null, got ${capacity}`);
  }

  /** Tokens held now. */
  get length(): number {
    return this.keys ? this.keys.shape[2] : 0;
  }

  /**
   * Appends k, v [B, Hkv, Ln, K] and returns the keys and values the new queries attend over
   * [B, Hkv, n + Ln, K], with the new ones last. Chronological, except for one new token in a full
   * ring: then every held key is in its window and order does not change softmax attention.
   * Call inside tf.tidy: the returned tensors belong to the caller's scope; the cache keeps its own.
   */
  append(k: tf.Tensor4D, v: tf.Tensor4D): { keys: tf.Tensor4D; values: tf.Tensor4D } {
    if (this.disposed) throw new Error(`this KV cache was disposed after ${this.seen} tokens: its context is gone; make a new cache`);
    const Ln = k.shape[2];
    const cap = this.capacity;
    const prevK = this.keys;
    const prevV = this.values;
    const n = this.length;
    this.seen += Ln;
    if (!prevK || !prevV) {
      this.store(this.lastTokens(k, cap), this.lastTokens(v, cap), 0);
      return { keys: k, values: v };
    }
    if (cap !== null && n === cap && Ln === 1 && cap > 0) {
      // ring update: overwrite the oldest slot
      const allK = tf.concat([prevK, k], 2);
      const allV = tf.concat([prevV, v], 2);
      const s = this.start;
      const put = (buf: tf.Tensor4D, x: tf.Tensor4D) =>
        tf.concat([tf.slice(buf, [0, 0, 0, 0], [-1, -1, s, -1]), x, tf.slice(buf, [0, 0, s + 1, 0], [-1, -1, -1, -1])], 2);
      this.store(put(prevK, k), put(prevV, v), (s + 1) % cap);
      return { keys: allK, values: allV };
    }
    const allK = tf.concat([this.chronological(prevK), k], 2);
    const allV = tf.concat([this.chronological(prevV), v], 2);
    this.store(this.lastTokens(allK, cap), this.lastTokens(allV, cap), 0);
    return { keys: allK, values: allV };
  }

  /** Bytes held (float32). */
  bytes(): number {
    return this.keys ? 2 * this.keys.size * 4 : 0;
  }

  dispose(): void {
    this.keys?.dispose();
    this.values?.dispose();
    this.keys = null;
    this.values = null;
    this.disposed = true;
  }

  private chronological(buf: tf.Tensor4D): tf.Tensor4D {
    if (this.start === 0) return buf;
    const s = this.start;
    return tf.concat([tf.slice(buf, [0, 0, s, 0], [-1, -1, -1, -1]), tf.slice(buf, [0, 0, 0, 0], [-1, -1, s, -1])], 2);
  }

  private lastTokens(x: tf.Tensor4D, cap: number | null): tf.Tensor4D {
    const L = x.shape[2];
    if (cap === null || L <= cap) return x;
    return tf.slice(x, [0, 0, L - cap, 0], [-1, -1, cap, -1]);
  }

  private store(k: tf.Tensor4D, v: tf.Tensor4D, start: number): void {
    const oldK = this.keys;
    const oldV = this.values;
    // clone so the cache's tensors are distinct from anything the caller's tidy disposes
    this.keys = tf.keep(k.clone());
    this.values = tf.keep(v.clone());
    this.start = start;
    oldK?.dispose();
    oldV?.dispose();
  }
}

/** The recurrent state of a linear-attention layer, [B, H, K, V]. */
export class RecurrentCache {
  /** tokens seen so far */
  seen = 0;
  private s: tf.Tensor4D | null = null;
  private disposed = false;

  get state(): tf.Tensor4D | null {
    if (this.disposed)
      throw new Error(`this recurrent state was disposed after ${this.seen} tokens: its context is gone; make a new cache`);
    return this.s;
  }

  /** Replaces the state (keeps a clone; disposes the previous one) after `tokens` more tokens. */
  update(state: tf.Tensor4D, tokens: number): void {
    if (this.disposed)
      throw new Error(`this recurrent state was disposed after ${this.seen} tokens: its context is gone; make a new cache`);
    const old = this.s;
    this.s = tf.keep(state.clone());
    this.seen += tokens;
    old?.dispose();
  }

  bytes(): number {
    return this.s ? this.s.size * 4 : 0;
  }

  dispose(): void {
    this.s?.dispose();
    this.s = null;
    this.disposed = true;
  }
}

/** The cache of one attention block: a KV cache for softmax attention, a state for GLA, both for an intra-layer hybrid. */
export interface LayerCache {
  kv?: KVCache;
  recurrent?: RecurrentCache;
}

export function disposeLayerCache(c: LayerCache): void {
  c.kv?.dispose();
  c.recurrent?.dispose();
}
