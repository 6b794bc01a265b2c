import { describe, expect, it } from 'vitest';
import { encodeSpikes, spikeMatmul, denseMatmul, adaptiveThresholdSpikes, type SpikeScheme } from '../../lib/index.js';
import { loadGolden } from '../helpers/golden.js';
import { adaptiveGolden } from '../helpers/golden-adaptive.js';

interface EncoderCase {
  scheme: SpikeScheme;
  T: number | null;
  counts: number[];
  T_out: number;
  spikes: number[];
  firing_rate: number;
  decoded: number[];
}
interface MatmulCase {
  scheme: SpikeScheme;
  x: number[][];
  w: number[][];
  y: number[][];
}

const encoders = loadGolden<{ cases: EncoderCase[]; matmul: MatmulCase[] }>('encoders.json');
const adaptiveCases = adaptiveGolden();

describe('encodeSpikes(counts, scheme, { T }) against the official Int2Spike encoders', () => {
  it('has cases for every scheme, with and without T', () => {
    const kinds = new Set(encoders.cases.map((c) => `${c.scheme}/${c.T === null ? 'auto' : 'given'}`));
    expect(kinds.size).toBe(10);
  });

  encoders.cases.forEach((c, n) => {
    const label = `case ${n}: ${c.scheme}, T ${c.T ?? 'auto'}, ${c.counts.length} counts up to ${Math.max(...c.counts.map(Math.abs))}`;
    it(`${label}: same T, same spike at every step, same decode and firing rate`, () => {
      const train = encodeSpikes(c.counts, c.scheme, c.T === null ? {} : { T: c.T });
      expect(train.T).toBe(c.T_out);
      expect(Array.from(train.toDense())).toEqual(c.spikes);
      expect(Array.from(train.decode())).toEqual(c.decoded);
      expect(train.firingRate()).toBeCloseTo(c.firing_rate, 6);
    });
  });
});

describe('spikeMatmul(train, weights) against the official spike_matmul', () => {
  for (const m of encoders.matmul) {
    it(`${m.scheme}: equals the golden integer product`, () => {
      const rows = m.x.length;
      const inner = m.w.length;
      const cols = m.w[0]!.length;
      const train = encodeSpikes(m.x.flat(), m.scheme);
      const result = spikeMatmul(train, { data: m.w.flat(), rows: inner, cols });
      expect(result.tokens).toBe(rows);
      expect(Array.from(result.output)).toEqual(m.y.flat());
      expect(Array.from(denseMatmul({ data: m.x.flat(), rows, cols: inner }, { data: m.w.flat(), rows: inner, cols }))).toEqual(m.y.flat());
    });
  }
});

describe('adaptiveThresholdSpikes(x, rows, cols, k) against W8ASpike dynamic_spikes', () => {
  for (const c of adaptiveCases) {
    it(`k = ${c.k}: same float32 thresholds and the same counts`, () => {
      const { counts, vth } = adaptiveThresholdSpikes(new Float32Array(c.x), c.rows, c.cols, c.k);
      expect(Array.from(vth)).toEqual(c.vth.map(Math.fround));
      expect(Array.from(counts)).toEqual(c.counts);
    });
  }
});
