/**
 * Small pure functions that check the report's numbers against each other (issue 10, "cover the
 * report"): averages recomputed from table rows under several readings, ratios and percentages,
 * token budgets, equivalent window sizes (App. B.1), spike trains drawn in Fig. 4 (§3.3.2).
 */
import { naiveDecode, type SpikeScheme } from '../spike/index.js';
import { bitLength } from '../spike/schemes.js';
import type { MarkedTable } from './benchmarks.js';

function finite(xs: readonly number[], name: string): void {
  if (xs.length === 0) throw new RangeError(`${name} must not be empty`);
  xs.forEach((x, i) => {
    if (!Number.isFinite(x)) throw new TypeError(`${name}[${i}] must be a finite number, got ${x}`);
  });
}

export function meanOf(xs: readonly number[]): number {
  finite(xs, 'xs');
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Half a unit in the last place of a figure printed with `decimals` decimals (the rounding tolerance). */
export function halfUnit(decimals: number): number {
  if (!Number.isInteger(decimals)) throw new RangeError(`decimals must be an integer, got ${decimals}`);
  return 0.5 * 10 ** -decimals;
}

/**
 * Averages of a row under the readings a printed "Avg." may follow: the unweighted mean of every
 * score, and the mean of group means (e.g. commonsense tasks, MMLU, CMMLU as three groups).
 */
export function averageReadings(
  values: readonly number[],
  groups?: readonly (readonly number[])[],
): { unweighted: number; groupMean?: number } {
  const out: { unweighted: number; groupMean?: number } = { unweighted: meanOf(values) };
  if (groups) {
    for (const g of groups)
      for (const i of g) if (!(i >= 0 && i < values.length)) throw new RangeError(`group index ${i} outside 0..${values.length - 1}`);
    out.groupMean = meanOf(groups.map((g) => meanOf(g.map((i) => values[i]!))));
  }
  return out;
}

/** How much of a reference's scores a model keeps, in %: ratio of the means and mean of the per-item ratios. */
export function recoveryPct(ours: readonly number[], reference: readonly number[]): { ratioOfMeans: number; meanOfRatios: number } {
  if (ours.length !== reference.length)
    throw new RangeError(`ours (${ours.length}) and reference (${reference.length}) must have the same length`);
  finite(ours, 'ours');
  finite(reference, 'reference');
  return { ratioOfMeans: (100 * meanOf(ours)) / meanOf(reference), meanOfRatios: 100 * meanOf(ours.map((v, i) => v / reference[i]!)) };
}

/** Relative drop from `before` to `after`, in % of `before`. */
export function relativeDropPct(before: number, after: number): number {
  if (!(before !== 0 && Number.isFinite(before) && Number.isFinite(after)))
    throw new RangeError(`before must be finite and non-zero, after finite; got ${before}, ${after}`);
  return 100 * (1 - after / before);
}

/** The readings of "N× faster" from two latencies: the ratio, the ratio minus one ("N × 100 % faster"), the saving. */
export function speedupReadings(baselineMs: number, oursMs: number): { ratio: number; ratioMinusOne: number; savingPct: number } {
  if (!(baselineMs > 0 && oursMs > 0)) throw new RangeError(`latencies must be > 0, got ${baselineMs}, ${oursMs}`);
  return { ratio: baselineMs / oursMs, ratioMinusOne: baselineMs / oursMs - 1, savingPct: 100 * (1 - oursMs / baselineMs) };
}

/** Sum of stage budgets given as [low, high] ranges. */
export function budgetRange(stages: readonly { tokensB: readonly [number, number] }[]): [number, number] {
  return [stages.reduce((a, s) => a + s.tokensB[0], 0), stages.reduce((a, s) => a + s.tokensB[1], 0)];
}

/** Indices where `after` beats `before` (strictly). */
export function improvedIndices(before: readonly number[], after: readonly number[]): number[] {
  if (before.length !== after.length)
    throw new RangeError(`before (${before.length}) and after (${after.length}) must have the same length`);
  return after.flatMap((v, i) => (v > before[i]! ? [i] : []));
}

/** Whether a sequence never increases (ties allowed) / never decreases. */
export function nonIncreasing(xs: readonly number[]): boolean {
  return xs.every((x, i) => i === 0 || x <= xs[i - 1]!);
}
export function nonDecreasing(xs: readonly number[]): boolean {
  return xs.every((x, i) => i === 0 || x >= xs[i - 1]!);
}

/** Rows of a marked table whose bold cell is the row's best and underlined cell the second best. */
export function marksAgreeing(t: MarkedTable): { agree: number; rows: number; disagreeing: string[] } {
  const disagreeing: string[] = [];
  t.rows.forEach((r, i) => {
    const order = r.values.map((v, j) => ({ v, c: t.columns[j]! })).sort((a, b) => b.v - a.v);
    const m = t.marks[i]!;
    if (order[0]!.c !== m.bold || order[1]!.c !== m.underlined) disagreeing.push(r.name);
  });
  return { agree: t.rows.length - disagreeing.length, rows: t.rows.length, disagreeing };
}

/**
 * Equivalent window of linear attention (App. B.1, Table 12): a state of d_k × d_v numbers per head
 * holds as many numbers as the keys and values (d_k + d_v per token) of this many tokens.
 */
export function laEquivalentWindow(dk: number, dv = dk): number {
  if (!(dk > 0 && dv > 0)) throw new RangeError(`dk and dv must be > 0, got ${dk}, ${dv}`);
  return (dk * dv) / (dk + dv);
}

/** Equivalent window of an inter-layer hybrid: the layer-weighted mean of its layers' windows. */
export function hybridEquivalentWindow(laLayers: number, swaLayers: number, laWindow: number, swaWindow: number): number {
  if (!(laLayers >= 0 && swaLayers >= 0 && laLayers + swaLayers > 0))
    throw new RangeError(`layer counts must be >= 0 with a positive sum, got ${laLayers}, ${swaLayers}`);
  return (laLayers * laWindow + swaLayers * swaWindow) / (laLayers + swaLayers);
}

/** The count a drawn train encodes under `scheme` (first step drawn first), with the library's decoder. */
export function decodeDrawnTrain(train: readonly number[], scheme: SpikeScheme): number {
  return naiveDecode(Int8Array.from(train), scheme, train.length, 1)[0]!;
}

/**
 * Readings of "bitwise coding reduces spike emissions by up to N× (for a `bits`-bit count)", each a
 * ratio of ternary (rate-coded) to bitwise spikes or steps for the largest such count.
 */
export function bitwiseReductionReadings(bits: number): { reading: string; ratio: number }[] {
  if (!(Number.isInteger(bits) && bits >= 2 && bits <= 30)) throw new RangeError(`bits must be an integer in [2, 30], got ${bits}`);
  const max = 2 ** bits - 1; // largest unsigned count
  const half = 2 ** (bits - 1); // ternary after the zero-point shift: |count| <= 2^(bits-1)
  const popcount = (n: number): number =>
    n
      .toString(2)
      .split('')
      .filter((d) => d === '1').length;
  return [
    {
      reading: `steps, the report's own example: a count of ${2 ** bits} takes ${half} ternary steps and ${bits} bitwise steps`,
      ratio: half / bits,
    },
    {
      reading: `spikes for the largest ${bits}-bit count ${max}: ternary ${max} spikes, bitwise ${popcount(max)}`,
      ratio: max / popcount(max),
    },
    {
      reading: `spikes after the zero-point shift (|count| <= ${half - 1}): ternary ${half - 1}, bidirectional bitwise ${popcount(half - 1)}`,
      ratio: (half - 1) / popcount(half - 1),
    },
    { reading: `steps for the largest ${bits}-bit count: ternary ${max}, bitwise ${bitLength(max)}`, ratio: max / bitLength(max) },
    {
      reading: `spikes, worst case for ternary per bitwise spike: the count ${half} fires ${half} ternary spikes and 1 bitwise spike`,
      ratio: half,
    },
  ];
}
