/**
 * Mixture-of-experts FFN (report §2.1.2, eq. 7-8; §3.2, eq. 15-18): a router scores N routed SwiGLU
 * experts, each token uses its top-k weighted by the scores, and S shared experts are always on.
 * `upcycleSwiGLU` builds one from a dense FFN: every expert a copy, scaled as eq. 18 says (or exactly).
 * Its float64 reference, with the same vocabulary, is moe-naive.ts.
 *
 * Every expert runs on every token and a top-k mask keeps k of them: dense compute, but no gather in
 * the differentiable path (the wasm backend has no gradient for it) and fine at laptop scale.
 */
import * as tf from '@tensorflow/tfjs';
import { checkInteger, checkOneOf } from '../util/validate.js';
import { SwiGLU } from './ffn.js';
import { Linear, type ProjectionRuntime } from './linear.js';
import { type Layer, type NamedVariable } from './module.js';
import {
  ROUTED_WEIGHTS,
  ROUTER_ACTIVATIONS,
  randomRouter,
  upcycleFactors,
  type RoutedWeights,
  type RouterActivation,
  type UpcycleScaling,
} from './moe-naive.js';

export interface MoEOptions {
  /** name prefix, e.g. `model.layers.3.mlp` */
  name: string;
  /** model dim D */
  hiddenSize: number;
  /** hidden dim of each expert (moe_intermediate_size) */
  intermediateSize: number;
  /** routed experts N (num_experts) */
  numExperts: number;
  /** experts per token k (num_experts_per_tok) */
  topK: number;
  /** always-on shared experts S (num_shared_experts) */
  numShared: number;
  /** router nonlinearity σ of eq. 7: 'sigmoid' (eq. 16) or 'softmax' */
  routerActivation?: RouterActivation;
  /** weights of the selected experts: 'scores' (eq. 8, p_i) or 'uniform' (1/N each, the premise of eq. 18) */
  routedWeights?: RoutedWeights;
  /** init std of expert gate/up and of the router */
  std: number;
  /** init std of expert down projections */
  downStd: number;
  seed: number;
  runtime: ProjectionRuntime;
  /** expert down_proj takes part in W8ASpike (as SwiGLUOptions.downSpiking) */
  downSpiking?: boolean;
}

export class MoE implements Layer {
  readonly name: string;
  /** the router W_r, named `gate` as in HF MoE checkpoints; [D, N] */
  readonly router: Linear;
  readonly experts: SwiGLU[];
  readonly shared: SwiGLU[];
  readonly topK: number;
  readonly routerActivation: RouterActivation;
  readonly routedWeights: RoutedWeights;

  constructor(o: MoEOptions) {
    this.name = o.name;
    const N = checkInteger(`${o.name}: numExperts`, o.numExperts, 1);
    this.topK = checkInteger(`${o.name}: topK`, o.topK, 0);
    if (this.topK > N) throw new RangeError(`${o.name}: topK must be <= numExperts = ${N}, got ${o.topK}`);
    const S = checkInteger(`${o.name}: numShared`, o.numShared, 0);
    if (S === 0 && this.topK === 0) throw new RangeError(`${o.name}: numShared and topK cannot both be 0`);
    this.routerActivation = checkOneOf(`${o.name}: routerActivation`, o.routerActivation ?? 'sigmoid', ROUTER_ACTIVATIONS);
    this.routedWeights = checkOneOf(`${o.name}: routedWeights`, o.routedWeights ?? 'scores', ROUTED_WEIGHTS);
    this.router = new Linear({
      name: `${o.name}.gate`,
      inFeatures: o.hiddenSize,
      outFeatures: N,
      bias: false,
      std: o.std,
      seed: o.seed,
      runtime: o.runtime,
    });
    const expert = (name: string) =>
      new SwiGLU({
        name,
        hiddenSize: o.hiddenSize,
        intermediateSize: o.intermediateSize,
        std: o.std,
        downStd: o.downStd,
        seed: o.seed,
        runtime: o.runtime,
        downSpiking: o.downSpiking ?? true,
      });
    this.experts = Array.from({ length: N }, (_, i) => expert(`${o.name}.experts.${i}`));
    this.shared = Array.from({ length: S }, (_, i) => expert(`${o.name}.shared_experts.${i}`));
  }

  /** Router probabilities p = σ(W_r x) for x [..., D] -> [..., N] (eq. 16). */
  scores<T extends tf.Tensor>(x: T): T {
    return tf.tidy(() => {
      const z = this.router.apply(x);
      return (this.routerActivation === 'sigmoid' ? tf.sigmoid(z) : tf.softmax(z)) as T;
    });
  }

  /** Per-token weight of each routed expert [N_tok, N]: p_i (or 1/N) on the top-k, 0 elsewhere (eq. 16-17). */
  routingWeights(x2: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      const p = this.scores(x2);
      const N = this.experts.length;
      if (this.topK === 0) return tf.zerosLike(p);
      const mask = topKMask(p, this.topK);
      return this.routedWeights === 'scores' ? tf.mul(mask, p) : tf.mul(mask, 1 / N);
    });
  }

  /** x [..., D] -> [..., D]: Σ_shared E_s(x) + Σ_{i ∈ top-k} p_i E_i(x). */
  apply<T extends tf.Tensor>(x: T): T {
    return tf.tidy(() => {
      const D = x.shape[x.rank - 1]!;
      const x2 = tf.reshape(x, [-1, D]) as tf.Tensor2D;
      let out: tf.Tensor2D = tf.zerosLike(x2);
      for (const s of this.shared) out = tf.add(out, s.apply(x2));
      if (this.topK > 0) {
        const w = this.routingWeights(x2);
        this.experts.forEach((e, i) => {
          const wi = tf.slice(w, [0, i], [-1, 1]);
          out = tf.add(out, tf.mul(wi, e.apply(x2)));
        });
      }
      return tf.reshape(out, x.shape) as T;
    });
  }

  parameters(): NamedVariable[] {
    return [...this.router.parameters(), ...this.experts.flatMap((e) => e.parameters()), ...this.shared.flatMap((e) => e.parameters())];
  }

  dispose(): void {
    this.router.dispose();
    for (const e of [...this.experts, ...this.shared]) e.dispose();
  }
}

/**
 * 1 on the k largest entries of each row of p [N_tok, N], 0 elsewhere. The selection carries no
 * gradient (the weights p_i do): a custom gradient of zero keeps tf.topk, which has none, off the tape.
 */
export function topKMask(p: tf.Tensor2D, k: number): tf.Tensor2D {
  const N = p.shape[1];
  const f = tf.customGrad((...inputs: Array<tf.Tensor | tf.GradSaveFunc>) => ({
    value: tf.cast(tf.sum(tf.oneHot(tf.topk(inputs[0] as tf.Tensor2D, k).indices, N), 1), 'float32') as tf.Tensor2D,
    gradFunc: (dy: tf.Tensor2D) => tf.zerosLike(dy),
  }));
  return f(p) as tf.Tensor2D;
}

export interface UpcycleSwiGLUOptions {
  /** name prefix of the MoE */
  name: string;
  /** shared experts S */
  S: number;
  /** experts per token k */
  k: number;
  /** routed experts N */
  N: number;
  /** 'report-cube-root' (eq. 18: gate, up, down × alpha), 'down-only' (down × 1/(S + k/N), exact) or 'none' */
  scaling: UpcycleScaling;
  /** router weighting, as in MoEOptions */
  routedWeights?: RoutedWeights;
  /** seed of the randomised router (moe-naive.ts's randomRouter, so the float64 reference sees the same router) */
  seed: number;
}

/** An MoE whose experts are all copies of `dense` (eq. 15), scaled per eq. 18, with a random sigmoid router. */
export function upcycleSwiGLU(dense: SwiGLU, o: UpcycleSwiGLUOptions): MoE {
  const f = upcycleFactors(o.scaling, o.S, o.k, o.N);
  const D = dense.gate.inFeatures;
  const moe = new MoE({
    name: o.name,
    hiddenSize: D,
    intermediateSize: dense.gate.outFeatures,
    numExperts: o.N,
    topK: o.k,
    numShared: o.S,
    routerActivation: 'sigmoid',
    routedWeights: o.routedWeights ?? 'scores',
    std: 0,
    downStd: 0,
    seed: o.seed,
    runtime: dense.gate.runtime,
  });
  tf.tidy(() => {
    const [gs, us, ds] = [tf.mul(dense.gate.weight, f[0]), tf.mul(dense.up.weight, f[1]), tf.mul(dense.down.weight, f[2])];
    for (const e of [...moe.experts, ...moe.shared]) {
      e.gate.weight.assign(gs);
      e.up.weight.assign(us);
      e.down.weight.assign(ds);
    }
    moe.router.weight.assign(tf.tensor2d(Float32Array.from(randomRouter(D, o.N, o.seed)), [D, o.N]));
  });
  return moe;
}
