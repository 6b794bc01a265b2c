import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { GLALayer, defaultRuntime, normalSamples, type GLALayerOptions } from '../../lib/index.js';
import { leakedTensors, useWasmBackend } from '../helpers/tfjs.js';

useWasmBackend();

const base: GLALayerOptions = {
  name: 'model.layers.0.attn',
  hiddenSize: 8,
  numHeads: 2,
  numKvHeads: 1,
  normEps: 1e-6,
  std: 0.4,
  outStd: 0.4,
  seed: 11,
  runtime: defaultRuntime(),
};
const input = (B: number, L: number, D: number, seed = 1) => tf.tensor3d(Float32Array.from(normalSamples(B * L * D, seed)), [B, L, D]);

/** The reference GatedLinearAttention.forward in float64 loops, batch 1: returns [L, D]. */
function glaRef(layer: GLALayer, x: number[][]): number[][] {
  const W = (t: tf.Tensor) => t.arraySync() as number[][];
  const bvec = (t: tf.Tensor | null) => (t ? (t.arraySync() as number[]) : null);
  const lin = (xs: number[], w: number[][], b: number[] | null) =>
    w[0]!.map((_, o) => xs.reduce((s, xv, i) => s + xv * w[i]![o]!, b ? b[o]! : 0));
  const [H, Hkv, K] = [layer.numHeads, layer.numKvHeads, layer.headDim];
  const fm = (z: number) => (layer.featureMap === 'relu' ? Math.max(z, 0) : 1 / (1 + Math.exp(-z)));
  const logsig = (z: number) => -Math.log1p(Math.exp(-z));
  const S = Array.from({ length: H }, () => Array.from({ length: K }, () => new Array<number>(K).fill(0)));
  const gw = bvec(layer.gNorm.weight)!;
  const out: number[][] = [];
  for (const xt of x) {
    const q = lin(xt, W(layer.q.weight), bvec(layer.q.bias)).map(fm);
    const kPre = lin(xt, W(layer.k.weight), bvec(layer.k.bias));
    const k = kPre.map(fm);
    const v = lin(xt, W(layer.v.weight), bvec(layer.v.bias));
    const g =
      layer.gate === 'low_rank'
        ? lin(lin(xt, W(layer.gk[0]!.weight), null), W(layer.gk[1]!.weight), bvec(layer.gk[1]!.bias)).map(
            (z) => logsig(z) / layer.gateLogitNormalizer,
          )
        : kPre.map((z) => logsig(-z));
    const heads: number[] = [];
    for (let h = 0; h < H; h++) {
      const kvh = Math.floor(h / (H / Hkv));
      const o = new Array<number>(K).fill(0);
      for (let i = 0; i < K; i++) {
        for (let j = 0; j < K; j++) {
          S[h]![i]![j] = Math.exp(g[kvh * K + i]!) * S[h]![i]![j]! + k[kvh * K + i]! * v[kvh * K + j]!;
        }
      }
      for (let j = 0; j < K; j++) for (let i = 0; i < K; i++) o[j] += (q[h * K + i]! / Math.sqrt(K)) * S[h]![i]![j]!;
      const rms = Math.sqrt(o.reduce((s, z) => s + z * z, 0) / K + 1e-6);
      heads.push(...o.map((z, j) => (z / rms) * gw[j]!));
    }
    out.push(lin(heads, W(layer.o!.weight), null));
  }
  return out;
}

describe('GLALayer (SpikingBrain-7B gated linear attention)', () => {
  it('equals a float64 loop of the reference forward: ReLU q/k, low-rank gate logsigmoid/16, per-head RMSNorm, o_proj', () => {
    const layer = new GLALayer(base);
    // non-zero biases so every term is exercised
    tf.tidy(() => {
      layer.gk[1]!.bias!.assign(tf.tensor1d(Float32Array.from(normalSamples(4, 5)).map((z) => 3 * z)));
      layer.q.bias!.assign(tf.tensor1d(Float32Array.from(normalSamples(8, 6)).map((z) => 0.3 * z)));
    });
    const xs = normalSamples(7 * 8, 2);
    const x = Array.from({ length: 7 }, (_, t) => Array.from(xs.slice(8 * t, 8 * t + 8)));
    const want = glaRef(layer, x);
    const got = tf.tidy(() => layer.apply(tf.tensor3d(x.flat(), [1, 7, 8])).arraySync()[0]!);
    got.forEach((row, t) => row.forEach((v, d) => expect(v).toBeCloseTo(want[t]![d]!, 4)));
    layer.dispose();
  });
  it('the 76B variant (sigmoid feature map, g = 1 - k) equals the float64 loop too', () => {
    const layer = new GLALayer({ ...base, featureMap: 'sigmoid', gate: 'key' });
    expect(layer.parameters().some(([n]) => n.includes('gk_proj'))).toBe(false);
    const xs = normalSamples(5 * 8, 3);
    const x = Array.from({ length: 5 }, (_, t) => Array.from(xs.slice(8 * t, 8 * t + 8)));
    const want = glaRef(layer, x);
    const got = tf.tidy(() => layer.apply(tf.tensor3d(x.flat(), [1, 5, 8])).arraySync()[0]!);
    got.forEach((row, t) => row.forEach((v, d) => expect(v).toBeCloseTo(want[t]![d]!, 4)));
    layer.dispose();
  });
  it('chunk and recurrent modes give the same output', () => {
    const a = new GLALayer({ ...base, mode: 'chunk', chunkSize: 4 });
    const b = new GLALayer({ ...base, mode: 'recurrent' });
    tf.tidy(() => {
      const x = input(2, 11, 8, 4);
      expect(tf.max(tf.abs(tf.sub(a.apply(x), b.apply(x)))).dataSync()[0]).toBeLessThan(1e-5);
    });
    a.dispose();
    b.dispose();
  });
  it('chunk and recurrent modes give the same gradients', () => {
    const a = new GLALayer({ ...base, mode: 'chunk', chunkSize: 4 });
    const b = new GLALayer({ ...base, mode: 'recurrent' });
    const x = input(1, 6, 8, 8);
    const g = (l: GLALayer) => tf.grad((t: tf.Tensor) => tf.sum(tf.square(l.apply(t as tf.Tensor3D))))(x);
    const [ga, gb] = [g(a), g(b)];
    const diff = tf.max(tf.abs(tf.sub(ga, gb))).dataSync()[0]!;
    tf.dispose([ga, gb, x]);
    a.dispose();
    b.dispose();
    expect(diff).toBeLessThan(1e-4);
  });
  it('carries its state across calls: two halves with a cache equal the whole sequence', () => {
    const layer = new GLALayer(base);
    const cache = layer.createCache();
    tf.tidy(() => {
      const x = input(1, 9, 8, 5);
      const whole = layer.apply(x);
      const first = layer.apply(tf.slice(x, [0, 0, 0], [-1, 4, -1]), cache);
      const rest = [4, 5, 6, 7, 8].map((t) => layer.apply(tf.slice(x, [0, t, 0], [-1, 1, -1]), cache));
      const stepwise = tf.concat([first, ...rest], 1);
      expect(tf.max(tf.abs(tf.sub(whole, stepwise))).dataSync()[0]).toBeLessThan(1e-5);
    });
    expect(cache.seen).toBe(9);
    expect(cache.state!.shape).toEqual([1, 2, 4, 4]);
    cache.dispose();
    layer.dispose();
  });
  it('leaks nothing and rejects gate "key" with a ReLU feature map', () => {
    const layer = new GLALayer(base);
    const x = input(1, 3, 8);
    expect(leakedTensors(() => layer.apply(x).dispose())).toBe(0);
    expect(() => new GLALayer({ ...base, gate: 'key' })).toThrow(/gate 'key' \(g = 1 - k\) needs featureMap 'sigmoid'/);
    x.dispose();
    layer.dispose();
  });
});
