/** Models: config (reference config.json field names), presets, the stack of blocks, decoding with caches. */
export {};
