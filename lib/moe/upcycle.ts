/**
 * Upcycling a dense SwiGLU FFN into an MoE (report §3.2, eq. 15–18): N routed experts and S shared
 * experts, all copies of the dense FFN scaled at initialisation; a seeded random router picks the
 * top-k routed experts by router score (eq. 16; sigmoid or softmax) and the output is the shared experts plus the
 * score-weighted routed ones (eq. 17).
 */
import { mulberry32 } from '../util/random.js';
import { moeAmplification } from './alpha.js';
import { scaleSwiGLU, swiglu, type SwiGLUWeights } from './swiglu.js';

/** How expert weights are scaled at initialisation. */
export type UpcycleScaling =
  /** the report's: gate, up and down each times alpha = (1/(S + k/N))^(1/3) */
  | 'report-cube-root'
  /** down only, times 1/(S + k/N): exact, since the output is linear in down */
  | 'down-only'
  /** no scaling: plain copies */
  | 'none';

/** How routed experts are weighed. */
export type RouterWeights =
  /** sigmoid(W_r x) scores of the top-k (eq. 16-17) */
  | 'sigmoid'
  /** softmax(W_r x) probabilities of the top-k (eq. 16 with sigma read as softmax) */
  | 'softmax'
  /** 1/N each, the weighting eq. 18's k/N assumes */
  | 'uniform';

export interface UpcycleOptions {
  S: number;
  k: number;
  N: number;
  scaling: UpcycleScaling;
  router: RouterWeights;
  seed: number;
}

export function scaledExpert(dense: SwiGLUWeights, o: Pick<UpcycleOptions, 'S' | 'k' | 'N' | 'scaling'>): SwiGLUWeights {
  const amp = moeAmplification(o.S, o.k, o.N);
  if (o.scaling === 'report-cube-root') {
    const a = Math.cbrt(1 / amp);
    return scaleSwiGLU(dense, a, a, a);
  }
  if (o.scaling === 'down-only') return scaleSwiGLU(dense, 1, 1, 1 / amp);
  if (o.scaling === 'none') return dense;
  throw new RangeError(`scaling must be 'report-cube-root', 'down-only' or 'none', got ${String(o.scaling)}`);
}

/** The randomised router W_r of eq. 16 at initialisation: [D, N] row-major, entries uniform in ±1/sqrt(D), seeded. */
export function randomRouter(D: number, N: number, seed: number): Float64Array {
  const rng = mulberry32(seed);
  return Float64Array.from({ length: D * N }, () => (rng() * 2 - 1) / Math.sqrt(D));
}

/** MoE output at initialisation for x [n, D]: shared experts + top-k routed experts weighed by the router. */
export function upcycledMoE(dense: SwiGLUWeights, x: ArrayLike<number>, n: number, o: UpcycleOptions): Float64Array {
  if (o.router !== 'sigmoid' && o.router !== 'softmax' && o.router !== 'uniform') throw new RangeError(`router must be 'sigmoid', 'softmax' or 'uniform', got ${String(o.router)}`);
  const expert = scaledExpert(dense, o);
  // every expert is the same copy at initialisation: one evaluation serves all of them
  const e = swiglu(expert, x, n);
  const { D } = dense;
  const router = randomRouter(D, o.N, o.seed);
  const out = new Float64Array(n * D);
  for (let r = 0; r < n; r++) {
    const logits = Array.from({ length: o.N }, (_, i) => {
      let z = 0;
      for (let d = 0; d < D; d++) z += x[r * D + d]! * router[d * o.N + i]!;
      return z;
    });
    // sigmoid and softmax are both monotone: the same experts win; only their weights differ
    const zMax = Math.max(...logits);
    const expSum = logits.reduce((s, z) => s + Math.exp(z - zMax), 0);
    const weightOf = (z: number): number =>
      o.router === 'sigmoid' ? 1 / (1 + Math.exp(-z)) : o.router === 'softmax' ? Math.exp(z - zMax) / expSum : 1 / o.N;
    const top = logits.map((z, i) => [z, i] as const).sort((a, b) => b[0] - a[0]).slice(0, o.k);
    const routedWeight = top.reduce((sum, [z]) => sum + weightOf(z), 0);
    const total = o.S + routedWeight;
    for (let d = 0; d < D; d++) out[r * D + d] = total * e[r * D + d]!;
  }
  return out;
}

/** Largest |a - b| relative to the largest |b|. */
export function maxRelativeDeviation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`lengths differ: ${a.length} vs ${b.length}`);
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; i++) {
    num = Math.max(num, Math.abs(a[i]! - b[i]!));
    den = Math.max(den, Math.abs(b[i]!));
  }
  return den === 0 ? num : num / den;
}
