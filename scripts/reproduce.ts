/**
 * Runs every experiment notebook headlessly under real Jupyter (nbconvert, tslab kernel), in
 * reading order, with progress and an ETA. Each notebook writes data/<stem>.json and its figures.
 *
 *   npm run reproduce                      full mode; executed notebooks replace the committed ones
 *   npm run reproduce -- --quick           CI mode (SBL_MODE=quick) into data/quick/; notebooks untouched
 *   npm run reproduce -- --only 02         one notebook (stem or its number)
 *   npm run reproduce -- --out D           write data files and figures to D (relative to where you ran it)
 *   npm run reproduce -- --dir D           take notebooks from D (tests use this)
 *   --overwrite-full                       let a quick run replace full-mode data files
 *   --time-limit S                         wall-clock limit per notebook in seconds (default 5400, or SBL_TIME_LIMIT)
 *   --keep-temp                            keep the temporary folder (executed notebook, staged outputs) and print it
 *
 * A failing cell stops the run with the notebook, the cell number, its first line and the error.
 * Progress lines a notebook writes with lib/node's progress() are printed live, indented.
 *
 * Nothing lost, nothing left running: a notebook writes into a staging folder and its data file,
 * figures and (full mode) executed notebook move into place together only when it succeeded.
 * SIGINT/SIGTERM/SIGHUP, a failure or the time limit stop the kernel and everything it started
 * (see runner/processes.ts), remove the temporary folder and exit non-zero (130/143/129, 1).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { firstCellError, followProgress, listNotebooks, pathReplacements, tidyExecutedNotebook } from './runner/notebooks.js';
import {
  commitFiles,
  fullModeDataFiles,
  prepareOutDir,
  resolveFromUser,
  sameDataApartFromProvenance,
  stagedMoves,
  type Move,
} from './runner/outputs.js';
import { newRunToken, startGuardian, stopRun, TOKEN_VAR } from './runner/processes.js';

interface Options {
  quick: boolean;
  only?: string;
  out?: string;
  dir: string;
  overwriteFull: boolean;
  keepTemp: boolean;
  /** seconds */
  timeLimit: number;
}

const root = resolve(import.meta.dirname, '..');
const DEFAULT_TIME_LIMIT = 5400;

function parseTimeLimit(v: string, flag: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n <= 0) throw new Error(`${flag} must be a number of seconds > 0, got "${v}"`);
  return n;
}

export { firstCellError, listNotebooks };

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): Options {
  const o: Options = {
    quick: false,
    dir: join(root, 'notebooks'),
    overwriteFull: false,
    keepTemp: false,
    timeLimit: env.SBL_TIME_LIMIT ? parseTimeLimit(env.SBL_TIME_LIMIT, 'SBL_TIME_LIMIT') : DEFAULT_TIME_LIMIT,
  };
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
    else if (a === '--out') o.out = resolveFromUser(value(), env);
    else if (a === '--dir') o.dir = resolveFromUser(value(), env);
    else if (a === '--overwrite-full') o.overwriteFull = true;
    else if (a === '--keep-temp') o.keepTemp = true;
    else if (a === '--time-limit') o.timeLimit = parseTimeLimit(value(), '--time-limit');
    else {
      throw new Error(
        `unknown argument ${a}; allowed: --quick, --full, --only <name>, --out <dir>, --dir <dir>, --overwrite-full, --time-limit <seconds>, --keep-temp`,
      );
    }
  }
  return o;
}

/** Where data files go: --out, else SBL_DATA_DIR, else data/ (full) or data/quick/ (quick, git-ignored). */
export function outDir(o: Options, env: NodeJS.ProcessEnv = process.env): string {
  if (o.out) return o.out;
  if (env.SBL_DATA_DIR) return resolveFromUser(env.SBL_DATA_DIR, env);
  return o.quick ? join(root, 'data', 'quick') : join(root, 'data');
}

/** State the signal handlers need: the run's token, the running notebook's process group, temp folder. */
interface RunState {
  token: string;
  temp: string;
  keepTemp: boolean;
  leader?: number;
  stopGuardian: () => void;
  stopping: boolean;
}

class TimeLimitError extends Error {}

/** Once a signal handler is stopping the run, the main path waits for it to exit the process. */
function haltIfStopping(state: RunState): Promise<void> {
  return state.stopping ? new Promise<void>(() => {}) : Promise.resolve();
}

async function runOne(notebook: string, o: Options, out: string, state: RunState): Promise<number> {
  const started = Date.now();
  const stem = basename(notebook, '.ipynb');
  const work = join(state.temp, stem);
  const stage = join(work, 'stage');
  mkdirSync(stage, { recursive: true });
  const progressFile = join(work, 'progress.log');
  writeFileSync(progressFile, '');
  const env = {
    ...process.env,
    SBL_MODE: o.quick ? 'quick' : 'full',
    SBL_PROGRESS_FILE: progressFile,
    SBL_DATA_DIR: stage,
    [TOKEN_VAR]: state.token,
  };
  const stop = followProgress(progressFile);
  let r: { status: number | null; output: string };
  try {
    r = await new Promise((resolvePromise, reject) => {
      // its own process group, so a terminal's Ctrl-C reaches the runner, which stops it in order
      const child = spawn('bash', [join(root, 'scripts/run-notebook.sh'), join(o.dir, notebook), work, '--allow-errors'], {
        env,
        detached: true,
      });
      state.leader = child.pid;
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        void stopRun(state.token, child.pid).then(() =>
          reject(
            new TimeLimitError(
              `notebook ${notebook} exceeded the time limit of ${o.timeLimit} s (--time-limit / SBL_TIME_LIMIT); its kernel was stopped and nothing was written`,
            ),
          ),
        );
      }, o.timeLimit * 1000);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      child.on('close', (status) => {
        clearTimeout(timer);
        if (!timedOut) resolvePromise({ status, output });
      });
    });
  } finally {
    stop();
    state.leader = undefined;
  }
  // nbconvert has returned; anything still holding the token (a kernel that outlived it) goes now
  await stopRun(state.token);
  await haltIfStopping(state);
  const executed = join(work, notebook);
  const cellError = existsSync(executed) ? firstCellError(executed) : null;
  if (r.status !== 0 || cellError) {
    const detail = cellError ?? r.output.trim().split('\n').slice(-15).join('\n');
    throw new Error(`notebook ${notebook} failed at ${detail}`);
  }
  // a data file whose content did not change keeps its date and commit (and git status stays clean)
  const moves: Move[] = stagedMoves(stage, out).filter((m) => !sameDataApartFromProvenance(m.from, m.to));
  if (o.quick && !o.overwriteFull) {
    const stems = moves.filter((m) => m.to.endsWith('.json')).map((m) => basename(m.to, '.json'));
    const full = fullModeDataFiles(out, stems);
    if (full.length > 0)
      throw new Error(`quick run of ${notebook} would overwrite full-mode data ${full.join(', ')}; pass --overwrite-full to allow it`);
  }
  // full runs replace the committed notebook so it holds the outputs of the last full run, tidied:
  // no execution timestamps and no absolute paths, so an unchanged rerun changes nothing
  if (!o.quick) {
    tidyExecutedNotebook(executed, pathReplacements(stage, out, root));
    moves.push({ from: executed, to: join(o.dir, notebook) });
  }
  commitFiles(moves);
  if (!o.keepTemp) rmSync(work, { recursive: true, force: true });
  return (Date.now() - started) / 1000;
}

function removeTemp(state: RunState): string {
  if (state.keepTemp) return `temporary files kept in ${state.temp}`;
  rmSync(state.temp, { recursive: true, force: true });
  return 'temporary files removed';
}

const SIGNAL_EXIT: Record<string, number> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

function onSignals(state: RunState): void {
  for (const signal of Object.keys(SIGNAL_EXIT) as NodeJS.Signals[]) {
    process.on(signal, () => {
      if (state.stopping) return;
      state.stopping = true;
      console.error(`reproduce: ${signal}: stopping the kernel; no output of the running notebook is written`);
      void stopRun(state.token, state.leader).then((left) => {
        if (left > 0) console.error(`reproduce: ${left} process(es) of this run did not stop (token ${TOKEN_VAR}=${state.token})`);
        console.error(`reproduce: stopped; ${removeTemp(state)}`);
        state.stopGuardian();
        process.exit(SIGNAL_EXIT[signal]);
      });
    });
  }
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const notebooks = listNotebooks(o.dir, o.only);
  const mode = o.quick ? 'quick' : 'full';
  const out = prepareOutDir(outDir(o), o.out ? '--out' : 'data folder');
  if (o.quick && !o.overwriteFull) {
    const full = fullModeDataFiles(
      out,
      notebooks.map((nb) => basename(nb, '.ipynb')),
    );
    if (full.length > 0)
      throw new Error(`a quick run would overwrite full-mode data ${full.join(', ')}; choose another --out, or pass --overwrite-full`);
  }
  const temp = mkdtempSync(join(tmpdir(), 'sbl-nb-'));
  const token = newRunToken();
  const state: RunState = {
    token,
    temp,
    keepTemp: o.keepTemp,
    stopGuardian: startGuardian(token, o.keepTemp ? '' : temp),
    stopping: false,
  };
  onSignals(state);
  console.log(`reproduce: ${notebooks.length} notebook(s), ${mode} mode, data -> ${out}, time limit ${o.timeLimit} s per notebook`);
  const times: number[] = [];
  try {
    for (const [i, nb] of notebooks.entries()) {
      const avg = times.length ? times.reduce((a, b) => a + b, 0) / times.length : 0;
      const eta = times.length ? `, ETA ${Math.round(avg * (notebooks.length - i))} s` : '';
      console.log(`[${i + 1}/${notebooks.length}] ${basename(nb, '.ipynb')} (${mode}${eta}) ...`);
      const s = await runOne(nb, o, out, state);
      times.push(s);
      console.log(`[${i + 1}/${notebooks.length}] ${basename(nb, '.ipynb')} done in ${s.toFixed(1)} s`);
    }
  } catch (e) {
    await haltIfStopping(state);
    await stopRun(token, state.leader);
    await haltIfStopping(state);
    throw new Error(`${(e as Error).message}\n(${removeTemp(state)})`, { cause: e });
  } finally {
    state.stopGuardian();
  }
  if (o.keepTemp) console.log(`reproduce: temporary files kept in ${temp}`);
  else rmSync(temp, { recursive: true, force: true });
  console.log(`reproduce: all ${notebooks.length} notebook(s) ran in ${times.reduce((a, b) => a + b, 0).toFixed(1)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(`reproduce: ${(e as Error).message}`);
    process.exit(1);
  });
}
