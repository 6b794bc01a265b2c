/**
 * spikingbrain-lib: the public barrel. Notebooks, the site and tests import from here.
 * Grouped by folder; this file is the library's table of contents.
 */

// spike/: float -> integer counts (adaptive threshold) -> spike trains (report §3.3)
export * from './spike/index.js';

// analysis/: sparsity definitions and reference distributions (report §5.5, Table 11)
export * from './analysis/index.js';

// energy/: energy and op-count model with cited constants (report §5.5, eq. 24)
export * from './energy/index.js';

// ops/: stateless tensor functions (tfjs): softmax / sliding-window attention, gated linear attention
export * from './ops/index.js';

// layers/: weight-owning blocks built on ops (GLA, SWA, full attention, FFN, MoE, hybrids)
export * from './layers/index.js';

// models/: configs with the reference field names, presets, the model stack, decoding with caches
export * from './models/index.js';

// quant/: INT8 group-wise weights and W8ASpike spiking activations
export * from './quant/index.js';

// io/: safetensors weights with the reference parameter names
export * from './io/index.js';

// moe/: MoE upcycling (report §3.2, eq. 15-18)
export * from './moe/index.js';

// efficiency/: scaling-curve fits, cost model and the report's efficiency figures (report §5.2-5.3)
export * from './efficiency/index.js';

// neuronchip/: event-driven accelerator simulator (seed pages 000, 001)
export * from './neuronchip/index.js';
export * from './report/index.js'; // report/: the report's numbers with their location, and checks of them (notebook 08)

// results/: data-file envelope, schema, rounding, the claims ledger
export * from './results/index.js';

// plots/: figure functions on plain rows (Observable Plot)
export * from './plots/index.js';

// util/: seeded random numbers and bit helpers
export { mulberry32, uniformIntegers, normalSamples, type Rng } from './util/random.js';
export { popcount32 } from './util/bits.js';

// text/: the Brown corpus without tags, its fixed split, a byte-level tokenizer, token windows
export * from './text/index.js';

// training/: training loop, evaluation, checkpoints, conversion, needle recall, real-activation spiking, MoE upcycling
export * from './training/index.js';
export * from './recall/heatmap.js'; // recall/: needle-in-a-haystack recall heatmaps (notebook 09)
