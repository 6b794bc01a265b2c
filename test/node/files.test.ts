/**
 * Safe writing for notebooks and the runner (issue 14): folders made without recursive mkdir (which
 * never returns under /proc), files renamed into place whole, and the runner's --out resolved
 * against the folder the user ran the command from.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDirs, writeFileAtomic } from '../../lib/node/files.js';
import { commitFiles, fullModeDataFiles, prepareOutDir, resolveFromUser, stagedMoves } from '../../scripts/runner/outputs.js';
import { outDir, parseArgs } from '../../scripts/reproduce.js';

const root = join(import.meta.dirname, '../..');

describe('makeDirs and writeFileAtomic', () => {
  it('creates nested folders and rejects /proc/nope at once, naming the argument', () => {
    const base = mkdtempSync(join(tmpdir(), 'sbl-files-'));
    expect(makeDirs(join(base, 'a/b/c'))).toBe(join(base, 'a/b/c'));
    makeDirs(join(base, 'a/b/c')); // again: no error
    const started = Date.now();
    expect(() => makeDirs('/proc/nope/deeper', '--out')).toThrow(/^--out \/proc\/nope\/deeper: cannot create \/proc\/nope/);
    expect(Date.now() - started).toBeLessThan(1000);
    writeFileSync(join(base, 'file'), '');
    expect(() => makeDirs(join(base, 'file/sub'), '--out')).toThrow(/exists and is not a folder/);
  });

  it('writes whole files and leaves no temporary behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sbl-files-'));
    const path = join(dir, 'sub', 'x.json');
    writeFileAtomic(path, 'first\n');
    writeFileAtomic(path, new Uint8Array([104, 105]));
    expect(readFileSync(path, 'utf8')).toBe('hi');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['x.json']);
  });
});

describe("the runner's output handling", () => {
  it('resolves --out against INIT_CWD when npm runs the script, else against the current folder', () => {
    const env = { npm_lifecycle_event: 'reproduce', INIT_CWD: join(root, 'notebooks') };
    expect(resolveFromUser('relout', env)).toBe(join(root, 'notebooks', 'relout'));
    expect(parseArgs(['--out', 'relout'], env).out).toBe(join(root, 'notebooks', 'relout'));
    // an INIT_CWD inherited from another npm script (e.g. npm test) does not count
    expect(resolveFromUser('relout', { npm_lifecycle_event: 'test', INIT_CWD: '/elsewhere' })).toBe(join(process.cwd(), 'relout'));
  });

  it('sends quick runs to data/quick/ and full runs to data/ unless told otherwise; checks the time limit', () => {
    expect(outDir(parseArgs(['--quick'], {}), {})).toBe(join(root, 'data', 'quick'));
    expect(outDir(parseArgs([], {}), {})).toBe(join(root, 'data'));
    expect(parseArgs([], {}).timeLimit).toBe(5400);
    expect(parseArgs(['--time-limit', '30'], {}).timeLimit).toBe(30);
    expect(parseArgs([], { SBL_TIME_LIMIT: '60' }).timeLimit).toBe(60);
    expect(() => parseArgs(['--time-limit', '-1'], {})).toThrow(/--time-limit must be a number of seconds > 0, got "-1"/);
  });

  it('rejects an --out that is not writable, and finds full-mode data files', () => {
    expect(() => prepareOutDir('/proc')).toThrow(/^--out \/proc is not writable/);
    const dir = mkdtempSync(join(tmpdir(), 'sbl-out-'));
    expect(prepareOutDir(dir)).toBe(dir);
    expect(readdirSync(dir)).toEqual([]);
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ mode: 'full' }));
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ mode: 'quick' }));
    expect(fullModeDataFiles(dir, ['a', 'b', 'c'])).toEqual([join(dir, 'a.json')]);
  });

  it('commits staged files together, data files last', () => {
    const stage = mkdtempSync(join(tmpdir(), 'sbl-stage-'));
    const out = mkdtempSync(join(tmpdir(), 'sbl-out-'));
    makeDirs(join(stage, 'figures'));
    writeFileSync(join(stage, 'n.json'), '{}');
    writeFileSync(join(stage, 'figures/f.svg'), '<svg/>');
    const moves = stagedMoves(stage, out);
    expect(moves.map((m) => m.to)).toEqual([join(out, 'figures/f.svg'), join(out, 'n.json')]);
    commitFiles(moves);
    expect(readFileSync(join(out, 'figures/f.svg'), 'utf8')).toBe('<svg/>');
    expect(readdirSync(out).sort()).toEqual(['figures', 'n.json']);
    // a copy that fails leaves every target as it was, and no temporaries
    expect(() =>
      commitFiles([
        { from: join(stage, 'n.json'), to: join(out, 'm.json') },
        { from: join(stage, 'missing'), to: join(out, 'n.json') },
      ]),
    ).toThrow();
    expect(readdirSync(out).sort()).toEqual(['figures', 'n.json']);
  });
});
