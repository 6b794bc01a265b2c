/**
 * Argument checks for the numeric arrays the spike code takes (report §3.3): an array-like must
 * have a whole, non-negative length and hold numbers, so a string, a BigInt64Array or an object
 * with length 1.5 fails with an error naming the argument instead of computing nonsense.
 */
import { isIntegerTypedArray } from './bits.js';

/** Largest float32 and smallest normal float32 (2^-126). */
export const FLOAT32_MAX = 3.4028234663852886e38;
export const FLOAT32_MIN_NORMAL = 1.1754943508222875e-38;

/** Throws unless `a` is an array-like of numbers with an integer length >= 0 (its elements are not read). */
export function assertNumericArrayLike(a: unknown, name: string): asserts a is ArrayLike<number> {
  if (a == null || typeof a !== 'object') {
    throw new TypeError(`${name} must be an array or typed array of numbers, got ${typeof a === 'string' ? JSON.stringify(a) : String(a)}`);
  }
  if (a instanceof BigInt64Array || a instanceof BigUint64Array) {
    throw new TypeError(
      `${name} must hold numbers, got a ${a.constructor.name} (BigInt elements); convert it first, e.g. Float64Array.from(${name}, Number)`,
    );
  }
  const length = (a as { length?: unknown }).length;
  if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) {
    throw new RangeError(`${name}.length must be an integer >= 0, got ${String(length)}`);
  }
}

/**
 * Throws unless every element is a finite number (typeof "number"). Typed arrays of integers hold
 * nothing else, so they are not scanned; float typed arrays are scanned for NaN and infinities.
 */
export function assertFiniteNumbers(a: ArrayLike<number>, name: string): void {
  assertNumericArrayLike(a, name);
  if (isIntegerTypedArray(a)) return;
  for (let i = 0; i < a.length; i++) {
    const v = a[i] as unknown;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new TypeError(
        `${name}[${i}] must be a finite number, got ${typeof v === 'string' ? JSON.stringify(v) : String(v)} (${typeof v})`,
      );
    }
  }
}
