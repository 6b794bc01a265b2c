/** MoE upcycling (report §3.2, eq. 15–18). */
export * from './alpha.js';
export * from './swiglu.js';
export * from './upcycle.js';
