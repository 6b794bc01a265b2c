/**
 * The REPORT_* views that notebooks read (02, 03, 06, 07, 09) are derived from the typed tables and
 * text numbers of lib/report, not typed a second time. Here they are pinned against the printed
 * report: a derivation that picked the wrong row or column, or rounded in the wrong unit, fails.
 */
import { describe, expect, it } from 'vitest';
import {
  REPORT_FIG7,
  REPORT_SPIKING_7B,
  REPORT_TABLE11,
  REPORT_TABLE11_ACCURACY,
  REPORT_TABLE13,
  REPORT_TABLE7,
  TABLE11_ACCURACY,
  TABLE12_SNIAH,
  table12Row,
  TEXT_5_5,
} from '../../lib/index.js';

describe('report views', () => {
  it('§5.5 as fractions equals the printed percentages exactly (no floating-point residue)', () => {
    expect(REPORT_SPIKING_7B).toEqual({
      sparsity: 0.6915,
      avgSpikes: 1.13,
      silentChannels: 0.184,
      within7: 0.941,
      over16: 0.01,
      window: 3,
      k: 3,
    });
    expect(TEXT_5_5.energy).toEqual({
      spikeMacPj: 0.034,
      reductionVsFp16Pct: 97.7,
      reductionVsInt8Pct: 85.2,
      gainVsFp16: 43.48,
      gainVsInt8: 6.76,
    });
  });

  it("Table 11's Avg. column, BF16 and every k", () => {
    expect(REPORT_TABLE11_ACCURACY.bf16).toBe(0.6998);
    expect(REPORT_TABLE11_ACCURACY.byK).toEqual([
      { k: 2, avg: 0.6735 },
      { k: 2.5, avg: 0.6807 },
      { k: 3, avg: 0.6875 },
      { k: 3.5, avg: 0.6898 },
      { k: 4, avg: 0.694 },
    ]);
    expect(REPORT_TABLE11.map((r) => r.k)).toEqual(REPORT_TABLE11_ACCURACY.byK.map((r) => r.k));
    expect(TABLE11_ACCURACY.rows).toHaveLength(REPORT_TABLE11.length + 1);
  });

  it("Table 7, Table 13's TTFT and Fig. 7's ratios", () => {
    expect(REPORT_TABLE7.lengths).toEqual([256, 512, 1024, 2048, 4096].map((k) => k * 1024));
    expect(REPORT_TABLE7.qwen25).toEqual([7419, 14398, 27929, null, null]);
    expect(REPORT_TABLE13).toEqual({
      lengths: [65536, 131072],
      baseline: [3805.6, 12553.3],
      hybrid: [2239.7, 4729.4],
      moe: [4880.7, 14230.1],
      hybridMoe: [2558.2, 5055.2],
    });
    expect(REPORT_FIG7).toEqual({ lengths: [65536, 131072, 262144], speedup: [4.04, 7.52, 15.39] });
  });

  it("Table 12's rows by variant, and the S-NIAH view notebook 09 compares with", () => {
    expect(table12Row('hybrid')).toMatchObject({ model: 'Hybrid', hellaswag: 57.88, sniah4k: 96.83, sniah8k: 44.44 });
    expect(TABLE12_SNIAH.swa_small).toEqual({ inside: 1.87, beyond: 0, model: 'Pure SWA (128)' });
    expect(TABLE12_SNIAH.fa).toEqual({ inside: 100, beyond: 98.41, model: 'FA Baseline' });
    expect(() => table12Row('gla' as 'fa')).toThrow(/variant must be one of fa, swa, swa_small, la, hybrid, got gla/);
  });
});
