import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chunkLogSpan,
  gatedLinearAttention,
  glaChunk,
  glaRecurrent,
  MAX_CHUNK_LOG_SPAN,
  naiveGla,
  type GlaOptions,
} from '../../lib/ops/index.js';
import { loadGolden } from '../helpers/golden.js';
import { leakedTensors, useWasmBackend } from '../helpers/tfjs.js';
import { directionalDerivative, dot, f32, logDecays, maxAbs, maxAbsDiff, randn, tensor4, type GoldenQkv } from './helpers.js';

useWasmBackend();

interface GlaGolden {
  cases: (GoldenQkv & {
    gk: number[];
    h0: number[];
    gla_q_feature: string;
    gla_o: number[];
    gla_final_state: number[];
  })[];
}

interface Dims {
  B: number;
  H: number;
  L: number;
  K: number;
  V: number;
}

interface Inputs {
  q: Float32Array;
  k: Float32Array;
  v: Float32Array;
  gk: Float32Array;
  h0?: Float32Array;
}

function inputs(d: Dims, seed: number, withState = true, normalizer = 1): Inputs {
  const nk = d.B * d.H * d.L * d.K;
  return {
    q: f32(randn(nk, seed)),
    k: f32(randn(nk, seed + 1)),
    v: f32(randn(d.B * d.H * d.L * d.V, seed + 2)),
    gk: f32(logDecays(nk, seed + 3, normalizer)),
    h0: withState ? f32(randn(d.B * d.H * d.K * d.V, seed + 4)) : undefined,
  };
}

function tensors(d: Dims, x: Inputs) {
  return {
    q: tensor4(x.q, [d.B, d.H, d.L, d.K]),
    k: tensor4(x.k, [d.B, d.H, d.L, d.K]),
    v: tensor4(x.v, [d.B, d.H, d.L, d.V]),
    gk: tensor4(x.gk, [d.B, d.H, d.L, d.K]),
    h0: x.h0 ? tensor4(x.h0, [d.B, d.H, d.K, d.V]) : undefined,
  };
}

function run(d: Dims, x: Inputs, options: Omit<GlaOptions, 'initialState'> = {}) {
  return tf.tidy(() => {
    const t = tensors(d, x);
    const r = gatedLinearAttention(t.q, t.k, t.v, t.gk, { ...options, initialState: t.h0 });
    expect(r.output.shape).toEqual([d.B, d.H, d.L, d.V]);
    expect(r.finalState.shape).toEqual([d.B, d.H, d.K, d.V]);
    return { output: r.output.dataSync() as Float32Array, finalState: r.finalState.dataSync() as Float32Array };
  });
}

function naive(
  d: Dims,
  x: { q: ArrayLike<number>; k: ArrayLike<number>; v: ArrayLike<number>; gk: ArrayLike<number>; h0?: ArrayLike<number> },
) {
  return naiveGla(x.q, x.k, x.v, x.gk, d, { initialState: x.h0 });
}

describe('gatedLinearAttention(q, k, v, gk) against the golden fixture (fla naive_recurrent_gla)', () => {
  const g = loadGolden<GlaGolden>('attention.json').cases[0]!;
  const d: Dims = { B: g.B, H: g.H, L: g.L, K: g.K, V: g.V };
  const relu = (a: number[]) => f32(a.map((x) => Math.max(0, x)));
  // the fixture applied ReLU to q and k (not q only) before the GLA call
  const x: Inputs = { q: relu(g.q), k: relu(g.k), v: f32(g.v), gk: f32(g.gk), h0: f32(g.h0) };

  it('the fixture feature map is ReLU on q and k', () => {
    expect(g.gla_q_feature).toBe('relu');
    expect(maxAbsDiff(naive(d, x).output, g.gla_o)).toBeLessThan(2e-6);
    expect(maxAbsDiff(naive(d, { ...x, k: f32(g.k) }).output, g.gla_o)).toBeGreaterThan(0.1);
  });
  for (const [mode, chunkSize] of [
    ['recurrent', 64],
    ['chunk', 64],
    ['chunk', 16],
    ['chunk', 7],
  ] as const) {
    it(`matches output and final state with an initial state (${mode}${mode === 'chunk' ? `, chunk ${chunkSize}` : ''})`, () => {
      const r = run(d, x, { mode, chunkSize });
      expect(maxAbsDiff(r.output, g.gla_o)).toBeLessThan(5e-6);
      expect(maxAbsDiff(r.finalState, g.gla_final_state)).toBeLessThan(5e-6);
    });
  }
  it('the float64 reference matches output and final state', () => {
    const r = naive(d, x);
    expect(maxAbsDiff(r.output, g.gla_o)).toBeLessThan(2e-6);
    expect(maxAbsDiff(r.finalState, g.gla_final_state)).toBeLessThan(2e-6);
  });
});

describe('gatedLinearAttention(q, k, v, gk): chunk, recurrent and the float64 reference agree', () => {
  const lengths = [1, 63, 64, 65, 200];
  for (const withState of [true, false]) {
    it(`on outputs and final states at L = ${lengths.join(', ')}, chunk size 64${withState ? ', with an initial state' : ''}`, () => {
      for (const L of lengths) {
        const d: Dims = { B: 2, H: 2, L, K: 4, V: 5 };
        const x = inputs(d, 10 + L, withState);
        const ref = naive(d, x);
        const tol = 2e-5 * Math.max(1, maxAbs(ref.output));
        for (const mode of ['chunk', 'recurrent'] as const) {
          const r = run(d, x, { mode, chunkSize: 64 });
          expect(maxAbsDiff(r.output, ref.output), `${mode} L=${L}`).toBeLessThan(tol);
          expect(maxAbsDiff(r.finalState, ref.finalState), `${mode} L=${L}`).toBeLessThan(tol);
        }
      }
    });
  }
  it('for chunk sizes that do not divide L, and a custom scale', () => {
    const d: Dims = { B: 1, H: 3, L: 50, K: 6, V: 4 };
    const x = inputs(d, 5);
    const ref = naiveGla(x.q, x.k, x.v, x.gk, d, { initialState: x.h0, scale: 0.7 });
    for (const chunkSize of [1, 3, 16, 49, 50, 51]) {
      const r = run(d, x, { mode: 'chunk', chunkSize, scale: 0.7 });
      expect(maxAbsDiff(r.output, ref.output), `chunk ${chunkSize}`).toBeLessThan(2e-5);
      expect(maxAbsDiff(r.finalState, ref.finalState), `chunk ${chunkSize}`).toBeLessThan(2e-5);
    }
  });
  it('with strong decays: chunks are halved until the log-decay span fits, and stay exact and finite', () => {
    const d: Dims = { B: 1, H: 2, L: 130, K: 4, V: 3 };
    const x = inputs(d, 9);
    // gates of e^-3 per step, and a few steps that wipe the state (gk = −200)
    x.gk = x.gk.map((g, i) => (i % 97 === 5 ? -200 : g * 3 - 3));
    const span = tf.tidy(() => chunkLogSpan(tensors(d, x).gk, 64));
    expect(span).toBeGreaterThan(MAX_CHUNK_LOG_SPAN);
    const ref = naive(d, x);
    const r = run(d, x, { mode: 'chunk', chunkSize: 64 });
    expect(r.output.every(Number.isFinite)).toBe(true);
    expect(maxAbsDiff(r.output, ref.output)).toBeLessThan(2e-5 * Math.max(1, maxAbs(ref.output)));
    expect(maxAbsDiff(r.finalState, ref.finalState)).toBeLessThan(2e-5 * Math.max(1, maxAbs(ref.finalState)));
  });
  it('decoding: chunked prefill, then recurrent steps from the final state, equals one pass', () => {
    const d: Dims = { B: 1, H: 2, L: 70, K: 4, V: 3 };
    const x = inputs(d, 21);
    const full = run(d, x, { mode: 'chunk' });
    const prefix = 67;
    const part = (a: Float32Array, D: number, from: number, to: number) =>
      a.filter((_, i) => Math.floor(i / D) % d.L >= from && Math.floor(i / D) % d.L < to);
    const head: Dims = { ...d, L: prefix };
    const pre = run(head, {
      q: part(x.q, d.K, 0, prefix),
      k: part(x.k, d.K, 0, prefix),
      v: part(x.v, d.V, 0, prefix),
      gk: part(x.gk, d.K, 0, prefix),
      h0: x.h0,
    });
    let state = pre.finalState;
    for (let t = prefix; t < d.L; t++) {
      const one: Dims = { ...d, L: 1 };
      // default mode at L = 1 is the recurrent form
      const step = run(one, {
        q: part(x.q, d.K, t, t + 1),
        k: part(x.k, d.K, t, t + 1),
        v: part(x.v, d.V, t, t + 1),
        gk: part(x.gk, d.K, t, t + 1),
        h0: state,
      });
      expect(maxAbsDiff(step.output, part(full.output, d.V, t, t + 1)), `t=${t}`).toBeLessThan(1e-5);
      state = step.finalState;
    }
    expect(maxAbsDiff(state, full.finalState)).toBeLessThan(1e-5);
  });
});

describe('gatedLinearAttention(q, k, v, gk) gradients', () => {
  /** Gradients of Σ o ⊙ wo + Σ S_final ⊙ ws with respect to q, k, v, gk and the initial state. */
  function gradsOf(f: typeof glaChunk, d: Dims, x: Inputs, wo: Float32Array, ws: Float32Array, extra: [number?]): Float32Array[] {
    return tf.tidy(() => {
      const t = tensors(d, x);
      const g = tf.grads((q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, gk: tf.Tensor, h0: tf.Tensor) => {
        const r = f(
          q as tf.Tensor4D,
          k as tf.Tensor4D,
          v as tf.Tensor4D,
          gk as tf.Tensor4D,
          h0 as tf.Tensor4D,
          1 / Math.sqrt(d.K),
          extra[0] ?? 64,
        );
        return tf.add(
          tf.sum(tf.mul(r.output, tf.tensor(wo, r.output.shape))),
          tf.sum(tf.mul(r.finalState, tf.tensor(ws, r.finalState.shape))),
        );
      });
      return g([t.q, t.k, t.v, t.gk, t.h0!]).map((x) => x.dataSync() as Float32Array);
    });
  }
  const recurrent: typeof glaChunk = (q, k, v, gk, h0, scale) => glaRecurrent(q, k, v, gk, h0, scale);

  it('of the chunk form equal those of the recurrent form at L = 1, 63, 64, 65, 200 (chunk 64)', () => {
    for (const L of [1, 63, 64, 65, 200]) {
      const d: Dims = { B: 1, H: 2, L, K: 4, V: 3 };
      const x = inputs(d, 40 + L);
      const wo = f32(randn(d.H * L * d.V, 50 + L));
      const ws = f32(randn(d.H * d.K * d.V, 60 + L));
      const chunk = gradsOf(glaChunk, d, x, wo, ws, [64]);
      const rec = gradsOf(recurrent, d, x, wo, ws, []);
      ['q', 'k', 'v', 'gk', 'h0'].forEach((name, i) => {
        expect(maxAbsDiff(chunk[i]!, rec[i]!), `L=${L} d${name}`).toBeLessThan(2e-5 * Math.max(1, maxAbs(rec[i]!)));
      });
    }
  });

  it('equal finite differences of the float64 reference (recurrent and chunk forms, L = 65)', () => {
    const d: Dims = { B: 1, H: 2, L: 65, K: 4, V: 3 };
    const x = inputs(d, 70);
    const wo = randn(d.H * d.L * d.V, 71);
    const ws = randn(d.H * d.K * d.V, 72);
    const loss = ([q, k, v, gk, h0]: Float64Array[]) => {
      const r = naive(d, { q: q!, k: k!, v: v!, gk: gk!, h0: h0! });
      return dot(r.output, wo) + dot(r.finalState, ws);
    };
    const point = [x.q, x.k, x.v, x.gk, x.h0!].map((a) => Float64Array.from(a));
    for (const f of [glaChunk, recurrent]) {
      const grads = gradsOf(f, d, x, f32(wo), f32(ws), [16]);
      for (let trial = 0; trial < 3; trial++) {
        const dir = point.map((a, i) => randn(a.length, 80 + 10 * trial + i));
        const fd = directionalDerivative(loss, point, dir);
        const analytic = grads.reduce((s, g, i) => s + dot(g, dir[i]!), 0);
        expect(Math.abs(analytic - fd), `trial ${trial}`).toBeLessThan(2e-4 * Math.max(1, Math.abs(fd)));
      }
    }
  });

  it('stay finite and match the recurrent form under strong decays (halved chunks)', () => {
    const d: Dims = { B: 1, H: 1, L: 70, K: 3, V: 2 };
    const x = inputs(d, 90);
    x.gk = x.gk.map((g) => g * 4 - 2);
    const wo = f32(randn(d.L * d.V, 91));
    const ws = f32(randn(d.K * d.V, 92));
    const chunk = gradsOf(glaChunk, d, x, wo, ws, [64]);
    const rec = gradsOf(recurrent, d, x, wo, ws, []);
    chunk.forEach((g, i) => {
      expect(g.every(Number.isFinite)).toBe(true);
      expect(maxAbsDiff(g, rec[i]!)).toBeLessThan(2e-5 * Math.max(1, maxAbs(rec[i]!)));
    });
  });
});

describe('gatedLinearAttention(q, k, v, gk) argument validation', () => {
  let q: tf.Tensor4D, v: tf.Tensor4D;
  beforeAll(() => {
    q = tf.zeros([1, 4, 16, 8]);
    v = tf.zeros([1, 4, 16, 5]);
  });
  afterAll(() => tf.dispose([q, v]));
  it('names the tensor, the expected shape and the given one', () => {
    expect(() => gatedLinearAttention(tf.zeros([1, 4, 16]) as unknown as tf.Tensor4D, q, v, q)).toThrow(
      'expected q of shape [B, H, L, K], got [1, 4, 16]',
    );
    expect(() => gatedLinearAttention(q, tf.zeros([1, 4, 16, 7]) as tf.Tensor4D, v, q)).toThrow(
      'expected k of shape [B, H, L, K] with K=8, got [1, 4, 16, 7]',
    );
    expect(() => gatedLinearAttention(q, q, tf.zeros([1, 4, 15, 5]) as tf.Tensor4D, q)).toThrow(
      'expected v of shape [B, H, L, V] with L=16, got [1, 4, 15, 5]',
    );
    expect(() => gatedLinearAttention(q, q, v, tf.zeros([1, 2, 16, 8]) as tf.Tensor4D)).toThrow(
      'expected gk of shape [B, H, L, K] with H=4, got [1, 2, 16, 8]',
    );
    expect(() => gatedLinearAttention(q, q, v, q, { initialState: tf.zeros([1, 4, 8, 4]) as tf.Tensor4D })).toThrow(
      'expected initialState of shape [B, H, K, V] with V=5, got [1, 4, 8, 4]',
    );
  });
  it('rejects bad options', () => {
    expect(() => gatedLinearAttention(q, q, v, q, { mode: 'parallel' as 'chunk' })).toThrow(
      `expected mode 'recurrent' or 'chunk', got "parallel"`,
    );
    expect(() => gatedLinearAttention(q, q, v, q, { chunkSize: 0 })).toThrow('expected chunkSize to be a positive integer, got 0');
    expect(() => gatedLinearAttention(q, q, v, q, { scale: Number.NaN })).toThrow('expected scale to be a finite number > 0');
    expect(() => gatedLinearAttention(q, q, v, q, { initial_state: q } as unknown as GlaOptions)).toThrow(
      "unknown gatedLinearAttention option 'initial_state'",
    );
  });
});

describe('gatedLinearAttention(q, k, v, gk) memory', () => {
  it('leaves no tensors behind, forward or backward, across repeated calls (both modes, halving too)', () => {
    const d: Dims = { B: 1, H: 2, L: 70, K: 4, V: 3 };
    const x = inputs(d, 3);
    const strong = { ...x, gk: x.gk.map((g) => g * 4 - 2) };
    for (const data of [x, strong]) {
      const t = tensors(d, data);
      for (const mode of ['chunk', 'recurrent'] as const) {
        for (let r = 0; r < 3; r++) {
          expect(
            leakedTensors(() => {
              const out = gatedLinearAttention(t.q, t.k, t.v, t.gk, { mode, initialState: t.h0 });
              tf.dispose([out.output, out.finalState]);
            }),
          ).toBe(0);
        }
        const g = tf.grads((a: tf.Tensor, b: tf.Tensor, c: tf.Tensor, e: tf.Tensor) => {
          const out = gatedLinearAttention(a as tf.Tensor4D, b as tf.Tensor4D, c as tf.Tensor4D, e as tf.Tensor4D, { mode });
          return tf.add(tf.sum(out.output), tf.sum(out.finalState));
        });
        expect(leakedTensors(() => tf.dispose(g([t.q, t.k, t.v, t.gk])))).toBe(0);
      }
      tf.dispose(Object.values(t).filter((v): v is tf.Tensor4D => v !== undefined));
    }
  });
});
