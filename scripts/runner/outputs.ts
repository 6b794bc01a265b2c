/**
 * Where the reproduction runner's outputs go, and how they get there: `--out` is resolved against
 * the folder the user ran the command from and checked before any kernel starts; a notebook writes
 * into a staging folder and its files move into place together, only when it succeeded; quick runs
 * never replace full-run data unless asked to.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { makeDirs, tempNameFor } from '../../lib/node/files.js';

/**
 * The folder the user ran the command from: npm runs scripts from the package root and leaves the
 * original folder in INIT_CWD, which only counts when npm started this very script.
 */
export function userCwd(env: NodeJS.ProcessEnv = process.env): string {
  return env.npm_lifecycle_event === 'reproduce' && env.INIT_CWD ? env.INIT_CWD : process.cwd();
}

export function resolveFromUser(path: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(userCwd(env), path);
}

/**
 * Creates `dir` if needed and proves it writable by writing and removing a probe file; throws an
 * error naming `flag` otherwise. Never uses recursive mkdir (it does not return under /proc).
 */
export function prepareOutDir(dir: string, flag = '--out'): string {
  const abs = makeDirs(dir, flag);
  const probe = join(abs, `.sbl-write-probe-${process.pid}`);
  try {
    writeFileSync(probe, '');
  } catch (e) {
    throw new Error(`${flag} ${abs} is not writable (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { cause: e });
  } finally {
    rmSync(probe, { force: true });
  }
  return abs;
}

/** Data files in `dir` for these notebook stems whose envelope says mode "full". */
export function fullModeDataFiles(dir: string, stems: string[]): string[] {
  return stems
    .map((stem) => join(dir, `${stem}.json`))
    .filter((f) => {
      if (!existsSync(f)) return false;
      try {
        return (JSON.parse(readFileSync(f, 'utf8')) as { mode?: unknown }).mode === 'full';
      } catch {
        return false;
      }
    });
}

/** Every file under `dir`, as paths relative to it. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

export interface Move {
  from: string;
  to: string;
}

/**
 * Puts every file in place together: first copies each next to its target under a temporary
 * name (same file system), then renames them all. Synchronous, so a signal handler cannot run in
 * between; if a copy fails, the temporaries are removed and no target has changed.
 */
export function commitFiles(moves: Move[]): void {
  const staged: Move[] = [];
  try {
    for (const m of moves) {
      makeDirs(dirname(m.to));
      const tmp = tempNameFor(m.to);
      staged.push({ from: tmp, to: m.to });
      copyFileSync(m.from, tmp);
    }
  } catch (e) {
    for (const s of staged) rmSync(s.from, { force: true });
    throw e;
  }
  for (const s of staged) renameSync(s.from, s.to);
}

/** Moves for a notebook's staged outputs into `out`, the data files last. */
export function stagedMoves(stage: string, out: string): Move[] {
  const files = filesUnder(stage);
  const ordered = [...files.filter((f) => !f.endsWith('.json')), ...files.filter((f) => f.endsWith('.json'))];
  return ordered.map((f) => ({ from: join(stage, f), to: resolve(out, f) }));
}

/** Envelope fields that say when and from which commit a data file was written, not what it holds. */
const PROVENANCE_FIELDS = ['createdAt', 'commit'] as const;

/**
 * True when the staged data file `from` holds what `to` already holds, apart from its provenance
 * fields: the runner then keeps `to` (and its date and commit), so an unchanged rerun changes nothing.
 */
export function sameDataApartFromProvenance(from: string, to: string): boolean {
  if (!from.endsWith('.json') || !existsSync(to)) return false;
  try {
    const strip = (f: string) => {
      const d = JSON.parse(readFileSync(f, 'utf8')) as Record<string, unknown>;
      for (const k of PROVENANCE_FIELDS) delete d[k];
      return JSON.stringify(d);
    };
    return strip(from) === strip(to);
  } catch {
    return false;
  }
}
