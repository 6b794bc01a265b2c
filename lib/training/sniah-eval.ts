/**
 * Single-needle recall by depth × length (report App. B.1, Table 12: SNIAH1-4k / 8k), with Wilson
 * 95 % intervals and the chance level, and the ledger claims `conversion.<variant>.sniah_inside` /
 * `.sniah_beyond` (inside = haystack of L/2, within every SWA window of L/2; beyond = haystack of L).
 * Scoring is teacher-forced and restricted to the ten digit tokens: at each answer position the
 * model's highest-scoring digit must be the right one. A value counts when all its digits are right
 * (chance 10^-digits); the first digit alone is also counted (chance 1/10).
 */
import * as tf from '@tensorflow/tfjs';
import type { SpikingBrainModel } from '../models/index.js';
import type { ByteTokenizer } from '../text/tokenizer.js';
import { claim, type Claim } from '../results/claims.js';
import type { ClaimCheck } from '../results/verdict.js';
import { wilsonInterval } from '../results/verdict.js';
import { sniahDocuments, type SniahDocument, type SniahFormat, type SniahKeys } from './sniah.js';
import { table12Row } from '../report/ablation-tables.js';

export interface SniahScore {
  /** documents whose whole value was retrieved */
  successes: number;
  /** documents whose first digit was retrieved */
  firstDigitSuccesses: number;
  trials: number;
}

/** Scores documents of equal prompt length, `batchSize` at a time, without gradients. */
export function scoreSniah(model: SpikingBrainModel, tok: ByteTokenizer, docs: readonly SniahDocument[], batchSize = 25): SniahScore {
  if (!Array.isArray(docs) || docs.length === 0) throw new RangeError('docs must hold at least one document');
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be an integer >= 1, got ${batchSize}`);
  const len = docs[0]!.ids.length;
  const digits = docs[0]!.answer.length;
  if (docs.some((d) => d.ids.length !== len || d.answer.length !== digits))
    throw new RangeError('docs must share one prompt length and one value length');
  const digitIds = Array.from({ length: 10 }, (_, d) => tok.id(String(d)));
  let successes = 0;
  let firstDigitSuccesses = 0;
  for (let i = 0; i < docs.length; i += batchSize) {
    const chunk: SniahDocument[] = docs.slice(i, i + batchSize);
    const picked = tf.tidy(() => {
      const logits = model.forward(chunk.map((d) => [...d.ids, ...d.answer.slice(0, -1)]));
      const B = chunk.length;
      const answerLogits = tf.slice(logits, [0, len - 1, 0], [B, digits, -1]);
      return tf.argMax(tf.gather(answerLogits, tf.tensor1d(digitIds, 'int32'), 2), 2).arraySync() as number[][];
    });
    chunk.forEach((d, b) => {
      const right = d.answer.map((id, j) => digitIds[picked[b]![j]!] === id);
      if (right[0]) firstDigitSuccesses++;
      if (right.every(Boolean)) successes++;
    });
  }
  return { successes, firstDigitSuccesses, trials: docs.length };
}

/** Mean cross-entropy (nats, full vocabulary) on the answer digits alone, teacher-forced: the earliest sign of retrieval's onset. */
export function sniahAnswerLoss(model: SpikingBrainModel, docs: readonly SniahDocument[], batchSize = 25): number {
  if (!Array.isArray(docs) || docs.length === 0) throw new RangeError('docs must hold at least one document');
  const len = docs[0]!.ids.length;
  const digits = docs[0]!.answer.length;
  if (docs.some((d) => d.ids.length !== len || d.answer.length !== digits))
    throw new RangeError('docs must share one prompt length and one value length');
  let total = 0;
  for (let i = 0; i < docs.length; i += batchSize) {
    const chunk = docs.slice(i, i + batchSize);
    total += tf.tidy(() => {
      const logits = model.forward(chunk.map((d) => [...d.ids, ...d.answer.slice(0, -1)]));
      const logp = tf.logSoftmax(tf.slice(logits, [0, len - 1, 0], [chunk.length, digits, -1]));
      const onehot = tf.oneHot(
        tf.tensor2d(
          chunk.map((d) => d.answer),
          [chunk.length, digits],
          'int32',
        ),
        logits.shape[2],
      );
      return -tf.sum(tf.mul(onehot, logp)).dataSync()[0]!;
    });
  }
  return total / (docs.length * digits);
}

export interface SniahGridOptions {
  /** prompt lengths in tokens */
  lengths: number[];
  /** needle depths in [0, 1] */
  depths: number[];
  /** documents per cell */
  trials: number;
  seed: number;
  /** default 'heldout' */
  keys?: SniahKeys;
  digits?: number;
  batchSize?: number;
  /** default 'code' */
  format?: SniahFormat;
}

export interface SniahCell extends SniahScore {
  length: number;
  depth: number;
  /** successes / trials and its Wilson 95 % interval, as fractions */
  rate: number;
  ci95: [number, number];
}

export interface SniahGrid {
  cells: SniahCell[];
  /** chance of a whole value (10^-digits) and of a first digit (1/10) */
  chance: { value: number; firstDigit: number };
  digits: number;
}

/** Recall in every (length, depth) cell; each cell has its own seed, so adding cells leaves others unchanged. */
export function sniahGrid(model: SpikingBrainModel, tok: ByteTokenizer, haystack: ArrayLike<number>, o: SniahGridOptions): SniahGrid {
  for (const f of ['lengths', 'depths'] as const) {
    if (!Array.isArray(o[f]) || o[f].length === 0) throw new RangeError(`${f} must be a non-empty array, got ${JSON.stringify(o[f])}`);
  }
  const digits = o.digits ?? 4;
  const cells: SniahCell[] = [];
  o.lengths.forEach((length, li) =>
    o.depths.forEach((depth, di) => {
      const docs = sniahDocuments(tok, haystack, {
        length,
        depth,
        trials: o.trials,
        seed: o.seed + 1009 * li + 17 * di,
        keys: o.keys ?? 'heldout',
        digits,
        format: o.format ?? 'code',
      });
      const s = scoreSniah(model, tok, docs, o.batchSize);
      cells.push({ ...s, length, depth, rate: s.successes / s.trials, ci95: wilsonInterval(s.successes, s.trials) });
    }),
  );
  return { cells, chance: { value: 1 / 10 ** digits, firstDigit: 0.1 }, digits };
}

/** Pools the cells of one length (all depths): successes, trials, rate and Wilson interval. */
export function sniahPooled(
  grid: SniahGrid,
  length: number,
  score: 'value' | 'firstDigit' = 'value',
): { successes: number; trials: number; rate: number; ci95: [number, number]; chance: number } {
  const cells = grid.cells.filter((c) => c.length === length);
  if (cells.length === 0)
    throw new RangeError(`length ${length} is not in the grid (lengths: ${[...new Set(grid.cells.map((c) => c.length))].join(', ')})`);
  if (score !== 'value' && score !== 'firstDigit')
    throw new RangeError(`score must be 'value' or 'firstDigit', got ${JSON.stringify(score)}`);
  const successes = cells.reduce((a, c) => a + (score === 'value' ? c.successes : c.firstDigitSuccesses), 0);
  const trials = cells.reduce((a, c) => a + c.trials, 0);
  return {
    successes,
    trials,
    rate: successes / trials,
    ci95: wilsonInterval(successes, trials),
    chance: score === 'value' ? grid.chance.value : grid.chance.firstDigit,
  };
}

export type SniahVariant = 'fa' | 'swa' | 'swa_small' | 'la' | 'hybrid';
export const SNIAH_VARIANTS: readonly SniahVariant[] = ['fa', 'swa', 'swa_small', 'la', 'hybrid'];

/** Report Table 12 (App. B.1), SNIAH1-4k / SNIAH1-8k in percent for each variant, read from lib/report's Table 12. */
export const TABLE12_SNIAH: Readonly<Record<SniahVariant, { inside: number; beyond: number; model: string }>> = Object.freeze(
  Object.fromEntries(
    SNIAH_VARIANTS.map((v) => {
      const row = table12Row(v);
      return [v, { inside: row.sniah4k, beyond: row.sniah8k, model: row.model }];
    }),
  ) as Record<SniahVariant, { inside: number; beyond: number; model: string }>,
);

export interface SniahClaimOptions {
  variant: SniahVariant;
  where: 'inside' | 'beyond';
  successes: number;
  trials: number;
  /** chance as a fraction */
  chance: number;
  /** what was measured: model, context, budget, scoring */
  note: string;
  /** default: 'analogue' (a 1.7B model at 4k / 8k vs ours); a check computes the status instead */
  check?: ClaimCheck;
  kind?: Claim['kind'];
  tolerance?: number;
}

/** `conversion.<variant>.sniah_<where>`: percent recalled, with trials, Wilson ci95 (percent) and chance (percent). */
export function sniahClaim(o: SniahClaimOptions): Claim {
  if (!SNIAH_VARIANTS.includes(o.variant))
    throw new RangeError(`variant must be one of ${SNIAH_VARIANTS.join(', ')}; got ${JSON.stringify(o.variant)}`);
  if (o.where !== 'inside' && o.where !== 'beyond')
    throw new RangeError(`where must be 'inside' or 'beyond', got ${JSON.stringify(o.where)}`);
  if (!(o.chance >= 0 && o.chance <= 1)) throw new RangeError(`chance must be a fraction in [0, 1], got ${JSON.stringify(o.chance)}`);
  if (typeof o.note !== 'string' || o.note.trim() === '') throw new RangeError('note must say what was measured');
  const [lo, hi] = wilsonInterval(o.successes, o.trials);
  const row = TABLE12_SNIAH[o.variant];
  return claim({
    id: `conversion.${o.variant}.sniah_${o.where}`,
    source: `report App. B.1, Table 12 (${row.model}, SNIAH1-${o.where === 'inside' ? '4k' : '8k'})`,
    reported: row[o.where],
    reproduced: (100 * o.successes) / o.trials,
    unit: '%',
    ...(o.check ? { check: o.check } : { status: 'analogue' as const }),
    note: o.note,
    kind: o.kind ?? 'measured',
    ...(o.tolerance !== undefined ? { tolerance: o.tolerance } : {}),
    trials: o.trials,
    ci95: [100 * lo, 100 * hi],
    chance: 100 * o.chance,
  });
}
