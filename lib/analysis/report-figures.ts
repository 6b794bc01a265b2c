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
