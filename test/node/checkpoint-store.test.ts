/**
 * The checkpoint store notebooks 07 and 09 share: a full run keeps a model (stored rounded to F16,
 * entry written with the loss of the stored weights), a quick run loads it back checked against the
 * manifest, and a tampered file or a missing name fails naming the file.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { SpikingBrainModel, tinyConfig, type ModelConfig } from '../../lib/index.js';
import { CheckpointStore, resumePartial, savePartial } from '../../lib/node/index.js';
import { useWasmBackend } from '../helpers/tfjs.js';

useWasmBackend();

const small: Partial<ModelConfig> = { ...tinyConfig(), hidden_size: 32, intermediate_size: 64, num_hidden_layers: 2, attn_layers: [1] };
const fresh = { tokenizer: 'tokenizer.json', validation: { windows: 2, length: 9, split: 'test' } };
const firstWeight = (m: SpikingBrainModel) => Array.from(m.embeddings.dataSync().slice(0, 8));

describe('CheckpointStore', () => {
  it('keeps in full mode and loads the same weights in quick mode', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sbl-store-'));
    const full = new CheckpointStore({ mode: 'full', dtype: 'F16', fresh, dir });
    const model = new SpikingBrainModel(small, { seed: 3 });
    const before = tf.memory().numTensors;
    const own = model.parameters().length;
    let seenBy: SpikingBrainModel | null = null;
    const stored = full.keep('tiny-a', model, {
      description: 'a test model',
      parent: null,
      steps: 5,
      tokensSeen: 40,
      validationLoss: (m) => ((seenBy = m), 1.25),
    });
    expect(seenBy).toBe(stored); // the loss is measured on the stored (F16-rounded) weights
    expect(model.embeddings.isDisposed).toBe(true); // the float model was disposed
    const entry = full.manifest.checkpoints['tiny-a']!;
    expect(entry).toMatchObject({ file: 'tiny-a.safetensors', parent: null, steps: 5, tokensSeen: 40, validationLoss: 1.25, dtype: 'F16' });
    expect(Object.keys(full.manifest)).toEqual(['schema', 'tokenizer', 'validation', 'checkpoints']);
    full.writeManifest();

    const quick = new CheckpointStore({ mode: 'quick', dtype: 'F16', fresh, dir });
    const loaded = quick.load('tiny-a');
    expect(firstWeight(loaded)).toEqual(firstWeight(stored));
    expect(() => quick.load('nope')).toThrow(/checkpoint nope is not in .*manifest\.json/);
    stored.dispose();
    loaded.dispose();
    expect(tf.memory().numTensors).toBe(before - own);

    writeFileSync(join(dir, 'tiny-a.safetensors'), 'tampered');
    expect(() => quick.load('tiny-a')).toThrow(/tiny-a\.safetensors: expected \d+ bytes/);
  });

  it('a quick run without a manifest says which notebook to run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sbl-store-'));
    expect(() => new CheckpointStore({ mode: 'quick', dtype: 'F16', fresh, dir })).toThrow(/no checkpoint manifest at .*manifest\.json/);
  });

  it('resumes a partial checkpoint only for the same plan', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sbl-store-'));
    const a = new SpikingBrainModel(small, { seed: 1 });
    const b = new SpikingBrainModel(small, { seed: 2 });
    expect(resumePartial(b, 'run-partial.safetensors', 'plan-1', dir)).toBe(0); // no file yet
    savePartial(a, 'run-partial.safetensors', 'plan-1', 200, dir);
    expect(resumePartial(b, 'run-partial.safetensors', 'plan-2', dir)).toBe(0);
    expect(firstWeight(b)).not.toEqual(firstWeight(a));
    expect(resumePartial(b, 'run-partial.safetensors', 'plan-1', dir)).toBe(200);
    expect(firstWeight(b)).toEqual(firstWeight(a));
    a.dispose();
    b.dispose();
  });
});
