import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eta, progress } from '../../lib/node/progress.js';

describe('progress(message) and eta(done, elapsed)', () => {
  afterEach(() => {
    delete process.env.SBL_PROGRESS_FILE;
    vi.restoreAllMocks();
  });

  it('prints the line and appends it to SBL_PROGRESS_FILE when set', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const file = join(mkdtempSync(join(tmpdir(), 'sbl-progress-')), 'p.log');
    writeFileSync(file, '');
    process.env.SBL_PROGRESS_FILE = file;
    progress('step 1/2');
    progress('step 2/2');
    expect(readFileSync(file, 'utf8')).toBe('step 1/2\nstep 2/2\n');
    expect(log).toHaveBeenCalledWith('step 2/2');
  });

  it('estimates the remaining seconds from the share done', () => {
    expect(eta(0.25, 10)).toBe('ETA 30 s');
    expect(eta(1, 10)).toBe('ETA 0 s');
    expect(eta(0, 10)).toBe('ETA –');
  });
});
