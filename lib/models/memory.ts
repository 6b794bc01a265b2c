/**
 * Up-front memory estimates for a training step or a forward pass of the library's models (report
 * §3.1 trains and §5.2 prefills the hybrids; here at laptop scale on tfjs). The wasm backend has one
 * 32-bit heap (at most 4 GiB); a request that does not fit aborts inside wasm and can leave the
 * backend unusable, so the model checks the estimate first and refuses with the batch, the length,
 * the bytes and the limit.
 *
 * The estimate is a calibrated count, not a bound: per token and layer ~60·D + 40·F floats kept for
 * the backward pass (measured with tf.profile on the tiny presets: 0.38 MB per token for
 * tinyFullAttentionConfig, 0.43 MB for tinyConfig), plus the attention probabilities of the visible
 * band (all layers kept, one layer's temporaries) and a 15 % margin.
 */
import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from './config.js';
import { blockPlan, swaWindowKeys } from './plan.js';

/** Bytes the wasm heap can hold (its 32-bit limit, less room for fragmentation). */
export const WASM_HEAP_LIMIT_BYTES = 3.5 * 2 ** 30;

/** Estimated peak bytes of one training step (forward, backward, Adam) on B sequences of L tokens. */
export function estimateTrainStepBytes(c: ModelConfig, B: number, L: number): number {
  return estimate(c, B, L, true);
}

/** Estimated peak bytes of a forward pass (no gradient) on B sequences of L tokens. */
export function estimateForwardBytes(c: ModelConfig, B: number, L: number): number {
  return estimate(c, B, L, false);
}

function estimate(c: ModelConfig, B: number, L: number, training: boolean): number {
  const D = c.hidden_size;
  const F = Math.max(c.intermediate_size, (c.moe_intermediate_size ?? 0) * Math.max(1, c.num_experts_per_tok + c.num_shared_experts));
  const H = c.num_attention_heads;
  const tokens = B * L;
  let perToken = 8 * c.vocab_size; // logits, log-probabilities, one-hot targets
  let kept = 0;
  let transient = 0;
  for (const { mixer } of blockPlan(c)) {
    perToken += training ? 60 * D + 40 * F : 0;
    if (mixer !== 'swa' && mixer !== 'full') perToken += training ? 30 * D : 0;
    if (mixer.includes('gla')) kept += B * H * L * Math.min(64, L); // chunk scores
    if (mixer.includes('swa') || mixer.includes('full')) {
      const w = mixer.includes('full') ? L : Math.min(L, swaWindowKeys(c) ?? L);
      // keys seen per query: the whole causal prefix in blocks for full attention, the window plus a block for SWA
      const band = B * H * L * (mixer.includes('full') ? (L <= 512 ? L : L / 2 + 256) : Math.min(L, w + (L <= 512 ? L : 256)));
      kept += training ? band : 0;
      transient = Math.max(
        transient,
        (training ? 6 : 2) * Math.min(band, B * H * Math.min(L, 512) * (mixer.includes('full') ? L : Math.min(L, w + 256))),
      );
    }
  }
  // forward only: a few [tokens, max(D, F)] activations and the logits are alive at once
  const activations = training ? tokens * perToken : tokens * (8 * Math.max(D, F) + 3 * c.vocab_size);
  return Math.ceil(1.15 * 4 * (activations + kept + transient));
}

/** The heap limit of the current backend (wasm), or Infinity where no fixed heap applies. */
export function memoryLimitBytes(): number {
  return tf.getBackend() === 'wasm' ? WASM_HEAP_LIMIT_BYTES : Infinity;
}

/** Throws before any tensor work when the estimate does not fit next to what is already allocated. */
export function checkFits(what: 'training step' | 'forward pass', bytes: number, B: number, L: number): void {
  const limit = memoryLimitBytes();
  const used = tf.memory().numBytes;
  if (bytes + used > limit) {
    const mib = (n: number) => `${(n / 2 ** 20).toFixed(0)} MiB`;
    throw new RangeError(
      `a ${what} on batch ${B} × length ${L} needs an estimated ${mib(bytes)} (${bytes} bytes), ` +
        `which with the ${mib(used)} already allocated exceeds the ${tf.getBackend()} backend's limit of ${mib(limit)} (${limit} bytes): ` +
        'use a smaller batch or shorter sequences',
    );
  }
}
