/** Live decoding for the page "Watch it spike" (issue 15): a session, per-token spike statistics, needle examples. */
export * from './stats.js';
export * from './distribution.js';
export * from './session.js';
export * from './examples.js';
export * from './models.js';
export * from './attention.js';
