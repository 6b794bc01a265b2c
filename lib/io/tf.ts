/**
 * Model weights between tfjs tensors and safetensors entries (weight files, report §4 checkpoints
 * in bfloat16). Float tensors are stored as F32, F16 or BF16 (rounding to nearest even); int32
 * tensors as I32. Reading back, F32 / F16 / BF16 become float32 tensors and I8 / I32 int32 tensors.
 */
import * as tf from '@tensorflow/tfjs';
import { bfloat16ToFloat32, float16ToFloat32, float32ToBfloat16, float32ToFloat16 } from './half.js';
import type { SafetensorsTensor } from './safetensors.js';

export type FloatSafetensorsDtype = 'F32' | 'F16' | 'BF16';

/**
 * Reads each tensor synchronously (not disposed) into a safetensors entry: float32 tensors in
 * `dtype`, int32 tensors as I32. bool and other dtypes are rejected.
 */
export function tensorsFromTf(named: Record<string, tf.Tensor>, dtype: FloatSafetensorsDtype = 'F32'): Record<string, SafetensorsTensor> {
  if (named == null || typeof named !== 'object') throw new TypeError(`named must be an object of tf.Tensor, got ${named}`);
  if (dtype !== 'F32' && dtype !== 'F16' && dtype !== 'BF16') {
    throw new RangeError(
      `dtype must be 'F32', 'F16' or 'BF16' (used for float32 tensors; int32 tensors are stored as I32), got ${JSON.stringify(dtype)}`,
    );
  }
  const out: Record<string, SafetensorsTensor> = {};
  for (const [name, t] of Object.entries(named)) {
    if (!(t instanceof tf.Tensor)) throw new TypeError(`named[${JSON.stringify(name)}] must be a tf.Tensor, got ${t}`);
    if (t.isDisposed) throw new Error(`named[${JSON.stringify(name)}] is disposed`);
    let entry: SafetensorsTensor;
    if (t.dtype === 'float32') {
      const values = t.dataSync() as Float32Array;
      const data = dtype === 'F32' ? Float32Array.from(values) : dtype === 'F16' ? float32ToFloat16(values) : float32ToBfloat16(values);
      entry = { dtype, shape: t.shape.slice(), data };
    } else if (t.dtype === 'int32') {
      entry = { dtype: 'I32', shape: t.shape.slice(), data: Int32Array.from(t.dataSync() as Int32Array) };
    } else {
      throw new TypeError(`named[${JSON.stringify(name)}] has dtype ${t.dtype}; only float32 and int32 tensors can be stored`);
    }
    Object.defineProperty(out, name, { value: entry, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Safetensors entries to tfjs tensors (the caller owns them). */
export function toTfTensors(tensors: Record<string, SafetensorsTensor>): Record<string, tf.Tensor> {
  if (tensors == null || typeof tensors !== 'object')
    throw new TypeError(`tensors must be an object of safetensors entries, got ${tensors}`);
  const out: Record<string, tf.Tensor> = {};
  const made: tf.Tensor[] = [];
  try {
    for (const [name, t] of Object.entries(tensors)) {
      if (t == null || typeof t !== 'object')
        throw new TypeError(`tensors[${JSON.stringify(name)}] must be { dtype, shape, data }, got ${t}`);
      let tensor: tf.Tensor;
      const shape = t.shape;
      switch (t.dtype) {
        case 'F32':
          if (!(t.data instanceof Float32Array)) throw new TypeError(`tensors[${JSON.stringify(name)}]: F32 data must be a Float32Array`);
          tensor = tf.tensor(t.data, shape, 'float32');
          break;
        case 'F16':
        case 'BF16':
          if (!(t.data instanceof Uint16Array))
            throw new TypeError(`tensors[${JSON.stringify(name)}]: ${t.dtype} data must be a Uint16Array`);
          tensor = tf.tensor(t.dtype === 'F16' ? float16ToFloat32(t.data) : bfloat16ToFloat32(t.data), shape, 'float32');
          break;
        case 'I8':
        case 'I32':
          if (!(t.data instanceof (t.dtype === 'I8' ? Int8Array : Int32Array))) {
            throw new TypeError(
              `tensors[${JSON.stringify(name)}]: ${t.dtype} data must be an ${t.dtype === 'I8' ? 'Int8Array' : 'Int32Array'}`,
            );
          }
          tensor = tf.tensor(Int32Array.from(t.data), shape, 'int32');
          break;
        default:
          throw new RangeError(
            `tensors[${JSON.stringify(name)}]: unknown dtype ${JSON.stringify((t as { dtype: unknown }).dtype)}; supported: F32, F16, BF16, I8, I32`,
          );
      }
      made.push(tensor);
      Object.defineProperty(out, name, { value: tensor, enumerable: true, writable: true, configurable: true });
    }
  } catch (e) {
    // nothing half-built is left behind
    for (const t of made) t.dispose();
    throw e;
  }
  return out;
}
