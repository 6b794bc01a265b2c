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
    // |counts| 0 0 1 3 7 8 17 -5: popcounts 0 0 1 2 3 1 2 2; column 1 of [[0 0 1 -3] [7 8 -17 -5]] fires, none is silent
    c.add('q_proj', [0, 0, 1, -3, 7, 8, -17, -5], 2, 4);
    const s = c.summary('q_proj');
    expect(s).toEqual({ ...spikingStatistics([0, 0, 1, -3, 7, 8, -17, -5], 2, 4), histogram: [2, 1, 0, 1, 0, 1, 0, 1, 2] });
    expect([s.values, s.zeroFraction, s.avgSpikesRate, s.avgSpikesBitwise]).toEqual([8, 2 / 8, 41 / 8, 11 / 8]);
    expect([s.within7, s.over16, s.maxAbs, s.silentColumnFraction]).toEqual([6 / 8, 1 / 8, 17, 0]);
    // window 3: slots max(3, bits) = 3 3 3 3 3 4 5 3 = 27
    expect(s.sparsity.windowExtended).toBe(1 - 11 / 27);
  });

  it('adds calls per name, per group and overall exactly (bit for bit) as one matrix of all their counts would give', () => {
    const a1 = uniformIntegers(6 * 32, -40, 40, 1);
    const a2 = uniformIntegers(3 * 32, -3, 3, 2);
    const b = uniformIntegers(4 * 16, -20, 20, 3);
    const d = uniformIntegers(5 * 32, -9, 9, 4);
    // a column silent in every call under its name (column 5 of the 32-wide names)
    for (const m of [a1, a2, d]) for (let r = 0; r < m.length / 32; r++) m[r * 32 + 5] = 0;
    const c = new SpikeStatsCollector({ window: 4 });
    c.add('layers.0.mlp.up_proj', a1, 6, 32);
    c.add('attn.q_proj', b, 4, 16);
    c.add('layers.0.mlp.up_proj', a2, 3, 32);
    c.add('layers.1.mlp.up_proj', d, 5, 32);
    expect(c.names()).toEqual(['layers.0.mlp.up_proj', 'attn.q_proj', 'layers.1.mlp.up_proj']);

    const expected = (parts: Int32Array[], cols: number) => {
      const all = Int32Array.from(parts.flatMap((p) => [...p]));
      return { ...spikingStatistics(all, all.length / cols, cols, 4), histogram: absCountHistogram(all, 32).bins };
    };
    const report = c.report();
    expect(report.byName['layers.0.mlp.up_proj']).toEqual(expected([a1, a2], 32));
    expect(report.byName['layers.0.mlp.up_proj']!.silentColumnFraction).toBe(1 / 32);
    expect(report.byName['attn.q_proj']).toEqual(expected([b], 16));
    expect(c.summary(['layers.0.mlp.up_proj', 'layers.1.mlp.up_proj'])).toEqual(expected([a1, a2, d], 32));
    // overall: no common channel axis, one column
    expect(report.overall).toEqual(expected([a1, b, a2, d], 1));
    expect(report.overall).toEqual(c.summary());
    expect(() => c.summary(['attn.q_proj', 'layers.1.mlp.up_proj'])).toThrow(/different widths: 16, 32 columns/);
    expect(() => c.add('attn.q_proj', b, 8, 8)).toThrow(/have 16 columns, got 8/);
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
    expect(gate.values).toBe(2 * 4 * 64);
    const counts = adaptiveThresholdSpikes(x, 4, 64, 3).counts;
    const s = spikingStatistics(counts, 4, 64);
    expect(gate.zeroFraction).toBeCloseTo(s.zeroFraction, 12);
    expect(gate.avgSpikesBitwise).toBeCloseTo(s.avgSpikesBitwise, 12);
    // k = 1 raises the threshold: fewer spikes per channel than k = 3
    expect(c.summary('up_proj').avgSpikesRate).toBeLessThan(gate.avgSpikesRate);
    c.reset();
    expect(c.names()).toEqual([]);
    expect(() => c.summary()).toThrow(/no counts collected yet/);
  });

  it('rejects bad names, shapes, non-integer counts and unknown names', () => {
    const c = new SpikeStatsCollector();
    expect(() => c.add('', [1], 1, 1)).toThrow(/name must be a non-empty string/);
    expect(() => c.add('a', [1, 2, 3], 2, 2)).toThrow(/expected counts of length rows\*cols = 4, got 3/);
    expect(() => c.add('a', [1.5], 1, 1)).toThrow(/counts\[0\] must be an integer, got 1.5/);
    expect(() => c.add('a', [1, 2])).toThrow(/rows and cols are required/);
    expect(() => c.summary('nope')).toThrow(/no counts collected under "nope"/);
    expect(() => new SpikeStatsCollector({ maxBin: 0 })).toThrow(/maxBin must be an integer >= 1, got 0/);
    expect(() => new SpikeStatsCollector({ window: 31 })).toThrow(/window must be an integer/);
    expect(() => c.summary([])).toThrow(/at least one name/);
    const t = tf.tensor1d([1, 2]);
    expect(() => c.add('a', t)).toThrow(/expected counts of shape \[N, D\], got \[2\]/);
    t.dispose();
  });
});
