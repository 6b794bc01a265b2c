import { describe, expect, it } from 'vitest';
import {
  spikingMacEnergy,
  compareMacEnergy,
  gainFromReduction,
  macEnergyWithFetch,
  FP16_MAC,
  INT8_MAC,
  INT8_ADD,
  SRAM_READ_PER_BYTE,
} from '../../lib/index.js';

describe('energy constants', () => {
  it('carry the 45 nm figures and their sources', () => {
    expect(FP16_MAC.pj).toBeCloseTo(1.5, 12);
    expect(INT8_MAC.pj).toBeCloseTo(0.23, 12);
    expect(INT8_ADD.pj).toBe(0.03);
    for (const c of [FP16_MAC, INT8_MAC, INT8_ADD, SRAM_READ_PER_BYTE]) expect(c.source).toMatch(/Horowitz 2014/);
    expect(SRAM_READ_PER_BYTE.source).toMatch(/^assumption/);
  });
});

describe('spikingMacEnergy(averageSpikes) (eq. 24)', () => {
  it('is average spikes x INT8 add energy', () => {
    expect(spikingMacEnergy(1.13)).toBeCloseTo(0.0339, 12);
    expect(spikingMacEnergy(2, 0.5)).toBe(1);
  });
  it('rejects negative or non-finite inputs', () => {
    expect(() => spikingMacEnergy(-1)).toThrow(/averageSpikes must be a finite number in \[0, Infinity\]/);
    expect(() => spikingMacEnergy(NaN)).toThrow(/averageSpikes/);
  });
});

describe('compareMacEnergy(spikingPj)', () => {
  it('gives reductions and gains against FP16 and INT8 MACs', () => {
    const c = compareMacEnergy(0.0339);
    expect(c.reductionVsFp16Pct).toBeCloseTo(97.74, 2);
    expect(c.reductionVsInt8Pct).toBeCloseTo(85.261, 3);
    expect(c.gainVsFp16).toBeCloseTo(44.248, 3);
    expect(c.gainVsInt8).toBeCloseTo(6.7847, 4);
  });
  it('rejects a zero spiking energy', () => {
    expect(() => compareMacEnergy(0)).toThrow(/spikingPj/);
  });
  it('gainFromReduction reproduces the way 43.48x follows from 97.7 %', () => {
    expect(gainFromReduction(97.7)).toBeCloseTo(43.478, 3);
    expect(() => gainFromReduction(100)).toThrow(/reductionPct/);
  });
});

describe('macEnergyWithFetch(averageSpikes, { silentFraction }) (our assumption)', () => {
  it('charges a fetch only for channels that fire', () => {
    const e = macEnergyWithFetch(1, { silentFraction: 0.25, fetchPj: 1 });
    expect(e.spikingPj).toBeCloseTo(0.03 + 0.75, 12);
    expect(e.denseInt8Pj).toBeCloseTo(0.23 + 1, 12);
    expect(e.denseFp16Pj).toBeCloseTo(1.5 + 1, 12);
  });
  it('takes other constants for the add and the dense baselines', () => {
    const e = macEnergyWithFetch(2, { silentFraction: 0.5, fetchPj: 1, addPj: 0.1, int8MacPj: 0.5, fp16MacPj: 2 });
    expect(e.spikingPj).toBeCloseTo(0.2 + 0.5, 12);
    expect(e.denseInt8Pj).toBeCloseTo(1.5, 12);
    expect(e.denseFp16Pj).toBeCloseTo(3, 12);
  });
  it('rejects a silent fraction outside [0, 1]', () => {
    expect(() => macEnergyWithFetch(1, { silentFraction: 1.2 })).toThrow(/silentFraction must be a finite number in \[0, 1\]/);
  });
});
