/** The README's model example: the figures it prints are what the library computes. */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
  SpikingBrainModel,
  spikingBrain7BConfig,
  qwen25_7BConfig,
  tinyConfig,
  describePlan,
  parameterCount,
  recurrentStateBytes,
  kvCacheBytes,
  nextTokenBatch,
  trainStep,
  greedyDecode,
  SpikeStatsCollector,
  saveSafetensors,
  modelFromSafetensors,
} from '../lib/index.js';
import { useWasmBackend } from './helpers/tfjs.js';

useWasmBackend();

describe('the README model example', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  it('prints the counts the README states', () => {
    const sb7 = spikingBrain7BConfig();
    const said = (v: string | number) => expect(readme).toContain(String(v));
    said(`'${describePlan(sb7)}'`);
    said(`parameterCount(sb7).total;                // ${parameterCount(sb7).total}`);
    said(`recurrentStateBytes(sb7);                 // ${recurrentStateBytes(sb7)}`);
    said(`kvCacheBytes(sb7, 2 ** 20);               // ${kvCacheBytes(sb7, 2 ** 20)}`);
    said(`kvCacheBytes(qwen25_7BConfig(), 2 ** 20); // ${kvCacheBytes(qwen25_7BConfig(), 2 ** 20)}`);
  });

  it('runs: training lowers the loss, decoding, W8ASpike statistics and a safetensors round trip', () => {
    const model = new SpikingBrainModel(tinyConfig(), { seed: 42 });
    const opt = tf.train.adam(3e-3);
    const text = Array.from('the quick brown fox jumps over the lazy dog. ', (c) => c.charCodeAt(0));
    const { inputs, targets } = nextTokenBatch([text]);
    const losses = Array.from({ length: 5 }, () => trainStep(model, opt, inputs, targets));
    expect(losses[4]).toBeLessThan(losses[0]!);
    expect(greedyDecode(model, text.slice(0, 10), 12)).toHaveLength(12);
    const stats = new SpikeStatsCollector();
    model.setW8ASpike(true);
    model.setSpikeCountHook((name, counts) => stats.add(name, counts));
    model.forward([text]).dispose();
    model.setSpikeCountHook(null);
    model.setW8ASpike(false);
    const z = stats.report().overall.zeroFraction;
    expect(z).toBeGreaterThan(0);
    expect(z).toBeLessThan(1);
    const copy = modelFromSafetensors(saveSafetensors(model));
    const a = model.forward([text.slice(0, 8)]),
      b = copy.forward([text.slice(0, 8)]);
    expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
    tf.dispose([a, b]);
    copy.dispose();
    model.dispose();
    opt.dispose();
  }, 60_000);
});
