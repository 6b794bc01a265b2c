/** Weight files: safetensors read and write on bytes (isomorphic), 16-bit float conversions, tfjs helpers. */
export * from './safetensors.js';
export * from './half.js';
export * from './tf.js';
