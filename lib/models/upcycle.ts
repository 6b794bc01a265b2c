/**
 * MoE upcycling of a trained dense model (report §3.2, eq. 15-18; Table 13's M row at small scale):
 * every dense FFN becomes S shared + N routed copies of itself with a random sigmoid router
 * (layers/moe.ts's upcycleSwiGLU); the rest of the model is copied. Plus the equivalence check on
 * real FFN inputs and the expert load of a trained MoE (from the layer's own router scores).
 */
import * as tf from '@tensorflow/tfjs';
import { SwiGLU } from '../layers/ffn.js';
import { MoE, upcycleSwiGLU } from '../layers/moe.js';
import type { UpcycleScaling } from '../layers/moe-naive.js';
import { maxRelativeDeviation } from '../util/stats.js';
import { resolveConfig } from './config.js';
import { SpikingBrainModel } from './model.js';
import { loadStateDict, stateDict } from './weights.js';

export interface UpcycleModelOptions {
  S: number;
  k: number;
  N: number;
  /** eq. 18's cube-root scaling, the exact down-only one, or none */
  scaling: UpcycleScaling;
  seed: number;
}

/** A MoE model whose every FFN is upcycled from `dense`'s (routed weights: the router scores, eq. 16-17). */
export function upcycleModel(dense: SpikingBrainModel, o: UpcycleModelOptions): SpikingBrainModel {
  const c = resolveConfig({ ...dense.config, num_experts: o.N, num_experts_per_tok: o.k, num_shared_experts: o.S, mlp_only_layers: [] });
  const model = new SpikingBrainModel(c, { seed: o.seed });
  const sd = stateDict(dense);
  try {
    loadStateDict(model, sd, { strict: false });
  } finally {
    tf.dispose(Object.values(sd));
  }
  const params = new Map(model.parameters());
  dense.blocks.forEach((b, i) => {
    if (!(b.mlp instanceof SwiGLU)) throw new RangeError(`block ${i} of the dense model has no dense FFN to upcycle`);
    const moe = upcycleSwiGLU(b.mlp, { name: `model.layers.${i}.mlp`, S: o.S, k: o.k, N: o.N, scaling: o.scaling, seed: o.seed + i });
    try {
      for (const [name, v] of moe.parameters()) {
        const target = params.get(name);
        if (!target) throw new Error(`upcycled parameter ${name} has no place in the MoE model`);
        target.assign(v);
      }
    } finally {
      moe.dispose();
    }
  });
  model.weightsChanged();
  return model;
}

/** FFN inputs [tokens, D] of every block of `model` (its mlp_norm outputs) for the given inputs. */
export function ffnInputs(model: SpikingBrainModel, inputs: number[][]): Float32Array[] {
  const out: Float32Array[] = model.blocks.map(() => new Float32Array(0));
  const byName = new Map(
    model.blocks.map((b, i) => [b.mlp instanceof MoE ? `model.layers.${i}.mlp.gate` : `model.layers.${i}.mlp.gate_proj`, i]),
  );
  model.setProjectionHook((name, x) => {
    const i = byName.get(name);
    if (i !== undefined) out[i] = Float32Array.from(x.dataSync());
  });
  try {
    tf.dispose(model.forward(inputs));
  } finally {
    model.setProjectionHook(null);
  }
  return out;
}

export interface EquivalenceRow {
  layer: number;
  /** max |moe - dense| / max |dense| with the exact scaling (down × 1/(S + k/N)) and uniform routed weights */
  exact: number;
  /** the same with eq. 18's cube-root scaling and the router's scores as weights (the trained model's MoE) */
  cubeRootScores: number;
}

/** How far each block's upcycled FFN is from the dense FFN at initialisation, on real FFN inputs. */
export function upcycleEquivalence(
  dense: SpikingBrainModel,
  inputs: number[][],
  o: Omit<UpcycleModelOptions, 'scaling'>,
): EquivalenceRow[] {
  const xs = ffnInputs(dense, inputs);
  return dense.blocks.map((b, i) => {
    const mlp = b.mlp;
    if (!(mlp instanceof SwiGLU)) throw new RangeError(`block ${i} has no dense FFN`);
    const D = mlp.gate.inFeatures;
    const shape = { S: o.S, k: o.k, N: o.N, seed: o.seed + i };
    const exact = upcycleSwiGLU(mlp, { ...shape, name: `eq.${i}`, scaling: 'down-only', routedWeights: 'uniform' });
    const cube = upcycleSwiGLU(mlp, { ...shape, name: `cube.${i}`, scaling: 'report-cube-root', routedWeights: 'scores' });
    try {
      return tf.tidy(() => {
        const x = tf.tensor2d(xs[i]!, [xs[i]!.length / D, D]);
        const y = mlp.apply(x).dataSync();
        return {
          layer: i,
          exact: maxRelativeDeviation(exact.apply(x).dataSync(), y),
          cubeRootScores: maxRelativeDeviation(cube.apply(x).dataSync(), y),
        };
      });
    } finally {
      exact.dispose();
      cube.dispose();
    }
  });
}

/** Share of tokens routed to each expert (top-k of the router scores), per block: rows [layer][expert]. */
export function expertLoad(model: SpikingBrainModel, inputs: number[][]): number[][] {
  const xs = ffnInputs(model, inputs);
  return model.blocks.map((b, i) => {
    const mlp = b.mlp;
    if (!(mlp instanceof MoE)) throw new RangeError(`block ${i} is not an MoE block`);
    const D = mlp.router.inFeatures;
    const N = mlp.experts.length;
    return tf.tidy(() => {
      const x = tf.tensor2d(xs[i]!, [xs[i]!.length / D, D]);
      const p = mlp.scores(x);
      const idx = tf.topk(p, mlp.topK).indices.dataSync();
      const counts = new Array<number>(N).fill(0);
      for (const e of idx) counts[e]! += 1;
      return counts.map((n) => n / idx.length);
    });
  });
}
