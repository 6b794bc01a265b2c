/**
 * Conversion by weight reuse (report §3.1): a softmax-attention base becomes an SWA-only, GLA-only
 * or hybrid model by copying every parameter whose name and shape the target shares (embeddings,
 * q/k/v/o projections, norms, FFN, lm_head); only what the target adds (the GLA low-rank gate
 * gk_proj and the per-head output norm g_norm) starts from its initialisation.
 */
import * as tf from '@tensorflow/tfjs';
import { SpikingBrainModel, loadStateDict, resolveConfig, stateDict, type ModelConfig } from '../models/index.js';

export interface Conversion {
  model: SpikingBrainModel;
  /** parameters copied from the base */
  reused: string[];
  /** parameters the base did not have (fresh initialisation) */
  fresh: string[];
  /** parameter counts of both groups */
  reusedParameters: number;
  freshParameters: number;
}

/** A new model of config `target` with every shared parameter of `base` copied in. */
export function convertModel(base: SpikingBrainModel, target: Partial<ModelConfig>, seed = 42): Conversion {
  const c = resolveConfig(target);
  for (const f of [
    'vocab_size',
    'hidden_size',
    'num_attention_heads',
    'num_key_value_heads',
    'intermediate_size',
    'num_hidden_layers',
  ] as const) {
    if (c[f] !== base.config[f])
      throw new RangeError(`conversion keeps the base's dims: ${f} is ${base.config[f]} in the base, ${c[f]} in the target`);
  }
  const model = new SpikingBrainModel(c, { seed });
  const sd = stateDict(base);
  try {
    const own = new Map(model.parameters());
    const reused: string[] = [];
    const fresh: string[] = [];
    let reusedParameters = 0;
    let freshParameters = 0;
    const wanted: Record<string, tf.Tensor> = {};
    for (const [name, v] of own) {
      if (name in sd) {
        wanted[name] = sd[name]!;
        reused.push(name);
        reusedParameters += v.size;
      } else {
        fresh.push(name);
        freshParameters += v.size;
      }
    }
    // loadStateDict checks every shape (reference layout) before assigning
    loadStateDict(model, wanted, { strict: false });
    return { model, reused, fresh, reusedParameters, freshParameters };
  } finally {
    tf.dispose(Object.values(sd));
  }
}
