/**
 * The next-token distribution with W8ASpike on and off (report §3.3, §4: spiking is applied to a
 * trained model after training, so what it changes is the output distribution): softmax of a row of
 * logits on the host, top-k, and the KL divergence between the two.
 */

export interface TopToken {
  id: number;
  p: number;
}

/** Probabilities of one row of logits (float64, max-shifted). */
export function softmaxRow(logits: ArrayLike<number>): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i]!);
  const p = new Float64Array(logits.length);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += p[i] = Math.exp(logits[i]! - max);
  for (let i = 0; i < p.length; i++) p[i]! /= sum;
  return p;
}

/** The k most likely tokens, most likely first (ties: the lower id first, as argmax takes it). */
export function topK(p: ArrayLike<number>, k: number): TopToken[] {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be an integer >= 1, got ${k}`);
  const ids = Array.from({ length: p.length }, (_, i) => i);
  ids.sort((a, b) => p[b]! - p[a]! || a - b);
  return ids.slice(0, k).map((id) => ({ id, p: p[id]! }));
}

/** KL(p || q) in nats; q's zeros (underflow) are floored at 1e-300 so the value stays finite. */
export function klDivergence(p: ArrayLike<number>, q: ArrayLike<number>): number {
  if (p.length !== q.length) throw new RangeError(`p and q must have the same length, got ${p.length} and ${q.length}`);
  let kl = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i]!;
    if (pi > 0) kl += pi * Math.log(pi / Math.max(q[i]!, 1e-300));
  }
  return Math.max(0, kl);
}

/** Total variation distance: half the L1 distance, the largest probability any event can move. */
export function totalVariation(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += Math.abs(p[i]! - q[i]!);
  return s / 2;
}
