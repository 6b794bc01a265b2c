/**
 * Node-only: checkpoint files and their manifest on disk (data/checkpoints/ by default), for
 * notebook 07's trained models (report §3). Import from 'spikingbrain-lib/dist/node/index.js'; the
 * site never imports this folder.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.js';
import { verifyCheckpoint, type CheckpointEntry, type CheckpointManifest } from '../training/checkpoint.js';

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
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'manifest.json');
  writeFileSync(path, JSON.stringify(manifest, null, 1) + '\n');
  return path;
}

/** Writes checkpoint bytes (and any extra file such as the tokenizer); returns the path. */
export function writeCheckpointFile(file: string, bytes: Uint8Array | string, dir = checkpointDir()): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, bytes);
  return path;
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
