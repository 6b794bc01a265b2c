/**
 * Gated linear attention, chunked form in tfjs (report §3.1; the chunk-parallel GLA algorithm of
 * Yang et al. 2023 that flash-linear-attention's chunk_gla implements). The fast path for prefill
 * and training; gla/recurrent.ts and gla/naive.ts are its references.
 *
 * The sequence is cut into chunks of C tokens. With b_t = Σ_{u ≤ t in the chunk} gk_u (log-space
 * cumulative decay, per key channel) and S the state entering the chunk:
 *
 *   o_t     = Σ_{s ≤ t in chunk} Σ_c q_tc k_sc exp(b_tc − b_sc) v_s  +  (q_t ⊙ exp(b_t)) S
 *   S_next  = diag(exp(b_last)) S + Σ_s (k_s ⊙ exp(b_last − b_s))ᵀ v_s
 *
 * (q already scaled). The intra-chunk weights are decay-relative, exp(b_t − b_s); they are factored
 * around the chunk's first position, exp(b_t − b_0) · exp(b_0 − b_s), so the C×C score matrix is
 * one matMul. That is exact in float32 only while those factors stay in range, so the chunk's span
 * of b (max − min over its positions, per channel) is checked first: above 60 nats (e^60 ≈ 1e26) the
 * chunk size is halved until it fits (C = 1 always fits: both factors are 1). The inter-chunk
 * factors exp(b_t) and exp(b_last − b_s) are ≤ 1 for decays (gk ≤ 0) and only ever underflow
 * towards their true, negligible values.
 *
 * Layout (flash-linear-attention's chunk form): every product runs over all chunks and heads at
 * once as one batched matMul (intra-chunk scores, intra-chunk outputs, each chunk's write to the
 * state, each chunk's read of the state entering it); only the scan over chunks is sequential, and it
 * is elementwise (S_{n+1} = exp(b_last) ⊙ S_n + write_n). So the kernel count grows with the number
 * of chunks, not with chunks × heads: on wasm, tiny per-head matMuls cost more in launches than the
 * batched ones lose to their slower loop. Differentiable with tfjs autodiff (pad, reshape, cumsum,
 * exp, mul, matMul, block cuts, stack, slice).
 */
import * as tf from '@tensorflow/tfjs';
import { blockReader, splitEven, type BlockReader } from '../pieces.js';
import type { GlaResult } from './recurrent.js';

/** How the chunk form lays out its products: 'batched' (all chunks and heads per kernel), 'per-head' (2D matMuls per head and chunk), 'auto'. */
export type GlaChunkLayout = 'auto' | 'batched' | 'per-head';

/** Largest span of the cumulative log-decay inside one chunk that the factored form accepts. */
export const MAX_CHUNK_LOG_SPAN = 60;

/** Chunked GLA on validated tensors (initialState null means zeros). */
export function glaChunk(
  q: tf.Tensor4D,
  k: tf.Tensor4D,
  v: tf.Tensor4D,
  gk: tf.Tensor4D,
  initialState: tf.Tensor4D | null,
  scale: number,
  chunkSize: number,
  layout: GlaChunkLayout = 'auto',
): GlaResult {
  const L = q.shape[2];
  let C = Math.min(chunkSize, L);
  // batched over chunks and heads whenever a gradient is recorded (its memory is linear in L; the
  // per-head cuts' pad gradients are not) and for many heads; per head for a forward pass over few
  // heads (prefill at B = 1), where the batched loop's slower FLOPs cost more than the extra kernels
  const perHead = layout === 'per-head' || (layout === 'auto' && q.shape[0] * q.shape[1] <= 4 && !tf.engine().isTapeOn());
  for (;;) {
    // an empty list: the decay span is too wide for this chunk size
    const result = tf.tidy(() => chunkForm(q, k, v, gk, initialState, scale, C, perHead));
    if (result.length === 2) return { output: result[0] as tf.Tensor4D, finalState: result[1] as tf.Tensor4D };
    C = Math.ceil(C / 2);
  }
}

/** The largest within-chunk span of the cumulative log-decay for chunk size C (diagnostic). */
export function chunkLogSpan(gk: tf.Tensor4D, chunkSize: number): number {
  return tf.tidy(() => {
    const [B, H, L, K] = gk.shape;
    const C = Math.min(chunkSize, L);
    const N = Math.ceil(L / C);
    const b = cumsumOverTime(padTime(gk, N * C - L).reshape([B * H * N, C, K]) as tf.Tensor3D);
    return logSpan(b);
  });
}

/**
 * Inclusive cumulative sum over axis 1 of [X, C, K]. Its gradient is the reverse cumulative sum;
 * tfjs 4.22's own Cumsum gradient transposes the result for any axis but the last (wrong shape).
 */
function cumsumOverTime(x: tf.Tensor3D): tf.Tensor3D {
  const op = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => ({
    value: tf.cumsum(args[0] as tf.Tensor, 1),
    gradFunc: (dy: tf.Tensor) => tf.cumsum(dy, 1, false, true),
  }));
  return op(x) as tf.Tensor3D;
}

function logSpan(b: tf.Tensor3D): number {
  return tf.tidy(() => tf.max(tf.sub(tf.max(b, 1), tf.min(b, 1))).dataSync()[0]!);
}

function padTime(x: tf.Tensor4D, extra: number): tf.Tensor4D {
  return extra > 0
    ? tf.pad(x, [
        [0, 0],
        [0, 0],
        [0, extra],
        [0, 0],
      ])
    : x;
}

/** One attempt at chunk size C: [output, final state], or [] when the decay span is too wide for it. */
function chunkForm(
  q: tf.Tensor4D,
  k: tf.Tensor4D,
  v: tf.Tensor4D,
  gk: tf.Tensor4D,
  initialState: tf.Tensor4D | null,
  scale: number,
  C: number,
  perHead: boolean,
): tf.Tensor[] {
  // zero padding is exact: k = 0 adds nothing to the state and gk = 0 does not decay it
  const { B, H, L, K, V, BH, N, pad } = chunkDims(q, v, C);
  const g = padTime(gk, pad).reshape([BH * N, C, K]) as tf.Tensor3D;
  const b = cumsumOverTime(g); // [BH·N, C, K]
  if (C > 1 && logSpan(b) > MAX_CHUNK_LOG_SPAN) return [];
  if (perHead) return chunkFormPerHead(q, k, v, initialState, scale, C, b);

  const { vc, bLast, qf, kf, qg, kg } = chunkFactors(q, k, v, b, scale, C);
  // every chunk and head at once: intra-chunk scores and outputs, and each chunk's write to the state
  const scores = tf.mul(tf.matMul(qf, kf, false, true), lowerTriangle(C)); // [BH·N, C, C]
  const intra = tf.matMul(scores, vc); // [BH·N, C, V]
  const writes = tf.matMul(kg, vc, true, false).reshape([BH, N, K, V]); // Σ_s kgᵀ v per chunk
  const decays = tf.exp(bLast).reshape([BH, N, K, 1]);
  // the scan over chunks is elementwise: S_{n+1} = exp(b_last) ⊙ S_n + write_n
  const wReader = blockReader(writes);
  const dReader = blockReader(decays);
  let state: tf.Tensor3D = initialState ? (initialState.reshape([BH, K, V]) as tf.Tensor3D) : tf.zeros([BH, K, V]);
  const entering: tf.Tensor3D[] = [];
  for (let n = 0; n < N; n++) {
    entering.push(state);
    const w = wReader.take([0, n, 0, 0], [BH, 1, K, V], [BH, K, V]) as tf.Tensor3D;
    state = (n === 0 && !initialState ? w : tf.add(tf.mul(dReader.take([0, n, 0, 0], [BH, 1, K, 1], [BH, K, 1]), state), w)) as tf.Tensor3D;
  }
  // what each chunk reads from the state entering it, all chunks in one product
  const states = (N > 1 ? tf.stack(entering, 1) : entering[0]!.reshape([BH, 1, K, V])).reshape([BH * N, K, V]);
  const inter = tf.matMul(qg, states); // [BH·N, C, V]
  let output = tf.add(intra, inter).reshape([B, H, N * C, V]) as tf.Tensor4D;
  if (pad > 0) output = tf.slice(output, [0, 0, 0, 0], [B, H, L, V]);
  return [output, state.reshape([B, H, K, V]) as tf.Tensor4D];
}

/** The same chunk form with per-head, per-chunk 2D matMuls (fewer FLOPs lost to the batched loop when heads are few and wide). */
function chunkFormPerHead(
  q: tf.Tensor4D,
  k: tf.Tensor4D,
  v: tf.Tensor4D,
  initialState: tf.Tensor4D | null,
  scale: number,
  C: number,
  b: tf.Tensor3D,
): tf.Tensor[] {
  const { B, H, L, K, V, BH, N, pad } = chunkDims(q, v, C);
  const { vc, bLast, qf, kf, qg, kg } = chunkFactors(q, k, v, b, scale, C);
  // the state update as one product: S_next = [diag(exp(b_last)) | kgᵀ] @ [S ; v]
  const decayDiag = tf.mul(tf.exp(bLast).reshape([BH * N, K, 1]), tf.eye(K));
  const update = tf.concat([decayDiag, tf.transpose(kg, [0, 2, 1])], 2); // [BH·N, K, K + C]
  // per-chunk operands, cut by readers (one host copy each on wasm, see pieces.ts)
  const qfR = blockReader(qf);
  const kfTR = blockReader(tf.transpose(kf, [0, 2, 1])); // [BH·N, K, C]
  const qgR = blockReader(qg);
  const vR = blockReader(vc);
  const updateR = blockReader(update);
  const take = (r: BlockReader, i: number, rows: number, cols: number) => r.take([i, 0, 0], [1, rows, cols], [rows, cols]) as tf.Tensor2D;
  const causal = lowerTriangle(C);
  const states = initialState ? splitEven(initialState.reshape([BH, K, V]), BH, 0) : null;

  const outs: tf.Tensor2D[] = [];
  const finals: tf.Tensor2D[] = [];
  for (let h = 0; h < BH; h++) {
    const [o, s] = tf.tidy(() => {
      let state: tf.Tensor2D | null = states ? (states[h]!.reshape([K, V]) as tf.Tensor2D) : null;
      const chunkOuts: tf.Tensor2D[] = [];
      for (let n = 0; n < N; n++) {
        const i = h * N + n;
        const vn = take(vR, i, C, V);
        const scores = tf.mul(tf.matMul(take(qfR, i, C, K), take(kfTR, i, K, C)), causal) as tf.Tensor2D; // [C, C]
        const upd = take(updateR, i, K, K + C);
        if (state) {
          // o = [qg | scores] @ [S ; v] and S_next = update @ [S ; v]: three products per chunk
          const sv = tf.concat([state, vn], 0); // [K + C, V]
          chunkOuts.push(tf.matMul(tf.concat([take(qgR, i, C, K), scores], 1), sv) as tf.Tensor2D);
          state = tf.matMul(upd, sv) as tf.Tensor2D;
        } else {
          // zero entering state (first chunk, no initial state)
          chunkOuts.push(tf.matMul(scores, vn) as tf.Tensor2D);
          state = tf.matMul(tf.slice(upd, [0, K], [K, C]), vn) as tf.Tensor2D;
        }
      }
      return [chunkOuts.length > 1 ? tf.concat(chunkOuts, 0) : chunkOuts[0]!, state!] as [tf.Tensor2D, tf.Tensor2D];
    });
    outs.push(o);
    finals.push(s);
  }
  let output = tf.stack(outs).reshape([B, H, N * C, V]) as tf.Tensor4D;
  if (pad > 0) output = tf.slice(output, [0, 0, 0, 0], [B, H, L, V]);
  return [output, tf.stack(finals).reshape([B, H, K, V]) as tf.Tensor4D];
}

/** Per-chunk operands, all [BH·N, C, ·]: the chunk's values and the decay-factored queries and keys. */
interface ChunkFactors {
  vc: tf.Tensor;
  /** cumulative log-decay at the chunk's last position [BH·N, 1, K] */
  bLast: tf.Tensor;
  /** q_t exp(b_t − b_0), k_s exp(b_0 − b_s): the intra-chunk scores */
  qf: tf.Tensor;
  kf: tf.Tensor;
  /** q_t exp(b_t) reads the entering state; k_s exp(b_last − b_s) writes the leaving one */
  qg: tf.Tensor;
  kg: tf.Tensor;
}

/** The chunk factors shared by both layouts (b the cumulative log-decay [BH·N, C, K]). */
/** Sizes of a chunked run: B·H rows of N chunks of C tokens, the last padded by `pad` zero tokens. */
function chunkDims(q: tf.Tensor4D, v: tf.Tensor4D, C: number) {
  const [B, H, L, K] = q.shape;
  const N = Math.ceil(L / C);
  return { B, H, L, K, V: v.shape[3], BH: B * H, N, pad: N * C - L };
}

function chunkFactors(q: tf.Tensor4D, k: tf.Tensor4D, v: tf.Tensor4D, b: tf.Tensor3D, scale: number, C: number): ChunkFactors {
  const { K, V, BH, N, pad } = chunkDims(q, v, C);
  const qs = tf.mul(padTime(q, pad), scale).reshape([BH * N, C, K]);
  const kc = padTime(k, pad).reshape([BH * N, C, K]);
  const vc = padTime(v, pad).reshape([BH * N, C, V]);
  const bReader = blockReader(b);
  const b0 = bReader.take([0, 0, 0], [BH * N, 1, K]);
  const bLast = bReader.take([0, C - 1, 0], [BH * N, 1, K]);
  // factored around the chunk's first position; a second exp rather than dividing by the first,
  // because tfjs's Div gradient squares the divisor, which underflows for spans near the limit
  const qf = tf.mul(qs, tf.exp(tf.sub(b, b0)));
  const kf = tf.mul(kc, tf.exp(tf.sub(b0, b)));
  const qg = tf.mul(qf, tf.exp(b0));
  const kg = tf.mul(kf, tf.exp(tf.sub(bLast, b0)));
  return { vc, bLast, qf, kf, qg, kg };
}

function lowerTriangle(C: number): tf.Tensor2D {
  const data = new Float32Array(C * C);
  for (let t = 0; t < C; t++) for (let s = 0; s <= t; s++) data[t * C + s] = 1;
  return tf.tensor2d(data, [C, C]);
}
