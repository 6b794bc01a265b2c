/** The embedding lookup with a host scatter-add gradient against its one-hot sibling (models/embedding.ts). */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { embedLookup, embedOneHot } from '../../lib/index.js';
import { leakedTensors, useWasmBackend } from '../helpers/tfjs.js';

useWasmBackend();

describe('embedLookup', () => {
  it('equals the one-hot product, values and gradients (repeated ids accumulate)', () => {
    const table = tf.randomNormal([11, 5], 0, 1, 'float32', 7) as tf.Tensor2D;
    const ids = tf.tensor1d([3, 0, 3, 10, 7, 3], 'int32');
    const w = tf.randomNormal([6, 5], 0, 1, 'float32', 8);
    const f = (g: typeof embedLookup) => tf.grad((t: tf.Tensor) => tf.sum(tf.mul(g(t as tf.Tensor2D, ids), w)));
    expect(Array.from(embedLookup(table, ids).dataSync())).toEqual(Array.from(embedOneHot(table, ids).dataSync()));
    const a = f(embedLookup)(table).dataSync();
    const b = f(embedOneHot)(table).dataSync();
    for (let i = 0; i < a.length; i++) expect(a[i]).toBeCloseTo(b[i]!, 5);
    expect(leakedTensors(() => f(embedLookup)(table).dispose())).toBe(0);
    for (const t of [table, ids, w]) t.dispose();
  });
});
