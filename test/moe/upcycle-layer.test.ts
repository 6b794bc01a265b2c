import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SwiGLU, maxRelativeDeviation, normalSamples, randomSwiGLU, upcycleSwiGLU, upcycledMoE } from '../../lib/index.js';
import { swigluFromWeights } from '../helpers/swiglu.js';
import { useWasmBackend } from '../helpers/tfjs.js';

useWasmBackend();

const D = 16;
const F = 40;
const n = 8;
const ref = randomSwiGLU(D, F, 3);
const x = normalSamples(n * D, 4);

const denseFromRef = (): SwiGLU => swigluFromWeights(ref, 'model.layers.0.mlp');

const run = (f: (t: tf.Tensor2D) => tf.Tensor): Float64Array => {
  const out = tf.tidy(() => f(tf.tensor2d(Float32Array.from(x), [n, D])));
  const values = Float64Array.from(out.dataSync());
  out.dispose();
  return values;
};

describe('upcycleSwiGLU(dense, options) (tfjs MoE layer, eq. 15-18)', () => {
  let dense: SwiGLU;
  let y: Float64Array;
  beforeAll(() => {
    dense = denseFromRef();
    y = run((t) => dense.apply(t));
  });
  afterAll(() => dense.dispose());

  it('reproduces the dense FFN output at initialisation within float error (down-only scaling, 1/N weights)', () => {
    const moe = upcycleSwiGLU(dense, {
      name: 'model.layers.0.mlp',
      S: 1,
      k: 1,
      N: 16,
      scaling: 'down-only',
      routedWeights: 'uniform',
      seed: 5,
    });
    expect(
      maxRelativeDeviation(
        run((t) => moe.apply(t)),
        y,
      ),
    ).toBeLessThan(1e-5);
    moe.dispose();
  });
  it("with eq. 18's alpha on all three matrices it only approximates the dense output (silu is not homogeneous)", () => {
    const moe = upcycleSwiGLU(dense, { name: 'm', S: 1, k: 1, N: 16, scaling: 'report-cube-root', routedWeights: 'uniform', seed: 5 });
    const dev = maxRelativeDeviation(
      run((t) => moe.apply(t)),
      y,
    );
    expect(dev).toBeGreaterThan(1e-6);
    expect(dev).toBeLessThan(0.05);
    moe.dispose();
  });
  it('matches the float64 reference upcycledMoE with the same random sigmoid router, for every scaling', () => {
    for (const scaling of ['report-cube-root', 'down-only', 'none'] as const) {
      const moe = upcycleSwiGLU(dense, { name: 'm', S: 1, k: 2, N: 8, scaling, routedWeights: 'scores', seed: 9 });
      const want = upcycledMoE(ref, x, n, { S: 1, k: 2, N: 8, scaling, routerActivation: 'sigmoid', routedWeights: 'scores', seed: 9 });
      expect(
        maxRelativeDeviation(
          run((t) => moe.apply(t)),
          want,
        ),
      ).toBeLessThan(1e-5);
      moe.dispose();
    }
  });
  it('copies the dense weights into every expert (eq. 15) and keeps the dense FFN intact', () => {
    const moe = upcycleSwiGLU(dense, { name: 'm', S: 1, k: 1, N: 4, scaling: 'none', seed: 1 });
    for (const e of [...moe.experts, ...moe.shared]) {
      expect(Array.from(e.gate.weight.dataSync())).toEqual(Array.from(dense.gate.weight.dataSync()));
    }
    expect(run((t) => dense.apply(t))).toEqual(y);
    moe.dispose();
  });
});
