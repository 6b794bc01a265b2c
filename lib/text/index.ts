/** Text: the Brown corpus without tags, its fixed split, a byte-level tokenizer, training and evaluation windows. */
export * from './brown.js';
export * from './tokenizer.js';
export * from './windows.js';
