/**
 * Node-only: checkpoint files and their manifest on disk (data/checkpoints/ by default), for
 * notebooks 07's and 09's trained models (report §3). Import from 'spikingbrain-lib/dist/node/index.js'; the
 * site never imports this folder.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './files.js';
import { repoRoot } from './paths.js';
import { decodeSafetensors } from '../io/index.js';
import { loadSafetensors, modelFromSafetensors, saveSafetensors, type SpikingBrainModel } from '../models/index.js';
import type { RunMode } from '../results/envelope.js';
import { checkpointEntry, verifyCheckpoint, type CheckpointEntry, type CheckpointManifest } from '../training/checkpoint.js';

/** data/checkpoints/ of the checkout (checkpoints are committed, so never SBL_DATA_DIR). */
export function checkpointDir(): string {
  return join(repoRoot(), 'data', 'checkpoints');
}

export function readManifest(dir = checkpointDir()): CheckpointManifest {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) throw new Error(`no checkpoint manifest at ${path}: run the full reproduction of notebook 07`);
  return JSON.parse(readFileSync(path, 'utf8')) as CheckpointManifest;
}

export function writeManifest(manifest: CheckpointManifest, dir = checkpointDir()): string {
  return writeFileAtomic(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
}

/** Writes checkpoint bytes (and any extra file such as the tokenizer) whole; returns the path. */
export function writeCheckpointFile(file: string, bytes: Uint8Array | string, dir = checkpointDir()): string {
  return writeFileAtomic(join(dir, file), bytes);
}

/** The bytes of a manifest entry, checked against its size and sha256. */
export function readCheckpoint(entry: CheckpointEntry, dir = checkpointDir()): Uint8Array {
  const bytes = new Uint8Array(readFileSync(join(dir, entry.file)));
  verifyCheckpoint(entry, bytes);
  return bytes;
}

/** Bytes of a file in the checkpoint folder if it exists (resuming), else null. */
export function readCheckpointFileIfExists(file: string, dir = checkpointDir()): Uint8Array | null {
  const path = join(dir, file);
  return existsSync(path) ? new Uint8Array(readFileSync(path)) : null;
}

/** Removes a file of the checkpoint folder if present (a finished run's partial checkpoint). */
export function removeCheckpointFile(file: string, dir = checkpointDir()): void {
  const path = join(dir, file);
  if (existsSync(path)) rmSync(path);
}

/**
 * A notebook's trained models on disk: in full mode `keep` stores each model (rounded to the storage
 * dtype), records its manifest entry and hands back the stored weights; in quick mode `load` reads
 * the committed files, checked against the manifest. Notebooks 07 and 09 share this bookkeeping.
 */
export class CheckpointStore {
  readonly manifest: CheckpointManifest;

  constructor(
    readonly o: {
      mode: RunMode;
      dtype: CheckpointEntry['dtype'];
      /** the manifest's fields for a full run (a quick run reads the committed manifest) */
      fresh: Omit<CheckpointManifest, 'schema' | 'checkpoints'>;
      dir?: string;
    },
  ) {
    this.manifest = o.mode === 'full' ? { schema: 'checkpoints@1', ...o.fresh, checkpoints: {} } : readManifest(this.dir);
  }

  get dir(): string {
    return this.o.dir ?? checkpointDir();
  }

  /**
   * Stores `model` (disposed here) and returns the stored weights as a new model, so every later
   * measurement sees exactly what the file holds; the entry's loss is `validationLoss` of that model.
   */
  keep(
    name: string,
    model: SpikingBrainModel,
    e: { description: string; parent: string | null; steps: number; tokensSeen: number; validationLoss: (m: SpikingBrainModel) => number },
  ): SpikingBrainModel {
    const bytes = saveSafetensors(model, { dtype: this.o.dtype });
    model.dispose();
    const stored = modelFromSafetensors(bytes);
    const file = `${name}.safetensors`;
    writeCheckpointFile(file, bytes, this.dir);
    this.manifest.checkpoints[name] = checkpointEntry({
      file,
      description: e.description,
      parent: e.parent,
      config: stored.config,
      steps: e.steps,
      tokensSeen: e.tokensSeen,
      validationLoss: e.validationLoss(stored),
      dtype: this.o.dtype,
      bytes,
    });
    return stored;
  }

  /** The model of a manifest entry (size and sha256 checked). */
  load(name: string): SpikingBrainModel {
    const entry = this.manifest.checkpoints[name];
    if (!entry) throw new Error(`checkpoint ${name} is not in ${join(this.dir, 'manifest.json')}: run the notebook's full reproduction`);
    return modelFromSafetensors(readCheckpoint(entry, this.dir));
  }

  /** Writes the manifest (full runs, after the last keep); returns its path. */
  writeManifest(): string {
    return writeManifest(this.manifest, this.dir);
  }
}

/**
 * A long run's partial checkpoint (notebook 07's base): saved every few steps with the run's plan
 * (name, steps, seed, config), so a rerun of the same plan resumes where the last one stopped.
 */
export function savePartial(model: SpikingBrainModel, file: string, plan: string, stepsDone: number, dir = checkpointDir()): void {
  writeCheckpointFile(file, saveSafetensors(model, { metadata: { plan, steps_done: String(stepsDone) } }), dir);
}

/** Loads the partial checkpoint into `model` if it exists and has the same plan; returns the step to start from (else 0). */
export function resumePartial(model: SpikingBrainModel, file: string, plan: string, dir = checkpointDir()): number {
  const bytes = readCheckpointFileIfExists(file, dir);
  const meta = bytes ? decodeSafetensors(bytes).metadata : null;
  if (!bytes || !meta || meta.plan !== plan) return 0;
  loadSafetensors(model, bytes);
  return Number(meta.steps_done);
}
