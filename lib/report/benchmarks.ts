/**
 * The report's benchmark tables as typed data (report §5.1, App. A.3–A.4: Tables 1, 2, 4, 5, 6),
 * transcribed from the PDF (pages 18, 32, 33). Rows are benchmarks, columns are models. The marks
 * of Tables 1 and 2 (bold = best, underlined = second best) are transcribed as column names.
 */
import type { ScoreTable } from './source.js';

export interface MarkedTable extends ScoreTable {
  /** per row: the column printed bold and the column underlined */
  marks: readonly { bold: string; underlined: string }[];
  /** per column: parameters, training tokens and complexity type as printed */
  header: Readonly<Record<string, { params: string; tokens: string; complexity: string }>>;
}

/** Table 1 (p. 18): SpikingBrain-7B pre-trained, HuggingFace, perplexity-based. */
export const TABLE1: MarkedTable = {
  location: { where: 'Table 1', page: 18 },
  caption: 'Performance evaluation of the SpikingBrain-7B pre-trained model (HuggingFace, perplexity-based)',
  columns: ['SpikingBrain-7B', 'Falcon-Mamba', 'Mistral', 'Zamba-v1', 'Llama3.1', 'Qwen2.5 (base)'],
  rows: [
    { name: 'MMLU', values: [65.84, 63.24, 62.56, 58.19, 65.74, 74.21] },
    { name: 'CMMLU', values: [71.58, 42.5, 44.58, 38.42, 52.44, 81.73] },
    { name: 'ARC-C', values: [43.32, 47.53, 45.13, 37.18, 51.96, 44.04] },
    { name: 'HellaSwag', values: [70.89, 71.5, 75.81, 52.02, 71.6, 72.81] },
    { name: 'Ceval', values: [69.8, 41.93, 47.04, 36.4, 51.46, 81.6] },
  ],
  marks: [
    { bold: 'Qwen2.5 (base)', underlined: 'SpikingBrain-7B' },
    { bold: 'Qwen2.5 (base)', underlined: 'SpikingBrain-7B' },
    { bold: 'Llama3.1', underlined: 'Falcon-Mamba' },
    { bold: 'Mistral', underlined: 'Qwen2.5 (base)' },
    { bold: 'Qwen2.5 (base)', underlined: 'SpikingBrain-7B' },
  ],
  header: {
    'SpikingBrain-7B': { params: '7B', tokens: '+150B', complexity: 'Linear' },
    'Falcon-Mamba': { params: '7B', tokens: '5.8T', complexity: 'Linear' },
    Mistral: { params: '7B', tokens: '–', complexity: 'Linear' },
    'Zamba-v1': { params: '7B', tokens: '1T', complexity: 'Hybrid' },
    'Llama3.1': { params: '8B', tokens: '15T', complexity: 'Quadratic' },
    'Qwen2.5 (base)': { params: '7B', tokens: '18T', complexity: 'Quadratic' },
  },
};

/** Table 2 (p. 18): SpikingBrain-76B pre-trained, vLLM, perplexity-based. */
export const TABLE2: MarkedTable = {
  location: { where: 'Table 2', page: 18 },
  caption: 'Performance evaluation of the SpikingBrain-76B pre-trained model (vLLM, perplexity-based)',
  columns: ['SpikingBrain-76B', 'Jamba', 'Mixtral-8*7B', 'LLama2-70b', 'Gemma2-27B', 'Qwen2.5 (base)'],
  rows: [
    { name: 'MMLU', values: [73.58, 67.17, 71.23, 69.57, 75.94, 75.31] },
    { name: 'CMMLU', values: [78.83, 51.11, 52.7, 52.94, 61.8, 81.5] },
    { name: 'ARC-C', values: [42.0, 49.1, 48.98, 46.21, 57.64, 43.56] },
    { name: 'HellaSwag', values: [73.31, 79.39, 79.42, 79.15, 79.34, 73.37] },
    { name: 'Ceval', values: [78.89, 48.94, 54.39, 49.26, 61.02, 81.68] },
  ],
  marks: [
    { bold: 'Gemma2-27B', underlined: 'Qwen2.5 (base)' },
    { bold: 'Qwen2.5 (base)', underlined: 'SpikingBrain-76B' },
    { bold: 'Gemma2-27B', underlined: 'Jamba' },
    { bold: 'Mixtral-8*7B', underlined: 'Jamba' },
    { bold: 'Qwen2.5 (base)', underlined: 'SpikingBrain-76B' },
  ],
  header: {
    'SpikingBrain-76B': { params: '12B/76B', tokens: '+160B', complexity: 'Hybrid' },
    Jamba: { params: '12B/52B', tokens: '–', complexity: 'Hybrid' },
    'Mixtral-8*7B': { params: '13B/47B', tokens: '–', complexity: 'Quadratic' },
    'LLama2-70b': { params: '70B', tokens: '2T', complexity: 'Quadratic' },
    'Gemma2-27B': { params: '27B', tokens: '13T', complexity: 'Quadratic' },
    'Qwen2.5 (base)': { params: '7B', tokens: '18T', complexity: 'Quadratic' },
  },
};

/** Table 4 (p. 32): instruct models, vLLM, generation-based (no token counts printed). */
export const TABLE4: MarkedTable = {
  location: { where: 'Table 4', page: 32 },
  caption: 'Performance evaluation of SpikingBrain instruct models (vLLM, generation-based)',
  columns: ['SpikingBrain-7B', 'SpikingBrain-76B', 'Llama3', 'Qwen2.5', 'Mixtral'],
  rows: [
    { name: 'MMLU', values: [65.57, 73.71, 68.69, 75.17, 71.03] },
    { name: 'CMMLU', values: [68.76, 77.41, 55.17, 79.14, 51.03] },
    { name: 'HellaSwag', values: [68.95, 86.63, 76.8, 85.39, 75.63] },
    { name: 'Ceval', values: [69.07, 76.32, 55.01, 77.93, 50.88] },
    { name: 'NQ', values: [21.47, 21.55, 30.97, 17.67, 28.48] },
    { name: 'TrQ', values: [57.03, 55.13, 65.78, 55.72, 71.0] },
    { name: 'QuALITY', values: [60.12, 69.56, 66.25, 73.63, 51.34] },
    { name: 'IFEval', values: [42.7, 49.72, 73.01, 73.2, 48.06] },
  ],
  marks: [
    { bold: 'Qwen2.5', underlined: 'SpikingBrain-76B' },
    { bold: 'Qwen2.5', underlined: 'SpikingBrain-76B' },
    { bold: 'SpikingBrain-76B', underlined: 'Qwen2.5' },
    { bold: 'Qwen2.5', underlined: 'SpikingBrain-76B' },
    { bold: 'Llama3', underlined: 'Mixtral' },
    { bold: 'Mixtral', underlined: 'Llama3' },
    { bold: 'Qwen2.5', underlined: 'SpikingBrain-76B' },
    { bold: 'Qwen2.5', underlined: 'Llama3' },
  ],
  header: {
    'SpikingBrain-7B': { params: '7B', tokens: '–', complexity: 'Linear' },
    'SpikingBrain-76B': { params: '12B/76B', tokens: '–', complexity: 'Hybrid' },
    Llama3: { params: '8B', tokens: '–', complexity: 'Quadratic' },
    'Qwen2.5': { params: '7B', tokens: '–', complexity: 'Quadratic' },
    Mixtral: { params: '13B/47B', tokens: '–', complexity: 'Quadratic' },
  },
};

/** Table 5 (p. 33): SpikingBrain-76B (after SFT stage 2) on six LongBench tasks, prompts truncated to 32k. */
export const TABLE5: ScoreTable = {
  location: { where: 'Table 5', page: 33 },
  caption: 'SpikingBrain-76B on six LongBench tasks (32k)',
  columns: ['SpikingBrain-76B', 'Jamba', 'Qwen2.5', 'Mixtral'],
  rows: [
    { name: 'HotpotQA', values: [50.0, 11.38, 57.62, 36.42] },
    { name: 'NarrativeQA', values: [23.92, 3.73, 27.96, 7.44] },
    { name: 'TriviaQA', values: [90.84, 92.63, 85.92, 85.97] },
    { name: 'TREC', values: [67.0, 77.0, 68.5, 19.25] },
    { name: 'MultiNews', values: [25.89, 8.44, 23.79, 26.52] },
    { name: 'Qasper', values: [39.59, 10.67, 45.13, 28.37] },
  ],
};

/** Table 6 (p. 33): the same six tasks at 128k (Qwen2.5 extended with YaRN). */
export const TABLE6: ScoreTable = {
  location: { where: 'Table 6', page: 33 },
  caption: 'SpikingBrain-76B on six LongBench tasks (128k)',
  columns: ['SpikingBrain-76B', 'Qwen2.5'],
  rows: [
    { name: 'HotpotQA', values: [48.42, 57.96] },
    { name: 'NarrativeQA', values: [23.35, 27.1] },
    { name: 'TriviaQA', values: [91.24, 88.25] },
    { name: 'TREC', values: [72.0, 62.5] },
    { name: 'MultiNews', values: [26.51, 23.51] },
    { name: 'Qasper', values: [38.85, 44.43] },
  ],
};
