/**
 * lib/live/attention.ts (issue 15, report §2.1): the maps the live page draws come from the q, k, v and
 * GLA decays the model's forward computes. Checked on the live page's checkpoints: softmax rows sum to
 * 1 and are 0 outside the SWA window, A × V through each layer's own head output equals heads() on the
 * captured input, the needle beyond the window gets no SWA weight, the retriever follows the stated
 * rule, and captures leak no tensors.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AttentionLayer,
  ByteTokenizer,
  GLALayer,
  LIVE_MODELS,
  LiveSession,
  captureAttention,
  configFromJSON,
  swaWindowKeys,
  headMap,
  liveExamples,
  modelFromSafetensors,
  needlePosition,
  queryRows,
  retriever,
  shareNear,
  type SpikingBrainModel,
} from '../../lib/index.js';
import { checkpointDir, readManifest } from '../../lib/node/checkpoints.js';
import { useWasmBackend } from '../helpers/tfjs.js';

useWasmBackend();

const tok = new ByteTokenizer();
const DIR = join(checkpointDir(), LIVE_MODELS.folder);
const WINDOW = swaWindowKeys(configFromJSON(readManifest(DIR).checkpoints[LIVE_MODELS.hybrid]!.config))!;
const read = (key: string) => new Uint8Array(readFileSync(join(DIR, readManifest(DIR).checkpoints[key]!.file)));

/** A [L, L] × v [L, K] per head, as [H, L, K]. */
function mapTimesV(A: Float64Array, v: Float32Array, L: number, K: number): Float32Array {
  const out = new Float32Array(L * K);
  for (let t = 0; t < L; t++)
    for (let s = 0; s <= t; s++) {
      const w = A[t * L + s]!;
      if (w !== 0) for (let c = 0; c < K; c++) out[t * K + c]! += w * v[s * K + c]!;
    }
  return out;
}

describe('lib/live/attention: maps of the live page from the model forward', () => {
  let hybrid: SpikingBrainModel;
  let base: SpikingBrainModel;
  const examples = liveExamples(WINDOW);
  const inside = tok.encode(examples.find((e) => e.id === 'needle-inside')!.text);
  const beyond = tok.encode(examples.find((e) => e.id === 'needle-beyond')!.text);

  beforeAll(() => {
    hybrid = modelFromSafetensors(read(LIVE_MODELS.hybrid));
    hybrid.setW8ASpike(true);
    base = modelFromSafetensors(read(LIVE_MODELS.base));
  });
  afterAll(() => {
    hybrid?.dispose();
    base?.dispose();
  });

  it('A × V equals each layer head output on the captured input (W8ASpike hybrid and float base)', () => {
    for (const model of [hybrid, base]) {
      const ids = inside.slice(0, 40);
      const caps = captureAttention(model, ids);
      expect(caps.map((c) => c.kind)).toEqual(model === hybrid ? ['gla', 'swa', 'gla', 'swa'] : ['full', 'full', 'full', 'full']);
      for (const c of caps) {
        const layer = model.blocks[c.layer]!.attn as GLALayer | AttentionLayer;
        const H = c.q.length;
        const mine = tf.tidy(() => {
          const o = tf
            .stack(c.q.map((_, h) => tf.tensor2d(mapTimesV(headMap(c, h), c.v[h]!, c.L, c.K), [c.L, c.K])))
            .expandDims(0) as tf.Tensor4D;
          return (layer instanceof GLALayer ? layer.gNorm.apply(o) : o).dataSync();
        });
        const theirs = tf.tidy(() => layer.heads(tf.tensor3d(c.input, [1, c.L, c.D])).dataSync());
        expect(mine.length).toBe(H * c.L * c.K);
        let worst = 0;
        for (let i = 0; i < mine.length; i++) worst = Math.max(worst, Math.abs(mine[i]! - theirs[i]!));
        expect(worst, `layer ${c.layer} (${c.kind})`).toBeLessThan(2e-3);
      }
    }
  }, 60_000);

  it('softmax rows sum to 1 over the window; beyond the window the needle gets no SWA weight; the retriever is the argmax', () => {
    const needle = needlePosition(beyond)!;
    expect(beyond.length - 1 - needle).toBeGreaterThanOrEqual(WINDOW);
    const rows = queryRows(captureAttention(hybrid, beyond));
    expect(rows).toHaveLength(16);
    for (const r of rows) {
      expect(r.weights).toHaveLength(beyond.length);
      if (r.kind === 'swa') {
        expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
        r.weights.forEach((w, s) => (beyond.length - 1 - s >= r.window! ? expect(w).toBe(0) : expect(w).toBeGreaterThan(0)));
        expect(shareNear(r, needle)).toBe(0);
      }
      expect(r.share.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    }
    // beyond the window only a GLA head can be picked (or none, if none puts 1 % near the needle)
    const pick = retriever(rows, needle);
    if (pick) expect(pick.kind).toBe('gla');
    const best = retriever(rows, needle, 2, 0)!;
    for (const r of rows) expect(shareNear(r, needle)).toBeLessThanOrEqual(best.near);
    expect(pick === null).toBe(best.near < 0.01);
    // inside the window, the SWA heads see the needle
    const inRows = queryRows(captureAttention(hybrid, inside));
    const n2 = needlePosition(inside)!;
    expect(inRows.filter((r) => r.kind === 'swa').every((r) => r.weights[n2]! > 0)).toBe(true);
    // the base's full attention sees it from anywhere
    const inPick = retriever(inRows, n2)!;
    expect(inPick.near).toBeGreaterThanOrEqual(0.01);
    const baseRows = queryRows(captureAttention(base, beyond));
    for (const r of baseRows) expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(baseRows.every((r) => r.weights[needle]! > 0)).toBe(true);
  }, 60_000);

  it('the retriever rule: largest share within the radius, none below the minimum share', () => {
    const row = (layer: number, share: number[]) => ({ layer, head: 0, kind: 'gla' as const, window: null, weights: share, share });
    const rows = [row(0, [0.5, 0.3, 0.2, 0, 0, 0]), row(1, [0, 0, 0, 0.1, 0.1, 0.8]), row(2, [0, 0.005, 0, 0, 0, 0.995])];
    expect(retriever(rows, 4, 0)).toMatchObject({ layer: 1, near: 0.1 });
    expect(retriever(rows, 4, 1)).toMatchObject({ layer: 1, near: 1 });
    expect(retriever(rows, 1, 0)).toMatchObject({ layer: 0, near: 0.3 });
    expect(retriever([rows[2]!], 1, 0)).toBeNull();
    expect(retriever([rows[2]!], 1, 0, 0.005)).toMatchObject({ layer: 2 });
    expect(() => retriever([], 1)).toThrow(/rows/);
  });

  it('finds the needle in the marker format, or none; bad queries throw', () => {
    expect(needlePosition(tok.encode('a #5 b is #'))).toBe(3);
    expect(needlePosition(tok.encode('The committee said'))).toBeNull();
    expect(needlePosition(tok.encode('ends in #5'))).toBeNull();
    expect(() => queryRows(captureAttention(base, [1, 2, 3]), 3)).toThrow(/query must be an integer in \[0, 2\]/);
    expect(() => captureAttention(base, [])).toThrow(/ids/);
  });

  it('a session reports the maps of its context for the active hybrid and the base, without leaking tensors', () => {
    const s = LiveSession.fromSafetensors(read(LIVE_MODELS.hybrid), read(LIVE_MODELS.base));
    try {
      expect(() => s.attention()).toThrow(/start/);
      s.start(beyond);
      s.attention();
      const before = tf.memory().numTensors;
      const v = s.attention();
      expect(tf.memory().numTensors).toBe(before);
      expect(v.hybrid.needle).toBe(needlePosition(beyond));
      expect(v.hybrid.query).toBe(beyond.length - 1);
      expect(v.base!.retriever).not.toBeNull();
      expect(v.hybrid.radius).toBe(2);
      expect(v.base!.rows.every((r) => r.kind === 'full')).toBe(true);
      // the session's decoding is untouched: the next step equals a fresh session's
      const a = s.step().next;
      const t = LiveSession.fromSafetensors(read(LIVE_MODELS.hybrid), null);
      t.start(beyond);
      expect(t.step().next).toBe(a);
      t.dispose();
    } finally {
      s.dispose();
    }
  }, 60_000);
});
