/**
 * Spike coding schemes of report §3.3.2 (Fig. 4) with the time-step rules of the official
 * Int2Spike encoders (BICLab/Int2Spike, neuron.py): how many steps a count needs and which T the
 * encoders choose when none is given.
 */

export type SpikeScheme = 'binary' | 'ternary' | 'bitwise' | 'bitwise-bidirectional' | 'bitwise-twos-complement';

export const SPIKE_SCHEMES: readonly SpikeScheme[] = ['binary', 'ternary', 'bitwise', 'bitwise-bidirectional', 'bitwise-twos-complement'];

/** Largest |count| the library accepts: decoded counts are Int32. */
export const MAX_ABS_COUNT = 2 ** 31 - 1;

/** Largest T for bitwise schemes: one bit per step in a 32-bit code. */
export const MAX_BITWISE_T = 31;

export function assertScheme(scheme: unknown, argName = 'scheme'): asserts scheme is SpikeScheme {
  if (!SPIKE_SCHEMES.includes(scheme as SpikeScheme)) {
    throw new TypeError(`${argName} must be one of ${SPIKE_SCHEMES.map((s) => `'${s}'`).join(', ')}; got ${JSON.stringify(scheme)}`);
  }
}

/** Unsigned schemes accept only counts >= 0. */
export function isSigned(scheme: SpikeScheme): boolean {
  return scheme !== 'binary' && scheme !== 'bitwise';
}

/** Rate (unary) schemes fire one spike per unit of count; bitwise schemes send one bit per step. */
export function isBitwise(scheme: SpikeScheme): boolean {
  return scheme.startsWith('bitwise');
}

/** Number of binary digits of a non-negative integer (0 for 0). */
export function bitLength(n: number): number {
  return n === 0 ? 0 : Math.floor(Math.log2(n)) + 1;
}

/**
 * The fewest time steps that represent `count` exactly under `scheme`.
 * Two's complement over T steps covers [-2^(T-1), 2^(T-1) - 1].
 */
export function stepsNeeded(count: number, scheme: SpikeScheme): number {
  assertScheme(scheme);
  if (!Number.isInteger(count)) {
    throw new TypeError(`count must be an integer, got ${count}`);
  }
  if (!isSigned(scheme) && count < 0) {
    throw new RangeError(`count must be >= 0 for scheme '${scheme}', got ${count}`);
  }
  const a = Math.abs(count);
  switch (scheme) {
    case 'binary':
    case 'ternary':
      return a;
    case 'bitwise':
    case 'bitwise-bidirectional':
      return bitLength(a);
    case 'bitwise-twos-complement':
      return (count >= 0 ? bitLength(count) : bitLength(-count - 1)) + 1;
  }
}

/**
 * The T that Int2Spike picks when none is given, from the largest |count| of the input:
 * rate codes use the maximum itself, bitwise codes ceil(log2(max + 1)) with at least one step,
 * and two's complement adds a sign step with at least two steps. The sign step is added even when
 * the extreme value is negative (-8 gets T = 5 though 4 suffice): that is the reference rule.
 */
export function defaultSteps(maxAbsCount: number, scheme: SpikeScheme): number {
  assertScheme(scheme);
  switch (scheme) {
    case 'binary':
    case 'ternary':
      return maxAbsCount;
    case 'bitwise':
    case 'bitwise-bidirectional':
      return Math.max(1, bitLength(maxAbsCount));
    case 'bitwise-twos-complement':
      return Math.max(2, bitLength(maxAbsCount) + 1);
  }
}

/**
 * Time steps needed to give `levels` distinct values (the way Fig. 4 counts: 256 levels take
 * 256 binary steps, 128 ternary steps since each step carries a sign, 8 bitwise steps, and 7
 * magnitude steps plus a sign for bitwise-bidirectional).
 */
export function stepsForLevels(levels: number, scheme: SpikeScheme): number {
  assertScheme(scheme);
  if (!Number.isInteger(levels) || levels < 1) {
    throw new RangeError(`levels must be an integer >= 1, got ${levels}`);
  }
  switch (scheme) {
    case 'binary':
      return levels - 1;
    case 'ternary':
      return Math.ceil((levels - 1) / 2);
    case 'bitwise':
    case 'bitwise-twos-complement':
      return Math.ceil(Math.log2(levels));
    case 'bitwise-bidirectional':
      // magnitudes 0..2^T-1 with a sign give 2^(T+1) - 1 levels
      return Math.max(1, Math.ceil(Math.log2((levels + 1) / 2)));
  }
}
