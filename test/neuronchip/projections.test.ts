import { describe, expect, it } from 'vitest';
import {
  projectionInputs,
  seedLayerInputs,
  layerKinds,
  neuronsPerLayer,
  neuronsPerToken,
  macsPerToken,
  projectionRows,
  SPIKINGBRAIN_7B_SHAPE,
} from '../../lib/index.js';

const H = 3584;
const F = 18944;

describe('projectionInputs(shape): every spike-coded input of a SpikingBrain-7B layer', () => {
  const inputs = projectionInputs();
  const kinds = layerKinds();
  it('has 14 GLA (even) and 14 SWA (odd) layers', () => {
    expect(kinds.length).toBe(28);
    expect(kinds.filter((k) => k === 'gla').length).toBe(14);
    expect(kinds[0]).toBe('gla');
    expect(kinds[27]).toBe('swa');
    expect(layerKinds({ ...SPIKINGBRAIN_7B_SHAPE, glaLayers: 'odd' })[0]).toBe('swa');
  });
  it('counts one train per projection: q, k, v, o, gate, up of width 3584, down of 18944, GLA gate 3584 and 16', () => {
    expect(neuronsPerLayer(inputs, 'swa')).toBe(6 * H + F);
    expect(neuronsPerLayer(inputs, 'gla')).toBe(7 * H + 16 + F);
    expect(neuronsPerToken(inputs, kinds)).toBe(14 * (6 * H + F) + 14 * (7 * H + 16 + F));
  });
  it('with shared inputs, q/k/v/gate low rank read one vector and gate/up another', () => {
    expect(neuronsPerLayer(inputs, 'swa', { shareInputs: true })).toBe(3 * H + F);
    expect(neuronsPerLayer(inputs, 'gla', { shareInputs: true })).toBe(3 * H + 16 + F);
  });
  it("the seed's count is one hidden-wide input per layer", () => {
    expect(neuronsPerToken(seedLayerInputs(), kinds)).toBe(28 * H);
  });
  it('counts the dense MACs of a token (about 6.5 G, the non-embedding parameters)', () => {
    const gla = H * H + 2 * H * 512 + H * 16 + 16 * 512 + H * H + 3 * H * F;
    const swa = gla - H * 16 - 16 * 512;
    expect(macsPerToken(inputs, kinds)).toBe(14 * (gla + swa));
  });
  it('projectionRows gives width x layers per projection', () => {
    const rows = projectionRows(inputs, kinds);
    expect(rows.find((r) => r.name === 'down_proj')).toEqual({
      name: 'down_proj',
      width: F,
      outputs: H,
      layers: 28,
      neuronsPerToken: 28 * F,
    });
    expect(rows.find((r) => r.name.startsWith('gk_proj.1'))!.layers).toBe(14);
    expect(rows.reduce((s, r) => s + r.neuronsPerToken, 0)).toBe(neuronsPerToken(inputs, kinds));
  });
  it('follows the shape: a smaller model has smaller inputs', () => {
    const small = { ...SPIKINGBRAIN_7B_SHAPE, layers: 2, hidden: 64, ffn: 128, heads: 4, kvHeads: 2, headDim: 16, gateRank: 4 };
    expect(neuronsPerToken(projectionInputs(small), layerKinds(small))).toBe(6 * 64 + 128 + 7 * 64 + 4 + 128);
  });
});

describe('projection recount: bad input', () => {
  it('names the argument and the allowed values', () => {
    expect(() => projectionInputs({ ...SPIKINGBRAIN_7B_SHAPE, glaLayers: 'all' as never })).toThrow(
      /shape.glaLayers must be one of 'even', 'odd'; got "all"/,
    );
    expect(() => projectionInputs({ ...SPIKINGBRAIN_7B_SHAPE, hidden: 0 })).toThrow(/shape.hidden must be an integer >= 1, got 0/);
    expect(() => projectionInputs({ ...SPIKINGBRAIN_7B_SHAPE, kvHeads: 3 })).toThrow(
      /shape.heads \(28\) must be a multiple of shape.kvHeads \(3\)/,
    );
    expect(() => neuronsPerLayer(projectionInputs(), 'moe' as never)).toThrow(/kind must be one of 'gla', 'swa'; got "moe"/);
    expect(() => neuronsPerToken(projectionInputs(), ['gla', 'ffn' as never])).toThrow(/kinds\[1\] must be one of 'gla', 'swa'/);
    expect(() => neuronsPerLayer([{ name: 'x', width: 0, outputs: 1, kinds: ['gla'], inputGroup: 'a' }], 'gla')).toThrow(
      /inputs\[0\].width must be an integer >= 1, got 0/,
    );
    const mismatched = [
      { name: 'a', width: 4, outputs: 1, kinds: ['gla' as const], inputGroup: 'x' },
      { name: 'b', width: 5, outputs: 1, kinds: ['gla' as const], inputGroup: 'x' },
    ];
    expect(() => neuronsPerLayer(mismatched, 'gla', { shareInputs: true })).toThrow(
      /inputs of group 'x' have different widths \(4 and 5\)/,
    );
    expect(() => neuronsPerLayer(projectionInputs(), 'gla', { shareInputs: 'yes' as never })).toThrow(
      /options.shareInputs must be a boolean/,
    );
  });
});
