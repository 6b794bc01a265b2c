/**
 * The energy calculator's arithmetic (report §5.5, eq. 24): lib/energy calls formatted for display,
 * with the limits every input is checked against before any arithmetic (build time and browser).
 */
import { compareMacEnergy, macEnergyWithFetch, spikingMacEnergy } from '../../lib/energy/model.js';
import type { Limits } from './widget.js';

export interface EnergyInputs {
  fp16: number;
  int8: number;
  add: number;
  spikes: number;
  silent: number;
  fetch: number;
  withFetch: boolean;
  /** the average spikes are over firing channels only: eq. 24 then uses spikes × (1 − silent) */
  spikesPerFiring?: boolean;
}

/** Stated beside the widget and checked before any work: energies in pJ, spikes per channel, a share. */
export const ENERGY_LIMITS: Record<
  Exclude<keyof EnergyInputs, 'withFetch' | 'spikesPerFiring'>,
  Limits & { label: string; step: string }
> = {
  fp16: { label: 'FP16 MAC (pJ)', min: 0, max: 100, minOpen: true, step: '0.01' },
  int8: { label: 'INT8 MAC (pJ)', min: 0, max: 100, minOpen: true, step: '0.01' },
  add: { label: 'INT8 add (pJ)', min: 0, max: 10, minOpen: true, step: '0.001' },
  spikes: { label: 'average spikes per channel', min: 0, max: 16, minOpen: true, step: '0.01' },
  silent: { label: 'silent channel share', min: 0, max: 1, maxOpen: true, step: '0.001' },
  fetch: { label: 'weight fetch (pJ, assumption)', min: 0, max: 100, step: '0.01' },
};

/** Checks every input against ENERGY_LIMITS (the library checks again; this message names the field). */
export function checkEnergyInputs(i: EnergyInputs): void {
  for (const [k, l] of Object.entries(ENERGY_LIMITS)) {
    const v = i[k as keyof typeof ENERGY_LIMITS];
    const bad = !Number.isFinite(v) || (l.minOpen ? v <= l.min : v < l.min) || (l.maxOpen ? v >= l.max : v > l.max);
    if (bad) throw new RangeError(`${l.label} must be in ${l.minOpen ? '(' : '['}${l.min}, ${l.max}${l.maxOpen ? ')' : ']'}, got ${v}`);
  }
}

/** "97.74 %", or "−108.70 % (more energy)" when the spiking MAC costs more than the baseline. */
function reduction(pct: number): string {
  return pct >= 0 ? `${pct.toFixed(2)} %` : `−${(-pct).toFixed(2)} % (more energy)`;
}

export function energyReadout(i: EnergyInputs) {
  checkEnergyInputs(i);
  // eq. 24 needs the average over all channels; over firing channels only, silent ones add no spikes
  const spikesAll = i.spikesPerFiring ? i.spikes * (1 - i.silent) : i.spikes;
  const c = i.withFetch
    ? (() => {
        const e = macEnergyWithFetch(spikesAll, {
          silentFraction: i.silent,
          fetchPj: i.fetch,
          addPj: i.add,
          int8MacPj: i.int8,
          fp16MacPj: i.fp16,
        });
        return compareMacEnergy(e.spikingPj, e.denseFp16Pj, e.denseInt8Pj);
      })()
    : compareMacEnergy(spikingMacEnergy(spikesAll, i.add), i.fp16, i.int8);
  return {
    spikesAll: spikesAll.toFixed(3),
    spikingPj: c.spikingPj.toFixed(4),
    redFp16: reduction(c.reductionVsFp16Pct),
    redInt8: reduction(c.reductionVsInt8Pct),
    gainFp16: `${c.gainVsFp16.toFixed(2)}×`,
    gainInt8: `${c.gainVsInt8.toFixed(2)}×`,
  };
}
