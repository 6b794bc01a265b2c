/**
 * Kernels per training step (issue 12): on tfjs-wasm the tiny models are bound by kernel launches,
 * so the count per step is the regression guard. tf.profile counts are deterministic and
 * machine-independent. Goal: a few thousand at most for the 4-block presets at B = 8, L = 256
 * (before the fused attention and the batched chunked GLA: 25,548 full attention, 40,260 hybrid).
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { SpikingBrainModel, tinyConfig, tinyFullAttentionConfig, trainStep, type ModelConfig } from '../../lib/index.js';
import { useWasmBackend } from '../helpers/tfjs.js';

useWasmBackend();

async function kernelsPerStep(config: ModelConfig, B: number, L: number): Promise<number> {
  const model = new SpikingBrainModel(config, { seed: 3 });
  const opt = tf.train.adam(1e-3);
  const seq = (b: number) => Array.from({ length: L }, (_, i) => (i * 7 + b * 13) % config.vocab_size);
  const inputs = Array.from({ length: B }, (_, b) => seq(b));
  const targets = Array.from({ length: B }, (_, b) => seq(b + 1));
  // the first step (it also makes Adam's slots: a few kernels per variable)
  const info = await tf.profile(() => {
    trainStep(model, opt, inputs, targets);
  });
  model.dispose();
  opt.dispose();
  return info.kernels.length;
}

describe('kernels per training step (B = 8, L = 256)', () => {
  it('full attention: at most 4,500 (25,548 before)', async () => {
    const n = await kernelsPerStep(tinyFullAttentionConfig(), 8, 256);
    expect(n).toBeGreaterThan(500);
    expect(n).toBeLessThanOrEqual(4500);
  }, 120_000);

  it('GLA/SWA hybrid: at most 4,500 (40,260 before)', async () => {
    const n = await kernelsPerStep(tinyConfig(), 8, 256);
    expect(n).toBeGreaterThan(500);
    expect(n).toBeLessThanOrEqual(4500);
  }, 120_000);
});
