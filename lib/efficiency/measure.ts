/**
 * Timing the library's own models (report §5.2–5.3 analogues on this machine): prefill time against
 * length (TTFT) and decoding speed against context, as medians over repeated runs after a warm-up,
 * with the spread. Works on any tfjs backend (the caller chooses it); times include reading the
 * logits back, so queued GPU work is counted.
 */
import * as tf from '@tensorflow/tfjs';
import type { SpikingBrainModel } from '../models/model.js';
import { uniformIntegers } from '../util/random.js';
import { median } from '../util/stats.js';
import { checkInteger } from '../util/validate.js';

export interface TimingStats {
  /** milliseconds */
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function timingStats(samples: readonly number[]): TimingStats {
  if (samples.length === 0) throw new RangeError('timingStats needs at least one sample');
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), runs: samples.length };
}

export interface TimingOptions {
  repeats?: number;
  warmup?: number;
  seed?: number;
}

function tokens(model: SpikingBrainModel, L: number, seed: number): number[][] {
  return [Array.from(uniformIntegers(L, 0, model.config.vocab_size - 1, seed))];
}

async function timeOnce(run: () => tf.Tensor): Promise<number> {
  const t0 = performance.now();
  const out = run();
  await out.data();
  const ms = performance.now() - t0;
  out.dispose();
  return ms;
}

/** Prefill time (ms) of L tokens through the whole model: the TTFT of a batch of one. */
export async function timePrefill(model: SpikingBrainModel, L: number, o: TimingOptions = {}): Promise<TimingStats> {
  checkInteger('L', L, 1);
  const ids = tokens(model, L, o.seed ?? 42);
  const samples: number[] = [];
  for (let i = 0; i < (o.warmup ?? 1) + (o.repeats ?? 3); i++) {
    const ms = await timeOnce(() => model.forward(ids));
    if (i >= (o.warmup ?? 1)) samples.push(ms);
  }
  return timingStats(samples);
}

export interface DecodeTiming {
  /** context length (tokens already in the cache) at the start of each measured segment */
  context: number[];
  /** tokens per second over each segment */
  tokensPerSecond: number[];
  /** bytes the cache holds at the end */
  cacheBytes: number;
}

/**
 * Decoding speed: prefill `prompt` tokens (in chunks of at most `prefillChunk`), then decode `steps`
 * tokens one at a time, reporting tokens/s per segment of `segment` steps (Fig. 7's protocol with a
 * 1k prompt, or a long prompt for speed against context).
 */
export async function timeDecode(
  model: SpikingBrainModel,
  prompt: number,
  steps: number,
  o: { segment?: number; prefillChunk?: number; seed?: number } = {},
): Promise<DecodeTiming> {
  checkInteger('prompt', prompt, 1);
  checkInteger('steps', steps, 1);
  const segment = o.segment ?? Math.min(steps, 32);
  const chunk = o.prefillChunk ?? 4096;
  const ids = tokens(model, prompt + steps, o.seed ?? 42)[0]!;
  const cache = model.createCache();
  try {
    for (let s = 0; s < prompt; s += chunk) await timeOnce(() => model.forward([ids.slice(s, Math.min(prompt, s + chunk))], { cache }));
    const context: number[] = [],
      tps: number[] = [];
    for (let s = 0; s < steps; s += segment) {
      const n = Math.min(segment, steps - s);
      const t0 = performance.now();
      for (let j = 0; j < n; j++) {
        const out = model.forward([[ids[prompt + s + j]!]], { cache });
        await out.data();
        out.dispose();
      }
      context.push(prompt + s);
      tps.push((1000 * n) / (performance.now() - t0));
    }
    return { context, tokensPerSecond: tps, cacheBytes: cache.bytes() };
  } finally {
    cache.dispose();
  }
}
