/**
 * spikingbrain-lib: the public barrel. Notebooks, the site and tests import from here.
 * Grouped by folder; this file is the library's table of contents.
 */

// spike/: float -> integer counts (adaptive threshold) -> spike trains (report §3.3)
export * from './spike/index.js';

// util/: seeded random numbers and bit helpers
export { mulberry32, uniformIntegers, normalSamples, type Rng } from './util/random.js';
export { popcount32 } from './util/bits.js';
