/**
 * Fast path for softmax attention (report §3.1: full attention and sliding-window attention, SWA).
 * Reference: attention/naive.ts.
 *
 * Queries are processed in blocks of `bs` rows; each block meets only the key blocks it can see:
 * with a window w, a query block of w rows sees at most 2w keys, so time and memory are O(L·w)
 * rather than O(L²); full causal attention visits the lower triangle of key blocks (half the work
 * of an L×L mask). Key blocks that are partly masked get a constant additive bias (0 or −1e30);
 * blocks entirely visible get none. Every product is a 2D, untransposed tf.matMul of one head:
 * on the wasm backend that is the XNNPACK path (≈15 GFLOP/s here), while batched or transposed
 * matMuls fall back to a scalar loop 10–20× slower.
 *
 * Differentiable with tfjs autodiff: it uses reshape, transpose, split, concat, matMul, add and
 * softmax only.
 */
import * as tf from '@tensorflow/tfjs';
import { splitEven, splitMany } from '../pieces.js';

export interface BlockedAttentionConfig {
  /** mask keys after each query's position */
  causal: boolean;
  /** keys attended, counting the query's own position (Infinity: all) */
  window: number;
  /** score scale */
  scale: number;
  /** query block size (default: the window, at least 32; for full causal attention about Lq/8, 64 to 1024) */
  blockSize?: number;
}

/** Large negative bias for masked scores: finite, so a fully masked row cannot produce NaN. */
const MASKED = -1e30;

/**
 * Softmax attention for already validated q [B, H, Lq, K], k [B, Hkv, Lk, K], v [B, Hkv, Lk, V];
 * H a multiple of Hkv; when causal, Lq <= Lk and query i sits at key position Lk − Lq + i.
 */
export function blockedAttention(q: tf.Tensor4D, k: tf.Tensor4D, v: tf.Tensor4D, cfg: BlockedAttentionConfig): tf.Tensor4D {
  return tf.tidy(() => {
    const [B, H, Lq, K] = q.shape;
    const [, Hkv, Lk] = k.shape;
    const V = v.shape[3];
    const group = H / Hkv;
    const qHeads = splitEven(tf.mul(q, cfg.scale).reshape([B * H, Lq, K]), B * H, 0).map((x) => x.reshape([Lq, K]) as tf.Tensor2D);
    // keys transposed once so every score product is an untransposed 2D matMul
    const kTHeads = splitEven(tf.transpose(k, [0, 1, 3, 2]).reshape([B * Hkv, K, Lk]), B * Hkv, 0).map((x) => x.reshape([K, Lk]) as tf.Tensor2D);
    const vHeads = splitEven(v.reshape([B * Hkv, Lk, V]), B * Hkv, 0).map((x) => x.reshape([Lk, V]) as tf.Tensor2D);
    const kvHeadOf = (bh: number): number => Math.floor(bh / H) * Hkv + Math.floor((bh % H) / group);

    let outs: tf.Tensor2D[];
    if (!cfg.causal) {
      outs = qHeads.map((qh, bh) =>
        tf.tidy(() => tf.matMul(tf.softmax(tf.matMul(qh, kTHeads[kvHeadOf(bh)]!)) as tf.Tensor2D, vHeads[kvHeadOf(bh)]!)),
      );
    } else {
      const plan = planBlocks(Lq, Lk, cfg.window, cfg.blockSize);
      const keySizes = plan.keyBlocks.map((b) => b.end - b.start);
      // per kv head, its key blocks (transposed) and value blocks, cut once and shared by the group
      const kvBlocks = new Map<number, { kT: tf.Tensor2D[]; v: tf.Tensor2D[] }>();
      const blocksOf = (kv: number) => {
        let blocks = kvBlocks.get(kv);
        if (!blocks) {
          blocks = { kT: splitMany(kTHeads[kv]!, keySizes, 1), v: splitMany(vHeads[kv]!, keySizes, 0) };
          kvBlocks.set(kv, blocks);
        }
        return blocks;
      };
      // constant masks, made once in this scope (blocks at the same offset share one)
      const biases = new Map<string, tf.Tensor2D>();
      const biasKey = (qb: QueryBlock, kb: KeyBlock): string => `${qb.rows},${kb.end - kb.start},${kb.start - qb.start}`;
      for (const qb of plan.queryBlocks) {
        for (const { index, partial } of qb.keys) {
          const kb = plan.keyBlocks[index]!;
          if (partial && !biases.has(biasKey(qb, kb))) biases.set(biasKey(qb, kb), maskBias(qb.start, qb.rows, kb.start, kb.end - kb.start, cfg.window));
        }
      }
      const querySizes = plan.queryBlocks.map((b) => b.rows);
      outs = qHeads.map((qh, bh) => {
        const kv = blocksOf(kvHeadOf(bh));
        const qBlocks = splitMany(qh, querySizes, 0);
        const blockOuts = plan.queryBlocks.map((qb, n) =>
          tf.tidy(() => {
            const scores = qb.keys.map(({ index, partial }) => {
              const s = tf.matMul(qBlocks[n]!, kv.kT[index]!);
              const kb = plan.keyBlocks[index]!;
              return partial ? tf.add(s, biases.get(biasKey(qb, kb))!) : s;
            });
            const p = tf.softmax(scores.length > 1 ? tf.concat(scores, 1) : scores[0]!);
            const vSlab = qb.keys.length > 1 ? tf.concat(qb.keys.map(({ index }) => kv.v[index]!), 0) : kv.v[qb.keys[0]!.index]!;
            return tf.matMul(p as tf.Tensor2D, vSlab);
          }),
        );
        return (blockOuts.length > 1 ? tf.concat(blockOuts, 0) : blockOuts[0]!) as tf.Tensor2D;
      });
    }
    return tf.stack(outs).reshape([B, H, Lq, V]) as tf.Tensor4D;
  });
}

interface KeyBlock {
  /** first key position */
  start: number;
  /** one past the last key position */
  end: number;
}

interface QueryBlock {
  /** key position of the block's first query */
  start: number;
  rows: number;
  /** key blocks it sees, and whether each needs a mask */
  keys: { index: number; partial: boolean }[];
}

/**
 * The block plan: query blocks of `bs` rows; key blocks cut at the same positions (P + j·bs) so a
 * windowed query block sees at most two key blocks when bs >= window.
 */
export function planBlocks(Lq: number, Lk: number, window: number, blockSize?: number): { keyBlocks: KeyBlock[]; queryBlocks: QueryBlock[] } {
  const P = Lk - Lq;
  const w = window >= Lk ? Infinity : window;
  const bs = blockSize ?? (Number.isFinite(w) ? Math.max(w, 32) : Math.min(1024, Math.max(64, nextPow2(Math.ceil(Lq / 8)))));
  const keyBlocks: KeyBlock[] = [];
  let start = 0;
  const firstCut = P % bs;
  if (firstCut > 0) {
    keyBlocks.push({ start: 0, end: firstCut });
    start = firstCut;
  }
  while (start < Lk) {
    keyBlocks.push({ start, end: Math.min(Lk, start + bs) });
    start += bs;
  }
  const queryBlocks: QueryBlock[] = [];
  for (let r = 0; r < Lq; r += bs) {
    const rows = Math.min(bs, Lq - r);
    const qs = P + r;
    const qe = qs + rows;
    const keys: QueryBlock['keys'] = [];
    keyBlocks.forEach((kb, index) => {
      // visible keys for the block's queries: (qs − w, qe − 1]
      const lo = qs - w + 1;
      if (kb.end - 1 < lo || kb.start > qe - 1) return;
      const allVisible = kb.end - 1 <= qs && kb.start >= qe - w;
      keys.push({ index, partial: !allVisible });
    });
    queryBlocks.push({ start: qs, rows, keys });
  }
  return { keyBlocks, queryBlocks };
}

/** Additive mask for queries at positions qs.. (rows) against keys at xs.. (cols). */
function maskBias(qs: number, rows: number, xs: number, cols: number, window: number): tf.Tensor2D {
  const data = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const p = qs + r;
    for (let c = 0; c < cols; c++) {
      const x = xs + c;
      if (x > p || x <= p - window) data[r * cols + c] = MASKED;
    }
  }
  return tf.tensor2d(data, [rows, cols]);
}

function nextPow2(n: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(1, n)));
}
