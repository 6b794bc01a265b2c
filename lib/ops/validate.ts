/**
 * Argument checks shared by the attention ops (report §3.1: softmax, sliding-window and gated linear
 * attention all take per-head tensors [B, H, L, K]). Public entry points call these so a wrong shape
 * fails with what was expected and what was given, e.g.
 * `expected q of shape [B, H, L, K], got [1, 4, 16]`.
 */
import * as tf from '@tensorflow/tfjs';

export function shapeString(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/**
 * Checks that `x` is a float32 tensor whose rank matches `dims` (dimension names such as ['B', 'H',
 * 'L', 'K']) and whose named dimensions agree with those already in `known` (filled in as it goes).
 * `pattern` is the shape shown in the message; it defaults to `dims`.
 */
export function expectShape(
  name: string,
  x: unknown,
  dims: readonly string[],
  known: Record<string, number>,
  pattern: string = `[${dims.join(', ')}]`,
): tf.Tensor {
  if (!(x instanceof tf.Tensor)) {
    throw new TypeError(`expected ${name} to be a tf.Tensor of shape ${pattern}, got ${describe(x)}`);
  }
  if (x.isDisposed) throw new Error(`expected ${name} of shape ${pattern}, got a disposed tensor`);
  if (x.rank !== dims.length) {
    throw new RangeError(`expected ${name} of shape ${pattern}, got ${shapeString(x.shape)}`);
  }
  if (x.dtype !== 'float32') {
    throw new TypeError(`expected ${name} of dtype float32, got ${x.dtype}`);
  }
  const clashes: string[] = [];
  dims.forEach((d, i) => {
    const size = x.shape[i]!;
    if (d in known) {
      if (known[d] !== size) clashes.push(`${d}=${known[d]}`);
    } else {
      known[d] = size;
    }
  });
  if (clashes.length > 0) {
    throw new RangeError(`expected ${name} of shape ${pattern} with ${clashes.join(', ')}, got ${shapeString(x.shape)}`);
  }
  if (x.shape.some((s: number) => s === 0)) {
    throw new RangeError(`expected ${name} of shape ${pattern} with no empty dimension, got ${shapeString(x.shape)}`);
  }
  return x;
}

/** A finite, strictly positive number (attention scales). */
export function expectScale(scale: unknown): number {
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0) {
    throw new RangeError(`expected scale to be a finite number > 0, got ${describe(scale)}`);
  }
  return scale;
}

/** A positive integer option (window, chunkSize). */
export function expectPositiveInteger(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new RangeError(`expected ${name} to be a positive integer, got ${describe(value)}`);
  }
  return value;
}

/** Rejects option keys the function does not know (a misspelt `casual` must not pass silently). */
export function expectKnownKeys(what: string, options: object, allowed: readonly string[]): void {
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      throw new TypeError(`unknown ${what} option '${key}' (expected one of ${allowed.join(', ')})`);
    }
  }
}

function describe(x: unknown): string {
  if (x instanceof tf.Tensor) return `a tensor of shape ${shapeString(x.shape)}`;
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'number' || typeof x === 'boolean') return String(x);
  if (typeof x === 'string') return JSON.stringify(x);
  return typeof x;
}
