/**
 * Energy per operation at 45 nm (report §5.5, citing Yao et al., 2024b, whose figures come from
 * Horowitz, "Computing's energy problem (and what we can do about it)", ISSCC 2014).
 * Each constant carries its source so a figure can always be traced.
 */

export interface EnergyConstant {
  readonly pj: number;
  readonly source: string;
}

/** Horowitz 2014 (45 nm, 0.9 V), the per-operation figures the report's table is built from. */
export const HOROWITZ_45NM = {
  fp16MultPj: 1.1,
  fp16AddPj: 0.4,
  int8MultPj: 0.2,
  int8AddPj: 0.03,
} as const;

/** FP16 multiply + FP16 add. */
export const FP16_MAC: EnergyConstant = {
  pj: HOROWITZ_45NM.fp16MultPj + HOROWITZ_45NM.fp16AddPj,
  source: 'report §5.5 (1.5 pJ); Horowitz 2014: FP16 mult 1.1 pJ + add 0.4 pJ',
};
/** INT8 multiply + INT8 add. */
export const INT8_MAC: EnergyConstant = {
  pj: HOROWITZ_45NM.int8MultPj + HOROWITZ_45NM.int8AddPj,
  source: 'report §5.5 (0.23 pJ); Horowitz 2014: 8-bit mult 0.2 pJ + add 0.03 pJ',
};
/** INT8 add: what one spike costs when it adds an INT8 weight. */
export const INT8_ADD: EnergyConstant = { pj: HOROWITZ_45NM.int8AddPj, source: 'report §5.5 (0.03 pJ); Horowitz 2014: 8-bit add 0.03 pJ' };
/**
 * Reading one byte of weight from an 8 KB SRAM: Horowitz 2014 gives 10 pJ per 64-bit read.
 * ASSUMPTION of ours, not the report's: the report names the saving from skipped weight fetches
 * but gives no energy for it.
 */
export const SRAM_READ_PER_BYTE: EnergyConstant = {
  pj: 10 / 8,
  source: 'assumption: Horowitz 2014, 8 KB SRAM 64-bit read 10 pJ, per byte',
};
