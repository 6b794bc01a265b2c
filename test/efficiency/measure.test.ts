import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { SpikingBrainModel, timeDecode, timePrefill, timingStats, tinyConfig } from '../../lib/index.js';
import { useWasmBackend } from '../helpers/tfjs.js';

useWasmBackend();

describe('timingStats(samples)', () => {
  it('gives the median, min and max', () => {
    expect(timingStats([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5, runs: 3 });
    expect(timingStats([4, 1, 3, 2]).median).toBe(2.5);
    expect(() => timingStats([])).toThrow(/at least one sample/);
  });
});

describe('timePrefill and timeDecode', () => {
  it('time a model without leaking tensors, and decode reports a segment per block of steps', async () => {
    const model = new SpikingBrainModel(tinyConfig(), { seed: 42 });
    const before = tf.memory().numTensors;
    const t = await timePrefill(model, 32, { repeats: 2, warmup: 1 });
    expect(t.runs).toBe(2);
    expect(t.min).toBeGreaterThan(0);
    const d = await timeDecode(model, 20, 10, { segment: 4, prefillChunk: 8 });
    expect(d.context).toEqual([20, 24, 28]);
    expect(d.tokensPerSecond).toHaveLength(3);
    expect(d.cacheBytes).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
    await expect(timePrefill(model, 0)).rejects.toThrow(/L must be an integer >= 1, got 0/);
  });
});
