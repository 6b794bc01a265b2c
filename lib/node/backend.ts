/**
 * Node-only: the tfjs backend. The library's ops never choose a backend (lib is isomorphic); entry
 * points do: notebooks, tests and benchmarks call useNodeBackend() once. @tensorflow/tfjs-node
 * cannot install here, and wasm runs a 512x512 matmul about 20x faster than the cpu backend.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

export type NodeBackend = 'wasm' | 'cpu';

/** Selects (and waits for) a tfjs backend; returns its name. */
export async function useNodeBackend(name: NodeBackend = 'wasm'): Promise<string> {
  if (name !== 'wasm' && name !== 'cpu') throw new TypeError(`backend must be 'wasm' or 'cpu', got ${JSON.stringify(name)}`);
  if (tf.getBackend() !== name) {
    const ok = await tf.setBackend(name);
    if (!ok) throw new Error(`tfjs backend '${name}' failed to initialise`);
  }
  await tf.ready();
  return tf.getBackend();
}
