/** Spike coding (report §3.3): schemes, packed trains, adaptive threshold, spike-driven matmul, statistics. */
export * from './schemes.js';
export { encodeSpikes, type SpikeTrain, type EncodeOptions } from './train.js';
export { MAX_RATE_T } from './layout.js';
export * from './adaptive.js';
export * from './matmul.js';
export * from './stats.js';
export { naiveEncode, naiveDecode } from './naive.js';
export * from './zero-point.js';
