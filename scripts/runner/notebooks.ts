/**
 * The reproduction runner's view of notebooks: which ones to run, the first failing cell of an
 * executed one, the progress lines a running one appends to its progress file, and the tidying of an
 * executed notebook before it is committed (no timestamps, no absolute paths).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

/** Experiment notebooks in reading order (NN-topic.ipynb). */
export function listNotebooks(dir: string, only?: string): string[] {
  const all = readdirSync(dir)
    .filter((f) => /^\d\d-.+\.ipynb$/.test(f))
    .sort();
  if (only === undefined) return all;
  const picked = all.filter((f) => f.replace(/\.ipynb$/, '') === only || f.startsWith(`${only}-`));
  if (picked.length === 0)
    throw new Error(`--only ${only} matches no notebook; allowed: ${all.map((f) => f.replace(/\.ipynb$/, '')).join(', ')}`);
  return picked;
}

interface Cell {
  cell_type: string;
  source: string | string[];
  outputs?: { output_type: string; name?: string; text?: string | string[]; ename?: string; evalue?: string }[];
}

const joinText = (t: string | string[] | undefined): string => (Array.isArray(t) ? t.join('') : (t ?? ''));

/** A line of tslab stderr that means the cell failed: a compile error or an uncaught exception. */
const FAILURE_LINE = /^\d+:\d+ - |^(\w+)?Error\b|evalmachine\.<anonymous>/;

/**
 * The first code cell that failed: "cell 7 (`const x = …`): ReferenceError: …". tslab reports
 * compile and runtime errors on the cell's stderr stream (with an empty or missing error output),
 * so both are read.
 */
export function firstCellError(notebookPath: string): string | null {
  const nb = JSON.parse(readFileSync(notebookPath, 'utf8')) as { cells: Cell[] };
  for (const [i, cell] of nb.cells.entries()) {
    if (cell.cell_type !== 'code') continue;
    const outputs = cell.outputs ?? [];
    const err = outputs.find((o) => o.output_type === 'error');
    const stderr = outputs
      .filter((o) => o.name === 'stderr')
      .map((o) => joinText(o.text))
      .join('');
    const failures = stderr.split('\n').filter((l) => FAILURE_LINE.test(l) && !/^\s+at /.test(l));
    if (!err && failures.length === 0) continue;
    const src = joinText(cell.source);
    const first = src.split('\n').find((l) => l.trim() !== '') ?? '';
    const message = err?.evalue ? `${err.ename ?? 'Error'}: ${err.evalue.split('\n')[0]}` : '';
    const detail = [message, ...failures.filter((l) => !l.startsWith('evalmachine')).slice(0, 3)].filter(Boolean).join(' | ');
    return `cell ${i + 1} (\`${first.trim().slice(0, 80)}\`): ${detail || 'error (no message)'}`;
  }
  return null;
}

/** Prints the progress lines a notebook appends to its progress file (lib/node progress()) as they come. */
export function followProgress(file: string): () => void {
  let shown = 0;
  const flush = () => {
    if (!existsSync(file)) return; // the run is being stopped and its temporary folder removed
    const lines = readFileSync(file, 'utf8').split('\n');
    const complete = lines.length - 1;
    for (let i = shown; i < complete; i++) console.log(`    ${lines[i]}`);
    shown = Math.max(shown, complete);
  };
  const timer = setInterval(flush, 1000);
  return () => {
    clearInterval(timer);
    flush();
  };
}

/**
 * Makes an executed notebook depend on its results only, so a rerun with unchanged results leaves
 * `git status` clean: drops nbconvert's per-cell execution timestamps (`metadata.execution`) and
 * rewrites absolute paths in outputs by `replacements` (the staging folder -> where the files land,
 * the checkout root -> nothing), longest first. Cell sources are never touched.
 */
export function tidyExecutedNotebook(notebookPath: string, replacements: [from: string, to: string][]): void {
  const nb = JSON.parse(readFileSync(notebookPath, 'utf8')) as { cells: { metadata?: Record<string, unknown>; outputs?: unknown[] }[] };
  const ordered = [...replacements].filter(([from]) => from !== '').sort((a, b) => b[0].length - a[0].length);
  const rewrite = (v: unknown): unknown => {
    if (typeof v === 'string') return ordered.reduce((s, [from, to]) => s.split(from).join(to), v);
    if (Array.isArray(v)) return v.map(rewrite);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rewrite(x)]));
    return v;
  };
  for (const cell of nb.cells) {
    if (cell.metadata) delete cell.metadata.execution;
    if (cell.outputs) cell.outputs = cell.outputs.map(rewrite);
  }
  // nbformat's layout (indent 1, keys in the order read, non-ASCII kept), so unchanged cells diff as unchanged
  writeFileSync(notebookPath, JSON.stringify(nb, null, 1) + '\n');
}

/** The replacements tidyExecutedNotebook needs: staged files shown where they land, repo paths relative. */
export function pathReplacements(stage: string, out: string, root: string): [string, string][] {
  const shown = out === root ? '.' : out.startsWith(`${root}/`) ? out.slice(root.length + 1) : out;
  return [
    [`${stage}/`, `${shown}/`],
    [stage, shown],
    [`${root}/`, ''],
  ];
}
