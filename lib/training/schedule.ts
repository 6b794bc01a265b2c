/** Learning-rate schedule for the small training runs: linear warm-up, then cosine decay to a floor. */
import { checkInteger } from '../util/validate.js';

export interface CosineSchedule {
  /** peak learning rate */
  peak: number;
  /** warm-up steps (linear from peak / warmup to peak) */
  warmup: number;
  /** total steps of the run */
  total: number;
  /** final learning rate as a fraction of the peak (default 0.1) */
  floor?: number;
}

/** Learning rate at `step` (0-based). */
export function cosineLearningRate(step: number, s: CosineSchedule): number {
  if (!(s.peak > 0)) throw new RangeError(`peak must be > 0, got ${s.peak}`);
  checkInteger('warmup', s.warmup, 0);
  checkInteger('total', s.total, 1);
  const floor = s.floor ?? 0.1;
  if (step < s.warmup) return (s.peak * (step + 1)) / s.warmup;
  const t = s.total <= s.warmup ? 1 : Math.min(1, (step - s.warmup) / (s.total - s.warmup));
  return s.peak * (floor + (1 - floor) * 0.5 * (1 + Math.cos(Math.PI * t)));
}
