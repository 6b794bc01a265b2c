/**
 * The one linear projection every block uses (report §3.3, W8ASpike): y = x W + b in float, or with
 * INT8 group-wise weights and adaptive-threshold spiking activations at the input when the owning
 * model switches W8ASpike on. A hook sees every projection's input under its reference name, so a
 * spike-statistics collector can count spikes per projection (report §5.5, Table 11).
 */
import * as tf from '@tensorflow/tfjs';
import { constantVariable, matMul2D, normalVariable, type Layer, type NamedVariable } from './module.js';
import { disposeQuantized, quantizedProjection, quantizeWeightForProjection, spikeCounts, type QuantizedWeight } from './w8aspike.js';
import { checkInteger } from '../util/validate.js';

/**
 * Called with a [N, in] tensor of every projection, under the projection's name (e.g.
 * `model.layers.0.attn.q_proj`): the float input, or the spike counts. Read it synchronously (or
 * clone it): it is disposed after the call.
 */
export type ProjectionHook = (name: string, x: tf.Tensor2D) => void;

/** Shared by every Linear of one model: how projections run. Mutate it through the model. */
export interface ProjectionRuntime {
  /** 'float': x W + b; 'w8aspike': INT8 group-wise weights and spiking activations (inference only) */
  mode: 'float' | 'w8aspike';
  /** W8ASpike weight group size along the input dim (reference quant_weight_group_size: 128) */
  groupSize: number;
  /** W8ASpike adaptive threshold Vth = mean|x| / k per token (reference dynamic_sfr: 3) */
  k: number;
  /** sees every projection's float input; null for none */
  hook: ProjectionHook | null;
  /** sees every projection's spike counts (W8ASpike mode: the counts used; float mode: the counts the input would give); null for none */
  countsHook: ProjectionHook | null;
}

export function defaultRuntime(): ProjectionRuntime {
  return { mode: 'float', groupSize: 128, k: 3, hook: null, countsHook: null };
}

export interface LinearOptions {
  /** full name prefix, e.g. `model.layers.0.attn.q_proj` */
  name: string;
  /** input features */
  inFeatures: number;
  /** output features */
  outFeatures: number;
  /** with a bias vector (zeros at init) */
  bias: boolean;
  /** init std of the weight */
  std: number;
  /** base seed */
  seed: number;
  /** shared runtime of the owning model */
  runtime: ProjectionRuntime;
  /** takes part in W8ASpike and spike statistics (default true; false keeps it float, as the released code does for down_proj) */
  spiking?: boolean;
}

export class Linear implements Layer {
  readonly name: string;
  readonly inFeatures: number;
  readonly outFeatures: number;
  /** [in, out] (the transpose of PyTorch's [out, in]) */
  readonly weight: tf.Variable;
  readonly bias: tf.Variable | null;
  readonly runtime: ProjectionRuntime;
  /** takes part in W8ASpike and spike statistics */
  readonly spiking: boolean;
  private quantized: { groupSize: number; w: QuantizedWeight } | null = null;

  constructor(o: LinearOptions) {
    this.name = o.name;
    this.inFeatures = checkInteger(`${o.name}: inFeatures`, o.inFeatures, 1);
    this.outFeatures = checkInteger(`${o.name}: outFeatures`, o.outFeatures, 1);
    this.weight = normalVariable([o.inFeatures, o.outFeatures], o.std, o.seed, `${o.name}.weight`);
    this.bias = o.bias ? constantVariable([o.outFeatures], 0) : null;
    this.runtime = o.runtime;
    this.spiking = o.spiking ?? true;
  }

  /** x [..., in] -> [..., out]. */
  apply<T extends tf.Tensor>(x: T): T {
    const shape = x.shape;
    if (shape[shape.length - 1] !== this.inFeatures) {
      throw new RangeError(`${this.name}: expected x of shape [..., ${this.inFeatures}], got [${shape.join(', ')}]`);
    }
    return tf.tidy(() => {
      const x2 = tf.reshape(x, [-1, this.inFeatures]) as tf.Tensor2D;
      const rt = this.runtime;
      if (rt.hook) rt.hook(this.name, x2);
      const onCounts = rt.countsHook && this.spiking ? (c: tf.Tensor2D) => rt.countsHook!(this.name, c) : undefined;
      let y: tf.Tensor2D;
      if (rt.mode === 'w8aspike' && this.spiking) {
        y = quantizedProjection(x2, this.quantizedWeight(), rt.k, onCounts);
      } else {
        if (onCounts) onCounts(spikeCounts(x2, rt.k));
        y = matMul2D(x2, this.weight as tf.Tensor2D);
      }
      if (this.bias) y = tf.add(y, this.bias);
      return tf.reshape(y, [...shape.slice(0, -1), this.outFeatures]) as T;
    });
  }

  /** The INT8 weight, computed on first use in W8ASpike mode and kept until the weights change. */
  private quantizedWeight(): QuantizedWeight {
    const g = this.runtime.groupSize;
    if (!this.quantized || this.quantized.groupSize !== g) {
      this.dropQuantized();
      this.quantized = { groupSize: g, w: quantizedWeightOf(this.weight, g, this.name) };
    }
    return this.quantized.w;
  }

  /** Forget the cached INT8 weight (call after the float weights changed: loading, training). */
  dropQuantized(): void {
    if (this.quantized) disposeQuantized(this.quantized.w);
    this.quantized = null;
  }

  parameters(): NamedVariable[] {
    const out: NamedVariable[] = [[`${this.name}.weight`, this.weight]];
    if (this.bias) out.push([`${this.name}.bias`, this.bias]);
    return out;
  }

  dispose(): void {
    this.dropQuantized();
    this.weight.dispose();
    this.bias?.dispose();
  }
}

function quantizedWeightOf(weight: tf.Variable, groupSize: number, name: string): QuantizedWeight {
  // quantize in the reference orientation [out, in], groups along the input dim
  const w = tf.transpose(weight) as tf.Tensor2D;
  try {
    return quantizeWeightForProjection(w, groupSize, name);
  } finally {
    w.dispose();
  }
}
