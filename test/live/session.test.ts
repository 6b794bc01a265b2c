/**
 * lib/live (issue 15): a decoding session over the committed checkpoints the live page runs
 * (lib/live/models.ts). Determinism, no tensor leaks across repeated decode calls, fixed tokens and spike counts for a fixed prompt
 * (test/live/expected-decode.json, written by `UPDATE_LIVE_EXPECTED=1 npx vitest run test/live`),
 * the W8ASpike switch, caches (GLA fixed, SWA window, full attention growing) and clear errors.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ByteTokenizer, LIVE_DEFAULT_PROMPT, LIVE_FILLER, LIVE_MODELS, LiveSession, type TokenReport } from '../../lib/index.js';
import { checkpointDir, readManifest } from '../../lib/node/checkpoints.js';
import { useWasmBackend } from '../helpers/tfjs.js';

useWasmBackend();

const EXPECTED = join(dirname(fileURLToPath(import.meta.url)), 'expected-decode.json');
const tok = new ByteTokenizer();
const DIR = join(checkpointDir(), LIVE_MODELS.folder);
const read = (key: string) => new Uint8Array(readFileSync(join(DIR, readManifest(DIR).checkpoints[key]!.file)));

function run(s: LiveSession, prompt: string, n: number): TokenReport[] {
  const out = [s.start(tok.encode(prompt))];
  while (out.length < n) out.push(s.step());
  return out;
}

const fingerprint = (rs: TokenReport[]) => ({
  tokens: rs.map((r) => r.next),
  spikes: rs.map((r) => r.layers.map((l) => l.spikes)),
  silent: rs.map((r) => r.layers.map((l) => l.silentChannels)),
});

describe('lib/live: LiveSession on the checkpoints of the live page (notebook 09)', () => {
  let s: LiveSession;
  beforeAll(() => {
    s = LiveSession.fromSafetensors(read(LIVE_MODELS.hybrid), read(LIVE_MODELS.base));
  });
  afterAll(() => s?.dispose());

  it('decodes a fixed prompt to fixed tokens and spike counts (and the same twice)', () => {
    const a = fingerprint(run(s, LIVE_DEFAULT_PROMPT, 12));
    const b = fingerprint(run(s, LIVE_DEFAULT_PROMPT, 12));
    expect(b).toEqual(a);
    if (process.env.UPDATE_LIVE_EXPECTED === '1' || !existsSync(EXPECTED)) {
      if (process.env.UPDATE_LIVE_EXPECTED !== '1')
        throw new Error(`${EXPECTED} is missing: run UPDATE_LIVE_EXPECTED=1 npx vitest run test/live`);
      writeFileSync(EXPECTED, JSON.stringify({ prompt: LIVE_DEFAULT_PROMPT, ...a }) + '\n');
    }
    const expected = JSON.parse(readFileSync(EXPECTED, 'utf8'));
    expect({ prompt: LIVE_DEFAULT_PROMPT, ...a }).toEqual(expected);
    expect(tok.decode(a.tokens).length).toBe(12);
  }, 60_000);

  it('a fresh session gives the same reports (determinism across loads)', () => {
    const other = LiveSession.fromSafetensors(read(LIVE_MODELS.hybrid), null);
    try {
      const x = run(other, LIVE_DEFAULT_PROMPT, 4);
      const y = run(s, LIVE_DEFAULT_PROMPT, 4);
      expect(fingerprint(x)).toEqual(fingerprint(y));
      expect(x.map((r) => r.distribution)).toEqual(y.map((r) => r.distribution));
      expect(x[0]!.base).toBeNull();
    } finally {
      other.dispose();
    }
  }, 60_000);

  it('repeated decode calls do not grow the tensor count', () => {
    s.start(tok.encode(LIVE_DEFAULT_PROMPT));
    s.step();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 6; i++) s.step();
    expect(tf.memory().numTensors).toBe(before);
    s.start(tok.encode('A new prompt.'));
    s.step();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('caches: GLA states stay the same size, SWA windows slide, the base KV cache grows by one per token', () => {
    // a prompt longer than the SWA window, so the window is full and slides
    const r0 = s.start(tok.encode(LIVE_FILLER));
    expect(r0.context).toBeGreaterThan(r0.layers.find((l) => l.memory.kind === 'swa')!.memory.window!);
    const rs = [r0, s.step(), s.step()];
    const kinds = r0.layers.map((l) => l.memory.kind);
    expect(kinds).toEqual(['gla', 'swa', 'gla', 'swa']);
    for (const [i, l] of r0.layers.entries()) {
      const later = rs[2]!.layers[i]!.memory;
      if (l.memory.kind === 'gla') expect(later.stateBytes).toBe(l.memory.stateBytes);
      if (l.memory.kind === 'swa') {
        expect(later.kvTokens).toBe(l.memory.window! - 1);
        expect(later.windowStart).toBe(l.memory.windowStart + 2);
      }
    }
    expect(rs.map((r) => r.base!.layers[0]!.kvTokens)).toEqual([r0.context, r0.context + 1, r0.context + 2]);
  }, 60_000);

  it('per layer: spikes, slots, silent channels and eq. 24 energy add up over the projections', () => {
    const r = s.start(tok.encode(LIVE_DEFAULT_PROMPT));
    for (const l of r.layers) {
      expect(l.spikes).toBe(l.projections.reduce((a, p) => a + p.spikes, 0));
      expect(l.firingRate).toBeCloseTo(l.spikes / l.slots, 12);
      for (const p of l.projections) {
        expect(p.energy.spikingPj).toBeCloseTo(p.spikes * p.outFeatures * 0.03, 9);
        expect(p.energy.int8Pj).toBeCloseTo(p.channels * p.outFeatures * 0.23, 9);
      }
      // q/k/v share one input, so one raster: fewer rasters than projections
      expect(l.rasters.length).toBeLessThan(l.projections.length);
      for (const ras of l.rasters) expect(ras.dense).toHaveLength(ras.T * ras.channels);
    }
    expect(r.energy.spikingPj).toBeLessThan(r.energy.int8Pj);
  }, 60_000);

  it('the W8ASpike switch: tokens come from the float hybrid when off; the on/off distributions and their KL are reported', () => {
    s.w8aspike = false;
    const off = s.start(tok.encode(LIVE_DEFAULT_PROMPT));
    s.w8aspike = true;
    const on = s.start(tok.encode(LIVE_DEFAULT_PROMPT));
    expect(off.w8aspike).toBe(false);
    expect(off.next).toBe(off.distribution.off[0]!.id);
    expect(on.next).toBe(on.distribution.on[0]!.id);
    // the distributions do not depend on which copy picks: same context, same numbers
    expect(on.distribution).toEqual(off.distribution);
    expect(on.distribution.klOffOn).toBeGreaterThan(0);
    // float mode reports the counts its inputs would give: close to, not equal to, the spiking copy's
    expect(on.layers.map((l) => l.spikes)).not.toEqual(off.layers.map((l) => l.spikes));
  }, 60_000);

  it('rejects bad input with the argument named', () => {
    expect(() => s.start([])).toThrow(/prompt must hold at least one token/);
    expect(() => s.start([300])).toThrow(/integers in \[0, 255\]/);
    expect(() => LiveSession.fromSafetensors(read(LIVE_MODELS.hybrid), null, { topK: 0 })).toThrow(/options.topK/);
    const fresh = LiveSession.fromSafetensors(read(LIVE_MODELS.hybrid));
    expect(() => fresh.step()).toThrow(/start\(prompt\) before step/);
    fresh.dispose();
    expect(() => fresh.start([65])).toThrow(/disposed/);
  }, 60_000);
});
