/** Node-only: tfjs backend choice (placeholder). */
export {};
