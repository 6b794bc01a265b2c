/**
 * Float64 reference of the MoE FFN at initialisation (report §3.2, eq. 15–18), beside the tfjs layer
 * (moe.ts) as ops/gla/naive.ts is beside its kernels, and with the same vocabulary: S shared experts,
 * k of N routed experts, `routerActivation` σ and `routedWeights`.
 *
 * Upcycling copies a dense SwiGLU FFN into every expert. With every expert the dense FFN, the MoE
 * output is (S + k/N) times the dense one if the routed experts weigh 1/N each; eq. 18 scales each
 * expert's three weight matrices by alpha = (1/(S + k/N))^(1/3) to undo that, on the premise that the
 * expert output scales with the cube of a common weight scale (it does not: silu is not homogeneous).
 */
import { mulberry32 } from '../util/random.js';
import { checkInteger, checkOneOf } from '../util/validate.js';

/** Router nonlinearity σ of eq. 7 / eq. 16. */
export type RouterActivation = 'sigmoid' | 'softmax';
export const ROUTER_ACTIVATIONS: readonly RouterActivation[] = ['sigmoid', 'softmax'];
/** Weights of the selected routed experts: 'scores' (eq. 8, p_i) or 'uniform' (1/N each, the premise of eq. 18). */
export type RoutedWeights = 'scores' | 'uniform';
export const ROUTED_WEIGHTS: readonly RoutedWeights[] = ['scores', 'uniform'];

/** How expert weights are scaled at initialisation. */
export type UpcycleScaling =
  /** the report's: gate, up and down each times alpha = (1/(S + k/N))^(1/3) */
  | 'report-cube-root'
  /** down only, times 1/(S + k/N): exact, since the output is linear in down */
  | 'down-only'
  /** no scaling: plain copies */
  | 'none';
export const UPCYCLE_SCALINGS: readonly UpcycleScaling[] = ['report-cube-root', 'down-only', 'none'];

/** The activation amplification S + k/N of copied experts (eq. 18). */
export function moeAmplification(S: number, k: number, N: number): number {
  checkInteger('S (shared experts)', S, 0);
  checkInteger('N (routed experts)', N, 1);
  checkInteger('k (active routed experts)', k, 0, N);
  if (S === 0 && k === 0) throw new RangeError('S and k cannot both be 0: no expert would be active');
  return S + k / N;
}

/** alpha = (1 / (S + k/N))^(1/3), eq. 18. */
export function upcycleAlpha(S: number, k: number, N: number): number {
  return Math.cbrt(1 / moeAmplification(S, k, N));
}

/** The factors [gate, up, down] each expert's weights are multiplied by under `scaling`. */
export function upcycleFactors(scaling: UpcycleScaling, S: number, k: number, N: number): [number, number, number] {
  const amp = moeAmplification(S, k, N);
  const a = Math.cbrt(1 / amp);
  const factors: Record<UpcycleScaling, [number, number, number]> = {
    'report-cube-root': [a, a, a],
    'down-only': [1, 1, 1 / amp],
    none: [1, 1, 1],
  };
  return factors[checkOneOf('scaling', scaling, UPCYCLE_SCALINGS)];
}

/** A float64 SwiGLU FFN, the expert: FFN(x) = (silu(x Wg) ⊙ (x Wu)) Wd; the tfjs one is ffn.ts's SwiGLU. */
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
  checkInteger('D', D, 1);
  checkInteger('F', F, 1);
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

/** The randomised router W_r of eq. 16 at initialisation: [D, N] row-major, entries uniform in ±1/sqrt(D), seeded. */
export function randomRouter(D: number, N: number, seed: number): Float64Array {
  const rng = mulberry32(seed);
  return Float64Array.from({ length: D * N }, () => (rng() * 2 - 1) / Math.sqrt(D));
}

export interface UpcycleOptions {
  S: number;
  k: number;
  N: number;
  scaling: UpcycleScaling;
  /** σ of eq. 16 (default 'sigmoid') */
  routerActivation?: RouterActivation;
  /** default 'scores' */
  routedWeights?: RoutedWeights;
  /** seed of the random router (randomRouter) */
  seed: number;
}

/** MoE output at initialisation for x [n, D]: shared experts + top-k routed experts weighed by the router (eq. 15–17). */
export function upcycledMoE(dense: SwiGLUWeights, x: ArrayLike<number>, n: number, o: UpcycleOptions): Float64Array {
  const activation = checkOneOf('routerActivation', o.routerActivation ?? 'sigmoid', ROUTER_ACTIVATIONS);
  const weights = checkOneOf('routedWeights', o.routedWeights ?? 'scores', ROUTED_WEIGHTS);
  const [fg, fu, fd] = upcycleFactors(o.scaling, o.S, o.k, o.N);
  // every expert is the same copy at initialisation: one evaluation serves all of them
  const e = swiglu(scaleSwiGLU(dense, fg, fu, fd), x, n);
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
      weights === 'uniform' ? 1 / o.N : activation === 'sigmoid' ? 1 / (1 + Math.exp(-z)) : Math.exp(z - zMax) / expSum;
    const top = logits
      .map((z, i) => [z, i] as const)
      .sort((a, b) => b[0] - a[0])
      .slice(0, o.k);
    const routedWeight = top.reduce((sum, [z]) => sum + weightOf(z), 0);
    const total = o.S + routedWeight;
    for (let d = 0; d < D; d++) out[r * D + d] = total * e[r * D + d]!;
  }
  return out;
}
