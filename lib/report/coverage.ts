/**
 * What the audit (notebook 08) considered: every part of the report and the seed pages, the claim
 * ids that cover it (here or in notebooks 01–07) and, for what no claim covers, why it was left out.
 */

export interface CoverageItem {
  /** "abstract", "§3.4", "Table 8", "Fig. 5", "seed 003" */
  item: string;
  page: string;
  /** claim ids or id prefixes (ending in ".") that check its numbers, in any notebook */
  coveredBy: string[];
  /** what is not checked, and why ("" when everything with a number is covered) */
  leftOut: string;
}

export const REPORT_COVERAGE: readonly CoverageItem[] = [
  {
    item: 'abstract',
    page: '1',
    coveredBy: [
      'train.cpt_tokens_total',
      'train.gpus_7b_128k',
      'train.gpus_76b_8k',
      'ttft.speedup_4m',
      'spiking.sparsity_k3',
      'spiking.table11.k3.sparsity_vs_text',
    ],
    leftOut:
      '"MFU at expected levels" and "weeks of stable training": no number to check beyond §5.4 (train.mfu_7b_metax, train.stable_weeks: not testable)',
  },
  {
    item: '§1 Introduction',
    page: '1–4',
    coveredBy: [
      'train.cpt_fraction_below_2pct',
      'train.cpt_fraction_vs_base_pct',
      'cpu.decode_speedup_256k',
      'cpu.fig7.ratio_256k_labels',
      'ttft.speedup_4m',
    ],
    leftOut:
      '"long-context extension (up to 128k)" is a training setting (covered by §3.4\'s stages); "∼69 % sparsity" is the abstract\'s 69.15 %',
  },
  {
    item: 'Fig. 1',
    page: '3',
    coveredBy: ['train.cpt_tokens_total', 'train.cpt_fraction_below_2pct', 'ttft.speedup_4m', 'spiking.sparsity_k3'],
    leftOut:
      "a diagram; its numbers (about 150B tokens, more than 10T from scratch, sparsity > 69 %, < 2 % data, > 100x TTFT at 4M) are the text's and are checked there",
  },
  { item: 'Fig. 2', page: '3', coveredBy: [], leftOut: 'a diagram of deployment platforms without numbers' },
  {
    item: '§2.1 Core components (eq. 1–9)',
    page: '4–6',
    coveredBy: ['ttft.', 'arch.state_bytes_7b', 'arch.kv_bytes_qwen_1m', 'moe.'],
    leftOut:
      'complexity orders O(n^2), O(n), O(1) are checked as measured exponents and memory in notebook 06; the LIF equation (9) is background the report replaces',
  },
  { item: '§2.2 Integrated architectures (eq. 10–11)', page: '6–8', coveredBy: ['arch.'], leftOut: '' },
  { item: 'Fig. 3', page: '7', coveredBy: ['arch.sb76b.', 'arch.sb7b.fig3_repeats', 'moe.alpha_s1_k1_n16'], leftOut: '' },
  {
    item: '§3.1 Attention map correspondence (eq. 12–14)',
    page: '8–9',
    coveredBy: ['conversion.'],
    leftOut: "no stated numbers; the conversion by weight reuse is notebook 07's experiment",
  },
  { item: '§3.2 MoE upcycling (eq. 15–18)', page: '9', coveredBy: ['moe.'], leftOut: '' },
  {
    item: '§3.3 Spiking (eq. 19–23)',
    page: '10–13',
    coveredBy: ['coding.', 'spiking.mean_abs_over_std', 'w8aspike.calibration_hours'],
    leftOut: '',
  },
  { item: 'Fig. 4', page: '11', coveredBy: ['coding.fig4.', 'spiking.fig4.within_7', 'coding.ternary_halves_steps'], leftOut: '' },
  {
    item: '§3.4 Multi-stage conversion pipeline',
    page: '13–14',
    coveredBy: ['train.cpt_', 'train.tokens_', 'arch.sb7b.rope_theta'],
    leftOut:
      'SFT sample counts (500k, 500k, 150k at 8k) and the 1:1 Chinese-English ratio: no total or derived number is stated, nothing to cross-check',
  },
  {
    item: '§4.1 Distributed training adaptation',
    page: '14–15',
    coveredBy: ['train.checkpoint_io_saving_pct'],
    leftOut: 'InfiniBand 200/400G and PCIe 5.0 are hardware specifications, not results',
  },
  { item: 'Fig. 5', page: '15', coveredBy: [], leftOut: 'a diagram of the operator adaptation without numbers' },
  { item: '§4.2 Operator adaptation', page: '15–16', coveredBy: [], leftOut: 'no numbers' },
  {
    item: '§4.3 Parallel topology',
    page: '16–17',
    coveredBy: ['train.gpus_7b_128k', 'train.gpus_76b_8k'],
    leftOut: 'the 32k/128k SP degrees of the 76B (4-way, 8-way) have no stated GPU total to check',
  },
  { item: '§5.1 Downstream performance', page: '17–19', coveredBy: ['bench.'], leftOut: '' },
  {
    item: 'Table 1',
    page: '18',
    coveredBy: ['bench.table1.', 'train.tokens_table1_7b'],
    leftOut:
      "the baselines' parameter and token counts are third-party facts the report quotes; nothing in the report to check them against",
  },
  {
    item: 'Table 2',
    page: '18',
    coveredBy: [
      'bench.table2.',
      'bench.table2_vs_table1.all_improve',
      'train.tokens_table2_76b',
      'arch.sb76b.total_params_b',
      'arch.sb76b.active_params_b',
    ],
    leftOut: "baselines' parameter and token counts, as for Table 1",
  },
  {
    item: 'Table 4',
    page: '32',
    coveredBy: ['bench.table4.', 'bench.table2_vs_table1.all_improve'],
    leftOut:
      'against Tables 1–2 ("SFT does not degrade the general capabilities"): Table 4 is generation-based, Tables 1–2 perplexity-based, so the scores are not like for like (e.g. 76B HellaSwag 73.31 vs 86.63)',
  },
  { item: 'Table 5', page: '33', coveredBy: ['bench.table5.vs_qwen_pct'], leftOut: '' },
  { item: 'Table 6', page: '33', coveredBy: ['bench.table6.vs_qwen_pct'], leftOut: '' },
  {
    item: '§5.2 Long-context efficiency',
    page: '19–20',
    coveredBy: ['ttft.', 'train.tgs_speedup_128k'],
    leftOut: '"averaged over 10 runs": no spread is given to check',
  },
  {
    item: 'Fig. 6',
    page: '19',
    coveredBy: ['ttft.speedup_1m', 'ttft.speedup_4m'],
    leftOut: "its labels (26.5x, 104.1x) are notebook 06's claims: not duplicated here",
  },
  { item: 'Table 7', page: '34', coveredBy: ['ttft.speedup_1m', 'ttft.speedup_4m', 'ttft.table7.sb_growth_pct'], leftOut: '' },
  {
    item: 'Table 8',
    page: '34',
    coveredBy: ['ttft.table8.'],
    leftOut: "the absolute latencies need MetaX C550 GPUs; only the text's comparisons are checked",
  },
  {
    item: '§5.3 CPU-side inference',
    page: '20',
    coveredBy: ['cpu.'],
    leftOut: 'hardware details (i5-12600KF, 64 GB, CMake 3.28.3) are set-up, not results',
  },
  {
    item: 'Fig. 7',
    page: '19',
    coveredBy: ['cpu.fig7.', 'cpu.decode_speedup_'],
    leftOut: 'the prefill speeds in the legend (273.31 and 239.42 tokens/s) carry no stated ratio',
  },
  { item: 'Fig. 8', page: '20', coveredBy: [], leftOut: 'a pipeline diagram without numbers' },
  { item: '§5.4 MetaX cluster', page: '21', coveredBy: ['train.mfu_7b_metax', 'train.tgs_7b_metax', 'train.stable_weeks'], leftOut: '' },
  {
    item: '§5.5 Spiking scheme',
    page: '21–23',
    coveredBy: ['spiking.', 'energy.', 'w8aspike.table3.'],
    leftOut: 'the 128 calibration samples are a set-up figure',
  },
  { item: 'Table 3', page: '21', coveredBy: ['w8aspike.table3.', 'w8aspike.avg_drop_7b'], leftOut: '' },
  {
    item: 'Fig. 9',
    page: '22',
    coveredBy: ['spiking.sparsity_k3', 'spiking.avg_spikes', 'spiking.silent_channels'],
    leftOut: "its bar labels are notebook 02's claims: not duplicated here",
  },
  {
    item: '§6 Negative results',
    page: '23',
    coveredBy: [],
    leftOut: 'qualitative observations; "e.g. to 32k" is a suggestion, not a result',
  },
  {
    item: '§7 Conclusion',
    page: '23–24',
    coveredBy: ['train.cpt_fraction_below_2pct', 'ttft.speedup_4m', 'arch.state_bytes_7b'],
    leftOut: '',
  },
  {
    item: 'Broader impact, contributions, acknowledgments, references',
    page: '24–31',
    coveredBy: [],
    leftOut: 'no claims about results (grant numbers are not claims)',
  },
  {
    item: 'App. A.1–A.2 Benchmarks and models',
    page: '32',
    coveredBy: ['train.tokens_below_200b'],
    leftOut: 'lists of benchmarks and baselines',
  },
  {
    item: 'App. A.3–A.4 Instruct and LongBench',
    page: '32–33',
    coveredBy: ['bench.table5.vs_qwen_pct', 'bench.table6.vs_qwen_pct', 'arch.sb76b.full_attention_layers', 'arch.sb76b.fa_ratio'],
    leftOut: '',
  },
  {
    item: 'App. A.5–A.6 Long-context and CPU details',
    page: '34–35',
    coveredBy: ['ttft.', 'cpu.'],
    leftOut: 'Q4_0/GGUF details are settings',
  },
  { item: 'App. A.7 MetaX vs NVIDIA', page: '35–36', coveredBy: ['metax.'], leftOut: '' },
  { item: 'Table 9', page: '35', coveredBy: ['metax.table9.'], leftOut: '' },
  {
    item: 'Table 10',
    page: '36',
    coveredBy: ['metax.table10.'],
    leftOut:
      'the per-operator changes (ΔFFN, ΔLA, ΔSWA, ΔNorm) cannot be recomputed: their latencies are not printed; only their signs and trend are checked',
  },
  { item: 'App. A.8 and Table 11', page: '36', coveredBy: ['spiking.table11.', 'w8aspike.table11.'], leftOut: '' },
  {
    item: 'App. A.9 and Fig. 10',
    page: '36–37',
    coveredBy: ['coding.fig10.'],
    leftOut: 'the rasters themselves depend on an input the report does not give; notebook 01 draws its own',
  },
  { item: 'App. B.1 and Table 12', page: '38', coveredBy: ['ablation.table12.', 'conversion.'], leftOut: '' },
  {
    item: 'App. B.2 and Table 13',
    page: '38–39',
    coveredBy: ['ablation.', 'ttft.table13.', 'moe.'],
    leftOut: 'the number of CPT steps (5B tokens / (8k x 32) = 19 073) is not stated, so nothing to compare',
  },
  {
    item: 'App. C Hardware implementation',
    page: '39–40',
    coveredBy: ['energy.'],
    leftOut: "qualitative hardware discussion; its one number (1.13 average spikes) is §5.5's",
  },
  { item: 'seed 000 (NeuronChip page)', page: '–', coveredBy: ['neuronchip.'], leftOut: 'third-party page, notebook 05' },
  { item: 'seed 001 (NeuronChip page)', page: '–', coveredBy: ['neuronchip.'], leftOut: 'third-party page, notebook 05' },
  {
    item: 'seed 002 (repository README)',
    page: '–',
    coveredBy: ['train.cpt_fraction_below_2pct', 'ttft.speedup_4m', 'spiking.sparsity_k3'],
    leftOut: 'repeats the Fig. 1 caption word for word; its Table 1/2 captions match §5.1',
  },
  {
    item: 'seed 003 (paper review)',
    page: '–',
    coveredBy: [
      'w8aspike.calibration_hours',
      'train.cpt_tokens_total',
      'train.cpt_fraction_below_2pct',
      'ttft.speedup_1m',
      'ttft.speedup_4m',
      'cpu.decode_speedup_256k',
      'spiking.sparsity_k3',
      'energy.reduction_vs_fp16_pct',
      'train.checkpoint_io_saving_pct',
      'coding.steps_bitwise_256',
    ],
    leftOut:
      'its figure and table numbers (Figure 5 / Table 4 for TTFT, Figure 8 for sparsity) follow an earlier version of the report (now Fig. 6 / Table 7, Fig. 9); the 1.5 h / 15 GB calibration is w8aspike.calibration_hours (not testable)',
  },
  {
    item: 'seed 004 (news article)',
    page: '–',
    coveredBy: ['ttft.speedup_4m', 'train.cpt_fraction_below_2pct'],
    leftOut:
      '"up to 100x performance boosts over conventional systems" widens the report\'s TTFT-at-4M figure to performance in general; the report measures at most 26.5x (Table 7) and extrapolates 104.1x; no further numbers',
  },
];

/** Items whose `coveredBy` names no claim in `ids` (an id, or a prefix ending in "."). */
export function uncoveredItems(ids: readonly string[], coverage: readonly CoverageItem[] = REPORT_COVERAGE): CoverageItem[] {
  const hit = (ref: string) => (ref.endsWith('.') || ref.endsWith('_') ? ids.some((id) => id.startsWith(ref)) : ids.includes(ref));
  return coverage.filter((c) => c.coveredBy.length > 0 && !c.coveredBy.every(hit));
}
