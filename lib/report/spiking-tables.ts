/**
 * The spiking scheme's numbers as typed data (report §3.3, §5.5, App. A.8, A.9): Table 3 (p. 21),
 * the accuracy columns of Table 11 (p. 36), the trains drawn in Fig. 4 (p. 11) and the labels of
 * Fig. 10 (p. 37), all read from the rendered PDF pages.
 */
import type { SpikeScheme } from '../spike/index.js';
import type { ReportLocation, ScoreTable } from './source.js';
import { TEXT_5_5 } from './text-numbers.js';

const ACC = ['Winogrande', 'Arc-e', 'Arc-c (norm)', 'HellaSwag (norm)', 'PIQA', 'MMLU', 'CMMLU', 'Avg.'];

/** Table 3 (p. 21): before and after W8ASpike; the last column is the printed average. */
export const TABLE3: ScoreTable = {
  location: { where: 'Table 3', page: 21 },
  caption: 'Performance comparison of SpikingBrain before and after applying the spiking scheme',
  columns: ACC,
  rows: [
    { name: 'SpikingBrain-7B', values: [0.6992, 0.8047, 0.5566, 0.6777, 0.7949, 0.6751, 0.6904, 0.6998] },
    { name: 'SpikingBrain-7B-W8ASpike', values: [0.6895, 0.7861, 0.541, 0.6758, 0.7979, 0.6546, 0.6677, 0.6875] },
    { name: 'SpikingBrain-76B', values: [0.7275, 0.8125, 0.5615, 0.7, 0.8125, 0.7247, 0.774, 0.7304] },
    { name: 'SpikingBrain-76B-W8ASpike', values: [0.7148, 0.7949, 0.5371, 0.6863, 0.8004, 0.7081, 0.7512, 0.7133] },
  ],
};

/** Table 11 (p. 36), accuracy columns (the sparsity and "values <= 7" columns are notebook 02's claims). */
export const TABLE11_ACCURACY: ScoreTable = {
  location: { where: 'Table 11', page: 36 },
  caption: 'Effect of the adaptive threshold hyperparameter k on accuracy in SpikingBrain-7B',
  columns: ACC,
  rows: [
    { name: 'BF16', values: [0.6992, 0.8047, 0.5566, 0.6777, 0.7949, 0.6751, 0.6904, 0.6998] },
    { name: 'k = 2', values: [0.6835, 0.7887, 0.5213, 0.6931, 0.7927, 0.6012, 0.6339, 0.6735] },
    { name: 'k = 2.5', values: [0.678, 0.7934, 0.5316, 0.7021, 0.7894, 0.6141, 0.656, 0.6807] },
    { name: 'k = 3', values: [0.6895, 0.7861, 0.541, 0.6758, 0.7979, 0.6546, 0.6677, 0.6875] },
    { name: 'k = 3.5', values: [0.6851, 0.8035, 0.5427, 0.7012, 0.7933, 0.6305, 0.6723, 0.6898] },
    { name: 'k = 4', values: [0.6946, 0.8056, 0.5452, 0.7046, 0.7933, 0.6331, 0.6817, 0.694] },
  ],
};

/**
 * Table 11 (p. 36), spike columns: sparsity and the share of values <= 7 for each k (notebooks 02 and
 * 07 set theirs beside it; the audit checks the text's 69.15 % against the k = 3 row).
 */
export const REPORT_TABLE11: readonly { k: number; sparsity: number; within7: number }[] = [
  { k: 2, sparsity: 0.73, within7: 0.989 },
  { k: 2.5, sparsity: 0.709, within7: 0.976 },
  { k: 3, sparsity: 0.692, within7: 0.951 },
  { k: 3.5, sparsity: 0.677, within7: 0.916 },
  { k: 4, sparsity: 0.664, within7: 0.877 },
];

/** Table 11's Avg. column as fractions: BF16 and W8ASpike at each k (read from TABLE11_ACCURACY). */
export const REPORT_TABLE11_ACCURACY = {
  bf16: avgOf('BF16'),
  byK: TABLE11_ACCURACY.rows.filter((r) => r.name.startsWith('k = ')).map((r) => ({ k: Number(r.name.slice(4)), avg: avgOf(r.name) })),
} as const;

function avgOf(row: string): number {
  const r = TABLE11_ACCURACY.rows.find((x) => x.name === row);
  if (!r) throw new Error(`Table 11 has no row ${row}`);
  return r.values[TABLE11_ACCURACY.columns.indexOf('Avg.')]!;
}

/** §5.5 (p. 21), SpikingBrain-7B at k = 3, as fractions (the text's percentages are in TEXT_5_5). */
export const REPORT_SPIKING_7B = {
  sparsity: TEXT_5_5.sparsityPct / 100,
  avgSpikes: TEXT_5_5.avgSpikes,
  silentChannels: TEXT_5_5.silentChannelsPct / 100,
  within7: TEXT_5_5.within7Pct / 100,
  over16: TEXT_5_5.over16Pct / 100,
  window: 3,
  k: 3,
} as const;

/**
 * Fig. 9 (§5.5, p. 22): bar charts titled "binary spike count ratio within 3 steps", the share (%) of
 * spike counts 0, 1, 2 and >= 3, for SpikingBrain-7B (left) and -76B (right), as the bars are labelled.
 */
export const REPORT_FIG9 = {
  bins: ['0', '1', '2', '>=3'],
  window: 3,
  '7B': [69.15, 19.3, 9.69, 1.85],
  '76B': [66.49, 17.89, 10.74, 4.88],
} as const;

/** A spike train drawn in Fig. 4 with the count written beside it (time steps left to right). */
export interface DrawnTrain {
  panel: string;
  count: number;
  scheme: SpikeScheme;
  train: readonly number[];
}

export const FIG4: { location: ReportLocation; trains: readonly DrawnTrain[]; within7Pct: number } = {
  location: { where: 'Fig. 4', page: 11 },
  trains: [
    { panel: '(b) binary', count: 5, scheme: 'binary', train: [1, 1, 1, 1, 1, 0, 0, 0] },
    { panel: '(b) ternary, excitation', count: 1, scheme: 'ternary', train: [1, 0, 0, 0] },
    { panel: '(b) ternary, inhibition', count: -1, scheme: 'ternary', train: [-1, 0, 0, 0] },
    { panel: '(c) ternary', count: -5, scheme: 'ternary', train: [-1, -1, -1, -1, -1, 0, 0, 0] },
    { panel: '(c) bitwise, bidirectional', count: -5, scheme: 'bitwise-bidirectional', train: [-1, 0, -1] },
    { panel: "(c) bitwise, two's complement", count: -5, scheme: 'bitwise-twos-complement', train: [1, 0, 1, 1] },
  ],
  /** (a): "ensures 94% of s' in range [-7, 7]" */
  within7Pct: 94,
};

/** Fig. 10 (p. 37): the four panel titles (20 tokens each). */
export const FIG10: { location: ReportLocation; tokens: number; panels: readonly { name: string; steps: number; firingRate: number }[] } = {
  location: { where: 'Fig. 10', page: 37 },
  tokens: 20,
  panels: [
    { name: 'BinaryLif', steps: 15, firingRate: 0.5 },
    { name: 'Ternary_Lif', steps: 8, firingRate: 0.16 },
    { name: 'Bitwise_Lif bidirectional', steps: 3, firingRate: 0.27 },
    { name: 'Bitwise_Lif complement', steps: 4, firingRate: 0.42 },
  ],
};
