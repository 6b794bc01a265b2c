/**
 * Every spiking input of a real SpikingBrain-7B layer (report §5.5: "we apply spike coding to the
 * activation inputs of all linear projection layers"; shape from W8ASpike/config.json: 28 layers,
 * hidden 3584, SwiGLU FFN 18944, 28 heads / 4 KV heads of dim 128, GLA on even layers with a
 * low-rank gate hidden -> 16 -> kv dim, sliding-window attention on odd layers). Seed 001 counts
 * one 3584-wide input per layer; this recount lists each projection and its input width.
 */
import { checkInteger, checkObject, checkOneOf } from '../util/validate.js';

/** The model shape the recount needs; one comment per field. */
export interface LayerShape {
  /** transformer layers */
  layers: number;
  /** model (hidden) dimension D */
  hidden: number;
  /** SwiGLU intermediate size */
  ffn: number;
  /** query heads */
  heads: number;
  /** key/value heads (grouped-query attention) */
  kvHeads: number;
  /** dimension per head */
  headDim: number;
  /** rank of the GLA forget-gate projection (hidden -> rank -> kv dim) */
  gateRank: number;
  /** which layers (0-based) are GLA; the others are sliding-window attention */
  glaLayers: 'even' | 'odd';
}

/** SpikingBrain-7B (W8ASpike/config.json). */
export const SPIKINGBRAIN_7B_SHAPE: Readonly<LayerShape> = Object.freeze({
  layers: 28,
  hidden: 3584,
  ffn: 18944,
  heads: 28,
  kvHeads: 4,
  headDim: 128,
  gateRank: 16,
  glaLayers: 'even',
});

export type LayerKind = 'gla' | 'swa';
export const LAYER_KINDS: readonly LayerKind[] = ['gla', 'swa'];

/** One linear projection whose input is spike coded. */
export interface ProjectionInput {
  /** projection name as in the reference model, e.g. "q_proj" */
  name: string;
  /** input width: neurons whose spikes the projection receives */
  width: number;
  /** output width (for MAC counts) */
  outputs: number;
  /** layer kinds that have this projection */
  kinds: readonly LayerKind[];
  /** projections with the same group read the same input vector, so one train could serve them all */
  inputGroup: string;
}

export function assertShape(shape: unknown): asserts shape is LayerShape {
  const s = checkObject('shape', shape);
  for (const k of ['layers', 'hidden', 'ffn', 'heads', 'kvHeads', 'headDim', 'gateRank'] as const) checkInteger(`shape.${k}`, s[k], 1);
  checkOneOf('shape.glaLayers', s.glaLayers, ['even', 'odd'] as const);
  if ((s.heads as number) % (s.kvHeads as number) !== 0) {
    throw new RangeError(`shape.heads (${String(s.heads)}) must be a multiple of shape.kvHeads (${String(s.kvHeads)})`);
  }
}

/** Kind of every layer, 0-based. */
export function layerKinds(shape: LayerShape = SPIKINGBRAIN_7B_SHAPE): LayerKind[] {
  assertShape(shape);
  const glaParity = shape.glaLayers === 'even' ? 0 : 1;
  return Array.from({ length: shape.layers }, (_, l) => (l % 2 === glaParity ? 'gla' : 'swa'));
}

/**
 * The projections of one layer of each kind with their input widths. Attention output width is
 * heads x headDim (grouped values are repeated over the query heads before o_proj).
 */
export function projectionInputs(shape: LayerShape = SPIKINGBRAIN_7B_SHAPE): ProjectionInput[] {
  assertShape(shape);
  const { hidden, ffn, heads, kvHeads, headDim, gateRank } = shape;
  const both: LayerKind[] = ['gla', 'swa'];
  const q = heads * headDim;
  const kv = kvHeads * headDim;
  return [
    { name: 'q_proj', width: hidden, outputs: q, kinds: both, inputGroup: 'attn_in' },
    { name: 'k_proj', width: hidden, outputs: kv, kinds: both, inputGroup: 'attn_in' },
    { name: 'v_proj', width: hidden, outputs: kv, kinds: both, inputGroup: 'attn_in' },
    { name: 'gk_proj.0 (gate, low rank)', width: hidden, outputs: gateRank, kinds: ['gla'], inputGroup: 'attn_in' },
    { name: 'gk_proj.1 (gate, low rank)', width: gateRank, outputs: kv, kinds: ['gla'], inputGroup: 'gate_mid' },
    { name: 'o_proj', width: q, outputs: hidden, kinds: both, inputGroup: 'attn_out' },
    { name: 'gate_proj', width: hidden, outputs: ffn, kinds: both, inputGroup: 'ffn_in' },
    { name: 'up_proj', width: hidden, outputs: ffn, kinds: both, inputGroup: 'ffn_in' },
    { name: 'down_proj', width: ffn, outputs: hidden, kinds: both, inputGroup: 'ffn_mid' },
  ];
}

/** Seed 001's count: one hidden-wide input per layer. */
export function seedLayerInputs(shape: LayerShape = SPIKINGBRAIN_7B_SHAPE): ProjectionInput[] {
  assertShape(shape);
  return [{ name: 'hidden (seed 001)', width: shape.hidden, outputs: shape.hidden, kinds: ['gla', 'swa'], inputGroup: 'hidden' }];
}

function assertInputs(inputs: unknown): asserts inputs is ProjectionInput[] {
  if (!Array.isArray(inputs))
    throw new TypeError(`inputs must be an array of { name, width, outputs, kinds, inputGroup }, got ${String(inputs)}`);
  inputs.forEach((p: unknown, i) => {
    const o = checkObject(`inputs[${i}]`, p);
    checkInteger(`inputs[${i}].width`, o.width, 1);
    checkInteger(`inputs[${i}].outputs`, o.outputs, 1);
    if (!Array.isArray(o.kinds) || o.kinds.length === 0)
      throw new TypeError(`inputs[${i}].kinds must be a non-empty array of 'gla', 'swa'`);
    o.kinds.forEach((k: unknown, j: number) => checkOneOf(`inputs[${i}].kinds[${j}]`, k, LAYER_KINDS));
    if (typeof o.inputGroup !== 'string' || o.inputGroup === '') throw new TypeError(`inputs[${i}].inputGroup must be a non-empty string`);
  });
}

export interface RecountOptions {
  /** send an input vector once for all projections that read it (default false: one train per projection) */
  shareInputs?: boolean;
}

/** Spike-coded neurons one layer of `kind` sends. */
export function neuronsPerLayer(inputs: ProjectionInput[], kind: LayerKind, o: RecountOptions = {}): number {
  assertInputs(inputs);
  checkOneOf('kind', kind, LAYER_KINDS);
  const shared = o.shareInputs ?? false;
  if (typeof shared !== 'boolean') throw new TypeError(`options.shareInputs must be a boolean, got ${String(shared)}`);
  const seen = new Map<string, number>();
  let total = 0;
  for (const p of inputs) {
    if (!p.kinds.includes(kind)) continue;
    if (!shared) total += p.width;
    else if (!seen.has(p.inputGroup)) seen.set(p.inputGroup, p.width);
    else if (seen.get(p.inputGroup) !== p.width) {
      throw new RangeError(
        `inputs of group '${p.inputGroup}' have different widths (${seen.get(p.inputGroup)} and ${p.width}); a shared input has one width`,
      );
    }
  }
  if (shared) for (const w of seen.values()) total += w;
  return total;
}

/** Spike-coded neurons per token over all layers of `kinds`. */
export function neuronsPerToken(inputs: ProjectionInput[], kinds: readonly LayerKind[], o: RecountOptions = {}): number {
  if (!Array.isArray(kinds)) throw new TypeError(`kinds must be an array of 'gla', 'swa' (see layerKinds), got ${String(kinds)}`);
  const perKind = new Map(LAYER_KINDS.map((k) => [k, neuronsPerLayer(inputs, k, o)]));
  return kinds.reduce((sum, k, l) => sum + perKind.get(checkOneOf(`kinds[${l}]`, k, LAYER_KINDS))!, 0);
}

/** Dense multiply-accumulates per token over all layers of `kinds`: sum of width x outputs. */
export function macsPerToken(inputs: ProjectionInput[], kinds: readonly LayerKind[]): number {
  assertInputs(inputs);
  if (!Array.isArray(kinds)) throw new TypeError(`kinds must be an array of 'gla', 'swa' (see layerKinds), got ${String(kinds)}`);
  let total = 0;
  kinds.forEach((k, l) => {
    checkOneOf(`kinds[${l}]`, k, LAYER_KINDS);
    for (const p of inputs) if (p.kinds.includes(k)) total += p.width * p.outputs;
  });
  return total;
}

export interface ProjectionRow {
  name: string;
  width: number;
  outputs: number;
  /** layers that have the projection */
  layers: number;
  /** width x layers */
  neuronsPerToken: number;
}

/** One row per projection, for tables and figures. */
export function projectionRows(inputs: ProjectionInput[], kinds: readonly LayerKind[]): ProjectionRow[] {
  assertInputs(inputs);
  return inputs.map((p) => {
    const layers = kinds.filter((k) => p.kinds.includes(k)).length;
    return { name: p.name, width: p.width, outputs: p.outputs, layers, neuronsPerToken: p.width * layers };
  });
}
