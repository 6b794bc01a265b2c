/** Long-context efficiency (report §5.2–5.3): scaling-curve fits and the report's figures. */
export * from './fit.js';
export * from './cost.js';
export * from './configs.js';
export * from './measure.js';
