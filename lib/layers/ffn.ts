/**
 * SwiGLU feed-forward network (report §2.2: "the same SwiGLU design as the base model"; the
 * reference GLU): down_proj(silu(gate_proj x) ⊙ up_proj x), no biases. Also the expert of the MoE
 * (§2.1.2) and the tfjs counterpart of the float64 `swiglu` in layers/moe-naive.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { Linear, type ProjectionRuntime } from './linear.js';
import type { Layer, NamedVariable } from './module.js';

export interface SwiGLUOptions {
  /** name prefix, e.g. `model.layers.0.mlp` */
  name: string;
  /** model dim D (hidden_size) */
  hiddenSize: number;
  /** FFN hidden dim F (intermediate_size) */
  intermediateSize: number;
  /** init std of gate and up */
  std: number;
  /** init std of down (the reference scales residual outputs by 1/sqrt(2·layers)) */
  downStd: number;
  /** base seed */
  seed: number;
  runtime: ProjectionRuntime;
  /** down_proj takes part in W8ASpike (default true, the report; the released code's fused swiglu_linear keeps it float) */
  downSpiking?: boolean;
}

export class SwiGLU implements Layer {
  readonly name: string;
  readonly gate: Linear;
  readonly up: Linear;
  readonly down: Linear;

  constructor(o: SwiGLUOptions) {
    this.name = o.name;
    const lin = (p: string, i: number, out: number, std: number, spiking = true) =>
      new Linear({ name: `${o.name}.${p}`, inFeatures: i, outFeatures: out, bias: false, std, seed: o.seed, runtime: o.runtime, spiking });
    this.gate = lin('gate_proj', o.hiddenSize, o.intermediateSize, o.std);
    this.up = lin('up_proj', o.hiddenSize, o.intermediateSize, o.std);
    this.down = lin('down_proj', o.intermediateSize, o.hiddenSize, o.downStd, o.downSpiking ?? true);
  }

  /** x [..., D] -> [..., D]. */
  apply<T extends tf.Tensor>(x: T): T {
    return tf.tidy(() => {
      const g = this.gate.apply(x);
      const h = tf.mul(tf.mul(g, tf.sigmoid(g)), this.up.apply(x));
      return this.down.apply(h) as T;
    });
  }

  parameters(): NamedVariable[] {
    return [...this.gate.parameters(), ...this.up.parameters(), ...this.down.parameters()];
  }

  dispose(): void {
    this.gate.dispose();
    this.up.dispose();
    this.down.dispose();
  }
}
