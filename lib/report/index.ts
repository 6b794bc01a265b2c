/**
 * report/: the report's own numbers as typed data with their location (tables, figures, text) and
 * pure checks of them against each other, the arithmetic and our presets (issue 10, notebook 08).
 */
export * from './source.js';
export * from './benchmarks.js';
export * from './spiking-tables.js';
export * from './efficiency-tables.js';
export * from './ablation-tables.js';
export * from './text-numbers.js';
export * from './checks.js';
export { trainingClaims, architectureClaims } from './audit-training.js';
export { benchmarkClaims, columnAverages } from './audit-benchmarks.js';
export { spikingClaims } from './audit-spiking.js';
export { efficiencyClaims, table8Latency, metaxRatios } from './audit-efficiency.js';
export { ablationClaims } from './audit-ablation.js';
export { REPORT_COVERAGE, uncoveredItems, type CoverageItem } from './coverage.js';
