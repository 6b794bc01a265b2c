/** Placeholder: filled by the energy module. */
export {};
