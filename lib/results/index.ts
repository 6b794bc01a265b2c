/** Data-file envelope, schema and the claims ledger (../shared/DESIGN.md, ../shared/EXPERIMENTS.md). */
export * from './claims.js';
export * from './envelope.js';
export * from './compare.js';
export * from './verdict.js';
export * from './markdown.js';
