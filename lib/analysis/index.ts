/** Placeholder: filled by the analysis module. */
export {};
