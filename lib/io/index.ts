/** Weight files: safetensors read and write with the reference parameter names. */
export {};
