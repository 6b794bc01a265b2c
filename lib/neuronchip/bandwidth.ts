/**
 * The bandwidth arithmetic of seed 001 ("Bandwidth & Latency Calculations"), step by step:
 * 3584 neurons x 1 batch x 8 time steps x 2 bits = 57,344 bits = "7.2 KB" per layer; x 28 layers
 * = "201.6 KB" per token; x 1000 tokens/s = 201.6 MB/s = "~1.6 Gbps"; x 0.3 active spikes =
 * "~0.5 Gbps". Units: kB = 1000 bytes, KiB = 1024 bytes, Gbit/s = 1e9 bits per second.
 */
import { checkInteger, checkNumber, checkObject } from '../util/validate.js';

/** Bits per byte, bytes per kB (decimal) and per KiB (binary). */
const BITS_PER_BYTE = 8;
const BYTES_PER_KB = 1000;
const BYTES_PER_KIB = 1024;

export interface SpikeLinkShape {
  /** neurons whose spikes go on the link per layer */
  neurons: number;
  /** tokens sent together */
  batch: number;
  /** time steps per neuron */
  steps: number;
  /** bits per spike slot */
  bitsPerSlot: number;
}

/** neurons x batch x steps x bitsPerSlot: every slot sent (seed 001's per-layer formula). */
export function spikeLinkBits(s: SpikeLinkShape): number {
  checkObject('shape', s);
  return (
    checkInteger('neurons', s.neurons, 0) *
    checkInteger('batch', s.batch, 1) *
    checkInteger('steps', s.steps, 0) *
    checkInteger('bitsPerSlot', s.bitsPerSlot, 1)
  );
}

/** Bits to decimal kilobytes (1 kB = 1000 bytes). */
export function bitsToKilobytes(bits: number): number {
  return checkNumber('bits', bits, 0) / BITS_PER_BYTE / BYTES_PER_KB;
}

/** Bits to kibibytes (1 KiB = 1024 bytes). */
export function bitsToKibibytes(bits: number): number {
  return checkNumber('bits', bits, 0) / BITS_PER_BYTE / BYTES_PER_KIB;
}

/** Link rate in Gbit/s for `bitsPerToken` at `tokensPerSecond`. */
export function gigabitsPerSecond(bitsPerToken: number, tokensPerSecond: number): number {
  return (checkNumber('bitsPerToken', bitsPerToken, 0) * checkNumber('tokensPerSecond', tokensPerSecond, 0)) / 1e9;
}

/** The inputs seed 001 states for its bandwidth figures. */
export interface SeedLinkInputs extends SpikeLinkShape {
  /** transformer layers per token */
  layers: number;
  /** target throughput */
  tokensPerSecond: number;
  /** share of slots that carry a spike ("With 70% sparsity: x 0.3 (active spikes)") */
  activeFraction: number;
  /** decimals the seed keeps of the per-layer kB before multiplying by the layers (7.168 -> 7.2) */
  perLayerDecimals: number;
}

/** Seed 001: hidden 3584, batch 1, ~8 ternary steps, 2 bits per spike, 28 layers, 1000 tokens/s, 70 % sparsity. */
export const SEED_LINK_INPUTS: Readonly<SeedLinkInputs> = Object.freeze({
  neurons: 3584,
  batch: 1,
  steps: 8,
  bitsPerSlot: 2,
  layers: 28,
  tokensPerSecond: 1000,
  activeFraction: 0.3,
  perLayerDecimals: 1,
});

export interface SeedLinkFigures {
  bitsPerLayer: number;
  /** decimal kB per layer (exact) */
  kBPerLayer: number;
  /** KiB per layer */
  kiBPerLayer: number;
  /** per-layer kB rounded as the seed prints it */
  kBPerLayerRounded: number;
  /** layers x exact per-layer kB */
  kBPerToken: number;
  /** layers x rounded per-layer kB: the seed's way */
  kBPerTokenFromRounded: number;
  /** MB/s at the target throughput, from the exact figures */
  mBPerSecond: number;
  /** Gbit/s from the exact figures */
  gbps: number;
  /** Gbit/s from the seed's rounded per-token kB */
  gbpsFromRounded: number;
  /** gbps x activeFraction: the seed's sparse figure (assumes silent slots cost no bits) */
  gbpsSparseScaled: number;
}

/** Seed 001's bandwidth chain, exact and with the seed's rounding, from its stated inputs. */
export function seedLinkFigures(inputs: SeedLinkInputs = SEED_LINK_INPUTS): SeedLinkFigures {
  checkObject('inputs', inputs);
  const layers = checkInteger('layers', inputs.layers, 1);
  const tps = checkNumber('tokensPerSecond', inputs.tokensPerSecond, 0);
  const active = checkNumber('activeFraction', inputs.activeFraction, 0, 1);
  const decimals = checkInteger('perLayerDecimals', inputs.perLayerDecimals, 0, 12);
  const bitsPerLayer = spikeLinkBits(inputs);
  const kBPerLayer = bitsToKilobytes(bitsPerLayer);
  const p = 10 ** decimals;
  const kBPerLayerRounded = Math.round(kBPerLayer * p) / p;
  const kBPerTokenFromRounded = layers * kBPerLayerRounded;
  const gbps = gigabitsPerSecond(bitsPerLayer * layers, tps);
  return {
    bitsPerLayer,
    kBPerLayer,
    kiBPerLayer: bitsToKibibytes(bitsPerLayer),
    kBPerLayerRounded,
    kBPerToken: layers * kBPerLayer,
    kBPerTokenFromRounded,
    mBPerSecond: (layers * kBPerLayer * tps) / 1000,
    gbps,
    gbpsFromRounded: gigabitsPerSecond(kBPerTokenFromRounded * BYTES_PER_KB * BITS_PER_BYTE, tps),
    gbpsSparseScaled: gbps * active,
  };
}
