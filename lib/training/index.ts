/** Training: the loop, schedule, evaluation, checkpoints, conversion (§3.1), needle recall, spiking on real activations (§3.3, §5.5). */
export * from './schedule.js';
export * from './loop.js';
export * from './evaluate.js';
export * from './sha256.js';
export * from './checkpoint.js';
export * from './convert.js';
export * from './needle.js';
export * from './spiking.js';
export * from './sniah.js';
export * from './sniah-eval.js';
export * from './weighted-loss.js';
export * from './sniah-train.js';
