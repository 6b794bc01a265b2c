/** Shared helpers for the ops tests: seeded inputs, error measures, finite differences. */
import * as tf from '@tensorflow/tfjs';
import { normalSamples } from '../../lib/util/random.js';

/** Seeded standard-normal values times `scale`, as a plain array. */
export function randn(n: number, seed: number, scale = 1): Float64Array {
  const x = normalSamples(n, seed);
  if (scale !== 1) for (let i = 0; i < n; i++) x[i]! *= scale;
  return x;
}

/** Seeded log-decays in (−∞, 0): logsigmoid(z) / normalizer, as the GLA layer makes them. */
export function logDecays(n: number, seed: number, normalizer = 1): Float64Array {
  const z = normalSamples(n, seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = -Math.log1p(Math.exp(-z[i]!)) / normalizer;
  return out;
}

export function tensor4(values: ArrayLike<number>, shape: [number, number, number, number]): tf.Tensor4D {
  return tf.tensor4d(Float32Array.from(values), shape);
}

/** Float32 copy of the values (what the tfjs ops actually see). */
export function f32(values: ArrayLike<number>): Float32Array {
  return Float32Array.from(values);
}

/** max |a - b| (NaN propagates): the shared test helper */
export { maxAbsDiff } from '../helpers/close.js';

export function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
}

/** Σ x ⊙ w for flat arrays (the scalar loss used for gradient checks). */
export function dot(x: ArrayLike<number>, w: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]! * w[i]!;
  return s;
}

/**
 * Central finite difference of `f` along direction `d` at `x` (all flat float64 arrays):
 * (f(x + εd) − f(x − εd)) / 2ε. With float64 references the error is ~ε²·f''' + 1e-16/ε.
 */
export function directionalDerivative(f: (x: Float64Array[]) => number, x: Float64Array[], d: Float64Array[], eps = 1e-5): number {
  const shift = (sign: number) => x.map((xi, i) => xi.map((v, j) => v + sign * eps * d[i]![j]!));
  return (f(shift(1)) - f(shift(-1))) / (2 * eps);
}

/** A softmax-attention case: B batches, H query heads over Hkv key/value heads, Lq queries, Lk keys. */
export interface AttentionShape {
  B: number;
  H: number;
  Hkv: number;
  Lq: number;
  Lk: number;
  K: number;
  V: number;
}

/** Seeded float32 q [B,H,Lq,K], k [B,Hkv,Lk,K], v [B,Hkv,Lk,V] (seeds seed, seed + 1, seed + 2). */
export function attentionInputs(c: AttentionShape, seed: number): { q: Float32Array; k: Float32Array; v: Float32Array } {
  return {
    q: f32(randn(c.B * c.H * c.Lq * c.K, seed)),
    k: f32(randn(c.B * c.Hkv * c.Lk * c.K, seed + 1)),
    v: f32(randn(c.B * c.Hkv * c.Lk * c.V, seed + 2)),
  };
}

/** The inputs as tensors of their shapes. */
export function attentionTensors(
  c: AttentionShape,
  x: { q: ArrayLike<number>; k: ArrayLike<number>; v: ArrayLike<number> },
): [tf.Tensor4D, tf.Tensor4D, tf.Tensor4D] {
  return [tensor4(x.q, [c.B, c.H, c.Lq, c.K]), tensor4(x.k, [c.B, c.Hkv, c.Lk, c.K]), tensor4(x.v, [c.B, c.Hkv, c.Lk, c.V])];
}

/** The fields every fla golden case shares: its shape and the q, k, v inputs (row-major). */
export interface GoldenQkv {
  B: number;
  H: number;
  L: number;
  K: number;
  V: number;
  q: number[];
  k: number[];
  v: number[];
}
