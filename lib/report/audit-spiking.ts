/**
 * Claims on the spiking scheme beyond notebooks 01–03 (report §3.3, §5.5, App. A.8–A.9): the
 * averages of Tables 3 and 11, the accuracy cost in the text, the trains of Fig. 4, the labels of
 * Fig. 10, §3.3.1's 0.8 and §3.3.2's "up to 8×".
 */
import type { ClaimInput } from '../results/claims.js';
import { naiveEncode } from '../spike/index.js';
import { normalSamples } from '../util/random.js';
import { averageReadings, bitwiseReductionReadings, decodeDrawnTrain, halfUnit, meanOf, relativeDropPct } from './checks.js';
import { sourceOf, rowOf, type ScoreTable } from './source.js';
import { FIG10, FIG4, TABLE11_ACCURACY, REPORT_TABLE11, TABLE3 } from './spiking-tables.js';
import { TEXT_5_5, TEXT_BITWISE, TEXT_MEAN_ABS } from './text-numbers.js';

const slug = (name: string) =>
  name
    .replace(/^k = /, 'k')
    .replace('.', '_')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/_+$/, '')
    .toLowerCase();
/** commonsense tasks, MMLU, CMMLU: the three groups the Table 3 caption names */
const GROUPS = [[0, 1, 2, 3, 4], [5], [6]];

function averageClaims(t: ScoreTable, prefix: string): ClaimInput[] {
  return t.rows.map((r) => {
    const printed = r.values[7]!;
    const rd = averageReadings(r.values.slice(0, 7), GROUPS);
    return {
      id: `${prefix}.${slug(r.name)}.avg`,
      source: sourceOf(t.location),
      reported: printed,
      reproduced: rd.unweighted,
      unit: 'accuracy',
      check: { rule: 'within', abs: halfUnit(4) },
      note: `unweighted mean of the seven scores = ${rd.unweighted.toFixed(5)}; the mean of three group means (commonsense, MMLU, CMMLU) would be ${rd.groupMean!.toFixed(4)}: the printed Avg. is the unweighted mean`,
    };
  });
}

export function spikingClaims(): ClaimInput[] {
  const acc = (t: ScoreTable, row: string) => rowOf(t, row)[7]!;
  const d7 = relativeDropPct(acc(TABLE3, 'SpikingBrain-7B'), acc(TABLE3, 'SpikingBrain-7B-W8ASpike'));
  const d76 = relativeDropPct(acc(TABLE3, 'SpikingBrain-76B'), acc(TABLE3, 'SpikingBrain-76B-W8ASpike'));
  const perBench76 = rowOf(TABLE3, 'SpikingBrain-76B')
    .slice(0, 7)
    .map((v, i) => relativeDropPct(v, rowOf(TABLE3, 'SpikingBrain-76B-W8ASpike')[i]!));
  const perBench7 = rowOf(TABLE3, 'SpikingBrain-7B')
    .slice(0, 7)
    .map((v, i) => relativeDropPct(v, rowOf(TABLE3, 'SpikingBrain-7B-W8ASpike')[i]!));
  const kRows = TABLE11_ACCURACY.rows.filter((r) => r.name.startsWith('k'));
  const kAvgs = kRows.map((r) => r.values[7]!);
  const rises = kAvgs.slice(1).filter((v, i) => v > kAvgs[i]!).length;
  const mmlu = kRows.map((r) => r.values[5]!);
  const same = (a: readonly number[], b: readonly number[]) => a.filter((v, i) => v === b[i]).length;
  const equalCells =
    same(rowOf(TABLE11_ACCURACY, 'k = 3'), rowOf(TABLE3, 'SpikingBrain-7B-W8ASpike')) +
    same(rowOf(TABLE11_ACCURACY, 'BF16'), rowOf(TABLE3, 'SpikingBrain-7B'));
  const k3 = REPORT_TABLE11.find((r) => r.k === 3)!;
  const x = Array.from(normalSamples(200_000, 42));
  const sd = Math.sqrt(meanOf(x.map((v) => v * v)) - meanOf(x) ** 2);
  const sampleRatio = meanOf(x.map(Math.abs)) / sd;
  const readings = bitwiseReductionReadings(TEXT_BITWISE.bits);
  const least = Math.min(...readings.map((r) => r.ratio));
  const [bin, ter, bid, twos] = FIG10.panels;
  return [
    ...averageClaims(TABLE3, 'w8aspike.table3'),
    {
      id: 'w8aspike.table3.drop_7b_pct',
      source: sourceOf(TEXT_5_5.location, TABLE3.location),
      reported: TEXT_5_5.dropPct,
      reproduced: d7,
      unit: '% of BF16 average',
      check: { rule: 'within', abs: halfUnit(0) },
      note: `1 - 0.6875 / 0.6998 = ${d7.toFixed(2)} % ("approximately 2 %"); ${(100 * (0.6998 - 0.6875)).toFixed(2)} points`,
    },
    {
      id: 'w8aspike.table3.drop_76b_pct',
      source: sourceOf(TEXT_5_5.location, TABLE3.location),
      reported: TEXT_5_5.dropPct,
      reproduced: d76,
      unit: '% of BF16 average',
      check: { rule: 'within', abs: halfUnit(0) },
      note: `1 - 0.7133 / 0.7304 = ${d76.toFixed(2)} %; ${(100 * (0.7304 - 0.7133)).toFixed(2)} points`,
    },
    {
      id: 'w8aspike.table3.caption_range',
      source: sourceOf({ where: 'Table 3 caption', page: 21 }),
      reported: '1–3',
      reproduced: Math.max(d7, d76),
      unit: '% (larger average drop)',
      check: { rule: 'below', bound: TEXT_5_5.captionRangePct[1] },
      note: `average drops ${d7.toFixed(2)} % and ${d76.toFixed(2)} % lie in 1–3 %; per benchmark the drops run from ${Math.min(...perBench7, ...perBench76).toFixed(2)} % (a gain) to ${Math.max(...perBench7, ...perBench76).toFixed(2)} % (76B ARC-c)`,
    },
    {
      id: 'w8aspike.calibration_hours',
      source: sourceOf({ where: '§3.3', page: 10 }, TEXT_5_5.location),
      reported: 1.5,
      reproduced: null,
      unit: 'hours on one GPU (15 GB)',
      status: 'not-testable',
      note: 'the W8ASpike calibration of SpikingBrain-7B (128 text samples, §5.5) needs the 7B weights and a GPU; our analogue on a small model is notebook 07 (w8aspike.avg_drop_7b)',
    },
    ...averageClaims(TABLE11_ACCURACY, 'w8aspike.table11'),
    {
      id: 'w8aspike.table11.avg_rises_with_k',
      source: sourceOf({ where: 'App. A.8', page: 36 }, TABLE11_ACCURACY.location),
      reported: kAvgs.length - 1,
      reproduced: rises,
      unit: 'steps of k',
      check: { rule: 'within', abs: 0 },
      note: `"increasing k consistently improves overall accuracy": Avg. ${kAvgs.join(' < ')}; per benchmark it does not (MMLU ${mmlu.join(', ')} peaks at k = 3)`,
    },
    {
      id: 'w8aspike.table11.sparsity_falls_with_k',
      source: sourceOf({ where: 'App. A.8', page: 36 }, TABLE11_ACCURACY.location),
      reported: REPORT_TABLE11.length - 1,
      reproduced: REPORT_TABLE11.slice(1).filter((r, i) => r.sparsity < REPORT_TABLE11[i]!.sparsity).length,
      unit: 'steps of k',
      check: { rule: 'within', abs: 0 },
      note: `"larger values of k correspond to lower thresholds, resulting in increased spike activity (i.e., reduced sparsity)": sparsity ${REPORT_TABLE11.map((r) => r.sparsity).join(' > ')}`,
    },
    {
      id: 'w8aspike.table11.rows_match_table3',
      source: sourceOf(TABLE11_ACCURACY.location, TABLE3.location),
      reported: 16,
      reproduced: equalCells,
      unit: 'cells',
      check: { rule: 'within', abs: 0 },
      note: "Table 11's BF16 and k = 3 rows against Table 3's SpikingBrain-7B rows (7 scores + Avg. each): the released W8ASpike model is k = 3",
    },
    {
      id: 'spiking.table11.k3.sparsity_vs_text',
      source: sourceOf(TEXT_5_5.location, TABLE11_ACCURACY.location, { where: 'abstract', page: 1 }),
      reported: TEXT_5_5.sparsityPct,
      reproduced: 100 * k3.sparsity,
      unit: '%',
      check: { rule: 'within', abs: 100 * halfUnit(3) },
      note: "Table 11 prints 0.692 at k = 3 (three decimals): 69.15 % rounds to it, so text and table agree within the table's rounding",
    },
    {
      id: 'spiking.fig4.within_7',
      source: sourceOf(FIG4.location, TEXT_5_5.location),
      reported: FIG4.within7Pct,
      reproduced: TEXT_5_5.within7Pct,
      unit: '%',
      check: { rule: 'within', abs: halfUnit(0) },
      note: 'Fig. 4a "94% of s\' in range [-7, 7]" against §5.5\'s 94.1 %; Table 11 gives 0.951 at k = 3 (notebook 02: spiking.consistency.within_7_text_vs_table11)',
    },
    {
      id: 'spiking.mean_abs_over_std',
      source: sourceOf(TEXT_MEAN_ABS.location),
      reported: TEXT_MEAN_ABS.ratio,
      reproduced: Math.sqrt(2 / Math.PI),
      unit: 'mean|x| / std',
      check: { rule: 'within', abs: halfUnit(1) },
      note: `for a Gaussian E|x| = sqrt(2/pi) σ = ${Math.sqrt(2 / Math.PI).toFixed(4)} σ (200 000 seeded samples: ${sampleRatio.toFixed(4)}); heavier tails lower it (Laplace 1/sqrt(2) = 0.7071), so "approximately 0.8" holds for the Gaussian-like case`,
    },
    ...FIG4.trains.map((t): ClaimInput => {
      const ours = Array.from(naiveEncode([t.count], t.scheme, t.train.length));
      const same = ours.every((v, i) => v === t.train[i]);
      return {
        id: `coding.fig4.${t.scheme.replace(/-/g, '_')}_${t.count < 0 ? 'minus' : ''}${Math.abs(t.count)}`,
        source: sourceOf(FIG4.location),
        reported: t.count,
        reproduced: decodeDrawnTrain(t.train, t.scheme),
        unit: 'count',
        check: { rule: 'within', abs: 0 },
        note: `panel ${t.panel}: the drawn train [${t.train.join(' ')}] decodes to ${decodeDrawnTrain(t.train, t.scheme)}; our encoder over ${t.train.length} steps gives ${same ? 'the same train' : `[${ours.join(' ')}]`}`,
      };
    }),
    {
      id: 'coding.fig10.ternary_rate_ratio',
      source: sourceOf(FIG10.location, { where: '§3.3.2', page: 12 }),
      reported: '>2',
      reproduced: bin!.firingRate / ter!.firingRate,
      unit: 'x',
      check: { rule: 'above', bound: 2 },
      note: `firing rates printed in the panel titles: binary ${bin!.firingRate}, ternary ${ter!.firingRate} ("reduces the spike firing rate by more than 2x")`,
    },
    {
      id: 'coding.fig10.ternary_steps',
      source: sourceOf(FIG10.location, { where: '§3.3.2', page: 12 }),
      reported: ter!.steps,
      reproduced: Math.ceil(bin!.steps / 2),
      unit: 'steps',
      check: { rule: 'within', abs: 0 },
      note: `"halves the number of time steps": binary TimeStep=${bin!.steps}, half rounded up = ${Math.ceil(bin!.steps / 2)}, ternary TimeStep=${ter!.steps}`,
    },
    {
      id: 'coding.fig10.bidirectional_steps',
      source: sourceOf(FIG10.location, { where: '§3.3.2', page: 12 }),
      reported: bid!.steps,
      reproduced: twos!.steps - 1,
      unit: 'steps',
      check: { rule: 'within', abs: 0 },
      note: `"reduces the required number of time steps by one": two's complement TimeStep=${twos!.steps}, bidirectional ${bid!.steps}`,
    },
    {
      id: 'coding.fig10.spikes_per_token',
      source: sourceOf(FIG10.location, { where: 'App. A.9', page: 36 }),
      reported: 'ternary reduces the total spike count',
      reproduced: (bin!.firingRate * bin!.steps) / (ter!.firingRate * ter!.steps),
      unit: 'x fewer spikes',
      check: { rule: 'above', bound: 1 },
      note: `spikes per neuron and token = rate x steps: binary ${(bin!.firingRate * bin!.steps).toFixed(2)}, ternary ${(ter!.firingRate * ter!.steps).toFixed(2)}, bidirectional ${(bid!.firingRate * bid!.steps).toFixed(2)}, two's complement ${(twos!.firingRate * twos!.steps).toFixed(2)}`,
    },
    {
      id: 'coding.bitwise_emission_reduction',
      source: sourceOf(TEXT_BITWISE.location),
      reported: TEXT_BITWISE.upTo,
      reproduced: least,
      unit: 'x (smallest reading)',
      check: { rule: 'within', abs: halfUnit(0) },
      note: `"reducing spike emissions by up to 8x (for an 8-bit count)" against ternary coding. Readings: ${readings.map((r) => `${r.reading}: ${r.ratio.toFixed(1)}x`).join('; ')}. No reading gives 8; the smallest is the report's own §3.3.2 example (128 / 8 = 16x), twice the stated maximum. (On Fig. 10's input the average saving from ternary to bidirectional bitwise is ${((ter!.firingRate * ter!.steps) / (bid!.firingRate * bid!.steps)).toFixed(2)}x in spikes per token: an average, not the maximum for an 8-bit count)`,
    },
  ];
}
