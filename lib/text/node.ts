/**
 * Moved to lib/node/brown.ts (Node-only file access lives in lib/node/). This re-export keeps
 * notebook 07's and scripts/pilot-sniah.ts's import lines working until they import
 * 'spikingbrain-lib/dist/node/index.js'; then delete it.
 */
export { brownCorpusDir, readBrownCorpus } from '../node/brown.js';
