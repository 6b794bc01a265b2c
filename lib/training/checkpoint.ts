/**
 * Checkpoint manifest of the laptop-scale training runs (report §3.1 pipeline: base, converted
 * and upcycled models): per checkpoint its file, config, tokens seen, validation loss on the fixed
 * validation subset, storage dtype and sha256, so a test can reload each file and check both.
 */
import { configToJSON, type ModelConfig } from '../models/index.js';
import { sha256Hex } from './sha256.js';

export interface CheckpointEntry {
  /** file name inside the checkpoint folder, e.g. "base-fa.safetensors" */
  file: string;
  /** what the model is, e.g. "SWA-only, converted from base-fa" */
  description: string;
  /** checkpoint it was initialised from (weight reuse); null: trained from scratch */
  parent: string | null;
  config: Record<string, unknown>;
  /** training steps of this run (not counting the parent's) */
  steps: number;
  /** tokens seen by this run (not counting the parent's) */
  tokensSeen: number;
  /** mean next-token loss on the fixed validation subset, of the stored (rounded) weights */
  validationLoss: number;
  /** storage dtype of the weights */
  dtype: 'F32' | 'F16' | 'BF16';
  bytes: number;
  sha256: string;
}

export interface CheckpointManifest {
  schema: 'checkpoints@1';
  /** tokenizer file, e.g. "tokenizer.json" */
  tokenizer: string;
  /** how the validation subset is made (windows, length, split) */
  validation: { windows: number; length: number; split: string };
  checkpoints: Record<string, CheckpointEntry>;
}

/** A manifest entry for saved bytes. */
export function checkpointEntry(o: {
  file: string;
  description: string;
  parent: string | null;
  config: ModelConfig;
  steps: number;
  tokensSeen: number;
  validationLoss: number;
  dtype: CheckpointEntry['dtype'];
  bytes: Uint8Array;
}): CheckpointEntry {
  if (!/^[a-z0-9-]+\.safetensors$/.test(o.file))
    throw new RangeError(`checkpoint file must be lower-case words joined by "-" ending in .safetensors, got "${o.file}"`);
  if (!Number.isFinite(o.validationLoss)) throw new RangeError(`validationLoss must be finite, got ${o.validationLoss}`);
  return {
    file: o.file,
    description: o.description,
    parent: o.parent,
    config: configToJSON(o.config),
    steps: o.steps,
    tokensSeen: o.tokensSeen,
    validationLoss: o.validationLoss,
    dtype: o.dtype,
    bytes: o.bytes.length,
    sha256: sha256Hex(o.bytes),
  };
}

/** Throws when the bytes do not match the entry's size and sha256. */
export function verifyCheckpoint(entry: CheckpointEntry, bytes: Uint8Array): void {
  if (bytes.length !== entry.bytes) throw new Error(`${entry.file}: expected ${entry.bytes} bytes, got ${bytes.length}`);
  const sha = sha256Hex(bytes);
  if (sha !== entry.sha256) throw new Error(`${entry.file}: sha256 ${sha} does not match the manifest's ${entry.sha256}`);
}
