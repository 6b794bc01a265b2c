import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
  ByteTokenizer,
  SpikingBrainModel,
  checkpointEntry,
  convertModel,
  cosineLearningRate,
  evaluateLoss,
  expertLoad,
  formatProgress,
  measureSpiking,
  modelFromSafetensors,
  nextTokenBatch,
  passkeyPrompts,
  passkeyRecall,
  perplexity,
  projectionType,
  saveSafetensors,
  sha256Hex,
  trainLoop,
  upcycleEquivalence,
  upcycleModel,
  verifyCheckpoint,
} from '../../lib/index.js';
import { leakedTensors, useWasmBackend } from '../helpers/tfjs.js';
import { microConfig, tokenWindows } from '../helpers/tiny-model.js';

useWasmBackend();

describe('sha256Hex(bytes)', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(sha256Hex(enc(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex(enc('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(enc('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(sha256Hex(new Uint8Array(1000).fill(97))).toBe('41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3');
  });
});

describe('cosineLearningRate(step, schedule)', () => {
  it('warms up linearly, peaks, and decays to the floor', () => {
    const s = { peak: 1e-3, warmup: 10, total: 110, floor: 0.1 };
    expect(cosineLearningRate(0, s)).toBeCloseTo(1e-4, 12);
    expect(cosineLearningRate(9, s)).toBeCloseTo(1e-3, 12);
    expect(cosineLearningRate(60, s)).toBeCloseTo(1e-3 * (0.1 + 0.9 * 0.5), 12);
    expect(cosineLearningRate(110, s)).toBeCloseTo(1e-4, 12);
    expect(() => cosineLearningRate(0, { ...s, peak: 0 })).toThrow(/peak/);
  });
});

describe('trainLoop(options) and evaluateLoss(model, windows)', () => {
  it('lowers the loss on a repeated batch, reports progress and checkpoints, leaks nothing', () => {
    const model = new SpikingBrainModel(microConfig(), { seed: 42 });
    const data = tokenWindows(4, 17);
    const before = evaluateLoss(model, data);
    const progress: string[] = [];
    const cps: number[] = [];
    const opt = tf.train.adam(1e-2);
    let r!: ReturnType<typeof trainLoop>;
    const leaked = leakedTensors(() => {
      r = trainLoop({
        model,
        optimizer: opt,
        steps: 12,
        batch: () => data,
        learningRate: () => 1e-2,
        logEvery: 5,
        onProgress: (p) => progress.push(formatProgress(p)),
        checkpointEvery: 6,
        onCheckpoint: (s) => cps.push(s),
      });
      // Adam's moment variables belong to the optimizer
      opt.dispose();
    });
    expect(leaked).toBeLessThanOrEqual(0);
    expect(r.losses).toHaveLength(12);
    expect(r.tokensSeen).toBe(12 * 4 * 16);
    expect(evaluateLoss(model, data)).toBeLessThan(before - 0.5);
    expect(progress).toHaveLength(3);
    expect(progress[2]).toMatch(/^step 12\/12 {2}loss \d+\.\d{3} \(avg \d+\.\d{3}\) {2}lr 1\.0e-2 {2}[\d,]+ tok\/s {2}ETA 0s$/);
    expect(cps).toEqual([6, 12]);
    model.dispose();
  });
  it('resumes at startStep with the batches of the later steps only', () => {
    const model = new SpikingBrainModel(microConfig(), { seed: 42 });
    const seen: number[] = [];
    const opt = tf.train.adam(1e-3);
    trainLoop({ model, optimizer: opt, steps: 5, startStep: 3, batch: (s) => (seen.push(s), tokenWindows(2, 9, s)) });
    opt.dispose();
    expect(seen).toEqual([3, 4]);
    expect(() => trainLoop({ model, optimizer: opt, steps: 2, startStep: 3, batch: () => tokenWindows(2, 9) })).toThrow(/startStep/);
    model.dispose();
  });
  it('evaluateLoss equals the model loss, whatever the batch size', () => {
    const model = new SpikingBrainModel(microConfig(), { seed: 42 });
    const data = tokenWindows(5, 13);
    const { inputs, targets } = nextTokenBatch(data);
    const direct = tf.tidy(() => model.loss(inputs, targets).dataSync()[0]!);
    expect(evaluateLoss(model, data, 2)).toBeCloseTo(direct, 5);
    expect(evaluateLoss(model, data, 16)).toBeCloseTo(direct, 5);
    expect(perplexity(evaluateLoss(model, data))).toBeCloseTo(Math.exp(direct), 3);
    expect(() =>
      evaluateLoss(model, [
        [1, 2, 3],
        [1, 2],
      ]),
    ).toThrow(/equal length/);
    model.dispose();
  });
});

describe('convertModel(base, target)', () => {
  it('reuses q/k/v/o, norms and FFN; only GLA gate and g_norm are new', () => {
    const base = new SpikingBrainModel(microConfig(), { seed: 42 });
    const c = convertModel(base, microConfig({ attn_layers: [1], sliding_window: 4 }), 7);
    expect(c.fresh.every((n) => /^model\.layers\.0\.attn\.(gk_proj\.[01]\.(weight|bias)|g_norm\.weight)$/.test(n))).toBe(true);
    expect(c.fresh.length).toBe(4);
    expect(c.reused).toContain('model.layers.0.attn.q_proj.weight');
    const q0 = c.model.parameters().find(([n]) => n === 'model.layers.0.attn.q_proj.weight')![1];
    const b0 = base.parameters().find(([n]) => n === 'model.layers.0.attn.q_proj.weight')![1];
    expect(tf.tidy(() => tf.max(tf.abs(tf.sub(q0, b0))).dataSync()[0])).toBe(0);
    c.model.dispose();
    base.dispose();
  });
  it('an SWA conversion whose window covers the sequence computes what the base computes', () => {
    const base = new SpikingBrainModel(microConfig(), { seed: 42 });
    const swa = convertModel(base, microConfig({ sliding_window: 64 })).model;
    const data = tokenWindows(2, 17);
    expect(evaluateLoss(swa, data)).toBeCloseTo(evaluateLoss(base, data), 5);
    expect(() => convertModel(base, microConfig({ hidden_size: 64 }))).toThrow(/hidden_size/);
    swa.dispose();
    base.dispose();
  });
});

describe('passkeyPrompts / passkeyRecall', () => {
  const tok = new ByteTokenizer();
  const filler = tok.encode('the quick brown fox jumps over the lazy dog. '.repeat(10));
  it('puts key=D; at the distance asked and ends with key=', () => {
    const ps = passkeyPrompts(tok, filler, { length: 40, distance: 12, trials: 5, seed: 42 });
    for (const p of ps) {
      const s = tok.decode(p.ids);
      expect(s).toHaveLength(40);
      expect(s.endsWith('key=')).toBe(true);
      expect(s[39 - 12]).toBe(String(p.key));
      expect(s.slice(39 - 12 - 4, 39 - 12 + 2)).toBe(`key=${p.key};`);
    }
    expect(() => passkeyPrompts(tok, filler, { length: 40, distance: 3, trials: 1, seed: 1 })).toThrow(/distance/);
  });
  it('recall is a share of prompts in [0, 1]', () => {
    const model = new SpikingBrainModel(microConfig(), { seed: 42 });
    const r = passkeyRecall(model, tok, passkeyPrompts(tok, filler, { length: 24, distance: 8, trials: 10, seed: 42 }));
    expect(r * 10).toBe(Math.round(r * 10));
    expect(r).toBeGreaterThanOrEqual(0);
    expect(r).toBeLessThanOrEqual(1);
    model.dispose();
  });
});

describe('measureSpiking(model, windows, k)', () => {
  it('collects every projection, adds up per type and overall, and restores float mode', () => {
    const model = new SpikingBrainModel(microConfig({ attn_layers: [1], sliding_window: 4 }), { seed: 42 });
    const data = tokenWindows(3, 9);
    const floatLoss = evaluateLoss(model, data);
    const r = measureSpiking(model, data, 3);
    expect(model.runtime.mode).toBe('float');
    expect(model.runtime.countsHook).toBeNull();
    expect(evaluateLoss(model, data)).toBe(floatLoss);
    expect(Object.keys(r.byName)).toContain('model.layers.0.attn.gk_proj.0');
    expect(Object.keys(r.byType)).toContain('mlp.down_proj');
    const sum = (o: Record<string, { values: number }>) => Object.values(o).reduce((s, x) => s + x.values, 0);
    expect(sum(r.byType)).toBe(r.overall.values);
    expect(sum(r.byName)).toBe(r.overall.values);
    expect(r.byName['model.layers.1.mlp.down_proj']!.values).toBe(3 * 8 * 64);
    expect(r.overall.histogram.reduce((a, b) => a + b, 0)).toBe(r.overall.values);
    expect(Number.isFinite(r.loss)).toBe(true);
    expect(r.loss).not.toBe(floatLoss);
    // a higher k (lower threshold) gives more spikes
    expect(measureSpiking(model, data, 4).overall.avgSpikesRate).toBeGreaterThan(r.overall.avgSpikesRate);
    expect(projectionType('model.layers.3.mlp.up_proj')).toBe('mlp.up_proj');
    model.dispose();
  });
});

describe('upcycleModel / upcycleEquivalence / expertLoad', () => {
  it('exact scaling with uniform weights equals the dense FFN; the model keeps non-FFN weights', () => {
    const dense = new SpikingBrainModel(microConfig({ attn_layers: [1], sliding_window: 4 }), { seed: 42 });
    const inputs = tokenWindows(2, 9).map((w) => w.slice(0, -1));
    const eq = upcycleEquivalence(dense, inputs, { S: 1, k: 1, N: 4, seed: 42 });
    expect(eq).toHaveLength(2);
    for (const r of eq) {
      expect(r.exact).toBeLessThan(1e-5);
      expect(r.cubeRootScores).toBeGreaterThan(1e-3);
    }
    const moe = upcycleModel(dense, { S: 1, k: 1, N: 4, scaling: 'down-only', seed: 42 });
    expect(moe.config.num_experts).toBe(4);
    const name = 'model.layers.1.attn.q_proj.weight';
    const a = moe.parameters().find(([n]) => n === name)![1];
    const b = dense.parameters().find(([n]) => n === name)![1];
    expect(tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0])).toBe(0);
    const load = expertLoad(moe, inputs);
    expect(load).toHaveLength(2);
    for (const row of load) {
      expect(row).toHaveLength(4);
      expect(row.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 10);
    }
    expect(() => expertLoad(dense, inputs)).toThrow(/not an MoE/);
    moe.dispose();
    dense.dispose();
  });
});

describe('checkpointEntry / verifyCheckpoint', () => {
  it('records size and sha256 of the bytes and rejects tampered bytes', () => {
    const model = new SpikingBrainModel(microConfig(), { seed: 42 });
    const bytes = saveSafetensors(model, { dtype: 'F16' });
    const e = checkpointEntry({
      file: 'micro.safetensors',
      description: 'test',
      parent: null,
      config: model.config,
      steps: 0,
      tokensSeen: 0,
      validationLoss: 5,
      dtype: 'F16',
      bytes,
    });
    expect(e.sha256).toBe(sha256Hex(bytes));
    expect(() => verifyCheckpoint(e, bytes)).not.toThrow();
    const bad = bytes.slice();
    bad[bad.length - 1] ^= 1;
    expect(() => verifyCheckpoint(e, bad)).toThrow(/sha256/);
    expect(() => checkpointEntry({ ...e, file: 'Bad Name', config: model.config, bytes })).toThrow(/lower-case/);
    const reloaded = modelFromSafetensors(bytes);
    expect(reloaded.config).toEqual(model.config);
    reloaded.dispose();
    model.dispose();
  });
});
