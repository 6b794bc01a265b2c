import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
  tensorsFromTf,
  toTfTensors,
  encodeSafetensors,
  decodeSafetensors,
  float32ToBfloat16,
  bfloat16ToFloat32,
  float32ToFloat16,
  float16ToFloat32,
  normalSamples,
  quantizeInt8GroupWise,
} from '../../lib/index.js';
import { leakedTensors, useWasmBackend } from '../helpers/tfjs.js';

useWasmBackend();

describe('tensorsFromTf(named, dtype) and toTfTensors(tensors)', () => {
  it('round-trip a model state through safetensors bytes in F32 exactly, int32 tensors as I32', () => {
    const w = new Float32Array(normalSamples(12, 42));
    const named = { 'mlp.up_proj.weight': tf.tensor2d(w, [3, 4]), step: tf.tensor1d([7, -1], 'int32'), 'norm.weight': tf.scalar(1.5) };
    const entries = tensorsFromTf(named);
    expect(entries['mlp.up_proj.weight']).toEqual({ dtype: 'F32', shape: [3, 4], data: w });
    expect(entries.step).toEqual({ dtype: 'I32', shape: [2], data: new Int32Array([7, -1]) });
    expect(entries['norm.weight']!.shape).toEqual([]);
    const back = toTfTensors(decodeSafetensors(encodeSafetensors(entries)).tensors);
    expect(Object.keys(back)).toEqual(Object.keys(named));
    for (const [name, t] of Object.entries(named)) {
      expect(back[name]!.dtype).toBe(t.dtype);
      expect(back[name]!.shape).toEqual(t.shape);
      expect(Array.from(back[name]!.dataSync())).toEqual(Array.from(t.dataSync()));
    }
    tf.dispose([...Object.values(named), ...Object.values(back)]);
  });

  it('stores float32 tensors as BF16 or F16, rounding to nearest even, and reads them back as float32', () => {
    const w = new Float32Array(normalSamples(64, 7));
    const t = tf.tensor2d(w, [8, 8]);
    for (const dtype of ['BF16', 'F16'] as const) {
      const entry = tensorsFromTf({ w: t }, dtype).w!;
      expect(entry.dtype).toBe(dtype);
      const bits = dtype === 'BF16' ? float32ToBfloat16(w) : float32ToFloat16(w);
      expect(Array.from(entry.data)).toEqual(Array.from(bits));
      const back = toTfTensors(decodeSafetensors(encodeSafetensors({ w: entry })).tensors).w!;
      expect(back.dtype).toBe('float32');
      expect(Array.from(back.dataSync())).toEqual(Array.from(dtype === 'BF16' ? bfloat16ToFloat32(bits) : float16ToFloat32(bits)));
      back.dispose();
    }
    t.dispose();
  });

  it('reads INT8 weights (I8) and their scales as int32 and float32 tensors', () => {
    const q = quantizeInt8GroupWise(new Float32Array(normalSamples(2 * 8, 3)), 2, 8, 4);
    const file = encodeSafetensors({
      'q_proj.weight': { dtype: 'I8', shape: [2, 8], data: q.values },
      'q_proj.weight_quantizer.scales': { dtype: 'F32', shape: [2, 2, 1], data: q.scales },
    });
    const t = toTfTensors(decodeSafetensors(file).tensors);
    expect(t['q_proj.weight']!.dtype).toBe('int32');
    expect(Array.from(t['q_proj.weight']!.dataSync())).toEqual(Array.from(q.values));
    expect(t['q_proj.weight_quantizer.scales']!.shape).toEqual([2, 2, 1]);
    tf.dispose(Object.values(t));
  });

  it('leaks no tensors and does not dispose its inputs', () => {
    const x = tf.tensor1d([1, 2, 3]);
    expect(leakedTensors(() => void tensorsFromTf({ x }, 'BF16'))).toBe(0);
    expect(x.isDisposed).toBe(false);
    const entries = tensorsFromTf({ x });
    expect(leakedTensors(() => tf.dispose(Object.values(toTfTensors(entries))))).toBe(0);
    // a failure half way leaves nothing behind
    expect(
      leakedTensors(() => {
        expect(() => toTfTensors({ ...entries, bad: { dtype: 'I8', shape: [1], data: new Int32Array(1) } })).toThrow(
          /tensors\["bad"\]: I8 data must be an Int8Array/,
        );
      }),
    ).toBe(0);
    x.dispose();
  });

  it('rejects bool tensors, integer or unknown target dtypes and disposed tensors, naming the argument', () => {
    const b = tf.tensor1d([true, false], 'bool');
    expect(() => tensorsFromTf({ b })).toThrow(/named\["b"\] has dtype bool; only float32 and int32 tensors can be stored/);
    b.dispose();
    const x = tf.tensor1d([1]);
    expect(() => tensorsFromTf({ x }, 'I8' as 'F32')).toThrow(/dtype must be 'F32', 'F16' or 'BF16'.*got "I8"/);
    x.dispose();
    expect(() => tensorsFromTf({ x })).toThrow(/named\["x"\] is disposed/);
    expect(() => tensorsFromTf({ x: [1] as unknown as tf.Tensor })).toThrow(/named\["x"\] must be a tf.Tensor/);
    expect(() => toTfTensors({ y: { dtype: 'F64' as 'F32', shape: [1], data: new Float32Array(1) } })).toThrow(/unknown dtype "F64"/);
  });
});
