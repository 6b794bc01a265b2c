import { describe, expect, it } from 'vitest';
import {
  describePlan,
  parameterCount,
  prefillFlops,
  qwen3_1_7BConfig,
  qwen3_1_7BHybridConfig,
  REPORT_FIG6,
  REPORT_TABLE7,
} from '../../lib/index.js';

describe("Table 13's ablation pair: Qwen3-1.7B and its hybrid", () => {
  it('Qwen3-1.7B counts 1.7B parameters, 1.4B without the (tied) embedding, as its model card says', () => {
    const p = parameterCount(qwen3_1_7BConfig());
    expect(p.total / 1e9).toBeCloseTo(1.72, 2);
    expect((p.total - p.embedding) / 1e9).toBeCloseTo(1.41, 2);
  });
  it('the hybrids mix GLA and SWA 1:1 or 1:3 over 28 blocks', () => {
    expect(describePlan(qwen3_1_7BHybridConfig(1))).toBe('28 blocks: 14 gla, 14 swa; 28 dense FFN');
    expect(describePlan(qwen3_1_7BHybridConfig(3))).toBe('28 blocks: 7 gla, 21 swa; 28 dense FFN');
  });
  it('the FLOP ratio grows with length and the 1:1 hybrid saves more than the 1:3', () => {
    const q = qwen3_1_7BConfig();
    const ratio = (swaPerLinear: 1 | 3, L: number) =>
      prefillFlops(q, L).total / prefillFlops(qwen3_1_7BHybridConfig(swaPerLinear), L).total;
    expect(ratio(1, 131072)).toBeGreaterThan(ratio(1, 65536));
    expect(ratio(1, 65536)).toBeGreaterThan(ratio(3, 65536));
  });
});

describe("Fig. 6's 4M label follows from Table 7 with TTFT proportional to length", () => {
  it('4 x 27929 / 1073 rounds to the 104.1x label', () => {
    const q1m = REPORT_TABLE7.qwen25[2]!;
    expect(Math.round((10 * 4 * q1m) / REPORT_TABLE7.spikingBrain7B[4]) / 10).toBe(REPORT_FIG6.labels.speedup4M);
    expect(Math.abs(4 * q1m - REPORT_FIG6.qwenReadFromPlot['4M'])).toBeLessThanOrEqual(REPORT_FIG6.readingResolutionMs);
  });
});
