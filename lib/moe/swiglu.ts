/**
 * A plain float64 SwiGLU feed-forward network, the FFN of SpikingBrain's experts:
 * FFN(x) = (silu(x Wg) ⊙ (x Wu)) Wd. A reference on arrays (the tfjs layer comes with the layers
 * issue); small enough to check upcycling arithmetic exactly.
 */
import { mulberry32 } from '../util/random.js';

export interface SwiGLUWeights {
  /** model dim */
  D: number;
  /** hidden (FFN) dim */
  F: number;
  /** [D, F] row-major */
  gate: Float64Array;
  /** [D, F] */
  up: Float64Array;
  /** [F, D] */
  down: Float64Array;
}

export const silu = (z: number): number => z / (1 + Math.exp(-z));

/** Seeded weights with N(0, 1/fan_in) entries. */
export function randomSwiGLU(D: number, F: number, seed: number): SwiGLUWeights {
  if (!Number.isInteger(D) || D < 1 || !Number.isInteger(F) || F < 1) throw new RangeError(`D and F must be integers >= 1, got D = ${D}, F = ${F}`);
  const rng = mulberry32(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const fill = (n: number, fanIn: number) => Float64Array.from({ length: n }, () => normal() / Math.sqrt(fanIn));
  return { D, F, gate: fill(D * F, D), up: fill(D * F, D), down: fill(F * D, F) };
}

/** The weights with gate, up and down multiplied by the given factors. */
export function scaleSwiGLU(w: SwiGLUWeights, gate: number, up: number, down: number): SwiGLUWeights {
  return { D: w.D, F: w.F, gate: w.gate.map((v) => v * gate), up: w.up.map((v) => v * up), down: w.down.map((v) => v * down) };
}

/** FFN(x) for x [n, D] row-major; returns [n, D]. */
export function swiglu(w: SwiGLUWeights, x: ArrayLike<number>, n: number): Float64Array {
  const { D, F } = w;
  if (x.length !== n * D) throw new RangeError(`expected x of shape [${n}, ${D}] (${n * D} values), got ${x.length}`);
  const out = new Float64Array(n * D);
  const h = new Float64Array(F);
  for (let r = 0; r < n; r++) {
    for (let f = 0; f < F; f++) {
      let g = 0;
      let u = 0;
      for (let d = 0; d < D; d++) {
        const xv = x[r * D + d]!;
        g += xv * w.gate[d * F + f]!;
        u += xv * w.up[d * F + f]!;
      }
      h[f] = silu(g) * u;
    }
    for (let f = 0; f < F; f++) {
      const hv = h[f]!;
      for (let d = 0; d < D; d++) out[r * D + d] += hv * w.down[f * D + d]!;
    }
  }
  return out;
}
