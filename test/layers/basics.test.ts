import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { Linear, RMSNorm, applyRope, defaultRuntime, normalSamples, randomSwiGLU, rmsNorm, ropeTables, swiglu } from '../../lib/index.js';
import { leakedTensors, useWasmBackend } from '../helpers/tfjs.js';
import { maxAbsDiff } from '../helpers/close.js';
import { swigluFromWeights } from '../helpers/swiglu.js';

useWasmBackend();

describe('rmsNorm(x, weight, eps)', () => {
  it('divides by the root mean square over the last dim and scales by the weight', () => {
    const x = [1, -2, 3, -4, 0.5, 0.25, 0, 2];
    const w = [1, 2, 0.5, -1];
    const y = tf.tidy(() => rmsNorm(tf.tensor2d(x, [2, 4]), tf.tensor1d(w), 1e-6).dataSync());
    const want: number[] = [];
    for (let r = 0; r < 2; r++) {
      const row = x.slice(4 * r, 4 * r + 4);
      const rms = Math.sqrt(row.reduce((s, v) => s + v * v, 0) / 4 + 1e-6);
      row.forEach((v, i) => want.push((v / rms) * w[i]!));
    }
    expect(maxAbsDiff(y, want)).toBeLessThan(1e-6);
  });
  it('rejects a weight of the wrong size, naming it', () => {
    expect(() => rmsNorm(tf.zeros([2, 4]), tf.ones([3]) as tf.Tensor1D, 1e-6)).toThrow(/expected weight of shape \[4\], got \[3\]/);
  });
  it('RMSNorm layer starts with unit weights and names its parameter', () => {
    const n = new RMSNorm('model.norm', 8, 1e-6);
    expect(n.parameters().map(([k]) => k)).toEqual(['model.norm.weight']);
    expect(Array.from(n.weight.dataSync())).toEqual(new Array(8).fill(1));
    n.dispose();
  });
});

describe('applyRope(x, offset, theta)', () => {
  it('is the identity at position 0 and preserves the norm of every head vector', () => {
    tf.tidy(() => {
      const x = tf.tensor4d(Float32Array.from(normalSamples(1 * 2 * 5 * 8, 1)), [1, 2, 5, 8]);
      const y = applyRope(x, 0, 1e4);
      expect(
        maxAbsDiff(tf.slice(y, [0, 0, 0, 0], [-1, -1, 1, -1]).dataSync(), tf.slice(x, [0, 0, 0, 0], [-1, -1, 1, -1]).dataSync()),
      ).toBeLessThan(1e-7);
      expect(maxAbsDiff(tf.norm(y, 'euclidean', -1).dataSync(), tf.norm(x, 'euclidean', -1).dataSync())).toBeLessThan(1e-5);
    });
  });
  it('makes q·k depend on the position difference only (offsets shift both)', () => {
    tf.tidy(() => {
      const q = tf.tensor4d(Float32Array.from(normalSamples(8, 2)), [1, 1, 1, 8]);
      const k = tf.tensor4d(Float32Array.from(normalSamples(8, 3)), [1, 1, 1, 8]);
      const dot = (m: number, n: number) => tf.sum(tf.mul(applyRope(q, m, 1e6), applyRope(k, n, 1e6))).dataSync()[0]!;
      expect(dot(7, 3)).toBeCloseTo(dot(1004, 1000), 4);
    });
  });
  it('uses the half-split (rotate_half) layout: pairs (i, i + K/2) rotate by position · theta^(-2i/K)', () => {
    const { cos, sin } = ropeTables(3, 1, 4, 100);
    const c = cos.dataSync();
    const s = sin.dataSync();
    expect(c[0]).toBeCloseTo(Math.cos(3), 6);
    expect(c[2]).toBeCloseTo(Math.cos(3), 6);
    expect(s[1]).toBeCloseTo(Math.sin(3 / 10), 6);
    expect(s[3]).toBeCloseTo(Math.sin(3 / 10), 6);
    tf.dispose([cos, sin]);
  });
  it('rejects an odd head dim', () => {
    expect(() => ropeTables(0, 2, 3, 1e4)).toThrow(/headDim must be an even integer/);
  });
});

describe('Linear', () => {
  it('computes x W + b for x [..., in] and checks the input size, naming the projection', () => {
    const lin = new Linear({ name: 'p', inFeatures: 3, outFeatures: 2, bias: true, std: 0.5, seed: 1, runtime: defaultRuntime() });
    lin.bias!.assign(tf.tensor1d([1, -1]));
    tf.tidy(() => {
      const x = tf.tensor3d([1, 2, 3, -1, 0, 2], [1, 2, 3]);
      const want = tf.add(tf.matMul(tf.reshape(x, [2, 3]), lin.weight), lin.bias!);
      expect(maxAbsDiff(lin.apply(x).dataSync(), want.dataSync())).toBeLessThan(1e-6);
      expect(lin.apply(x).shape).toEqual([1, 2, 2]);
    });
    expect(() => lin.apply(tf.zeros([2, 4]))).toThrow(/p: expected x of shape \[\.\.\., 3\], got \[2, 4\]/);
    lin.dispose();
  });
  it('shows every input to the runtime hook under its name, and leaks nothing', () => {
    const runtime = defaultRuntime();
    const seen: Array<[string, number[]]> = [];
    runtime.hook = (name, x) => seen.push([name, x.shape]);
    const lin = new Linear({ name: 'model.layers.0.attn.q_proj', inFeatures: 4, outFeatures: 4, bias: false, std: 0.1, seed: 2, runtime });
    const x = tf.ones([2, 3, 4]);
    expect(leakedTensors(() => lin.apply(x).dispose())).toBe(0);
    expect(seen).toEqual([['model.layers.0.attn.q_proj', [6, 4]]]);
    tf.dispose([x]);
    lin.dispose();
  });
  it('derives weights from the seed and the name: same name, same weights', () => {
    const mk = (name: string) =>
      new Linear({ name, inFeatures: 4, outFeatures: 4, bias: false, std: 0.1, seed: 7, runtime: defaultRuntime() });
    const [a, b, c] = [mk('x'), mk('x'), mk('y')];
    expect(Array.from(a.weight.dataSync())).toEqual(Array.from(b.weight.dataSync()));
    expect(Array.from(a.weight.dataSync())).not.toEqual(Array.from(c.weight.dataSync()));
    [a, b, c].forEach((l) => l.dispose());
  });
});

describe('SwiGLU (tfjs)', () => {
  it('equals the float64 swiglu of layers/moe-naive.ts on the same weights', () => {
    const D = 8;
    const F = 12;
    const ref = randomSwiGLU(D, F, 3);
    const ffn = swigluFromWeights(ref, 'mlp');
    const x = normalSamples(5 * D, 4);
    const want = swiglu(ref, x, 5);
    const got = tf.tidy(() => ffn.apply(tf.tensor2d(Float32Array.from(x), [5, D])).dataSync());
    expect(maxAbsDiff(got, want)).toBeLessThan(1e-4);
    expect(ffn.parameters().map(([k]) => k)).toEqual(['mlp.gate_proj.weight', 'mlp.up_proj.weight', 'mlp.down_proj.weight']);
    ffn.dispose();
  });
});
