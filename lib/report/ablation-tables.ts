/**
 * The ablations of App. B as typed data: Table 12 (p. 38, attention types under one conversion
 * budget) and Table 13 (p. 39, components H, M, S), with the definitions the appendix gives.
 */
import type { ReportLocation } from './source.js';

export interface Table12Row {
  model: string;
  /** "Equivalent Window Size"; Infinity for the full-attention baseline */
  window: number;
  hellaswag: number | null;
  mmlu: number | null;
  sniah4k: number;
  sniah8k: number;
}

/** Table 12 (p. 38). B.1 defines the hybrid as SpikingBrain-7B's inter-layer LA:SWA = 1:1. */
export const TABLE12 = {
  location: { where: 'Table 12', page: 38 } as ReportLocation,
  hybridRatio: { la: 1, swa: 1, text: 'B.1: "the inter-layer hybrid attention paradigm used in SpikingBrain-7B (LA:SWA = 1:1)"' },
  swaWindow: 4096,
  rows: [
    { model: 'FA Baseline', window: Infinity, hellaswag: 60.21, mmlu: 61.78, sniah4k: 100.0, sniah8k: 98.41 },
    { model: 'Pure SWA (4k)', window: 4096, hellaswag: 60.12, mmlu: 61.74, sniah4k: 100.0, sniah8k: 47.6 },
    { model: 'Pure SWA (128)', window: 128, hellaswag: null, mmlu: null, sniah4k: 1.87, sniah8k: 0.0 },
    { model: 'Pure LA', window: 64, hellaswag: 54.72, mmlu: 39.87, sniah4k: 36.16, sniah8k: 39.4 },
    { model: 'Hybrid', window: 2080, hellaswag: 57.88, mmlu: 56.08, sniah4k: 96.83, sniah8k: 44.44 },
  ] as Table12Row[],
};

/** Table 12's rows by the short names notebooks 07 and 09 give their variants. */
export const TABLE12_VARIANTS = {
  fa: 'FA Baseline',
  swa: 'Pure SWA (4k)',
  swa_small: 'Pure SWA (128)',
  la: 'Pure LA',
  hybrid: 'Hybrid',
} as const;

/** The Table 12 row of a variant (fa, swa, swa_small, la, hybrid). */
export function table12Row(variant: keyof typeof TABLE12_VARIANTS): Table12Row {
  const row = TABLE12.rows.find((r) => r.model === TABLE12_VARIANTS[variant]);
  if (!row) throw new RangeError(`variant must be one of ${Object.keys(TABLE12_VARIANTS).join(', ')}, got ${String(variant)}`);
  return row;
}

export interface Table13Row {
  model: string;
  hellaswag: number;
  mmlu: number;
  ttft64k: number;
  ttft128k: number;
  /** TTFT printed in parentheses: integer activations on GPUs, "identical to the non-spike configuration" */
  parenthesised: boolean;
}

/** Table 13 (p. 39). B.2 defines H as inter-layer LA and SWA "with a 1:3 ratio", M as 4 routed experts top-1 + 1 shared. */
export const TABLE13 = {
  location: { where: 'Table 13', page: 39 } as ReportLocation,
  hybridRatio: {
    la: 1,
    swa: 3,
    text: 'B.2: "inter-layer hybridization of linear attention and sliding-window attention with a 1:3 ratio"',
  },
  rows: [
    { model: 'Baseline', hellaswag: 60.21, mmlu: 61.78, ttft64k: 3805.6, ttft128k: 12553.3, parenthesised: false },
    { model: 'H', hellaswag: 57.88, mmlu: 56.08, ttft64k: 2239.7, ttft128k: 4729.4, parenthesised: false },
    { model: 'M', hellaswag: 60.25, mmlu: 61.88, ttft64k: 4880.7, ttft128k: 14230.1, parenthesised: false },
    { model: 'S', hellaswag: 59.63, mmlu: 61.17, ttft64k: 3805.6, ttft128k: 12553.3, parenthesised: true },
    { model: 'H+M', hellaswag: 57.93, mmlu: 56.05, ttft64k: 2558.2, ttft128k: 5055.2, parenthesised: false },
    { model: 'H+S', hellaswag: 57.37, mmlu: 54.87, ttft64k: 2239.7, ttft128k: 4729.4, parenthesised: true },
    { model: 'M+S', hellaswag: 59.66, mmlu: 59.22, ttft64k: 4880.7, ttft128k: 14230.1, parenthesised: true },
    { model: 'H+M+S', hellaswag: 57.77, mmlu: 55.02, ttft64k: 2558.2, ttft128k: 5055.2, parenthesised: true },
  ] as Table13Row[],
};

/** App. B's set-up (p. 38): CPT from Qwen3-1.7B, 5B tokens, sequence 8k, batch 32, lr 3e-5. */
export const ABLATION_SETUP = {
  location: { where: 'App. B', page: 38 } as ReportLocation,
  base: 'Qwen3-1.7B',
  tokens: 5e9,
  seqLen: 8192,
  batch: 32,
  lr: 3e-5,
  /** Qwen3-1.7B's head dimension (its config.json): an input of ours for the equivalent windows */
  headDim: 128,
};
