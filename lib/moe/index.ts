/** Placeholder: filled by the moe module. */
export {};
