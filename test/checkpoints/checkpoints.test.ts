/**
 * The committed checkpoints of notebook 07 (data/checkpoints/): each file matches its manifest's
 * sha256, loads with the library, and gives the validation loss the manifest records on the same
 * fixed validation subset (the windows the notebook evaluates).
 */
import { describe, expect, it } from 'vitest';
import { ByteTokenizer, evaluateLoss, evaluationWindows, joinDocuments, modelFromSafetensors, splitCorpus } from '../../lib/index.js';
import { readBrownCorpus } from '../../lib/node/index.js';
import { readCheckpoint, readManifest } from '../../lib/node/index.js';
import { useWasmBackend } from '../helpers/tfjs.js';

useWasmBackend();

describe('data/checkpoints (notebook 07)', () => {
  const manifest = readManifest();
  const tok = new ByteTokenizer();
  const val = tok.encode(joinDocuments(splitCorpus(readBrownCorpus()).validation));
  const windows = evaluationWindows(val, manifest.validation.windows, manifest.validation.length);

  it('lists the base, the converted and from-scratch variants and the MoE model', () => {
    expect(Object.keys(manifest.checkpoints).sort()).toEqual([
      'base-fa',
      'conv-fa',
      'conv-hybrid',
      'conv-la',
      'conv-swa',
      'dense-hybrid-control',
      'moe-hybrid',
      'scratch-hybrid',
      'scratch-la',
      'scratch-swa',
    ]);
  });

  for (const [name, entry] of Object.entries(manifest.checkpoints)) {
    it(`${name}: sha256 matches and the validation loss is the manifest's`, () => {
      const model = modelFromSafetensors(readCheckpoint(entry));
      try {
        expect(model.config.num_experts > 0).toBe(name.startsWith('moe'));
        expect(evaluateLoss(model, windows)).toBeCloseTo(entry.validationLoss, 4);
      } finally {
        model.dispose();
      }
    }, 30_000);
  }
});
