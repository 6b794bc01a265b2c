/**
 * Node-only helpers for notebooks and scripts: paths and run mode, writing data files, rendering
 * figures. Import as 'spikingbrain-lib/dist/node/index.js' (notebooks) or from source (scripts);
 * the site never imports this folder.
 */
export * from './paths.js';
export * from './write.js';
export * from './figures.js';
export * from './backend.js';
export * from './progress.js';
export * from './files.js';
export * from './brown.js';
export * from './checkpoints.js';
