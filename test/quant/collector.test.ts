import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
  SpikeStatsCollector,
  spikingStatistics,
  absCountHistogram,
  w8aspikeLinear,
  adaptiveThresholdSpikes,
  normalSamples,
  uniformIntegers,
} from '../../lib/index.js';
import { useWasmBackend } from '../helpers/tfjs.js';

useWasmBackend();

describe('SpikeStatsCollector', () => {
  it('summarises one projection by hand: zeros, popcount, within 7, over 16, histogram', () => {
    const c = new SpikeStatsCollector({ maxBin: 8 });
    // |counts| 0 0 1 3 7 8 17 -5: popcounts 0 0 1 2 3 1 2 2
    c.add('q_proj', [0, 0, 1, -3, 7, 8, -17, -5], 2, 4);
    expect(c.summary('q_proj')).toEqual({
      values: 8,
      calls: 1,
      zeroFraction: 2 / 8,
      meanAbs: 41 / 8,
      meanPopcount: 11 / 8,
      within7: 6 / 8,
      over16: 1 / 8,
      maxAbs: 17,
      histogram: [2, 1, 0, 1, 0, 1, 0, 1, 2],
    });
  });

  it('adds calls per name and overall exactly as one matrix of all their counts would give', () => {
    const a1 = uniformIntegers(6 * 32, -40, 40, 1);
    const a2 = uniformIntegers(3 * 32, -3, 3, 2);
    const b = uniformIntegers(4 * 16, -20, 20, 3);
    const c = new SpikeStatsCollector();
    c.add('mlp.up_proj', a1, 6, 32);
    c.add('attn.q_proj', b, 4, 16);
    c.add('mlp.up_proj', a2, 3, 32);
    expect(c.names()).toEqual(['mlp.up_proj', 'attn.q_proj']);

    const check = (got: ReturnType<SpikeStatsCollector['summary']>, all: Int32Array, calls: number) => {
      // one row of everything: the per-value statistics do not depend on the matrix shape
      const s = spikingStatistics(all, 1, all.length);
      expect(got.values).toBe(all.length);
      expect(got.calls).toBe(calls);
      expect(got.zeroFraction).toBeCloseTo(s.zeroFraction, 12);
      expect(got.meanAbs).toBeCloseTo(s.avgSpikesRate, 12);
      expect(got.meanPopcount).toBeCloseTo(s.avgSpikesBitwise, 12);
      expect(got.within7).toBeCloseTo(s.within7, 12);
      expect(got.over16).toBeCloseTo(s.over16, 12);
      expect(got.maxAbs).toBe(s.maxAbs);
      expect(got.histogram).toEqual(absCountHistogram(all, 32).bins);
    };
    const report = c.report();
    check(report.byName['mlp.up_proj']!, Int32Array.from([...a1, ...a2]), 2);
    check(report.byName['attn.q_proj']!, b, 1);
    check(report.overall, Int32Array.from([...a1, ...b, ...a2]), 3);
    expect(report.overall).toEqual(c.summary());
  });

  it('collects from w8aspikeLinear through hook(name), one entry per forward', () => {
    const x = new Float32Array(normalSamples(4 * 64, 42));
    const c = new SpikeStatsCollector();
    tf.tidy(() => {
      const X = tf.tensor2d(x, [4, 64]);
      w8aspikeLinear(X, tf.ones([8, 64]), null, { onCounts: c.hook('gate_proj') });
      w8aspikeLinear(X, tf.ones([8, 64]), null, { onCounts: c.hook('gate_proj') });
      w8aspikeLinear(X, tf.ones([8, 64]), null, { k: 1, onCounts: c.hook('up_proj') });
    });
    const gate = c.summary('gate_proj');
    expect(gate.calls).toBe(2);
    expect(gate.values).toBe(2 * 4 * 64);
    const counts = adaptiveThresholdSpikes(x, 4, 64, 3).counts;
    const s = spikingStatistics(counts, 4, 64);
    expect(gate.zeroFraction).toBeCloseTo(s.zeroFraction, 12);
    expect(gate.meanPopcount).toBeCloseTo(s.avgSpikesBitwise, 12);
    // k = 1 raises the threshold: fewer spikes per channel than k = 3
    expect(c.summary('up_proj').meanAbs).toBeLessThan(gate.meanAbs);
    c.reset();
    expect(c.names()).toEqual([]);
    expect(c.summary().values).toBe(0);
  });

  it('rejects bad names, shapes, non-integer counts and unknown names', () => {
    const c = new SpikeStatsCollector();
    expect(() => c.add('', [1], 1, 1)).toThrow(/name must be a non-empty string/);
    expect(() => c.add('a', [1, 2, 3], 2, 2)).toThrow(/expected counts of length rows\*cols = 4, got 3/);
    expect(() => c.add('a', [1.5], 1, 1)).toThrow(/counts\[0\] must be an integer, got 1.5/);
    expect(() => c.add('a', [1, 2])).toThrow(/rows and cols are required/);
    expect(() => c.summary('nope')).toThrow(/no counts collected under "nope"/);
    expect(() => new SpikeStatsCollector({ maxBin: 0 })).toThrow(/maxBin must be an integer >= 1, got 0/);
    const t = tf.tensor1d([1, 2]);
    expect(() => c.add('a', t)).toThrow(/expected counts of shape \[N, D\], got \[2\]/);
    t.dispose();
  });
});
