import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { naiveSoftmaxAttention, softmaxAttention, type SoftmaxAttentionOptions } from '../../lib/ops/index.js';
import { planBlocks } from '../../lib/ops/attention/blocked.js';
import { loadGolden } from '../helpers/golden.js';
import { leakedTensors, useWasmBackend } from '../helpers/tfjs.js';
import {
  attentionInputs,
  attentionTensors,
  directionalDerivative,
  dot,
  f32,
  maxAbs,
  maxAbsDiff,
  randn,
  tensor4,
  type AttentionShape,
  type GoldenQkv,
} from './helpers.js';

useWasmBackend();

interface AttentionGolden {
  cases: (GoldenQkv & {
    window: number;
    softmax_causal_o: number[];
    swa_o: number[];
  })[];
}

function run(c: AttentionShape, x: { q: Float32Array; k: Float32Array; v: Float32Array }, options: SoftmaxAttentionOptions): Float32Array {
  return tf.tidy(() => {
    const o = softmaxAttention(...attentionTensors(c, x), options);
    expect(o.shape).toEqual([c.B, c.H, c.Lq, c.V]);
    return o.dataSync() as Float32Array;
  });
}

function naive(
  c: AttentionShape,
  x: { q: ArrayLike<number>; k: ArrayLike<number>; v: ArrayLike<number> },
  options: SoftmaxAttentionOptions,
): Float64Array {
  return naiveSoftmaxAttention(x.q, x.k, x.v, { B: c.B, H: c.H, Hkv: c.Hkv, Lq: c.Lq, Lk: c.Lk, K: c.K, V: c.V }, options);
}

/**
 * A second tfjs implementation for gradient comparisons: one batched L×L product with a dense mask,
 * no blocks (equal heads only).
 */
function denseAttention(q: tf.Tensor4D, k: tf.Tensor4D, v: tf.Tensor4D, causal: boolean, window = Infinity): tf.Tensor4D {
  const [, , Lq, K] = q.shape;
  const Lk = k.shape[2];
  const scores = tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(K));
  if (!causal) return tf.matMul(tf.softmax(scores), v);
  const bias = new Float32Array(Lq * Lk);
  for (let i = 0; i < Lq; i++) {
    const p = Lk - Lq + i;
    for (let j = 0; j < Lk; j++) if (j > p || j <= p - window) bias[i * Lk + j] = -1e30;
  }
  return tf.matMul(tf.softmax(tf.add(scores, tf.tensor2d(bias, [Lq, Lk]))), v);
}

describe('softmaxAttention(q, k, v) against the golden fixture', () => {
  const g = loadGolden<AttentionGolden>('attention.json').cases[0]!;
  const c: AttentionShape = { B: g.B, H: g.H, Hkv: g.H, Lq: g.L, Lk: g.L, K: g.K, V: g.V };
  const x = { q: f32(g.q), k: f32(g.k), v: f32(g.v) };

  it('matches causal softmax attention', () => {
    expect(maxAbsDiff(run(c, x, { causal: true }), g.softmax_causal_o)).toBeLessThan(2e-6);
  });
  it(`matches sliding-window attention (window ${g.window}, counting the query itself)`, () => {
    expect(maxAbsDiff(run(c, x, { window: g.window }), g.swa_o)).toBeLessThan(2e-6);
    // the window matters here: the golden SWA output differs from the causal one
    expect(maxAbsDiff(g.swa_o, g.softmax_causal_o)).toBeGreaterThan(0.1);
  });
  it('the float64 reference matches both', () => {
    expect(maxAbsDiff(naive(c, g, { causal: true }), g.softmax_causal_o)).toBeLessThan(1e-6);
    expect(maxAbsDiff(naive(c, g, { causal: true, window: g.window }), g.swa_o)).toBeLessThan(1e-6);
  });
});

describe('softmaxAttention(q, k, v) equals the float64 reference', () => {
  const lengths = [1, 63, 64, 65, 200];
  const settings: [string, SoftmaxAttentionOptions][] = [
    ['causal', { causal: true }],
    ['window 17', { window: 17 }],
    ['window 64', { window: 64 }],
    ['not causal', {}],
  ];
  for (const [name, options] of settings) {
    it(`${name}, L = ${lengths.join(', ')}`, () => {
      for (const L of lengths) {
        const c: AttentionShape = { B: 2, H: 2, Hkv: 2, Lq: L, Lk: L, K: 4, V: 5 };
        const x = attentionInputs(c, 10 + L);
        expect(maxAbsDiff(run(c, x, options), naive(c, x, options)), `L=${L}`).toBeLessThan(2e-6);
      }
    });
  }
  it('at the block plan used for long sequences (L = 1000: full causal blocks of 128)', () => {
    const c: AttentionShape = { B: 1, H: 1, Hkv: 1, Lq: 1000, Lk: 1000, K: 4, V: 3 };
    expect(planBlocks(1000, 1000, Infinity).queryBlocks.length).toBe(8);
    const x = attentionInputs(c, 3);
    expect(maxAbsDiff(run(c, x, { causal: true }), naive(c, x, { causal: true }))).toBeLessThan(2e-6);
  });
});

describe('softmaxAttention(q, k, v) special cases', () => {
  const c: AttentionShape = { B: 1, H: 3, Hkv: 3, Lq: 70, Lk: 70, K: 4, V: 6 };
  const x = attentionInputs(c, 7);

  it('a window of at least L equals causal attention', () => {
    const causal = run(c, x, { causal: true });
    for (const w of [70, 71, 1000]) expect(maxAbsDiff(run(c, x, { window: w }), causal)).toBe(0);
  });
  it('a window of 1 attends only the query itself (o = v)', () => {
    expect(maxAbsDiff(run(c, x, { window: 1 }), x.v)).toBeLessThan(1e-6);
  });
  it('a window of 2 mixes exactly the previous and the own value', () => {
    const o = run(c, x, { window: 2 });
    // position 0 has only itself
    for (let h = 0; h < c.H; h++) {
      const base = h * c.Lq * c.V;
      expect(maxAbsDiff(o.subarray(base, base + c.V), x.v.subarray(base, base + c.V))).toBeLessThan(1e-6);
    }
    expect(maxAbsDiff(o, naive(c, x, { causal: true, window: 2 }))).toBeLessThan(1e-6);
  });
  it('grouped-query attention equals repeating each key/value head H / Hkv times', () => {
    const g: AttentionShape = { B: 2, H: 6, Hkv: 2, Lq: 65, Lk: 65, K: 4, V: 3 };
    const y = attentionInputs(g, 11);
    const repeat = (a: Float32Array, D: number) => {
      const out = new Float32Array(g.B * g.H * g.Lk * D);
      const head = g.Lk * D;
      for (let b = 0; b < g.B; b++)
        for (let h = 0; h < g.H; h++)
          out.set(a.subarray((b * g.Hkv + Math.floor(h / 3)) * head, (b * g.Hkv + Math.floor(h / 3) + 1) * head), (b * g.H + h) * head);
      return out;
    };
    const full: AttentionShape = { ...g, Hkv: g.H };
    const repeated = { q: y.q, k: repeat(y.k, g.K), v: repeat(y.v, g.V) };
    for (const options of [{ causal: true }, { window: 9 }, {}] as SoftmaxAttentionOptions[]) {
      expect(maxAbsDiff(run(g, y, options), run(full, repeated, options))).toBeLessThan(1e-6);
      expect(maxAbsDiff(run(g, y, options), naive(g, y, options))).toBeLessThan(2e-6);
    }
  });
  it('decoding: one query against all keys equals the last row of full attention', () => {
    for (const options of [{ causal: true }, { window: 17 }] as SoftmaxAttentionOptions[]) {
      const full = run(c, x, options);
      const last = x.q.filter((_, i) => Math.floor(i / c.K) % c.Lq === c.Lq - 1);
      const step = run({ ...c, Lq: 1 }, { q: last, k: x.k, v: x.v }, options);
      const expected = full.filter((_, i) => Math.floor(i / c.V) % c.Lq === c.Lq - 1);
      expect(maxAbsDiff(step, expected)).toBeLessThan(1e-6);
    }
  });
  it('decoding: the last Lq queries against a cached prefix equal the last Lq rows', () => {
    for (const Lq of [5, 33]) {
      for (const options of [{ causal: true }, { window: 17 }] as SoftmaxAttentionOptions[]) {
        const full = run(c, x, options);
        const rows = (a: Float32Array, D: number) => a.filter((_, i) => Math.floor(i / D) % c.Lq >= c.Lq - Lq);
        const tail = run({ ...c, Lq }, { q: rows(x.q, c.K), k: x.k, v: x.v }, options);
        expect(maxAbsDiff(tail, rows(full, c.V)), `Lq=${Lq}`).toBeLessThan(1e-6);
        expect(maxAbsDiff(tail, naive({ ...c, Lq }, { q: rows(x.q, c.K), k: x.k, v: x.v }, options))).toBeLessThan(2e-6);
      }
    }
  });
  it('uses the given scale', () => {
    expect(maxAbsDiff(run(c, x, { causal: true, scale: 0.3 }), naive(c, x, { causal: true, scale: 0.3 }))).toBeLessThan(2e-6);
    expect(maxAbsDiff(run(c, x, { causal: true, scale: 0.3 }), run(c, x, { causal: true }))).toBeGreaterThan(1e-3);
  });
  it('a sliding window costs O(L·w): each query block sees at most its own and the previous key block', () => {
    for (const [L, w] of [
      [4096, 512],
      [1000, 17],
      [777, 100],
    ] as const) {
      const plan = planBlocks(L, L, w);
      const visited = plan.queryBlocks.reduce((s, b) => s + b.rows * b.segments.reduce((t, seg) => t + seg.end - seg.start, 0), 0);
      expect(visited).toBeLessThanOrEqual(2 * L * plan.blockSize);
      expect(plan.blockSize).toBe(Math.max(w, 32));
    }
  });
  it('full causal attention visits about half the L×L scores, masking only the diagonal blocks', () => {
    const plan = planBlocks(4096, 4096, Infinity);
    const visited = plan.queryBlocks.reduce((s, b) => s + b.rows * b.segments.reduce((t, seg) => t + seg.end - seg.start, 0), 0);
    expect(visited / 4096 ** 2).toBeLessThan(0.57);
    for (const b of plan.queryBlocks) expect(b.segments.filter((seg) => seg.partial).length).toBe(1);
  });
});

describe('softmaxAttention(q, k, v) gradients', () => {
  function gradsOf(
    f: (q: tf.Tensor4D, k: tf.Tensor4D, v: tf.Tensor4D) => tf.Tensor4D,
    c: AttentionShape,
    x: { q: Float32Array; k: Float32Array; v: Float32Array },
    w: Float32Array,
  ) {
    return tf.tidy(() => {
      const g = tf.grads((q: tf.Tensor, k: tf.Tensor, v: tf.Tensor) =>
        tf.sum(tf.mul(f(q as tf.Tensor4D, k as tf.Tensor4D, v as tf.Tensor4D), tf.tensor(w, [c.B, c.H, c.Lq, c.V]))),
      );
      const [dq, dk, dv] = g(attentionTensors(c, x));
      return [dq!.dataSync() as Float32Array, dk!.dataSync() as Float32Array, dv!.dataSync() as Float32Array];
    });
  }

  it('equal those of a dense masked implementation at L = 1, 63, 64, 65, 200 (causal and windowed)', () => {
    for (const L of [1, 63, 64, 65, 200]) {
      const c: AttentionShape = { B: 1, H: 2, Hkv: 2, Lq: L, Lk: L, K: 4, V: 3 };
      const x = attentionInputs(c, 100 + L);
      const w = f32(randn(c.H * L * c.V, 200 + L));
      for (const window of [Infinity, 17]) {
        const options = Number.isFinite(window) ? { window } : { causal: true };
        const fast = gradsOf((q, k, v) => softmaxAttention(q, k, v, options), c, x, w);
        const dense = gradsOf((q, k, v) => denseAttention(q, k, v, true, window), c, x, w);
        for (let i = 0; i < 3; i++) {
          expect(maxAbsDiff(fast[i]!, dense[i]!), `L=${L} window=${window} input ${i}`).toBeLessThan(1e-5 * Math.max(1, maxAbs(dense[i]!)));
        }
      }
    }
  });

  it('equal finite differences of the float64 reference (causal, windowed, decoding, grouped)', () => {
    const cases: [AttentionShape, SoftmaxAttentionOptions][] = [
      [{ B: 1, H: 2, Hkv: 2, Lq: 65, Lk: 65, K: 4, V: 3 }, { causal: true }],
      [{ B: 1, H: 2, Hkv: 2, Lq: 65, Lk: 65, K: 4, V: 3 }, { window: 17 }],
      [{ B: 1, H: 2, Hkv: 1, Lq: 9, Lk: 40, K: 4, V: 3 }, { window: 12 }],
    ];
    for (const [c, options] of cases) {
      const x = attentionInputs(c, 300 + c.Lq);
      const w = randn(c.B * c.H * c.Lq * c.V, 400);
      const [dq, dk, dv] = gradsOf((q, k, v) => softmaxAttention(q, k, v, options), c, x, f32(w));
      const loss = ([q, k, v]: Float64Array[]) => dot(naive(c, { q: q!, k: k!, v: v! }, options), w);
      for (let trial = 0; trial < 3; trial++) {
        const d = [randn(x.q.length, 500 + trial), randn(x.k.length, 600 + trial), randn(x.v.length, 700 + trial)];
        const fd = directionalDerivative(loss, [Float64Array.from(x.q), Float64Array.from(x.k), Float64Array.from(x.v)], d);
        const analytic = dot(dq!, d[0]!) + dot(dk!, d[1]!) + dot(dv!, d[2]!);
        expect(Math.abs(analytic - fd), `${JSON.stringify(options)} trial ${trial}`).toBeLessThan(2e-4 * Math.max(1, Math.abs(fd)));
      }
    }
  });
});

describe('softmaxAttention(q, k, v) argument validation', () => {
  let q: tf.Tensor4D, k: tf.Tensor4D, v: tf.Tensor4D;
  beforeAll(() => {
    q = tf.zeros([1, 4, 16, 8]);
    k = tf.zeros([1, 2, 16, 8]);
    v = tf.zeros([1, 2, 16, 5]);
  });
  afterAll(() => tf.dispose([q, k, v]));
  it('names the tensor, the expected shape and the given one', () => {
    expect(() => softmaxAttention(tf.zeros([1, 4, 16]) as unknown as tf.Tensor4D, k, v)).toThrow(
      'expected q of shape [B, H, L, K], got [1, 4, 16]',
    );
    expect(() => softmaxAttention(q, tf.zeros([1, 2, 16, 7]) as tf.Tensor4D, v)).toThrow(
      'expected k of shape [B, Hkv, Lk, K] with K=8, got [1, 2, 16, 7]',
    );
    expect(() => softmaxAttention(q, k, tf.zeros([1, 2, 15, 5]) as tf.Tensor4D)).toThrow(
      'expected v of shape [B, Hkv, Lk, V] with Lk=16, got [1, 2, 15, 5]',
    );
    expect(() => softmaxAttention(q, k, tf.zeros([2, 2, 16, 5]) as tf.Tensor4D)).toThrow('with B=1');
    expect(() => softmaxAttention([[1]] as unknown as tf.Tensor4D, k, v)).toThrow('expected q to be a tf.Tensor');
  });
  it('rejects heads that do not group, windows without causality, too many causal queries', () => {
    expect(() => softmaxAttention(tf.zeros([1, 3, 16, 8]) as tf.Tensor4D, k, v)).toThrow('multiple of the key/value heads');
    expect(() => softmaxAttention(q, k, v, { causal: false, window: 4 })).toThrow('sliding window needs causal');
    expect(() => softmaxAttention(tf.zeros([1, 4, 17, 8]) as tf.Tensor4D, k, v, { causal: true })).toThrow('Lq=17 and Lk=16');
  });
  it('rejects bad option values and unknown options', () => {
    expect(() => softmaxAttention(q, k, v, { window: 0 })).toThrow('expected window to be a positive integer, got 0');
    expect(() => softmaxAttention(q, k, v, { window: 2.5 })).toThrow('positive integer');
    expect(() => softmaxAttention(q, k, v, { scale: -1 })).toThrow('expected scale to be a finite number > 0, got -1');
    expect(() => softmaxAttention(q, k, v, { casual: true } as unknown as SoftmaxAttentionOptions)).toThrow(
      "unknown softmaxAttention option 'casual'",
    );
    expect(() => softmaxAttention(tf.zeros([1, 4, 16, 8], 'int32') as tf.Tensor4D, k, v)).toThrow('dtype float32');
  });
  it('a non-causal call allows more queries than keys', () => {
    const o = softmaxAttention(tf.zeros([1, 4, 20, 8]) as tf.Tensor4D, k, v);
    expect(o.shape).toEqual([1, 4, 20, 5]);
    o.dispose();
  });
});

describe('softmaxAttention(q, k, v) memory', () => {
  it('leaves no tensors behind, forward or backward, across repeated calls', () => {
    const c: AttentionShape = { B: 1, H: 4, Hkv: 2, Lq: 100, Lk: 130, K: 4, V: 3 };
    const x = attentionInputs(c, 1);
    const q = tensor4(x.q, [c.B, c.H, c.Lq, c.K]);
    const k = tensor4(x.k, [c.B, c.Hkv, c.Lk, c.K]);
    const v = tensor4(x.v, [c.B, c.Hkv, c.Lk, c.V]);
    for (const options of [{ causal: true }, { window: 20 }, {}] as SoftmaxAttentionOptions[]) {
      for (let r = 0; r < 3; r++) expect(leakedTensors(() => softmaxAttention(q, k, v, options).dispose())).toBe(0);
      const g = tf.grads((a: tf.Tensor, b: tf.Tensor, cc: tf.Tensor) =>
        tf.sum(softmaxAttention(a as tf.Tensor4D, b as tf.Tensor4D, cc as tf.Tensor4D, options)),
      );
      expect(leakedTensors(() => tf.dispose(g([q, k, v])))).toBe(0);
    }
    tf.dispose([q, k, v]);
  });
});
