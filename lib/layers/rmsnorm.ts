/**
 * RMSNorm (report §2.2; the reference's attn_norm, mlp_norm, final norm and the GLA output norm
 * g_norm, applied per head): y = x / sqrt(mean(x²) + eps) · w over the last dim.
 */
import * as tf from '@tensorflow/tfjs';
import { constantVariable, type Layer, type NamedVariable } from './module.js';
import { checkInteger } from '../util/validate.js';

/** rmsNorm(x, w, eps) over the last dim of x; w has the size of that dim. */
export function rmsNorm<T extends tf.Tensor>(x: T, weight: tf.Tensor1D, eps: number): T {
  const D = x.shape[x.rank - 1];
  if (weight.rank !== 1 || weight.shape[0] !== D) throw new RangeError(`expected weight of shape [${D}], got [${weight.shape.join(', ')}]`);
  if (!(eps >= 0)) throw new RangeError(`eps must be >= 0, got ${eps}`);
  return tf.tidy(() => {
    const ms = tf.mean(tf.square(x), -1, true);
    return tf.mul(tf.mul(x, tf.rsqrt(tf.add(ms, eps))), weight) as T;
  });
}

export class RMSNorm implements Layer {
  readonly name: string;
  /** [D], ones at init */
  readonly weight: tf.Variable<tf.Rank.R1>;

  constructor(
    name: string,
    size: number,
    readonly eps: number,
  ) {
    this.name = name;
    this.weight = constantVariable([checkInteger(`${name}: size`, size, 1)], 1) as tf.Variable<tf.Rank.R1>;
  }

  apply<T extends tf.Tensor>(x: T): T {
    return rmsNorm(x, this.weight, this.eps);
  }

  parameters(): NamedVariable[] {
    return [[`${this.name}.weight`, this.weight]];
  }

  dispose(): void {
    this.weight.dispose();
  }
}
