/** Energy and op-count model with cited constants (report §5.5, eq. 24). */
export * from './constants.js';
export * from './model.js';
