/** Placeholder: filled by the ops module. */
export {};
