/** Placeholder: filled by the neuronchip module. */
export {};
