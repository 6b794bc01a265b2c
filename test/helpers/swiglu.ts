/** A tfjs SwiGLU carrying the weights of a float64 reference (layers/moe-naive.ts), for the layer and MoE tests. */
import * as tf from '@tensorflow/tfjs';
import { SwiGLU, defaultRuntime, type SwiGLUWeights } from '../../lib/index.js';

export function swigluFromWeights(ref: SwiGLUWeights, name: string): SwiGLU {
  const { D, F } = ref;
  // std 0: the initial weights are replaced at once
  const ffn = new SwiGLU({ name, hiddenSize: D, intermediateSize: F, std: 0, downStd: 0, seed: 1, runtime: defaultRuntime() });
  ffn.gate.weight.assign(tf.tensor2d(Float32Array.from(ref.gate), [D, F]));
  ffn.up.weight.assign(tf.tensor2d(Float32Array.from(ref.up), [D, F]));
  ffn.down.weight.assign(tf.tensor2d(Float32Array.from(ref.down), [F, D]));
  return ffn;
}
