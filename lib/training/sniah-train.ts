/**
 * Training on the single-needle mixture (report App. B.1, Table 12 at laptop scale): Adam on
 * sniahTrainingExamples batches with an answer-weighted loss and an optional curriculum over prompt
 * length (the longest needle prompt grows from `curriculum.from` tokens to the window over the first
 * `curriculum.share` of the steps), with progress (loss, tokens/s, ETA). Used by the base and by every
 * conversion / from-scratch run of notebook 09, so all arms see the same batches for the same seed.
 */
import * as tf from '@tensorflow/tfjs';
import { nextTokenBatch, trainStep, type SpikingBrainModel } from '../models/index.js';
import type { ByteTokenizer } from '../text/tokenizer.js';
import { cosineLearningRate, type CosineSchedule } from './schedule.js';
import { sniahMinLength, sniahTrainingExamples, type SniahFormat } from './sniah.js';
import { answerWeights, weightedTrainStep } from './weighted-loss.js';

export interface SniahTrainOptions {
  model: SpikingBrainModel;
  tok: ByteTokenizer;
  /** training token stream (haystacks and filler text) */
  tokens: ArrayLike<number>;
  steps: number;
  batch: number;
  /** context L: rows hold L + 1 tokens */
  length: number;
  /** share of rows that are needle documents */
  fraction: number;
  seed: number;
  digits: number;
  format: SniahFormat;
  /** weight of the answer digits in the loss (1 = plain next-token loss) */
  answerWeight: number;
  lr: CosineSchedule;
  curriculum?: { from: number; share: number };
  /** question/answer pairs per needle row (sniahTrainingExamples' repeats; default 1) */
  repeats?: number;
  logEvery?: number;
  onProgress?: (line: string) => void;
  /** every `every` steps, `done(stepsDone)` may end the run early (a stop rule such as "the base retrieves") */
  stopRule?: { every: number; done: (stepsDone: number) => boolean };
  /** wall-clock cap in seconds (a shared machine's safety net; the result says whether it ended the run) */
  maxSeconds?: number;
}

export interface SniahTrainResult {
  losses: number[];
  seconds: number;
  tokensPerSecond: number;
  tokensSeen: number;
  /** steps run (fewer than `steps` when the stop rule or the time cap ended the run) */
  stepsDone: number;
  stoppedBy: 'steps' | 'rule' | 'time';
}

/** The longest needle prompt at `step` (the curriculum), in [shortest, length - digits]. */
export function sniahCurriculumMax(
  step: number,
  o: Pick<SniahTrainOptions, 'tok' | 'steps' | 'length' | 'digits' | 'format' | 'curriculum'>,
): number {
  const longest = o.length - o.digits;
  if (!o.curriculum) return longest;
  const { from, share } = o.curriculum;
  if (!(share > 0 && share <= 1)) throw new RangeError(`curriculum.share must be in (0, 1], got ${share}`);
  const shortest = sniahMinLength(o.tok, o.digits, o.format);
  const grown = Math.round(from + ((longest - from) * step) / (share * o.steps));
  return Math.min(longest, Math.max(shortest, grown));
}

export function trainSniah(o: SniahTrainOptions): SniahTrainResult {
  if (!Number.isInteger(o.steps) || o.steps < 0) throw new RangeError(`steps must be an integer >= 0, got ${o.steps}`);
  const optimizer = tf.train.adam(o.lr.peak);
  const logEvery = o.logEvery ?? Math.max(1, Math.min(50, Math.floor(o.steps / 5)));
  const losses: number[] = [];
  const t0 = Date.now();
  let stoppedBy: SniahTrainResult['stoppedBy'] = 'steps';
  try {
    for (let step = 0; step < o.steps; step++) {
      if (o.maxSeconds !== undefined && (Date.now() - t0) / 1000 > o.maxSeconds) {
        stoppedBy = 'time';
        break;
      }
      (optimizer as unknown as { learningRate: number }).learningRate = cosineLearningRate(step, o.lr);
      const ex = sniahTrainingExamples(o.tok, o.tokens, step, o.batch, o.length + 1, {
        fraction: o.fraction,
        seed: o.seed,
        digits: o.digits,
        format: o.format,
        maxLength: sniahCurriculumMax(step, o),
        repeats: o.repeats,
      });
      const { inputs, targets } = nextTokenBatch(ex.rows);
      const loss =
        o.answerWeight === 1
          ? trainStep(o.model, optimizer, inputs, targets)
          : weightedTrainStep(o.model, optimizer, inputs, targets, answerWeights(ex.answers, o.length, o.digits, o.answerWeight));
      if (!Number.isFinite(loss)) throw new Error(`loss is ${loss} at step ${step}`);
      losses.push(loss);
      const done = step + 1;
      if (o.onProgress && (done % logEvery === 0 || done === o.steps)) {
        const secs = (Date.now() - t0) / 1000;
        const recent = losses.slice(-logEvery);
        const eta = ((o.steps - done) * secs) / done;
        o.onProgress(
          `step ${done}/${o.steps}  loss ${(recent.reduce((a, b) => a + b, 0) / recent.length).toFixed(3)}  ${Math.round((done * o.batch * o.length) / secs)} tok/s  ETA ${Math.round(eta)} s`,
        );
      }
      if (o.stopRule && done % o.stopRule.every === 0 && done < o.steps && o.stopRule.done(done)) {
        stoppedBy = 'rule';
        break;
      }
    }
  } finally {
    optimizer.dispose();
  }
  const seconds = (Date.now() - t0) / 1000;
  const tokensSeen = losses.length * o.batch * o.length;
  return { losses, seconds, tokensPerSecond: seconds > 0 ? tokensSeen / seconds : 0, tokensSeen, stepsDone: losses.length, stoppedBy };
}
