import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listNotebooks, pathReplacements, tidyExecutedNotebook } from '../../scripts/runner/notebooks.js';

const dir = mkdtempSync(join(tmpdir(), 'sbl-tidy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const executed = (stamp: string, stage: string) => ({
  cells: [
    { cell_type: 'markdown', id: 'a', metadata: {}, source: ['# /repo/x stays in sources'] },
    {
      cell_type: 'code',
      execution_count: 1,
      id: 'b',
      metadata: { execution: { 'iopub.status.busy': stamp }, tags: ['keep'] },
      outputs: [
        { name: 'stdout', output_type: 'stream', text: [`wrote ${stage}/04-x.json\n`, 'wrote /repo/data/checkpoints/manifest.json\n'] },
      ],
      source: ["console.log('/repo/')"],
    },
  ],
  metadata: { kernelspec: { name: 'tslab' } },
  nbformat: 4,
  nbformat_minor: 5,
});

describe('tidyExecutedNotebook(path, pathReplacements(stage, out, root))', () => {
  it('drops execution timestamps and shows staged and repo paths relative to the checkout, so reruns are byte-identical', () => {
    const files = ['1', '2'].map((run) => {
      const stage = `/tmp/sbl-nb-${run}/04-x/stage`;
      const f = join(dir, `run${run}.ipynb`);
      writeFileSync(f, JSON.stringify(executed(`2026-01-0${run}T00:00:00Z`, stage), null, 1) + '\n');
      tidyExecutedNotebook(f, pathReplacements(stage, '/repo/data', '/repo'));
      return readFileSync(f, 'utf8');
    });
    expect(files[0]).toBe(files[1]);
    const nb = JSON.parse(files[0]!);
    expect(nb.cells[1].metadata).toEqual({ tags: ['keep'] });
    expect(nb.cells[1].outputs[0].text).toEqual(['wrote data/04-x.json\n', 'wrote data/checkpoints/manifest.json\n']);
    expect(nb.cells[1].source).toEqual(["console.log('/repo/')"]);
    expect(nb.cells[0].source).toEqual(['# /repo/x stays in sources']);
  });
  it('keeps an --out folder outside the checkout absolute', () => {
    expect(pathReplacements('/tmp/s', '/elsewhere/out', '/repo')[0]).toEqual(['/tmp/s/', '/elsewhere/out/']);
    expect(pathReplacements('/tmp/s', '/repo', '/repo')[1]).toEqual(['/tmp/s', '.']);
  });
});

describe('listNotebooks(dir, only)', () => {
  it('lists NN-*.ipynb in order and names the allowed values for an unknown --only', () => {
    for (const f of ['02-b.ipynb', '01-a.ipynb', 'notes.ipynb']) writeFileSync(join(dir, f), '{}');
    expect(listNotebooks(dir)).toEqual(['01-a.ipynb', '02-b.ipynb']);
    expect(listNotebooks(dir, '02')).toEqual(['02-b.ipynb']);
    expect(() => listNotebooks(dir, '09')).toThrow(/allowed: 01-a, 02-b/);
  });
});

describe('sameDataApartFromProvenance(staged, committed)', () => {
  it('ignores createdAt and commit only', async () => {
    const { sameDataApartFromProvenance } = await import('../../scripts/runner/outputs.js');
    const write = (name: string, d: object) => {
      const f = join(dir, name);
      writeFileSync(f, JSON.stringify(d));
      return f;
    };
    const old = write('old.json', { schema: 's', commit: 'aaa', createdAt: '2026-01-01', results: { x: 1 } });
    expect(
      sameDataApartFromProvenance(write('same.json', { schema: 's', commit: 'bbb', createdAt: '2026-02-02', results: { x: 1 } }), old),
    ).toBe(true);
    expect(
      sameDataApartFromProvenance(write('diff.json', { schema: 's', commit: 'aaa', createdAt: '2026-01-01', results: { x: 2 } }), old),
    ).toBe(false);
    expect(sameDataApartFromProvenance(write('new.json', { results: {} }), join(dir, 'missing.json'))).toBe(false);
  });
});
