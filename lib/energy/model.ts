/**
 * The energy model of report §5.5, eq. 24: a spiking MAC costs (average spikes per channel) x
 * (energy of an INT8 add), since each spike adds one INT8 weight; compared with FP16 and INT8 MACs.
 * Optionally (our labelled assumption) weight fetches, skipped for silent channels.
 */
import { FP16_MAC, INT8_ADD, INT8_MAC, SRAM_READ_PER_BYTE } from './constants.js';

function check(name: string, v: number, min: number, max = Infinity): void {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
    throw new RangeError(`${name} must be a finite number in [${min}, ${max}], got ${v}`);
  }
}

/** Eq. 24: energy (pJ) of one spiking MAC. */
export function spikingMacEnergy(averageSpikes: number, addPj = INT8_ADD.pj): number {
  check('averageSpikes', averageSpikes, 0);
  check('addPj', addPj, 0);
  return averageSpikes * addPj;
}

export interface EnergyComparison {
  spikingPj: number;
  /** 100 x (1 - spiking / baseline) */
  reductionVsFp16Pct: number;
  reductionVsInt8Pct: number;
  /** baseline / spiking */
  gainVsFp16: number;
  gainVsInt8: number;
}

/** Spiking MAC energy against FP16 and INT8 MACs. */
export function compareMacEnergy(spikingPj: number, fp16Pj = FP16_MAC.pj, int8Pj = INT8_MAC.pj): EnergyComparison {
  check('spikingPj', spikingPj, Number.MIN_VALUE);
  check('fp16Pj', fp16Pj, 0);
  check('int8Pj', int8Pj, 0);
  return {
    spikingPj,
    reductionVsFp16Pct: 100 * (1 - spikingPj / fp16Pj),
    reductionVsInt8Pct: 100 * (1 - spikingPj / int8Pj),
    gainVsFp16: fp16Pj / spikingPj,
    gainVsInt8: int8Pj / spikingPj,
  };
}

/** The gain a rounded reduction implies: 1 / (1 - pct/100). (The report's 43.48x is 1/(1-0.977).) */
export function gainFromReduction(reductionPct: number): number {
  check('reductionPct', reductionPct, 0, 99.999999);
  return 1 / (1 - reductionPct / 100);
}

export interface FetchOptions {
  /** fraction of channels that never fire in a token, in [0, 1] */
  silentFraction: number;
  /** energy (pJ) to fetch one INT8 weight; default: our SRAM assumption */
  fetchPj?: number;
  /** energy of the INT8 add a spike triggers; default the 45 nm figure */
  addPj?: number;
  /** energies of the dense baselines; default the 45 nm figures */
  int8MacPj?: number;
  fp16MacPj?: number;
}

/**
 * ASSUMPTION (labelled, not in the report's arithmetic): per MAC, a weight fetch is paid for each
 * channel that fires at least once, none for silent channels. Returns compute + fetch energy (pJ)
 * per MAC for the spiking scheme, and for dense INT8 and FP16 MACs that fetch every weight.
 */
export function macEnergyWithFetch(
  averageSpikes: number,
  o: FetchOptions,
): { spikingPj: number; denseInt8Pj: number; denseFp16Pj: number } {
  check('silentFraction', o.silentFraction, 0, 1);
  const fetch = o.fetchPj ?? SRAM_READ_PER_BYTE.pj;
  check('fetchPj', fetch, 0);
  const int8 = o.int8MacPj ?? INT8_MAC.pj;
  const fp16 = o.fp16MacPj ?? FP16_MAC.pj;
  check('int8MacPj', int8, 0);
  check('fp16MacPj', fp16, 0);
  return {
    spikingPj: spikingMacEnergy(averageSpikes, o.addPj) + (1 - o.silentFraction) * fetch,
    denseInt8Pj: int8 + fetch,
    denseFp16Pj: fp16 + fetch,
  };
}
