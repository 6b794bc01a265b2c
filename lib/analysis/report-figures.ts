/**
 * The report's spiking figures as stated (§5.5 text, Table 11 of appendix A.8), kept in one place so
 * notebooks, the site and the claims ledger cite the same numbers. These are reported values, never
 * results of ours.
 */

/** §5.5, SpikingBrain-7B at k = 3: shares as fractions, spikes per channel. */
export const REPORT_SPIKING_7B = {
  sparsity: 0.6915,
  avgSpikes: 1.13,
  silentChannels: 0.184,
  within7: 0.941,
  over16: 0.01,
  window: 3,
  k: 3,
} as const;

/** Table 11: W8ASpike on SpikingBrain-7B for each k: sparsity and share of values <= 7. */
export const REPORT_TABLE11: readonly { k: number; sparsity: number; within7: number }[] = [
  { k: 2, sparsity: 0.73, within7: 0.989 },
  { k: 2.5, sparsity: 0.709, within7: 0.976 },
  { k: 3, sparsity: 0.692, within7: 0.951 },
  { k: 3.5, sparsity: 0.677, within7: 0.916 },
  { k: 4, sparsity: 0.664, within7: 0.877 },
];

/**
 * Fig. 9 (§5.5): bar charts titled "binary spike count ratio within 3 steps", the share (%) of
 * spike counts 0, 1, 2 and >= 3, for SpikingBrain-7B (left) and -76B (right), as the bars are labelled.
 */
export const REPORT_FIG9 = {
  bins: ['0', '1', '2', '>=3'],
  window: 3,
  '7B': [69.15, 19.3, 9.69, 1.85],
  '76B': [66.49, 17.89, 10.74, 4.88],
} as const;

/** Table 11 (A.8): average accuracy over the seven benchmarks, BF16 and W8ASpike at each k. */
export const REPORT_TABLE11_ACCURACY = {
  bf16: 0.6998,
  byK: [
    { k: 2, avg: 0.6735 },
    { k: 2.5, avg: 0.6807 },
    { k: 3, avg: 0.6875 },
    { k: 3.5, avg: 0.6898 },
    { k: 4, avg: 0.694 },
  ],
} as const;
