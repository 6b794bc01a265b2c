/** Sparsity definitions, reference distributions and consistency checks (report §5.5, Table 11, Fig. 9). */
export * from './distributions.js';
export * from './sparsity.js';
export * from './consistency.js';
export * from './attention-maps.js';
export * from './fig9.js';
