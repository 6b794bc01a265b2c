/**
 * What every weight-owning block shares (report §2; DESIGN.md "layers own weights"): named
 * parameters with the reference checkpoint's names, seeded initialisation, disposal, and argument
 * checks that say what they got.
 */
import * as tf from '@tensorflow/tfjs';
import { checkInteger } from '../util/validate.js';

/** A trainable variable and its reference name, e.g. `model.layers.0.attn.q_proj.weight`. */
export type NamedVariable = [name: string, variable: tf.Variable];

/** A block that owns weights. */
export interface Layer {
  /** this block's name prefix, e.g. `model.layers.0.attn` */
  readonly name: string;
  /** every trainable variable under this block, with its full reference name */
  parameters(): NamedVariable[];
  /** frees the weights */
  dispose(): void;
}

/** How a block initialises its weights. */
export interface InitOptions {
  /** base seed; each parameter's seed is derived from it and the parameter's name */
  seed?: number;
  /** standard deviation of normal-initialised matrices (the reference's initializer_range) */
  std?: number;
}

/** A seed for one parameter: FNV-1a of its name mixed with the base seed (independent of construction order). */
export function seedFor(seed: number, name: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 2147483647;
}

/** A trainable variable with N(0, std²) entries, seeded by name. */
export function normalVariable(shape: number[], std: number, seed: number, name: string): tf.Variable {
  return tf.tidy(() => tf.variable(tf.randomNormal(shape, 0, std, 'float32', seedFor(seed, name)), true));
}

/** A trainable variable filled with a constant (ones for norms, zeros for biases). */
export function constantVariable(shape: number[], value: number): tf.Variable {
  return tf.tidy(() => tf.variable(tf.fill(shape, value), true));
}

/** Checks an attention layer's D, H and Hkv (H divides D, Hkv divides H); returns the head dim. */
export function checkHeads(
  name: string,
  hiddenSize: unknown,
  numHeads: unknown,
  numKvHeads: unknown,
): { D: number; H: number; Hkv: number; headDim: number } {
  const D = checkInteger(`${name}: hiddenSize`, hiddenSize, 1);
  const H = checkInteger(`${name}: numHeads`, numHeads, 1);
  const Hkv = checkInteger(`${name}: numKvHeads`, numKvHeads, 1);
  if (D % H !== 0) throw new RangeError(`${name}: hiddenSize (${D}) must be divisible by numHeads (${H})`);
  if (H % Hkv !== 0) throw new RangeError(`${name}: numHeads (${H}) must be a multiple of numKvHeads (${Hkv})`);
  return { D, H, Hkv, headDim: D / H };
}

/** Throws unless `t` has the expected rank and (where given) sizes; `spec` names dims like `[B, L, D]`. */
export function checkShape(name: string, t: tf.Tensor, spec: string, sizes: Array<number | null>): void {
  const ok = t.rank === sizes.length && sizes.every((s, i) => s === null || t.shape[i] === s);
  if (!ok) {
    const want = sizes.map((s, i) => (s === null ? spec.replace(/[[\]\s]/g, '').split(',')[i] : String(s))).join(', ');
    throw new RangeError(`expected ${name} of shape [${want}], got [${t.shape.join(', ')}]`);
  }
}

/** [B, L, H*K] -> [B, H, L, K]. */
export function splitHeads(x: tf.Tensor3D, heads: number): tf.Tensor4D {
  const [B, L, HK] = x.shape;
  return tf.transpose(tf.reshape(x, [B, L, heads, HK / heads]), [0, 2, 1, 3]);
}

/** [B, H, L, V] -> [B, L, H*V]. */
export function mergeHeads(x: tf.Tensor4D): tf.Tensor3D {
  const [B, H, L, V] = x.shape;
  return tf.reshape(tf.transpose(x, [0, 2, 1, 3]), [B, L, H * V]);
}

/** [B, Hkv, L, K] -> [B, Hkv*rep, L, K]: each kv head serves `rep` consecutive query heads (repeat_interleave). */
export function repeatKv(x: tf.Tensor4D, rep: number): tf.Tensor4D {
  if (rep === 1) return x;
  const [B, Hkv, L, K] = x.shape;
  // concat, not tile: the wasm Tile kernel is ~25x slower, and tfjs has no tile gradient above rank 4
  const x4 = tf.reshape(x, [B, Hkv, 1, L * K]);
  return tf.reshape(tf.concat(new Array<tf.Tensor>(rep).fill(x4), 2), [B, Hkv * rep, L, K]);
}

/**
 * log(sigmoid(x)) = -softplus(-x). Not tf.logSigmoid: its custom gradient closes over x without
 * saving it, so backprop fails once a tf.tidy has disposed x (tfjs 4.22).
 */
export function logSigmoid<T extends tf.Tensor>(x: T): T {
  return tf.tidy(() => tf.neg(tf.softplus(tf.neg(x))));
}

/**
 * a [M, K] · b [K, N] with a backward of untransposed products: dA = dY · transpose(b), dB =
 * transpose(a) · dY. tf.matMul's own gradient passes transpose flags, which on the wasm backend
 * leave XNNPACK for a scalar loop about 10x slower; an explicit transpose is cheap.
 */
export const matMul2D: (a: tf.Tensor2D, b: tf.Tensor2D) => tf.Tensor2D = tf.customGrad((...inputs: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const [a, b, save] = inputs as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
  save([a, b]);
  return {
    value: tf.matMul(a, b) as tf.Tensor2D,
    gradFunc: (dy: tf.Tensor2D, saved: tf.Tensor[]): tf.Tensor[] => {
      const [sa, sb] = saved as [tf.Tensor2D, tf.Tensor2D];
      return [tf.matMul(dy, tf.transpose(sb)), tf.matMul(tf.transpose(sa), dy)];
    },
  };
}) as unknown as (a: tf.Tensor2D, b: tf.Tensor2D) => tf.Tensor2D;
