import { describe, expect, it } from 'vitest';
import {
  encodeSpikes,
  denseMatmul,
  spikeMatmul,
  simulateNeuronChip,
  summarizeChipRun,
  bitsPerSlot,
  uniformIntegers,
  isSigned,
  SPIKE_SCHEMES,
  type SpikeScheme,
} from '../../lib/index.js';

const W = { data: [1, 2, 3, 4, 5, -6], rows: 3, cols: 2 };
// two tokens of three channels: token 0 = [2, 0, -1], token 1 = [0, 0, 3]
const COUNTS = [2, 0, -1, 0, 0, 3];

describe('simulateNeuronChip(train, weights): output equals the integer matmul', () => {
  for (const scheme of SPIKE_SCHEMES) {
    for (const [label, hi] of [
      ['small counts', 7],
      ['large counts', 200],
    ] as const) {
      it(`${scheme}, ${label}: seeded random counts and INT8 weights`, () => {
        const tokens = 6;
        const rows = 53;
        const cols = 9;
        const counts = uniformIntegers(tokens * rows, isSigned(scheme) ? -hi : 0, hi, 42);
        // silent channels: 5 in every token, and a whole silent token
        for (let t = 0; t < tokens; t++) for (const r of [0, 7, 8, 30, 52]) counts[t * rows + r] = 0;
        counts.fill(0, 2 * rows, 3 * rows);
        const w = uniformIntegers(rows * cols, -128, 127, 43);
        const weights = { data: w, rows, cols };
        const train = encodeSpikes(counts, scheme);
        const r = simulateNeuronChip(train, weights);
        expect(r.output).toEqual(denseMatmul({ data: counts, rows: tokens, cols: rows }, weights));
        expect(r.output).toEqual(spikeMatmul(train, weights).output);
        expect(r.events).toBe(train.spikeCount());
        expect(r.eventsPerStep.reduce((a, b) => a + b, 0)).toBe(r.events);
        expect(r.eventsPerStep.length).toBe(train.T);
        expect(r.additions).toBe(train.spikeCount() * cols);
        let nonzero = 0;
        for (const c of counts) if (c !== 0) nonzero++;
        expect(r.rowFetches).toBe(nonzero);
        expect(r.skippedRowFetches).toBe(tokens * rows - nonzero);
        expect(r.linkBits.slots).toBe(train.T * tokens * rows * bitsPerSlot(scheme));
      });
    }
  }

  it('equals the matmul when T is larger than needed (silent leading or trailing steps)', () => {
    for (const scheme of ['ternary', 'bitwise-bidirectional', 'bitwise-twos-complement'] as SpikeScheme[]) {
      const train = encodeSpikes(COUNTS, scheme, { T: 9 });
      const r = simulateNeuronChip(train, W);
      expect(Array.from(r.output)).toEqual([-3, 10, 15, -18]);
      expect(r.eventsPerStep.length).toBe(9);
    }
  });
});

describe('simulateNeuronChip(train, weights): counters on a hand-worked example', () => {
  it('ternary (T = 3): 6 spikes, 3 fetches, 3 skipped, 36 slot bits', () => {
    const r = simulateNeuronChip(encodeSpikes(COUNTS, 'ternary'), W);
    // token 0: 2*[1,2] - [5,-6] = [-3, 10]; token 1: 3*[5,-6] = [15, -18]
    expect(Array.from(r.output)).toEqual([-3, 10, 15, -18]);
    expect(r.steps).toBe(3);
    expect(r.events).toBe(6);
    // step 0: channels (0,0), (0,2), (1,2); step 1: (0,0), (1,2); step 2: (1,2)
    expect(r.eventsPerStep).toEqual([3, 2, 1]);
    expect(r.additions).toBe(12);
    expect(r.denseMacs).toBe(12);
    expect(r.rowReads).toBe(6);
    expect(r.rowFetches).toBe(3);
    expect(r.skippedRowFetches).toBe(3);
    // slots: 3 steps x 6 neurons x 2 bits; events: 6 x (2 address + 1 sign + 2 step bits); counts: 6 x 3 bits ([-3, 3])
    expect(r.linkBits).toEqual({ slots: 36, events: 30, counts: 18 });
  });

  it('bitwise-bidirectional (T = 2): the step weights 2 and 1 do the work of repeated spikes', () => {
    const r = simulateNeuronChip(encodeSpikes(COUNTS, 'bitwise-bidirectional'), W);
    expect(Array.from(r.output)).toEqual([-3, 10, 15, -18]);
    // 2 = 10b (step 0), -1 = -01b (step 1), 3 = 11b (steps 0 and 1)
    expect(r.eventsPerStep).toEqual([2, 2]);
    expect(r.additions).toBe(8);
    expect(r.rowReads).toBe(4);
    expect(r.rowFetches).toBe(3);
    expect(r.linkBits).toEqual({ slots: 24, events: 16, counts: 18 });
  });

  it('bitwise-twos-complement (T = 3): -1 = 111b fires every step, the first weighing -4', () => {
    const r = simulateNeuronChip(encodeSpikes(COUNTS, 'bitwise-twos-complement'), W);
    expect(Array.from(r.output)).toEqual([-3, 10, 15, -18]);
    // 2 = 010b, -1 = 111b, 3 = 011b
    expect(r.eventsPerStep).toEqual([1, 3, 2]);
    // unipolar events: 1 bit per slot, no sign bit per event; counts in [-4, 3]: 3 bits
    expect(r.linkBits).toEqual({ slots: 18, events: 24, counts: 18 });
  });

  it("seed 000's demo: value 3 as ternary over 8 steps sends 3 spikes and 16 slot bits", () => {
    const r = simulateNeuronChip(encodeSpikes([3], 'ternary', { T: 8 }), { data: [5], rows: 1, cols: 1 });
    expect(Array.from(r.output)).toEqual([15]);
    expect(r.eventsPerStep).toEqual([1, 1, 1, 0, 0, 0, 0, 0]);
    expect(r.linkBits.slots).toBe(16);
    expect(summarizeChipRun(r).firingRate).toBe(3 / 8);
  });

  it('an all-zero train costs nothing and skips every fetch', () => {
    const r = simulateNeuronChip(encodeSpikes([0, 0, 0], 'ternary'), W);
    expect(r.steps).toBe(0);
    expect(Array.from(r.output)).toEqual([0, 0]);
    expect(r.linkBits).toEqual({ slots: 0, events: 0, counts: 0 });
    expect(r.skippedRowFetches).toBe(3);
  });
});

describe('summarizeChipRun(result)', () => {
  it('gives additions per MAC, skipped-fetch share and bits per token', () => {
    const s = summarizeChipRun(simulateNeuronChip(encodeSpikes(COUNTS, 'ternary'), W));
    expect(s.additionsPerMac).toBe(1);
    expect(s.skippedFetchFraction).toBe(0.5);
    expect(s.firingRate).toBe(6 / 18);
    expect(s.linkBitsPerToken).toEqual({ slots: 18, events: 15, counts: 9 });
  });
});

describe('simulateNeuronChip: bad input', () => {
  it('names the argument and what it expects', () => {
    expect(() => simulateNeuronChip(null as never, W)).toThrow(/train must be a SpikeTrain \(from encodeSpikes\), got null/);
    expect(() => simulateNeuronChip({ forEachSpike: () => {}, scheme: 'quaternary', T: 1, length: 3 } as never, W)).toThrow(
      /train.scheme must be one of 'binary', 'ternary'.*got "quaternary"/,
    );
    expect(() => simulateNeuronChip(encodeSpikes([1, 2], 'ternary'), W)).toThrow(
      /train.length \(2\) must be a multiple of weights.rows \(3\)/,
    );
    expect(() => simulateNeuronChip(encodeSpikes([1, 2, 3], 'ternary'), { data: [1, 2], rows: 3, cols: 1 })).toThrow(
      /weights.data must hold rows\*cols = 3 values, got 2/,
    );
  });
});
