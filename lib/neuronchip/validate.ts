/**
 * Argument checks for the NeuronChip modules (seed pages 000, 001): every error names the argument,
 * the allowed values and what it got.
 */

/** An integer >= min (and <= max). */
export function checkInteger(name: string, v: unknown, min: number, max = Infinity): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    const range = max === Infinity ? `>= ${min}` : `in [${min}, ${max}]`;
    throw new RangeError(`${name} must be an integer ${range}, got ${String(v)}`);
  }
  return v;
}

/** A finite number in [min, max]. */
export function checkNumber(name: string, v: unknown, min: number, max = Infinity): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
    throw new RangeError(`${name} must be a finite number in [${min}, ${max}], got ${String(v)}`);
  }
  return v;
}

/** One of a fixed set of strings. */
export function checkOneOf<T extends string>(name: string, v: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(v as T)) {
    throw new TypeError(`${name} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}; got ${JSON.stringify(v)}`);
  }
  return v as T;
}

/** A plain object (options, configs). */
export function checkObject(name: string, v: unknown): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    throw new TypeError(`${name} must be an object, got ${v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v}`);
  }
  return v as Record<string, unknown>;
}
