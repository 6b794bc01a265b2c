/** tfjs in tests: the wasm backend (as in notebooks), selected once per test file. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll } from 'vitest';
import { useNodeBackend } from '../../lib/node/backend.js';

export function useWasmBackend(): void {
  beforeAll(async () => {
    await useNodeBackend('wasm');
  });
}

/** Runs `fn` and returns how many tensors it left behind (0 for a leak-free call). */
export function leakedTensors(fn: () => void): number {
  const before = tf.memory().numTensors;
  fn();
  return tf.memory().numTensors - before;
}
