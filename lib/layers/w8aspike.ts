/**
 * The seam between layers and lib/quant (report §3.3, W8ASpike; the reference QuantLinear): INT8
 * group-wise weights (one scale per row and group of input columns) and adaptive-threshold spiking
 * of the projection's input, x -> counts · Vth, through lib/quant's w8aspikeLinear. Inference only.
 */
import * as tf from '@tensorflow/tfjs';
import { adaptiveSpikesTensor, dequantizeInt8, quantizeInt8GroupWise, w8aspikeLinear, type Int8GroupWeights } from '../quant/index.js';

/** A projection's INT8 weight and its dequantized [out, in] tensor. */
export interface QuantizedWeight {
  int8: Int8GroupWeights;
  /** round(w / scale) · scale, [out, in] */
  dequantized: tf.Tensor2D;
}

/**
 * Group size for a projection with `inFeatures` inputs: `groupSize` (the reference's 128), or the
 * whole row when the input is narrower (the 16-wide low-rank gate). It must divide the input.
 */
export function projectionGroupSize(inFeatures: number, groupSize: number, name: string): number {
  const g = Math.min(groupSize, inFeatures);
  if (inFeatures % g !== 0) throw new RangeError(`${name}: W8ASpike group size ${groupSize} must divide the input size ${inFeatures}`);
  return g;
}

/** Quantizes a weight given in the reference orientation [out, in]. */
export function quantizeWeightForProjection(w: tf.Tensor2D, groupSize: number, name: string): QuantizedWeight {
  const [out, inF] = w.shape;
  const int8 = quantizeInt8GroupWise(w.dataSync() as Float32Array, out, inF, projectionGroupSize(inF, groupSize, name));
  return { int8, dequantized: tf.keep(tf.tensor2d(dequantizeInt8(int8), [out, inF])) };
}

/** y [N, out] = (counts · Vth) · dequant(W)ᵀ for x [N, in]; onCounts sees the counts [N, in]. */
export function quantizedProjection(x: tf.Tensor2D, w: QuantizedWeight, k: number, onCounts?: (counts: tf.Tensor2D) => void): tf.Tensor2D {
  return w8aspikeLinear(x, w.dequantized, null, onCounts ? { k, onCounts } : { k });
}

/** The spike counts [N, in] x would produce (float mode: statistics without changing the output). */
export function spikeCounts(x: tf.Tensor2D, k: number): tf.Tensor2D {
  const { counts, vth } = adaptiveSpikesTensor(x, k);
  vth.dispose();
  return counts;
}

export function disposeQuantized(w: QuantizedWeight): void {
  w.dequantized.dispose();
}
