/** Quantization (report §3.3, W8ASpike): INT8 group-wise weights, spiking activations at linear inputs. */
export * from './int8.js';
export { absRowSumTorchOrder } from './torch-order-sum.js';
export { adaptiveSpikesTensor, type AdaptiveSpikesTensor, type AdaptiveSpikesTensorOptions, type SumOrder } from './spikes.js';
export { w8aspikeLinear, spikeStraightThrough, type W8ASpikeLinearOptions } from './linear.js';
export { SpikeStatsCollector, type SpikeStatsSummary, type SpikeStatsCollectorOptions } from './collector.js';
