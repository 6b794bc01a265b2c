import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { assertClose, maxAbsDiff } from './close.js';
import { useWasmBackend } from './tfjs.js';

useWasmBackend();

describe('assertClose(actual, expected, { abs, rel })', () => {
  it('passes within abs + rel x |expected| and fails outside it, naming the element', () => {
    assertClose([1, 2.0005], [1, 2], { abs: 1e-3 });
    assertClose([100.5], [100], { rel: 0.01 });
    expect(() => assertClose([1, 2.01], [1, 2], { abs: 1e-3 }, 'logits')).toThrow(/logits differ at \[1\]: 2.01 vs expected 2/);
    expect(() => assertClose([102], [100], { rel: 0.01 })).toThrow(/differ at \[0\]/);
    expect(() => assertClose([1, 2], [1], { abs: 1 })).toThrow(/2 values, expected 1/);
  });
  it('never passes NaN, and reads tensors and plain numbers', () => {
    expect(() => assertClose([NaN], [NaN], { abs: 1 })).toThrow(/differ at \[0\]/);
    expect(maxAbsDiff([0, NaN], [0, 0])).toBeNaN();
    const t = tf.tensor1d([1, 2]);
    assertClose(t, [1, 2], { abs: 0 });
    t.dispose();
    assertClose(0.1 + 0.2, 0.3, { abs: 1e-15 });
    expect(() => assertClose(0.1 + 0.2, 0.3, {})).toThrow();
  });
});
