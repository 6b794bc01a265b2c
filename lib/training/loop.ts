/**
 * The training loop of the laptop-scale runs (report §3.1: pre-training of the base, then
 * continued training of converted models): Adam on next-token cross-entropy (models/train.ts's
 * trainStep), a learning-rate schedule, progress (step, loss, tokens/s, ETA) and checkpoint
 * callbacks. Batches come from a function of the step, so a run resumed at step s continues
 * with the batches it would have seen.
 */
import * as tf from '@tensorflow/tfjs';
import { nextTokenBatch, trainStep, type SpikingBrainModel } from '../models/index.js';
import { checkInteger } from '../util/validate.js';

export interface Progress {
  /** steps done (1-based after a step) */
  step: number;
  /** total steps of the run */
  total: number;
  /** loss of the last step (before its update) */
  loss: number;
  /** mean loss of the last `logEvery` steps */
  meanLoss: number;
  /** learning rate of the last step */
  lr: number;
  /** tokens seen in this run so far (including a resumed run's earlier steps) */
  tokens: number;
  /** tokens per second over this call */
  tokensPerSecond: number;
  /** seconds left at the current speed */
  etaSeconds: number;
}

export interface TrainLoopOptions {
  model: SpikingBrainModel;
  optimizer: tf.AdamOptimizer | tf.Optimizer;
  /** steps of the whole run */
  steps: number;
  /** sequences [B, L + 1] for a step */
  batch: (step: number) => number[][];
  /** first step (resume) */
  startStep?: number;
  /** learning rate per step; sets the optimizer's learningRate before each step */
  learningRate?: (step: number) => number;
  /** progress every n steps (and at the last step) */
  logEvery?: number;
  onProgress?: (p: Progress) => void;
  /** checkpoint every n steps (and at the last step) */
  checkpointEvery?: number;
  onCheckpoint?: (stepsDone: number, tokensSeen: number) => void;
}

export interface TrainLoopResult {
  /** loss of every step run by this call */
  losses: number[];
  /** steps run by this call */
  steps: number;
  /** tokens seen since step 0 */
  tokensSeen: number;
  seconds: number;
  tokensPerSecond: number;
}

/** "step 120/800  loss 2.314 (avg 2.401)  lr 1.9e-3  11,200 tok/s  ETA 3m05s" */
export function formatProgress(p: Progress): string {
  const eta = Math.max(0, Math.round(p.etaSeconds));
  const etaText = eta >= 60 ? `${Math.floor(eta / 60)}m${String(eta % 60).padStart(2, '0')}s` : `${eta}s`;
  return `step ${p.step}/${p.total}  loss ${p.loss.toFixed(3)} (avg ${p.meanLoss.toFixed(3)})  lr ${p.lr.toExponential(1)}  ${Math.round(p.tokensPerSecond).toLocaleString('en-US')} tok/s  ETA ${etaText}`;
}

export function trainLoop(o: TrainLoopOptions): TrainLoopResult {
  const start = o.startStep ?? 0;
  checkInteger('steps', o.steps, 0);
  if (!Number.isInteger(start) || start < 0 || start > o.steps)
    throw new RangeError(`startStep must be an integer in [0, ${o.steps}], got ${start}`);
  const logEvery = o.logEvery ?? 25;
  const losses: number[] = [];
  const t0 = Date.now();
  let tokens = 0;
  let tokensPerStep = 0;
  let lr: number;
  for (let step = start; step < o.steps; step++) {
    const seqs = o.batch(step);
    const { inputs, targets } = nextTokenBatch(seqs);
    tokensPerStep = inputs.length * inputs[0]!.length;
    if (o.learningRate) {
      lr = o.learningRate(step);
      (o.optimizer as unknown as { learningRate: number }).learningRate = lr;
    } else {
      lr = (o.optimizer as unknown as { learningRate?: number }).learningRate ?? 0;
    }
    const loss = trainStep(o.model, o.optimizer, inputs, targets);
    if (!Number.isFinite(loss)) throw new Error(`loss is ${loss} at step ${step}`);
    losses.push(loss);
    tokens += tokensPerStep;
    const done = step + 1;
    const last = done === o.steps;
    if (o.onProgress && (done % logEvery === 0 || last)) {
      const secs = Math.max(1e-3, (Date.now() - t0) / 1000);
      const recent = losses.slice(-logEvery);
      o.onProgress({
        step: done,
        total: o.steps,
        loss,
        meanLoss: recent.reduce((a, b) => a + b, 0) / recent.length,
        lr,
        tokens: done * tokensPerStep,
        tokensPerSecond: tokens / secs,
        etaSeconds: ((o.steps - done) * secs) / (done - start),
      });
    }
    if (o.onCheckpoint && o.checkpointEvery && (done % o.checkpointEvery === 0 || last)) o.onCheckpoint(done, done * tokensPerStep);
  }
  const seconds = (Date.now() - t0) / 1000;
  return {
    losses,
    steps: o.steps - start,
    tokensSeen: o.steps * tokensPerStep,
    seconds,
    tokensPerSecond: seconds > 0 ? tokens / seconds : 0,
  };
}
