/** lib/live's pure parts (issue 15): per-projection spike statistics, eq. 24 energy, top-k and KL, needle examples. */
import { describe, expect, it } from 'vitest';
import {
  ByteTokenizer,
  klDivergence,
  liveExamples,
  naiveEncode,
  parseProjectionName,
  projectionTokenStats,
  softmaxRow,
  topK,
  totalVariation,
} from '../../lib/index.js';

describe('projectionTokenStats', () => {
  it('counts the spikes of the bitwise-bidirectional train, its T, silent channels and eq. 24 energy', () => {
    const counts = Int32Array.from([5, 0, -3, 1, 0, 8]);
    const { stats, dense } = projectionTokenStats('model.layers.2.attn.q_proj', counts, 10);
    // popcounts 2 + 0 + 2 + 1 + 0 + 1 = 6; T = bits of 8 = 4
    expect(stats).toMatchObject({ type: 'attn.q_proj', channels: 6, spikes: 6, T: 4, silentChannels: 2 });
    expect(stats.firingRate).toBeCloseTo(6 / 24, 12);
    expect(stats.energy.spikingPj).toBeCloseTo(6 * 10 * 0.03, 12);
    expect(stats.energy.int8Pj).toBeCloseTo(60 * 0.23, 12);
    expect(stats.energy.fp16Pj).toBeCloseTo(60 * 1.5, 12);
    expect(Array.from(dense)).toEqual(Array.from(naiveEncode(counts, 'bitwise-bidirectional', 4)));
  });

  it('parses projection names', () => {
    expect(parseProjectionName('model.layers.13.mlp.down_proj')).toEqual({ layer: 13, type: 'mlp.down_proj' });
    expect(parseProjectionName('lm_head')).toBeNull();
  });
});

describe('distribution helpers', () => {
  it('softmax, top-k with ties to the lower id, KL and total variation', () => {
    const p = softmaxRow([0, Math.log(3), 0, Math.log(3)]);
    expect(Array.from(p)).toEqual([0.125, 0.375, 0.125, 0.375].map((v) => expect.closeTo(v, 12)));
    expect(topK(p, 3).map((t) => t.id)).toEqual([1, 3, 0]);
    expect(klDivergence(p, p)).toBe(0);
    const q = softmaxRow([0, 0, 0, 0]);
    expect(klDivergence(p, q)).toBeCloseTo(0.25 * Math.log(0.5) + 0.75 * Math.log(1.5), 12);
    expect(totalVariation(p, q)).toBeCloseTo(0.25, 12);
    expect(() => topK(p, 0)).toThrow(/k must be an integer >= 1/);
  });
});

describe('liveExamples', () => {
  it('puts a one-digit needle inside and beyond the window at the stated distance', () => {
    const tok = new ByteTokenizer();
    const ex = liveExamples(128);
    const inside = ex.find((e) => e.id === 'needle-inside')!;
    const beyond = ex.find((e) => e.id === 'needle-beyond')!;
    expect(inside.distance).toBeLessThan(128);
    expect(beyond.distance).toBeGreaterThan(128);
    for (const e of [inside, beyond]) {
      const ids = tok.encode(e.text);
      expect(tok.decode([ids[ids.length - 1 - e.distance]!])).toBe(e.expected);
      expect(e.expected).toMatch(/^[0-9]$/);
      expect(e.text.endsWith(' is #')).toBe(true);
      expect(e.text.match(/#/g)).toHaveLength(2);
    }
  });
});
