/**
 * Moved to lib/node/checkpoints.ts (Node-only file access lives in lib/node/). This re-export keeps
 * notebook 07's `import * as ck from 'spikingbrain-lib/dist/training/node.js'` working until it
 * imports 'spikingbrain-lib/dist/node/index.js'; then delete it.
 */
export * from '../node/checkpoints.js';
