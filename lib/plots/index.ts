/** Figure functions: (rows, options) -> Observable Plot element; real DOM in the browser, virtual in Node. */
export * from './raster.js';
export * from './lines.js';
export * from './histogram.js';
export * from './heatmap.js';
export * from './recall-heatmap.js';
