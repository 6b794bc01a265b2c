/**
 * Fixed-length windows of a token stream: random training batches (seeded per step, so a run
 * resumed at step s sees the batches it would have seen) and evenly spaced evaluation windows (the
 * fixed validation subset every reported loss is measured on).
 */
import { mulberry32 } from '../util/random.js';
import { checkInteger } from '../util/validate.js';

function checkStream(tokens: ArrayLike<number>, length: number): void {
  checkInteger('window length', length, 2);
  if (tokens == null || tokens.length < length)
    throw new RangeError(`expected a token stream of at least ${length} tokens, got ${tokens?.length}`);
}

/**
 * Training batch of `batch` windows of `length` tokens (length = L + 1 for next-token pairs) at
 * offsets drawn from mulberry32(seed + 7919 · step).
 */
export function trainingBatch(tokens: ArrayLike<number>, step: number, batch: number, length: number, seed: number): number[][] {
  checkStream(tokens, length);
  checkInteger('step', step, 0);
  checkInteger('batch', batch, 1);
  const rng = mulberry32((seed + 7919 * step) >>> 0);
  const span = tokens.length - length + 1;
  return Array.from({ length: batch }, () => {
    const start = Math.floor(rng() * span);
    return Array.from({ length }, (_, i) => tokens[start + i]!);
  });
}

/** `count` windows of `length` tokens at evenly spaced offsets (deterministic, no randomness). */
export function evaluationWindows(tokens: ArrayLike<number>, count: number, length: number): number[][] {
  checkStream(tokens, length);
  checkInteger('count', count, 1);
  const span = tokens.length - length;
  return Array.from({ length: count }, (_, w) => {
    const start = count === 1 ? 0 : Math.floor((w * span) / (count - 1));
    return Array.from({ length }, (_, i) => tokens[start + i]!);
  });
}
