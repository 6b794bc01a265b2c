import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Linear,
  SpikeStatsCollector,
  SpikingBrainModel,
  adaptiveSpikesTensor,
  defaultRuntime,
  dequantizeInt8,
  normalSamples,
  quantizeInt8GroupWise,
  tinyConfig,
  trainStep,
} from '../../lib/index.js';
import { leakedTensors, useWasmBackend } from '../helpers/tfjs.js';

useWasmBackend();

const relErr = (a: tf.Tensor, b: tf.Tensor) => tf.tidy(() => tf.div(tf.norm(tf.sub(a, b)), tf.norm(b)).dataSync()[0]!);
const ids = [[5, 17, 200, 3, 3, 90, 41, 7, 128, 255]];

describe('Linear in W8ASpike mode (report §3.3, the reference QuantLinear)', () => {
  it('computes (counts · Vth) · dequant(INT8 group-wise W)ᵀ + b', () => {
    const runtime = { ...defaultRuntime(), mode: 'w8aspike' as const, groupSize: 4 };
    const lin = new Linear({ name: 'p', inFeatures: 8, outFeatures: 3, bias: true, std: 0.5, seed: 2, runtime });
    lin.bias!.assign(tf.tensor1d([0.1, -0.2, 0.3]));
    tf.tidy(() => {
      const x = tf.tensor2d(Float32Array.from(normalSamples(5 * 8, 1)), [5, 8]);
      const wT = tf.transpose(lin.weight) as tf.Tensor2D;
      const q = quantizeInt8GroupWise(wT.dataSync() as Float32Array, 3, 8, 4);
      const { counts, vth } = adaptiveSpikesTensor(x, 3);
      const want = tf.add(tf.matMul(tf.mul(counts, tf.expandDims(vth, 1)), tf.tensor2d(dequantizeInt8(q), [3, 8]), false, true), lin.bias!);
      expect(tf.max(tf.abs(tf.sub(lin.apply(x), want))).dataSync()[0]).toBeLessThan(1e-6);
    });
    lin.dispose();
  });
});

describe('SpikingBrainModel.setW8ASpike(on) and setSpikeCountHook(hook)', () => {
  let model: SpikingBrainModel;
  beforeAll(() => {
    model = new SpikingBrainModel({ ...tinyConfig(), initializer_range: 0.1 }, { seed: 4 });
  });
  afterAll(() => model.dispose());

  it('approaches the float logits as k grows (finer threshold), returns to them exactly when switched off', () => {
    const float = model.forward(ids);
    model.setW8ASpike(true);
    const k3 = model.forward(ids);
    model.setW8ASpike(true, { k: 1000 });
    const k1000 = model.forward(ids);
    model.setW8ASpike(false, { k: 3 });
    const back = model.forward(ids);
    const [e3, e1000] = [relErr(k3, float), relErr(k1000, float)];
    expect(e3).toBeGreaterThan(e1000);
    expect(e1000).toBeLessThan(0.05);
    expect(e3).toBeLessThan(0.5);
    expect(relErr(back, float)).toBe(0);
    tf.dispose([float, k3, k1000, back]);
  });
  it('is per model: another model stays float', () => {
    const other = new SpikingBrainModel({ ...tinyConfig(), initializer_range: 0.1 }, { seed: 4 });
    model.setW8ASpike(true);
    tf.tidy(() => {
      expect(relErr(other.forward(ids), model.forward(ids))).toBeGreaterThan(0);
      model.setW8ASpike(false);
      expect(relErr(other.forward(ids), model.forward(ids))).toBe(0);
    });
    other.dispose();
  });
  it('feeds the spike counts of every projection, by reference name, to a SpikeStatsCollector, leaking nothing', () => {
    for (const on of [false, true]) {
      const collector = new SpikeStatsCollector();
      model.setW8ASpike(on);
      model.forward(ids).dispose();
      model.setSpikeCountHook((name, counts) => collector.add(name, counts));
      expect(leakedTensors(() => model.forward(ids).dispose())).toBe(0);
      model.setSpikeCountHook(null);
      expect(collector.names().sort()).toEqual(
        model
          .linears()
          .map((l) => l.name)
          .sort(),
      );
      const q = collector.summary('model.layers.1.attn.q_proj');
      expect(q.values).toBe(ids[0]!.length * 128);
      // Gaussian-like input at k = 3: |x| < Vth/2 = 0.133σ for about 10 % of values
      expect(q.zeroFraction).toBeGreaterThan(0.03);
      expect(q.zeroFraction).toBeLessThan(0.3);
    }
    model.setW8ASpike(false);
  });
  it('with w8aspike_down_proj: false keeps the FFN down_proj float, as the released code does', () => {
    const m = new SpikingBrainModel({ ...tinyConfig(), w8aspike_down_proj: false });
    const collector = new SpikeStatsCollector();
    m.setW8ASpike(true);
    m.setSpikeCountHook((name, counts) => collector.add(name, counts));
    m.forward(ids).dispose();
    expect(collector.names().some((n) => n.endsWith('down_proj'))).toBe(false);
    expect(collector.names().length).toBe(m.linears().length - 4);
    m.dispose();
  });
  it('refuses to train in W8ASpike mode; config w8aspike: true starts switched on', () => {
    model.setW8ASpike(true);
    const opt = tf.train.adam(1e-3);
    expect(() => trainStep(model, opt, ids, ids)).toThrow(/trainStep needs float projections/);
    model.setW8ASpike(false);
    opt.dispose();
    const m = new SpikingBrainModel({ ...tinyConfig(), w8aspike: true });
    expect(m.runtime.mode).toBe('w8aspike');
    m.dispose();
  });
});
