/**
 * Argument checks shared by every folder (the guide's rule: bad input gets an error naming the
 * argument, the allowed values and what it got). Each returns the checked value, typed.
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

/**
 * One of a fixed set of values (strings, or e.g. true / false). Throws a TypeError, or the error type
 * given (validateConfig promises a RangeError for every bad field).
 */
export function checkOneOf<T>(name: string, v: unknown, allowed: readonly T[], ErrorType: new (message: string) => Error = TypeError): T {
  if (!allowed.includes(v as T)) {
    const list = allowed.map((a) => (typeof a === 'string' ? `'${a}'` : String(a))).join(', ');
    throw new ErrorType(`${name} must be one of ${list}; got ${JSON.stringify(v)}`);
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
