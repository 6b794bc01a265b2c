/**
 * W8ASpike linear (report §3.3.1–3.3.2; W8ASpike `QuantLinear.forward` in quant_linear.py): the
 * input of every projection is spiked with the adaptive threshold, x -> counts * Vth, then an
 * ordinary linear y = (counts * Vth) W^T + b with the INT8 weight already dequantized
 * (dequantizeInt8). The reference is inference only (`assert not self.training`); for training we
 * follow the report's straight-through estimator (text after eq. 21): the backward pass skips the
 * spiking step, so dL/dx = dL/dy W as for a plain linear, while dL/dW and dL/db are the plain
 * linear's gradients at the spiked input.
 *
 * Where the reference uses it: q/k/v/o (and gk) projections of the GLA and sliding-window layers
 * and the MLP's gate_proj and up_proj. The MLP's down_proj is a QuantLinear too, but its forward
 * is bypassed by the fused `swiglu_linear(gate, y, down_proj.weight, down_proj.bias)`
 * (W8ASpike/modeling_gla_swa.py), so in the released code its input is not spiked and its weight is
 * not quantized. The sliding-window layer also spikes q and quantizes k and v per token with
 * quantize_sym before attention (W8ASpike/window_attention.py).
 */
import * as tf from '@tensorflow/tfjs';
import { adaptiveSpikesTensor, checkK, checkSumOrder, checkTensor2D, type SumOrder } from './spikes.js';

export interface W8ASpikeLinearOptions {
  /** threshold divisor: Vth = mean(|x|) / k (the reference's dynamic_sfr, default 3) */
  k?: number;
  /** row-sum order of the threshold (see adaptiveSpikesTensor); default 'torch' */
  sumOrder?: SumOrder;
  /**
   * Called once per forward with the counts [N, in] (float32, integer-valued). The tensor is
   * disposed after the call: read it synchronously or keep a clone.
   */
  onCounts?: (counts: tf.Tensor2D) => void;
}

/**
 * Straight-through spiking: forward counts * Vth, backward the identity. k, sumOrder and onCounts
 * must already be valid.
 */
export function spikeStraightThrough(x: tf.Tensor2D, k: number, sumOrder: SumOrder, onCounts?: (counts: tf.Tensor2D) => void): tf.Tensor2D {
  const ste = tf.customGrad((input, _save) => {
    const { counts, vth } = adaptiveSpikesTensor(input as tf.Tensor2D, k, { sumOrder });
    onCounts?.(counts);
    const value = tf.mul(counts, tf.expandDims(vth, 1)) as tf.Tensor2D;
    counts.dispose();
    vth.dispose();
    return { value, gradFunc: (dy: tf.Tensor2D) => dy };
  });
  return ste(x);
}

/** Spiked input times W^T plus b: x [N, in], weight [out, in] (torch Linear layout), bias [out] or null. */
export function w8aspikeLinear(
  x: tf.Tensor2D,
  weight: tf.Tensor2D,
  bias: tf.Tensor1D | null,
  options: W8ASpikeLinearOptions = {},
): tf.Tensor2D {
  checkTensor2D(x, 'x', '[N, in]');
  checkTensor2D(weight, 'weight', '[out, in]');
  if (weight.shape[1] !== x.shape[1]) {
    throw new RangeError(`expected weight of shape [out, in] with in = ${x.shape[1]} (x's last dim), got [${weight.shape.join(', ')}]`);
  }
  if (bias !== null) {
    if (!(bias instanceof tf.Tensor)) throw new TypeError(`expected bias to be a tf.Tensor of shape [out] or null, got ${bias}`);
    if (bias.rank !== 1 || bias.shape[0] !== weight.shape[0]) {
      throw new RangeError(`expected bias of shape [out] = [${weight.shape[0]}], got [${bias.shape.join(', ')}]`);
    }
    if (bias.dtype !== 'float32') throw new TypeError(`expected bias of dtype float32, got ${bias.dtype}`);
  }
  if (options == null || typeof options !== 'object') throw new TypeError(`options must be an object, got ${options}`);
  const { k = 3, sumOrder = 'torch', onCounts } = options;
  checkK(k);
  checkSumOrder(sumOrder);
  if (onCounts !== undefined && typeof onCounts !== 'function')
    throw new TypeError(`options.onCounts must be a function, got ${typeof onCounts}`);
  return tf.tidy(() => {
    const spiked = spikeStraightThrough(x, k, sumOrder, onCounts);
    const y = tf.matMul(spiked, weight, false, true); // [N, out]
    return (bias === null ? y : tf.add(y, bias)) as tf.Tensor2D;
  });
}
