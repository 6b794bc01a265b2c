/**
 * What a spike train costs on the link into an accelerator (seed 001, "Bandwidth & Latency
 * Calculations": "Bits per spike: 2 (for ±1/0)"; report §3.3.2 for the schemes). Three encodings,
 * each stated bit for bit:
 * - 'slots': every spike slot (time step x neuron) is sent, silent or not. A slot of a ternary or
 *   bitwise-bidirectional train holds -1, 0 or +1: 2 bits; a slot of a binary, bitwise or two's
 *   complement train holds 0 or 1: 1 bit (two's complement puts the sign in the step weight, not
 *   the event). Sparsity saves nothing here: this is the seed's own accounting.
 * - 'events': address-event representation; only spikes are sent, each as
 *   ceil(log2(neurons)) address bits + 1 sign bit (signed events only) + ceil(log2(T)) step bits.
 * - 'counts': the integer count of each neuron instead of its train, in the fewest bits that
 *   cover the counts T steps can represent (ceil(log2(levels))); what a GPU-style INT link sends.
 */
import { countRange } from '../spike/layout.js';
import { assertScheme, type SpikeScheme } from '../spike/schemes.js';
import { checkInteger, checkNumber, checkObject, checkOneOf } from '../util/validate.js';

export type LinkEncoding = 'slots' | 'events' | 'counts';
export const LINK_ENCODINGS: readonly LinkEncoding[] = ['slots', 'events', 'counts'];

export function assertLinkEncoding(encoding: unknown, argName = 'encoding'): asserts encoding is LinkEncoding {
  checkOneOf(argName, encoding, LINK_ENCODINGS);
}

/** Bits to tell n states apart (0 for a single state). */
export function bitsForStates(n: number): number {
  checkInteger('n', n, 1);
  return n === 1 ? 0 : Math.ceil(Math.log2(n));
}

/** Distinct values a slot carries: 3 (-1, 0, +1) for ternary and bitwise-bidirectional, else 2. */
export function slotLevels(scheme: SpikeScheme): 2 | 3 {
  assertScheme(scheme);
  return scheme === 'ternary' || scheme === 'bitwise-bidirectional' ? 3 : 2;
}

/** Bits per spike slot on a 'slots' link: 2 for ternary events, 1 for unipolar ones. */
export function bitsPerSlot(scheme: SpikeScheme): number {
  return bitsForStates(slotLevels(scheme));
}

/** Bits per spike on an 'events' link: address + sign (signed events only) + time step. */
export function bitsPerEvent(scheme: SpikeScheme, neurons: number, T: number): number {
  checkInteger('neurons', neurons, 1);
  checkInteger('T', T, 0);
  const sign = slotLevels(scheme) === 3 ? 1 : 0;
  return bitsForStates(neurons) + sign + bitsForStates(Math.max(1, T));
}

/** Bits per neuron on a 'counts' link: enough for every count T steps of `scheme` can represent. */
export function bitsPerCount(scheme: SpikeScheme, T: number): number {
  assertScheme(scheme);
  checkInteger('T', T, 0);
  const [lo, hi] = countRange(scheme, T);
  return bitsForStates(hi - lo + 1);
}

export interface LinkTraffic {
  /** neurons x T: every slot of the train */
  readonly slots: number;
  /** spikes (nonzero slots); may be an expected, fractional count */
  readonly spikes: number;
  /** neurons the train holds */
  readonly neurons: number;
  readonly T: number;
}

/**
 * Bits a train of `scheme` needs on the link, given its traffic. `neuronsPerToken` sizes the
 * event address (a spike names a neuron of one token's input vector).
 */
export function linkBits(encoding: LinkEncoding, scheme: SpikeScheme, traffic: LinkTraffic, neuronsPerToken: number): number {
  assertLinkEncoding(encoding);
  checkObject('traffic', traffic);
  checkNumber('traffic.slots', traffic.slots, 0);
  checkNumber('traffic.spikes', traffic.spikes, 0, traffic.slots);
  checkInteger('traffic.neurons', traffic.neurons, 0);
  checkInteger('traffic.T', traffic.T, 0);
  switch (encoding) {
    case 'slots':
      return traffic.slots * bitsPerSlot(scheme);
    case 'events':
      return traffic.spikes * bitsPerEvent(scheme, neuronsPerToken, traffic.T);
    case 'counts':
      return traffic.neurons * bitsPerCount(scheme, traffic.T);
  }
}
