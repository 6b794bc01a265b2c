/**
 * Weights in safetensors with the reference parameter names and layout (report §4; the checkpoints of
 * github.com/BICLab/SpikingBrain-7B): projections stored [out, in] as PyTorch's nn.Linear (ours are
 * [in, out] and are transposed on the way), embeddings [V, D], norms and biases as vectors. The
 * config travels in the file's metadata under "config" so a file rebuilds its model.
 */
import * as tf from '@tensorflow/tfjs';
import { decodeSafetensors, encodeSafetensors, tensorsFromTf, toTfTensors, type FloatSafetensorsDtype } from '../io/index.js';
import { configFromJSON, configToJSON } from './config.js';
import { SpikingBrainModel, type ModelOptions } from './model.js';

/** Stored transposed: every matrix named `.weight` except the embedding table. */
function isProjection(name: string, v: tf.Tensor): boolean {
  return v.rank === 2 && name.endsWith('.weight') && name !== 'model.embeddings.weight';
}

/** Every parameter under its reference name, in the reference layout. The caller disposes the tensors. */
export function stateDict(model: SpikingBrainModel): Record<string, tf.Tensor> {
  const out: Record<string, tf.Tensor> = {};
  for (const [name, v] of model.parameters()) out[name] = isProjection(name, v) ? tf.transpose(v) : v.clone();
  return out;
}

export interface LoadReport {
  /** model parameters the tensors did not have (left as they were) */
  missing: string[];
  /** tensors the model has no parameter for (ignored) */
  unexpected: string[];
}

/**
 * Assigns reference-named tensors (reference layout) to the model's parameters. With strict (the
 * default) any missing or unexpected name throws, listing them; shapes must always match.
 */
export function loadStateDict(model: SpikingBrainModel, tensors: Record<string, tf.Tensor>, o: { strict?: boolean } = {}): LoadReport {
  const strict = o.strict ?? true;
  const params = new Map(model.parameters());
  const missing = [...params.keys()].filter((n) => !(n in tensors));
  const unexpected = Object.keys(tensors).filter((n) => !params.has(n));
  if (strict && (missing.length > 0 || unexpected.length > 0)) {
    const list = (xs: string[]) => (xs.length > 5 ? `${xs.slice(0, 5).join(', ')}, … (${xs.length})` : xs.join(', ') || 'none');
    throw new RangeError(`weights do not match the model: missing ${list(missing)}; unexpected ${list(unexpected)}`);
  }
  // check every shape before assigning anything
  for (const [name, v] of params) {
    const t = tensors[name];
    if (!t) continue;
    const want = isProjection(name, v) ? [v.shape[1], v.shape[0]] : v.shape;
    if (t.shape.length !== want.length || t.shape.some((s, i) => s !== want[i])) {
      throw new RangeError(`expected ${name} of shape [${want.join(', ')}], got [${t.shape.join(', ')}]`);
    }
  }
  // NaN or Inf weights would load silently and decode garbage (greedy decoding then returns token 0)
  for (const [name] of params) {
    const t = tensors[name];
    if (!t) continue;
    const finite = tf.tidy(() => tf.all(tf.isFinite(t)).dataSync()[0]);
    if (!finite) {
      const values = t.dataSync();
      const i = values.findIndex((x) => !Number.isFinite(x));
      throw new RangeError(`weight ${name} holds a non-finite value (${values[i]} at flat index ${i}): refusing to load it`);
    }
  }
  tf.tidy(() => {
    for (const [name, v] of params) {
      const t = tensors[name];
      if (!t) continue;
      const f = t.dtype === 'float32' ? t : tf.cast(t, 'float32');
      v.assign(isProjection(name, v) ? tf.transpose(f) : f);
    }
  });
  model.weightsChanged();
  return { missing, unexpected };
}

export interface SaveOptions {
  /** storage dtype of the weights: 'F32' (exact), 'BF16' (the reference's) or 'F16' */
  dtype?: FloatSafetensorsDtype;
  /** extra metadata strings */
  metadata?: Record<string, string>;
}

/** The model's weights as safetensors bytes, reference names, config in the metadata. */
export function saveSafetensors(model: SpikingBrainModel, o: SaveOptions = {}): Uint8Array {
  const sd = stateDict(model);
  try {
    const entries = tensorsFromTf(sd, o.dtype ?? 'F32');
    return encodeSafetensors(entries, { format: 'pt', ...o.metadata, config: JSON.stringify(configToJSON(model.config)) });
  } finally {
    tf.dispose(Object.values(sd));
  }
}

/** Loads safetensors bytes into an existing model (strict names and shapes by default). */
export function loadSafetensors(model: SpikingBrainModel, bytes: Uint8Array, o: { strict?: boolean } = {}): LoadReport {
  const file = decodeSafetensors(bytes);
  const tensors = toTfTensors(file.tensors);
  try {
    return loadStateDict(model, tensors, o);
  } finally {
    tf.dispose(Object.values(tensors));
  }
}

/** A new model built from the config in the file's metadata, with the file's weights. */
export function modelFromSafetensors(bytes: Uint8Array, options: ModelOptions = {}): SpikingBrainModel {
  const file = decodeSafetensors(bytes);
  const json = file.metadata.config;
  if (json === undefined)
    throw new RangeError('the safetensors metadata has no "config": build the model from its config and use loadSafetensors');
  const model = new SpikingBrainModel(configFromJSON(JSON.parse(json) as Record<string, unknown>), options);
  const tensors = toTfTensors(file.tensors);
  try {
    loadStateDict(model, tensors);
  } catch (e) {
    model.dispose();
    throw e;
  } finally {
    tf.dispose(Object.values(tensors));
  }
  return model;
}
