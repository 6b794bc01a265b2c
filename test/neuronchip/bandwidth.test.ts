import { describe, expect, it } from 'vitest';
import { seedLinkFigures, spikeLinkBits, bitsToKilobytes, bitsToKibibytes, gigabitsPerSecond, SEED_LINK_INPUTS } from '../../lib/index.js';

describe("seedLinkFigures(inputs): seed 001's bandwidth chain", () => {
  const f = seedLinkFigures();
  it('3584 neurons x 8 steps x 2 bits = 57,344 bits = 7.168 kB = 7 KiB per layer', () => {
    expect(f.bitsPerLayer).toBe(57344);
    expect(f.kBPerLayer).toBe(7.168);
    expect(f.kiBPerLayer).toBe(7);
    expect(f.kBPerLayerRounded).toBe(7.2);
  });
  it('28 layers: 200.704 kB exact, 201.6 kB from the rounded 7.2 kB', () => {
    expect(f.kBPerToken).toBeCloseTo(200.704, 9);
    expect(f.kBPerTokenFromRounded).toBeCloseTo(201.6, 9);
  });
  it('1000 tokens/s: 1.605632 Gbit/s exact, 1.6128 from 201.6 kB; x 0.3 = 0.48 Gbit/s', () => {
    expect(f.mBPerSecond).toBeCloseTo(200.704, 9);
    expect(f.gbps).toBeCloseTo(1.605632, 12);
    expect(f.gbpsFromRounded).toBeCloseTo(1.6128, 12);
    expect(f.gbpsSparseScaled).toBeCloseTo(0.4816896, 12);
  });
  it('follows its inputs (batch 32 = 32x the bits)', () => {
    expect(seedLinkFigures({ ...SEED_LINK_INPUTS, batch: 32 }).bitsPerLayer).toBe(32 * 57344);
    expect(seedLinkFigures({ ...SEED_LINK_INPUTS, steps: 3 }).bitsPerLayer).toBe(21504);
  });
  it('rejects bad inputs, naming the argument and the allowed range', () => {
    expect(() => seedLinkFigures({ ...SEED_LINK_INPUTS, activeFraction: 1.5 })).toThrow(
      /activeFraction must be a finite number in \[0, 1\], got 1.5/,
    );
    expect(() => seedLinkFigures({ ...SEED_LINK_INPUTS, layers: 0 })).toThrow(/layers must be an integer >= 1, got 0/);
    expect(() => seedLinkFigures(null as never)).toThrow(/inputs must be an object, got null/);
    expect(() => spikeLinkBits({ neurons: -1, batch: 1, steps: 8, bitsPerSlot: 2 })).toThrow(/neurons must be an integer >= 0, got -1/);
    expect(() => spikeLinkBits({ neurons: 1, batch: 1, steps: 8, bitsPerSlot: 0 })).toThrow(/bitsPerSlot must be an integer >= 1, got 0/);
  });
});

describe('unit conversions', () => {
  it('bits to kB (1000 bytes) and KiB (1024 bytes), Gbit/s', () => {
    expect(bitsToKilobytes(8000)).toBe(1);
    expect(bitsToKibibytes(8192)).toBe(1);
    expect(gigabitsPerSecond(1e6, 1000)).toBe(1);
    expect(() => gigabitsPerSecond(1, -1)).toThrow(/tokensPerSecond must be a finite number in \[0, Infinity\], got -1/);
    expect(() => bitsToKilobytes(NaN)).toThrow(/bits must be a finite number/);
  });
});
