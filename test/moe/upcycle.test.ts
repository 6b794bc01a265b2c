import { describe, expect, it } from 'vitest';
import {
  upcycleAlpha,
  moeAmplification,
  randomSwiGLU,
  swiglu,
  scaleSwiGLU,
  upcycledMoE,
  maxRelativeDeviation,
  silu,
  normalSamples,
} from '../../lib/index.js';

describe('upcycleAlpha(S, k, N) (eq. 18)', () => {
  it('gives 0.98 for S = 1, k = 1, N = 16', () => {
    expect(upcycleAlpha(1, 1, 16)).toBeCloseTo(Math.cbrt(16 / 17), 15);
    expect(upcycleAlpha(1, 1, 16).toFixed(2)).toBe('0.98');
    expect(moeAmplification(1, 2, 8)).toBe(1.25);
  });
  it('is 1 with no shared expert and all routed experts active', () => {
    expect(upcycleAlpha(0, 4, 4)).toBe(1);
  });
  it('rejects impossible expert counts', () => {
    expect(() => upcycleAlpha(1, 17, 16)).toThrow(/k \(active routed experts\) must be an integer in \[0, 16\], got 17/);
    expect(() => upcycleAlpha(-1, 1, 16)).toThrow(/S \(shared experts\)/);
    expect(() => upcycleAlpha(0, 0, 16)).toThrow(/cannot both be 0/);
  });
});

describe('swiglu(w, x, n)', () => {
  const w = randomSwiGLU(4, 6, 1);
  const x = normalSamples(2 * 4, 2);
  it('is linear in the down projection and in the up projection', () => {
    const y = swiglu(w, x, 2);
    expect(
      maxRelativeDeviation(
        swiglu(scaleSwiGLU(w, 1, 1, 0.5), x, 2),
        y.map((v) => v * 0.5),
      ),
    ).toBeLessThan(1e-14);
    expect(
      maxRelativeDeviation(
        swiglu(scaleSwiGLU(w, 1, 0.5, 1), x, 2),
        y.map((v) => v * 0.5),
      ),
    ).toBeLessThan(1e-14);
  });
  it('is not homogeneous in the gate: silu(a z) != a silu(z)', () => {
    expect(silu(0.5 * 2)).not.toBeCloseTo(0.5 * silu(2), 3);
  });
  it('rejects a shape mismatch', () => {
    expect(() => swiglu(w, x, 3)).toThrow(/expected x of shape \[3, 4\]/);
  });
});

describe('upcycledMoE(dense, x, n, options) at initialisation', () => {
  const dense = randomSwiGLU(16, 40, 3);
  const x = normalSamples(8 * 16, 4);
  const y = swiglu(dense, x, 8);
  it('equals the dense FFN exactly with down-only scaling and uniform router weights', () => {
    const moe = upcycledMoE(dense, x, 8, { S: 1, k: 1, N: 16, scaling: 'down-only', routedWeights: 'uniform', seed: 5 });
    expect(maxRelativeDeviation(moe, y)).toBeLessThan(1e-14);
  });
  it("only approximates it with the report's cube-root scaling (silu is not homogeneous)", () => {
    const moe = upcycledMoE(dense, x, 8, { S: 1, k: 1, N: 16, scaling: 'report-cube-root', routedWeights: 'uniform', seed: 5 });
    const dev = maxRelativeDeviation(moe, y);
    expect(dev).toBeGreaterThan(1e-6);
    expect(dev).toBeLessThan(0.05);
  });
  it('weighs the top expert by its softmax probability: between 1/N and 1, below the sigmoid score', () => {
    const soft = upcycledMoE(dense, x, 8, { S: 0, k: 1, N: 16, scaling: 'none', routerActivation: 'softmax', seed: 5 });
    const sig = upcycledMoE(dense, x, 8, { S: 0, k: 1, N: 16, scaling: 'none', routerActivation: 'sigmoid', seed: 5 });
    for (let r = 0; r < 8; r++) {
      const w = soft[r * 16]! / y[r * 16]!;
      expect(w).toBeGreaterThanOrEqual(1 / 16 - 1e-12);
      expect(w).toBeLessThanOrEqual(1);
      expect(w).toBeLessThan(sig[r * 16]! / y[r * 16]!);
    }
    expect(() => upcycledMoE(dense, x, 8, { S: 1, k: 1, N: 16, scaling: 'none', routerActivation: 'relu' as never, seed: 5 })).toThrow(
      /routerActivation must be one of 'sigmoid', 'softmax'; got "relu"/,
    );
    expect(() => upcycledMoE(dense, x, 8, { S: 1, k: 1, N: 16, scaling: 'half' as never, seed: 5 })).toThrow(
      /scaling must be one of 'report-cube-root', 'down-only', 'none'/,
    );
  });
  it('amplifies the output by S + k/N without scaling', () => {
    const moe = upcycledMoE(dense, x, 8, { S: 1, k: 2, N: 8, scaling: 'none', routedWeights: 'uniform', seed: 5 });
    expect(
      maxRelativeDeviation(
        moe,
        y.map((v) => v * 1.25),
      ),
    ).toBeLessThan(1e-14);
  });
});
