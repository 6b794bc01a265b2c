/**
 * What one token does inside the model (report §3.3 W8ASpike, §5.5 eq. 24, §2.1.1 decoding caches):
 * per layer, the adaptive-threshold spike counts of every projection input as bitwise-bidirectional
 * trains over time steps (the raster), their firing rate and silent channels, the energy of the
 * token's projections by eq. 24 against FP16 and INT8 MACs, and the memory the layer's decoding
 * cache holds (GLA: a fixed state; SWA: a sliding window; full attention: a growing KV cache).
 */
import { FP16_MAC, INT8_ADD, INT8_MAC } from '../energy/constants.js';
import type { LayerCache } from '../layers/cache.js';
import { encodeSpikes } from '../spike/train.js';

/** The scheme the raster shows: one bit of |count| per step, the sign on the spike (report Fig. 4). */
export const LIVE_SCHEME = 'bitwise-bidirectional' as const;

/** One projection's input for one token. */
export interface ProjectionTokenStats {
  /** e.g. "model.layers.1.attn.q_proj" */
  name: string;
  /** e.g. "attn.q_proj" */
  type: string;
  /** input channels */
  channels: number;
  outFeatures: number;
  /** spikes of the bitwise-bidirectional train (popcount of every |count|) */
  spikes: number;
  /** time steps Int2Spike chooses for this input (bits of the largest |count|) */
  T: number;
  /** spikes / (T x channels) */
  firingRate: number;
  /** channels with count 0 (no spike at any step) */
  silentChannels: number;
  /** eq. 24: spikes x out x E(INT8 add), and the dense baselines in x out x E(MAC), pJ */
  energy: TokenEnergy;
}

export interface TokenEnergy {
  spikingPj: number;
  int8Pj: number;
  fp16Pj: number;
}

/** A spike raster: dense[t * channels + c] in {-1, 0, 1}, time-major. */
export interface Raster {
  /** the first projection reading this input, e.g. "attn.q_proj" */
  projection: string;
  /** every projection of the layer reading this same input, e.g. ["attn.q_proj", "attn.k_proj", "attn.v_proj"] */
  readers: string[];
  T: number;
  channels: number;
  dense: number[];
}

export type LiveLayerKind = 'gla' | 'swa' | 'full' | 'hybrid';

/** What a layer's decoding cache holds after the token. */
export interface LayerMemory {
  kind: LiveLayerKind;
  /** tokens the layer has seen */
  seen: number;
  /** GLA state bytes (float32): the same after every token */
  stateBytes: number;
  /** keys and values held (SWA: at most window - 1; full: every token) */
  kvTokens: number;
  kvBytes: number;
  /** SWA window (keys a query sees, counting itself); null for full attention and GLA */
  window: number | null;
  /** first position the SWA window still sees; 0 otherwise */
  windowStart: number;
}

export interface LayerTokenStats {
  layer: number;
  projections: ProjectionTokenStats[];
  /** rasters of the distinct inputs: the mixer's input, the MLP's input, down_proj's input */
  rasters: Raster[];
  spikes: number;
  /** sum over projections of channels and of T x channels */
  channels: number;
  slots: number;
  firingRate: number;
  silentChannels: number;
  energy: TokenEnergy;
  memory: LayerMemory;
}

/** "model.layers.3.mlp.down_proj" -> { layer: 3, type: "mlp.down_proj" }; null for names outside the layers. */
export function parseProjectionName(name: string): { layer: number; type: string } | null {
  const m = /^model\.layers\.(\d+)\.(.+)$/.exec(name);
  return m ? { layer: Number(m[1]), type: m[2]! } : null;
}

/** Statistics of one projection input (one token's counts). */
export function projectionTokenStats(
  name: string,
  counts: ArrayLike<number>,
  outFeatures: number,
): { stats: ProjectionTokenStats; dense: Int8Array } {
  const parsed = parseProjectionName(name);
  const train = encodeSpikes(counts, LIVE_SCHEME);
  const channels = counts.length;
  let silent = 0;
  for (let i = 0; i < channels; i++) if (counts[i] === 0) silent++;
  const spikes = train.spikeCount();
  const macs = channels * outFeatures;
  return {
    stats: {
      name,
      type: parsed?.type ?? name,
      channels,
      outFeatures,
      spikes,
      T: train.T,
      firingRate: train.firingRate(),
      silentChannels: silent,
      energy: { spikingPj: spikes * outFeatures * INT8_ADD.pj, int8Pj: macs * INT8_MAC.pj, fp16Pj: macs * FP16_MAC.pj },
    },
    dense: train.toDense(),
  };
}

/** The memory of one layer's cache. */
export function layerMemory(cache: LayerCache): LayerMemory {
  const kv = cache.kv;
  const rec = cache.recurrent;
  const kind: LiveLayerKind = kv && rec ? 'hybrid' : rec ? 'gla' : kv && kv.capacity !== null ? 'swa' : 'full';
  const seen = kv?.seen ?? rec?.seen ?? 0;
  const window = kv && kv.capacity !== null ? kv.capacity + 1 : null;
  return {
    kind,
    seen,
    stateBytes: rec?.bytes() ?? 0,
    kvTokens: kv?.length ?? 0,
    kvBytes: kv?.bytes() ?? 0,
    window,
    windowStart: window === null ? 0 : Math.max(0, seen - window),
  };
}

const sumEnergy = (xs: TokenEnergy[]): TokenEnergy => ({
  spikingPj: xs.reduce((s, e) => s + e.spikingPj, 0),
  int8Pj: xs.reduce((s, e) => s + e.int8Pj, 0),
  fp16Pj: xs.reduce((s, e) => s + e.fp16Pj, 0),
});

/** Per-layer statistics from one token's counts of every projection (in the order the model ran them). */
export function layerTokenStats(
  counts: ReadonlyMap<string, Int32Array>,
  outFeatures: (name: string) => number,
  caches: readonly LayerCache[],
): LayerTokenStats[] {
  return caches.map((cache, layer) => {
    const projections: ProjectionTokenStats[] = [];
    const rasters: Raster[] = [];
    const seenInputs: { counts: Int32Array; raster: Raster }[] = [];
    for (const [name, c] of counts) {
      if (parseProjectionName(name)?.layer !== layer) continue;
      const { stats, dense } = projectionTokenStats(name, c, outFeatures(name));
      projections.push(stats);
      // q/k/v (and gate/up) read the same input: one raster per distinct input
      const same = seenInputs.find((s) => sameCounts(s.counts, c));
      if (same) same.raster.readers.push(stats.type);
      else {
        const raster = { projection: stats.type, readers: [stats.type], T: stats.T, channels: stats.channels, dense: Array.from(dense) };
        seenInputs.push({ counts: c, raster });
        rasters.push(raster);
      }
    }
    const spikes = projections.reduce((s, p) => s + p.spikes, 0);
    const slots = projections.reduce((s, p) => s + p.T * p.channels, 0);
    return {
      layer,
      projections,
      rasters,
      spikes,
      slots,
      channels: projections.reduce((s, p) => s + p.channels, 0),
      firingRate: slots === 0 ? 0 : spikes / slots,
      silentChannels: projections.reduce((s, p) => s + p.silentChannels, 0),
      energy: sumEnergy(projections.map((p) => p.energy)),
      memory: layerMemory(cache),
    };
  });
}

/** The energy of a whole token: the sum over layers. */
export function tokenEnergy(layers: readonly LayerTokenStats[]): TokenEnergy {
  return sumEnergy(layers.map((l) => l.energy));
}

function sameCounts(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
