/**
 * Numbers stated in the report's prose (abstract, §1–§5, App. A) as typed data with their
 * location: token budgets (§3.4), the 76B architecture (§2.2, Fig. 3), parallel topologies (§4.3),
 * MetaX training figures (§5.4) and the percentages the text derives from its tables.
 */
import type { ReportLocation } from './source.js';

const at = (where: string, page: number): ReportLocation => ({ where, page });

/** §3.4 (p. 13): the three CPT stages, in billions of tokens, and the totals the text states. */
export const CPT = {
  location: at('§3.4', 13),
  stages: [
    { seqLen: '8k', tokensB: [100, 100] as [number, number] },
    { seqLen: '32k', tokensB: [20, 30] as [number, number] },
    { seqLen: '128k', tokensB: [20, 30] as [number, number] },
  ],
  statedTotalB: 150, // "about 150B tokens in total" (also abstract p. 1, Fig. 1 p. 3)
  scratchTokensB: 10_000, // "the ∼10T tokens typically required for training from scratch"
  statedFractionPct: 2, // "only about 2% of the data"; "less than 2%" in §1, Fig. 1, §7
  table1TokensB: 150, // Table 1 "+150B" (SpikingBrain-7B)
  table2TokensB: 160, // Table 2 "+160B" (SpikingBrain-76B)
  boundB: 200, // §5.1 and App. A.1: "trained with fewer than 200B tokens"
  qwenTokensB: 18_000, // Tables 1 and 2: Qwen2.5 "18T"
};

/** SFT (§3.4, pp. 13–14): samples per stage at 8k. No total is stated. */
export const SFT = { location: at('§3.4', 13), samples: [500_000, 500_000, 150_000] };

/** SpikingBrain-76B as §2.2 (pp. 7–8) and the Fig. 3 caption (p. 7) describe it. */
export const ARCH_76B = {
  location: [at('§2.2', 8), at('Fig. 3', 7)],
  layers: 28,
  denseFfnLayers: [1, 2, 3, 5, 7, 9, 11],
  statedDenseCount: 7,
  fullAttentionLayers: [7, 14, 21, 28],
  statedFaRatio: [1, 6] as [number, number], // "interleaved at a 1:6 ratio across layers" (§2.2), "hybrid ratio of 1:6" (App. A.4)
  statedFaLayersText: 4, // App. A.4 / §5.1: "only four global softmax attention layers"
  sinkTokens: 128,
  routedExperts: 16,
  topK: 1,
  sharedExperts: 1,
  activeB: 12,
  totalB: 76,
  statedActivePct: 15, // "only about 15% of parameters (12B) are activated per token"
};

/** SpikingBrain-7B as §2.2 (p. 6) and Fig. 3 (p. 7) describe it; §3.4 (p. 13) for the RoPE base. */
export const ARCH_7B = {
  location: [at('§2.2', 6), at('Fig. 3', 7)],
  window: 4096, // "a fixed 4K window"
  laToSwa: 1, // "in a 1:1 ratio"
  fig3Repeats: 14, // the LA+FFN+SWA+FFN pair drawn "x14"
  ropeTheta: 1e6, // §3.4: "The RoPE base remains consistent with the base model at 1M"
};

/** §4.3 (p. 17): parallel topologies. */
export const TOPOLOGY = {
  location: at('§4.3', 17),
  sb7b128k: { dp: 32, sp: 8 },
  sb76b8k: { dp: 128, ep: 8, pp: 4 },
  stated: 'hundreds of MetaX GPUs (abstract p. 1; §1 p. 2: "hundreds of MetaX C550 GPUs")',
};

/** §5.4 (p. 21): MetaX training efficiency of SpikingBrain-7B. */
export const METAX_TRAINING = {
  location: at('§5.4', 21),
  tgs: 1558, // tokens per GPU per second
  mfuPct: 23.4,
  a800MfuPct: 25.8,
  config: { dp: 8, pp: 4, microBatch: 2, globalBatch: 512 },
};

/** §5.2 (p. 20): text statements about Table 8 and training throughput. */
export const TEXT_5_2 = {
  location: at('§5.2', 20),
  table8Speedups128k: { huggingface: 1.41, vllm: 2.75 },
  tgsSpeedup128k: 5.36,
};

/** App. A.7 (p. 35): "approximately 0.77×–0.93× the throughput of NVIDIA A100". */
export const TEXT_A7 = { location: at('App. A.7', 35), ratioRange: [0.77, 0.93] as [number, number], within: 2 };

/** §5.5 (pp. 21–22) and the Table 3 caption: the accuracy cost of W8ASpike, its spike statistics and energy. */
export const TEXT_5_5 = {
  location: at('§5.5', 21),
  dropPct: 2, // "limited to approximately 2% for both SpikingBrain-7B and SpikingBrain-76B"
  captionRangePct: [1, 3] as [number, number], // Table 3 caption: "approximately 1–3%"
  sparsityPct: 69.15,
  within7Pct: 94.1, // "94.1% of values fall within [0,7]"
  over16Pct: 1, // "only about 1% exceed 16"
  avgSpikes: 1.13, // "the average number of spikes fired per channel is only 1.13"
  silentChannelsPct: 18.4, // "18.4% of channels do not fire any spikes at all"
  /** eq. 24 and the text after it: MAC energy with spikes against FP16 and INT8 MACs */
  energy: { spikeMacPj: 0.034, reductionVsFp16Pct: 97.7, reductionVsInt8Pct: 85.2, gainVsFp16: 43.48, gainVsInt8: 6.76 },
};

/** §3.3.1 (p. 11): "the mean absolute value approximates 0.8 times the standard deviation". */
export const TEXT_MEAN_ABS = { location: at('§3.3.1', 11), ratio: 0.8 };

/** §3.3.2 (pp. 12–13): bitwise coding "reducing spike emissions by up to 8× (for an 8-bit count)". */
export const TEXT_BITWISE = {
  location: at('§3.3.2', 12),
  upTo: 8,
  bits: 8,
  example: { count: 256, binary: 256, ternary: 128, bitwise: 8 },
};

/** §5.1 (p. 18): statements about Tables 1 and 2. */
export const TEXT_5_1 = {
  location: at('§5.1', 18),
  recovery7BPct: 90, // "recovers nearly 90% of the base model's performance"
};
