/**
 * Fused softmax attention with a hand-written gradient (report §3.1: the full-attention and
 * sliding-window layers of the hybrids). Same function as attention/blocked.ts (reference:
 * attention/naive.ts), built for training on the wasm backend, where time goes to launching kernels:
 *
 * - grouped-query heads are stacked: the G query heads that read one key/value head form one
 *   [G·rows, K] operand, so every product is one 2D untransposed matMul per key/value head (the
 *   XNNPACK path; batched or transposed matMuls take a scalar loop 10–20× slower on wasm);
 * - mask, softmax and the softmax gradient run once over all heads (batched elementwise kernels);
 * - the backward pass is written out (tf.customGrad): dP = dO·Vᵀ, dS = P ⊙ (dP − rowsum(dP ⊙ P)),
 *   dQ = dS·K, dK = dSᵀ·Q, dV = Pᵀ·dO, each a 2D matMul per key/value head on explicit transposes,
 *   instead of autodiff's transposed matMuls and a pad per cut;
 * - operands are cut per head on the host (pieces.ts `hostCutter`: no kernel, one read per tensor).
 *
 * Queries go in blocks of `blockSize` rows; a block meets the contiguous key range it can see
 * (masked at its edges), so memory is O(L·(bs + w)) for a window w and the probabilities kept for
 * the backward pass are the visible band, not L².
 */
import * as tf from '@tensorflow/tfjs';
import { hostCutter } from '../pieces.js';

export interface FusedAttentionConfig {
  causal: boolean;
  /** keys attended counting the query's own position (Infinity: all) */
  window: number;
  scale: number;
  /** query rows per block (default 64 when causal; without a mask all rows while the scores are small, else 256) */
  blockSize?: number;
}

const MASKED = -1e30;

interface Block {
  /** first query row and row count */
  r0: number;
  rows: number;
  /** first key and key count */
  k0: number;
  kw: number;
}

/** Query blocks and the contiguous key range each can see. */
export function fusedPlan(Lq: number, Lk: number, causal: boolean, window: number, blockSize?: number): Block[] {
  const P = causal ? Lk - Lq : 0;
  const w = causal ? Math.min(window, Lk) : Infinity;
  // causal: 64 query rows per block (measured at L = 256, B = 8 on wasm: about twice as fast as one
  // dense block, for full attention and a 16-token window alike: less masked work and smaller
  // transposes outweigh 3.5× the kernels); not causal: one block while the scores are small
  let bs = blockSize ?? (causal ? 64 : Lq * Lk <= 512 * 512 ? Lq : 256);
  bs = Math.max(1, Math.min(bs, Lq));
  const blocks: Block[] = [];
  for (let r0 = 0; r0 < Lq; r0 += bs) {
    const rows = Math.min(bs, Lq - r0);
    if (!causal) {
      blocks.push({ r0, rows, k0: 0, kw: Lk });
      continue;
    }
    const last = P + r0 + rows; // one past the last visible key
    const k0 = Number.isFinite(w) ? Math.max(0, P + r0 - w + 1) : 0;
    blocks.push({ r0, rows, k0, kw: last - k0 });
  }
  return blocks;
}

/** Additive mask [rows, kw] of one block: 0 where query r0+i (at key position P+r0+i) sees key k0+j. */
function blockBias(b: Block, P: number, causal: boolean, window: number): tf.Tensor2D | null {
  if (!causal) return null;
  const data = new Float32Array(b.rows * b.kw);
  let any = false;
  for (let i = 0; i < b.rows; i++) {
    const p = P + b.r0 + i;
    for (let j = 0; j < b.kw; j++) {
      const x = b.k0 + j;
      if (x > p || x <= p - window) {
        data[i * b.kw + j] = MASKED;
        any = true;
      }
    }
  }
  return any ? tf.tensor2d(data, [b.rows, b.kw]) : null;
}

/**
 * Sums per-block key gradients [N, kw, X] placed at key offsets into [N, Lk, X] with memory O(Lk):
 * on wasm on the host (no kernel, each block read once), elsewhere a running sum of pads.
 */
function keyGradient(N: number, Lk: number, X: number): { add(t: tf.Tensor3D, k0: number): void; result(): tf.Tensor3D } {
  if (tf.getBackend() === 'wasm') {
    const acc = new Float32Array(N * Lk * X);
    return {
      add(t, k0) {
        const kw = t.shape[1];
        const d = t.dataSync() as Float32Array;
        for (let n = 0; n < N; n++) {
          const src = n * kw * X;
          const dst = (n * Lk + k0) * X;
          for (let i = 0; i < kw * X; i++) acc[dst + i] += d[src + i]!;
        }
        t.dispose();
      },
      result: () => tf.tensor3d(acc, [N, Lk, X]),
    };
  }
  let sum: tf.Tensor3D | null = null;
  return {
    add(t, k0) {
      const kw = t.shape[1];
      const placed =
        kw === Lk
          ? t
          : (tf.pad(t, [
              [0, 0],
              [k0, Lk - k0 - kw],
              [0, 0],
            ]) as tf.Tensor3D);
      if (placed !== t) t.dispose();
      if (!sum) {
        sum = placed;
        return;
      }
      const next = tf.add(sum, placed) as tf.Tensor3D;
      sum.dispose();
      placed.dispose();
      sum = next;
    },
    result: () => sum!,
  };
}

/**
 * q [B, H, Lq, K], k [B, Hkv, Lk, K], v [B, Hkv, Lk, V], already validated (H a multiple of Hkv;
 * causal needs Lq <= Lk, queries aligned to the end of the keys). Returns [B, H, Lq, V].
 */
export function fusedAttention(q: tf.Tensor4D, k: tf.Tensor4D, v: tf.Tensor4D, cfg: FusedAttentionConfig): tf.Tensor4D {
  const [B, H, Lq, K] = q.shape;
  const [, Hkv, Lk] = k.shape;
  const V = v.shape[3];
  const G = H / Hkv;
  const N = B * Hkv;
  const P = cfg.causal ? Lk - Lq : 0;
  const blocks = fusedPlan(Lq, Lk, cfg.causal, cfg.window, cfg.blockSize);
  const op = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [qIn, kIn, vIn, save] = args as [tf.Tensor4D, tf.Tensor4D, tf.Tensor4D, tf.GradSaveFunc];
    const biases = blocks.map((b) => blockBias(b, P, cfg.causal, cfg.window));
    const [out, ...probs] = tf.tidy(() => {
      const qs = tf.mul(qIn, cfg.scale).reshape([N, G, Lq, K]);
      const qCut = hostCutter(qs);
      const kTCut = hostCutter(tf.transpose(kIn.reshape([N, Lk, K]), [0, 2, 1])); // [N, K, Lk]
      const vCut = hostCutter(vIn.reshape([N, Lk, V]));
      const outs: tf.Tensor[] = [];
      const ps: tf.Tensor3D[] = [];
      blocks.forEach((b, bi) => {
        const scores: tf.Tensor2D[] = [];
        for (let j = 0; j < N; j++) {
          const qj = qCut([j, 0, b.r0, 0], [1, G, b.rows, K], [G * b.rows, K]);
          scores.push(tf.matMul(qj, kTCut([j, 0, b.k0], [1, K, b.kw], [K, b.kw])));
        }
        let s: tf.Tensor = tf.stack(scores).reshape([N, G, b.rows, b.kw]);
        if (biases[bi]) s = tf.add(s, biases[bi]!);
        const p = tf.softmax(s).reshape([N, G * b.rows, b.kw]) as tf.Tensor3D;
        ps.push(p);
        const pCut = hostCutter(p);
        const o: tf.Tensor2D[] = [];
        for (let j = 0; j < N; j++)
          o.push(tf.matMul(pCut([j, 0, 0], [1, G * b.rows, b.kw], [G * b.rows, b.kw]), vCut([j, b.k0, 0], [1, b.kw, V], [b.kw, V])));
        outs.push(tf.stack(o).reshape([N, G, b.rows, V]));
      });
      const o = outs.length > 1 ? tf.concat(outs, 2) : outs[0]!;
      return [o.reshape([B, H, Lq, V]), ...ps];
    });
    for (const bias of biases) bias?.dispose();
    save([qIn, kIn, vIn, ...probs]);
    // save() keeps its own references (none when no gradient is recorded)
    for (const p of probs) p.dispose();
    return {
      value: out as tf.Tensor4D,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) =>
        tf.tidy(() => {
          const [sq, sk, sv, ...sp] = saved as [tf.Tensor4D, tf.Tensor4D, tf.Tensor4D, ...tf.Tensor3D[]];
          const qsCut = hostCutter(tf.mul(sq, cfg.scale).reshape([N, G, Lq, K]));
          const kCut = hostCutter(sk.reshape([N, Lk, K]));
          const vTCut = hostCutter(tf.transpose(sv.reshape([N, Lk, V]), [0, 2, 1])); // [N, V, Lk]
          const dOCut = hostCutter(dy.reshape([N, G, Lq, V]));
          const dqs: tf.Tensor[] = [];
          const dK = keyGradient(N, Lk, K);
          const dV = keyGradient(N, Lk, V);
          blocks.forEach((b, bi) => {
            const R = G * b.rows;
            const p = sp[bi]!;
            const dO = Array.from({ length: N }, (_, j) => dOCut([j, 0, b.r0, 0], [1, G, b.rows, V], [R, V]));
            const dP = tf.stack(dO.map((d, j) => tf.matMul(d, vTCut([j, 0, b.k0], [1, V, b.kw], [V, b.kw])))) as tf.Tensor3D; // [N, R, kw]
            const dS = tf.mul(p, tf.sub(dP, tf.sum(tf.mul(dP, p), -1, true))) as tf.Tensor3D;
            const dSCut = hostCutter(dS);
            const dSTCut = hostCutter(tf.transpose(dS, [0, 2, 1])); // [N, kw, R]
            const pTCut = hostCutter(tf.transpose(p, [0, 2, 1]));
            const dq: tf.Tensor2D[] = [];
            const dk: tf.Tensor2D[] = [];
            const dv: tf.Tensor2D[] = [];
            for (let j = 0; j < N; j++) {
              dq.push(tf.matMul(dSCut([j, 0, 0], [1, R, b.kw], [R, b.kw]), kCut([j, b.k0, 0], [1, b.kw, K], [b.kw, K])));
              dk.push(tf.matMul(dSTCut([j, 0, 0], [1, b.kw, R], [b.kw, R]), qsCut([j, 0, b.r0, 0], [1, G, b.rows, K], [R, K])));
              dv.push(tf.matMul(pTCut([j, 0, 0], [1, b.kw, R], [b.kw, R]), dO[j]!));
            }
            dqs.push(tf.stack(dq).reshape([N, G, b.rows, K]));
            dK.add(tf.stack(dk) as tf.Tensor3D, b.k0);
            dV.add(tf.stack(dv) as tf.Tensor3D, b.k0);
          });
          const dq = tf.mul(dqs.length > 1 ? tf.concat(dqs, 2) : dqs[0]!, cfg.scale).reshape([B, H, Lq, K]);
          const dk = dK.result().reshape([B, Hkv, Lk, K]);
          const dv = dV.result().reshape([B, Hkv, Lk, V]);
          return [dq, dk, dv];
        }),
    };
  });
  return op(q, k, v) as tf.Tensor4D;
}
