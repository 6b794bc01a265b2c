/** Node-only: writes a notebook's data file in the envelope, validated before it touches disk. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Claim } from '../results/claims.js';
import { assertEnvelope, type DataEnvelope } from '../results/envelope.js';
import { makeDirs, writeFileAtomic } from './files.js';
import { dataDir, repoRoot, runMode } from './paths.js';

export interface WriteOptions<R> {
  /** notebook file name, e.g. "01-spike-coding.ipynb"; the data file is data/<stem>.json */
  notebook: string;
  schema: string;
  seed: number;
  config: Record<string, unknown>;
  results: R;
  claims: Claim[];
  backend?: string;
}

export function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], {
      cwd: repoRoot(),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

/** Validates and writes data/<stem>.json; returns the path. */
export function writeDataFile<R extends Record<string, unknown>>(o: WriteOptions<R>): string {
  const stem = o.notebook.replace(/\.ipynb$/, '');
  const envelope: DataEnvelope<R> = {
    schema: o.schema,
    producedBy: `notebooks/${stem}.ipynb`,
    commit: gitCommit(),
    mode: runMode(),
    backend: o.backend ?? 'none',
    seed: o.seed,
    config: o.config,
    createdAt: new Date().toISOString(),
    results: o.results,
    claims: o.claims,
  };
  // a round trip through JSON first, so typed arrays and undefined never reach the file unseen
  const plain = JSON.parse(JSON.stringify(envelope)) as unknown;
  assertEnvelope(plain, `data/${stem}.json`);
  const dir = dataDir();
  makeDirs(dir, 'data folder');
  const path = join(dir, `${stem}.json`);
  writeFileAtomic(path, JSON.stringify(plain, null, 1) + '\n');
  return path;
}
