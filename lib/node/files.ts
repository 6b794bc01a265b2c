/**
 * Node-only: safe file writing for notebooks and the reproduction runner (DESIGN "nothing lost,
 * nothing half-written"). Files are written next to their target and renamed into place, so a
 * reader never sees half a file; folders are created one level at a time, because Node's
 * recursive mkdir never returns for some paths (e.g. under /proc).
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * mkdir -p without `{ recursive: true }`: creates the missing folders from the top down and
 * throws an error naming `what` (e.g. "--out") when one cannot be created or is not a folder.
 */
export function makeDirs(dir: string, what = 'folder'): string {
  const abs = resolve(dir);
  const missing: string[] = [];
  let d = abs;
  while (!existsSync(d)) {
    missing.push(d);
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  if (existsSync(d) && !statSync(d).isDirectory()) throw new Error(`${what} ${abs}: ${d} exists and is not a folder`);
  for (const m of missing.reverse()) {
    try {
      mkdirSync(m);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new Error(`${what} ${abs}: cannot create ${m} (${code ?? (e as Error).message})`, { cause: e });
    }
  }
  if (!statSync(abs).isDirectory()) throw new Error(`${what} ${abs} is not a folder`);
  return abs;
}

/** A temporary name in the same folder as `path` (same file system, so rename is atomic). */
export function tempNameFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
}

/** Writes `data` to a temporary file beside `path`, flushes it, then renames it over `path`. */
export function writeFileAtomic(path: string, data: string | Uint8Array): string {
  makeDirs(dirname(path));
  const tmp = tempNameFor(path);
  try {
    const fd = openSync(tmp, 'w');
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let done = 0;
      while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return path;
}
