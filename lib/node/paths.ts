/** Node-only: where the repository, data/ and figures are, and which run mode is on. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { RunMode } from '../results/envelope.js';

/** The repository root: the nearest folder upwards whose package.json is "spikingbrain-lab". */
export function repoRoot(from = process.cwd()): string {
  let dir = resolve(from);
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'spikingbrain-lab') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`no spikingbrain-lab checkout above ${from}`);
    dir = up;
  }
}

/** Run mode from SBL_MODE ("quick" or "full"; default "full"). */
export function runMode(): RunMode {
  const mode = process.env.SBL_MODE ?? 'full';
  if (mode !== 'quick' && mode !== 'full') throw new RangeError(`SBL_MODE must be "quick" or "full", got "${mode}"`);
  return mode;
}

/** Where data files go: SBL_DATA_DIR if set (CI's quick runs write elsewhere), else <repo>/data. */
export function dataDir(): string {
  return process.env.SBL_DATA_DIR ? resolve(process.env.SBL_DATA_DIR) : join(repoRoot(), 'data');
}
