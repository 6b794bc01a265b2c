/**
 * Are the report's spiking figures consistent with each other (§5.5)? 69.15 % sparsity over a 3-step
 * window, 1.13 spikes per channel and 18.4 % silent channels are linked by
 *   sparsity = 1 - firing share x spikes per firing channel / window,
 * and which reading of "per channel" holds decides whether they agree. Intervals account for the
 * rounding of each stated figure.
 */
import { checkInteger } from '../util/validate.js';

export type Interval = readonly [number, number];

/** The values a figure stated with `decimals` decimals can stand for: 1.13 -> [1.125, 1.135]. */
export function roundingInterval(value: number, decimals: number): Interval {
  if (!Number.isFinite(value)) throw new RangeError(`value must be finite, got ${value}`);
  checkInteger('decimals', decimals, 0);
  const half = 0.5 * 10 ** -decimals;
  return [value - half, value + half];
}

/**
 * Sparsity of a fixed window: the share of the `window` slots of each channel that stay silent, when
 * a `firingShare` of channels fire `spikesPerFiring` spikes on average (the rest fire none).
 */
export function windowSparsity(spikesPerFiring: number, window: number, firingShare = 1): number {
  if (!(Number.isFinite(spikesPerFiring) && spikesPerFiring >= 0))
    throw new RangeError(`spikesPerFiring must be a finite number >= 0, got ${spikesPerFiring}`);
  if (!(Number.isFinite(window) && window > 0)) throw new RangeError(`window must be a number > 0, got ${window}`);
  if (!(firingShare >= 0 && firingShare <= 1)) throw new RangeError(`firingShare must be in [0, 1], got ${firingShare}`);
  return 1 - (firingShare * spikesPerFiring) / window;
}

/** The range of windowSparsity when each input ranges over an interval (it is monotone in each). */
export function windowSparsityInterval(spikesPerFiring: Interval, window: number, firingShare: Interval = [1, 1]): Interval {
  return [windowSparsity(spikesPerFiring[1], window, firingShare[1]), windowSparsity(spikesPerFiring[0], window, firingShare[0])];
}

/** The spikes per channel (over all channels) that a window sparsity implies. */
export function impliedSpikesPerChannel(sparsity: number, window: number): number {
  if (!(sparsity >= 0 && sparsity <= 1)) throw new RangeError(`sparsity must be in [0, 1], got ${sparsity}`);
  return (1 - sparsity) * window;
}

/** The window (steps) that makes a sparsity and an average spike count agree. */
export function impliedWindow(sparsity: number, spikesPerChannel: number): number {
  if (!(sparsity >= 0 && sparsity < 1)) throw new RangeError(`sparsity must be in [0, 1), got ${sparsity}`);
  return spikesPerChannel / (1 - sparsity);
}

export const contains = (i: Interval, x: number): boolean => x >= i[0] && x <= i[1];

/**
 * The tolerance for judging a reported figure that was rounded to `reportedDecimals`, optionally
 * computed from a printed intermediate (`from.value`, rounded to `from.decimals`) by a monotone `f`:
 * half a unit of the reported figure plus how far f moves across the intermediate's rounding range.
 * A figure carried forward from a rounded intermediate is then judged as the same quantity.
 */
export function roundingTolerance(
  reported: number,
  reportedDecimals: number,
  from?: { value: number; decimals: number; f: (x: number) => number },
): number {
  checkInteger('reportedDecimals', reportedDecimals, 0);
  const own = 0.5 * 10 ** -reportedDecimals;
  // 12 significant digits: the tolerance is stored on the claim, without float noise in its last places
  if (!from) return Number(own.toPrecision(12));
  const [lo, hi] = roundingInterval(from.value, from.decimals);
  const a = from.f(lo),
    b = from.f(hi);
  if (!Number.isFinite(a) || !Number.isFinite(b)) throw new RangeError('from.f must give finite values over the rounding range');
  return Number((own + Math.max(Math.abs(a - reported), Math.abs(b - reported))).toPrecision(12));
}

/** Whether a 95 % interval of a rate includes its chance level (the measurement cannot tell the two apart). */
export function includesChance(ci95: readonly [number, number], chance: number): boolean {
  return chance >= ci95[0] && chance <= ci95[1];
}
