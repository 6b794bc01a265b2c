/**
 * The quick reproduction, as CI runs it: every notebook twice under real Jupyter into temporary
 * data folders. Checks determinism (identical data apart from createdAt, commit and timings) and
 * that the regenerated claims agree with the committed full run.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareClaims, stripVolatile, type DataEnvelope } from '../../lib/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');

/**
 * Runs the reproduce script without blocking this worker: a synchronous spawn would stall vitest's
 * RPC for minutes and fail the run with "Timeout calling onTaskUpdate".
 */
function reproduce(args: string[]): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ['scripts/reproduce.ts', ...args], { cwd: root, env: { ...process.env, SBL_DATA_DIR: '' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, out }));
  });
}

const readJson = (path: string): DataEnvelope => JSON.parse(readFileSync(path, 'utf8')) as DataEnvelope;
const jsonFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();

describe('npm run reproduce -- --quick', () => {
  const first = mkdtempSync(join(tmpdir(), 'sbl-quick-a-'));
  const second = mkdtempSync(join(tmpdir(), 'sbl-quick-b-'));
  let runs: { status: number | null; out: string }[] = [];

  beforeAll(async () => {
    runs = [await reproduce(['--quick', '--out', first]), await reproduce(['--quick', '--out', second])];
  }, 1_800_000);

  it('runs every notebook without error, with progress per notebook', () => {
    for (const r of runs) {
      expect(r.status, r.out).toBe(0);
      expect(r.out).toMatch(/\[1\/\d+\] \S+ done in/);
    }
    expect(jsonFiles(first).length).toBeGreaterThan(0);
  });

  it('two quick runs give identical data apart from createdAt, commit and timings', () => {
    expect(jsonFiles(second)).toEqual(jsonFiles(first));
    for (const f of jsonFiles(first)) {
      expect(stripVolatile(readJson(join(second, f))), f).toEqual(stripVolatile(readJson(join(first, f))));
    }
    const figures = join(first, 'figures');
    if (existsSync(figures)) {
      expect(readdirSync(join(second, 'figures')).sort()).toEqual(readdirSync(figures).sort());
      // figures of wall-clock timings ("-measured" in the name) differ run to run, like timing claims
      for (const f of readdirSync(figures).filter((name) => !name.includes('-measured'))) {
        expect(readFileSync(join(second, 'figures', f), 'utf8'), f).toBe(readFileSync(join(figures, f), 'utf8'));
      }
    }
  });

  it('regenerated claims agree with the committed ones (exact, or within the stated tolerance)', () => {
    for (const f of jsonFiles(first)) {
      const committed = join(root, 'data', f);
      expect(existsSync(committed), `data/${f} is not committed`).toBe(true);
      expect(compareClaims(readJson(committed).claims, readJson(join(first, f)).claims), f).toEqual([]);
    }
  });
});

describe('npm run reproduce: failures', () => {
  it('name the notebook and the failing cell', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sbl-bad-'));
    mkdirSync(join(dir, 'out'));
    const cell = (type: 'markdown' | 'code', source: string) =>
      type === 'code'
        ? { cell_type: type, metadata: {}, source, outputs: [], execution_count: null }
        : { cell_type: type, metadata: {}, source };
    const nb = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {
        kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' },
        language_info: { name: 'typescript' },
      },
      cells: [
        cell('markdown', '# A notebook that fails'),
        cell('code', 'const ok = 1;'),
        cell('code', "throw new Error('deliberate failure');"),
      ],
    };
    writeFileSync(join(dir, '01-broken.ipynb'), JSON.stringify(nb));
    const r = await reproduce(['--quick', '--dir', dir, '--out', join(dir, 'out')]);
    expect(r.status).not.toBe(0);
    expect(r.out).toContain(
      "notebook 01-broken.ipynb failed at cell 3 (`throw new Error('deliberate failure');`): Error: deliberate failure",
    );
  }, 300_000);

  it('reject an unknown notebook name, listing the allowed ones', async () => {
    const r = await reproduce(['--quick', '--only', 'no-such-notebook']);
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/--only no-such-notebook matches no notebook; allowed: /);
  });
});
