/**
 * Runs every experiment notebook headlessly under real Jupyter (nbconvert, tslab kernel), in
 * reading order, with progress and an ETA. Each notebook writes data/<stem>.json.
 *
 *   npm run reproduce                      full mode; executed notebooks replace the committed ones
 *   npm run reproduce -- --quick           CI mode (SBL_MODE=quick); committed notebooks untouched
 *   npm run reproduce -- --only 02         one notebook (stem or its number)
 *   npm run reproduce -- --quick --out D   write the data files to D instead of data/
 *   npm run reproduce -- --dir D           take notebooks from D (tests use this)
 *
 * A failing cell stops the run with the notebook, the cell number, its first line and the error.
 * Progress lines a notebook writes with lib/node's progress() are printed live, indented.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

interface Options {
  quick: boolean;
  only?: string;
  out?: string;
  dir: string;
}

const root = resolve(import.meta.dirname, '..');

function parseArgs(argv: string[]): Options {
  const o: Options = { quick: false, dir: join(root, 'notebooks') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--quick') o.quick = true;
    else if (a === '--full') o.quick = false;
    else if (a === '--only') o.only = value();
    else if (a === '--out') o.out = resolve(value());
    else if (a === '--dir') o.dir = resolve(value());
    else throw new Error(`unknown argument ${a}; allowed: --quick, --full, --only <name>, --out <dir>, --dir <dir>`);
  }
  return o;
}

/** Experiment notebooks in reading order (NN-topic.ipynb; 00-* are smoke tests, not experiments). */
export function listNotebooks(dir: string, only?: string): string[] {
  const all = readdirSync(dir)
    .filter((f) => /^\d\d-.+\.ipynb$/.test(f) && !f.startsWith('00-'))
    .sort();
  if (only === undefined) return all;
  const picked = all.filter((f) => f.replace(/\.ipynb$/, '') === only || f.startsWith(`${only}-`));
  if (picked.length === 0) throw new Error(`--only ${only} matches no notebook; allowed: ${all.map((f) => f.replace(/\.ipynb$/, '')).join(', ')}`);
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
    const stderr = outputs.filter((o) => o.name === 'stderr').map((o) => joinText(o.text)).join('');
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
function followProgress(file: string): () => void {
  let shown = 0;
  const flush = () => {
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

async function runOne(notebook: string, o: Options): Promise<number> {
  const started = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'sbl-nb-'));
  const progressFile = join(work, 'progress.log');
  writeFileSync(progressFile, '');
  const env = { ...process.env, SBL_MODE: o.quick ? 'quick' : 'full', SBL_PROGRESS_FILE: progressFile, ...(o.out ? { SBL_DATA_DIR: o.out } : {}) };
  const stop = followProgress(progressFile);
  const r = await new Promise<{ status: number | null; output: string }>((resolve, reject) => {
    const child = spawn('bash', [join(root, 'scripts/run-notebook.sh'), join(o.dir, notebook), work, '--allow-errors'], { env });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
  stop();
  const executed = join(work, notebook);
  const cellError = existsSync(executed) ? firstCellError(executed) : null;
  if (r.status !== 0 || cellError) {
    const detail = cellError ?? r.output.trim().split('\n').slice(-15).join('\n');
    throw new Error(`notebook ${notebook} failed at ${detail}`);
  }
  // full runs replace the committed notebook so it holds the outputs of the last full run
  if (!o.quick) copyFileSync(executed, join(o.dir, notebook));
  rmSync(work, { recursive: true, force: true });
  return (Date.now() - started) / 1000;
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const notebooks = listNotebooks(o.dir, o.only);
  const mode = o.quick ? 'quick' : 'full';
  console.log(`reproduce: ${notebooks.length} notebook(s), ${mode} mode, data -> ${o.out ?? join(root, 'data')}`);
  const times: number[] = [];
  for (const [i, nb] of notebooks.entries()) {
    const avg = times.length ? times.reduce((a, b) => a + b, 0) / times.length : 0;
    const eta = times.length ? `, ETA ${Math.round(avg * (notebooks.length - i))} s` : '';
    console.log(`[${i + 1}/${notebooks.length}] ${basename(nb, '.ipynb')} (${mode}${eta}) ...`);
    const s = await runOne(nb, o);
    times.push(s);
    console.log(`[${i + 1}/${notebooks.length}] ${basename(nb, '.ipynb')} done in ${s.toFixed(1)} s`);
  }
  console.log(`reproduce: all ${notebooks.length} notebook(s) ran in ${times.reduce((a, b) => a + b, 0).toFixed(1)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(`reproduce: ${(e as Error).message}`);
    process.exit(1);
  });
}
