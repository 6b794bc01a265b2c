/**
 * Fast path for softmax attention (report §3.1: full attention and sliding-window attention, SWA).
 * Reference: attention/naive.ts.
 *
 * Queries are processed in blocks of `bs` rows; each block meets only the keys it can see: with a
 * window w, a query block of w rows sees at most 2w keys, so time and memory are O(L·w) rather than
 * O(L²); full causal attention visits the lower triangle (half the work of an L×L mask). Keys every
 * query of the block sees are scored in one product; the partly masked edge blocks get a constant
 * additive bias (0 or −1e30). Every product is a 2D, untransposed tf.matMul of one head:
 * on the wasm backend that is the XNNPACK path (≈15 GFLOP/s here), while batched or transposed
 * matMuls fall back to a scalar loop 10–20× slower.
 *
 * Differentiable with tfjs autodiff: reshape, transpose, block cuts (pieces.ts), concat, matMul,
 * add, softmax.
 */
import * as tf from '@tensorflow/tfjs';
import { blockReader, splitEven, type BlockReader } from '../pieces.js';

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
    const plan = planBlocks(Lq, Lk, cfg.causal ? cfg.window : Infinity, cfg.causal, cfg.blockSize);
    // per head, readers cut query blocks, key ranges (keys transposed once, so every score
    // product is an untransposed 2D matMul) and value ranges; per-head pieces keep the gradient of
    // each cut (a pad) the size of one head
    const qHeads = splitEven(tf.mul(q, cfg.scale).reshape([B * H, Lq, K]), B * H, 0);
    const kTHeads = splitEven(tf.transpose(k, [0, 1, 3, 2]).reshape([B * Hkv, K, Lk]), B * Hkv, 0);
    const vHeads = splitEven(v.reshape([B * Hkv, Lk, V]), B * Hkv, 0);
    const kvReaders = new Map<number, { kT: BlockReader; v: BlockReader }>();
    const readersOf = (kv: number) => {
      let r = kvReaders.get(kv);
      if (!r) kvReaders.set(kv, (r = { kT: blockReader(kTHeads[kv]!), v: blockReader(vHeads[kv]!) }));
      return r;
    };
    const kvHeadOf = (bh: number): number => Math.floor(bh / H) * Hkv + Math.floor((bh % H) / group);
    // constant masks, made once in this scope (blocks at the same offset share one)
    const biases = new Map<string, tf.Tensor2D>();
    const biasKey = (qb: QueryBlock, seg: Segment): string => `${qb.rows},${seg.end - seg.start},${seg.start - qb.start}`;
    for (const qb of plan.queryBlocks) {
      for (const seg of qb.segments) {
        if (seg.partial && !biases.has(biasKey(qb, seg)))
          biases.set(biasKey(qb, seg), maskBias(qb.start, qb.rows, seg.start, seg.end - seg.start, cfg.window));
      }
    }
    const outs: tf.Tensor2D[] = [];
    for (let bh = 0; bh < B * H; bh++) {
      const { kT, v: vs } = readersOf(kvHeadOf(bh));
      const qs = blockReader(qHeads[bh]!);
      const blockOuts = plan.queryBlocks.map((qb) =>
        tf.tidy(() => {
          const qBlock = qs.take([0, qb.row, 0], [1, qb.rows, K], [qb.rows, K]) as tf.Tensor2D;
          const scores = qb.segments.map((seg) => {
            const width = seg.end - seg.start;
            const s = tf.matMul(qBlock, kT.take([0, 0, seg.start], [1, K, width], [K, width]) as tf.Tensor2D);
            return seg.partial ? tf.add(s, biases.get(biasKey(qb, seg))!) : s;
          });
          const p = tf.softmax(scores.length > 1 ? tf.concat(scores, 1) : scores[0]!) as tf.Tensor2D;
          const first = qb.segments[0]!.start;
          const width = qb.segments[qb.segments.length - 1]!.end - first;
          return tf.matMul(p, vs.take([0, first, 0], [1, width, V], [width, V]) as tf.Tensor2D);
        }),
      );
      outs.push((blockOuts.length > 1 ? tf.concat(blockOuts, 0) : blockOuts[0]!) as tf.Tensor2D);
    }
    return tf.stack(outs).reshape([B, H, Lq, V]) as tf.Tensor4D;
  });
}

/** A range of key positions [start, end) scored in one product; partial ranges need a mask. */
export interface Segment {
  start: number;
  end: number;
  partial: boolean;
}

export interface QueryBlock {
  /** index of the block's first query */
  row: number;
  /** key position of the block's first query */
  start: number;
  rows: number;
  /** the key ranges it sees, in order and contiguous */
  segments: Segment[];
}

/**
 * The block plan. Causal: query blocks of `bs` rows; keys cut at the same positions (P + j·bs), so
 * a windowed query block sees at most two key blocks when bs >= window; consecutive key blocks that
 * every query of the block sees are merged into one segment without a mask. Not causal: query blocks
 * against all keys.
 */
export function planBlocks(
  Lq: number,
  Lk: number,
  window: number,
  causal = true,
  blockSize?: number,
): { blockSize: number; queryBlocks: QueryBlock[] } {
  const P = causal ? Lk - Lq : 0;
  const w = !causal || window >= Lk ? Infinity : window;
  const bs = blockSize ?? (Number.isFinite(w) ? Math.max(w, 32) : Math.min(1024, Math.max(64, nextPow2(Math.ceil(Lq / 8)))));
  const keyBlocks: { start: number; end: number }[] = [];
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
  for (let row = 0; row < Lq; row += bs) {
    const rows = Math.min(bs, Lq - row);
    const qs = P + row;
    const qe = qs + rows;
    const segments: Segment[] = [];
    if (!causal) {
      segments.push({ start: 0, end: Lk, partial: false });
    } else {
      for (const kb of keyBlocks) {
        // visible keys for the block's queries: (qs − w, qe − 1]
        if (kb.end - 1 < qs - w + 1 || kb.start > qe - 1) continue;
        const partial = !(kb.end - 1 <= qs && kb.start >= qe - w);
        const last = segments[segments.length - 1];
        if (last && !last.partial && !partial) last.end = kb.end;
        else segments.push({ start: kb.start, end: kb.end, partial });
      }
    }
    queryBlocks.push({ row, start: qs, rows, segments });
  }
  return { blockSize: bs, queryBlocks };
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
