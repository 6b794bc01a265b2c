/** The energy calculator's arithmetic: lib/energy calls formatted for display (build time and browser). */
import { compareMacEnergy, macEnergyWithFetch, spikingMacEnergy } from '../../lib/energy/model.js';

export interface EnergyInputs {
  fp16: number;
  int8: number;
  add: number;
  spikes: number;
  silent: number;
  fetch: number;
  withFetch: boolean;
}

export function energyReadout(i: EnergyInputs) {
  const c = i.withFetch
    ? (() => {
        const e = macEnergyWithFetch(i.spikes, { silentFraction: i.silent, fetchPj: i.fetch, addPj: i.add, int8MacPj: i.int8, fp16MacPj: i.fp16 });
        return compareMacEnergy(e.spikingPj, e.denseFp16Pj, e.denseInt8Pj);
      })()
    : compareMacEnergy(spikingMacEnergy(i.spikes, i.add), i.fp16, i.int8);
  return {
    spikingPj: c.spikingPj.toFixed(4),
    redFp16: `${c.reductionVsFp16Pct.toFixed(2)} %`,
    redInt8: `${c.reductionVsInt8Pct.toFixed(2)} %`,
    gainFp16: `${c.gainVsFp16.toFixed(2)}×`,
    gainInt8: `${c.gainVsInt8.toFixed(2)}×`,
  };
}
