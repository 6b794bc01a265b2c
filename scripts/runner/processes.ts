/**
 * Process control for the reproduction runner: every process a notebook run starts (bash,
 * nbconvert, the tslab kernel and its children) inherits SBL_RUN_TOKEN=<token>. Jupyter starts the
 * kernel in a session of its own, so killing nbconvert's process group misses it, and once
 * nbconvert dies the kernel is reparented to init; the token still finds it in /proc/<pid>/environ.
 * A small guardian process does the same sweep if the runner itself is killed with SIGKILL.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

export const TOKEN_VAR = 'SBL_RUN_TOKEN';

export function newRunToken(): string {
  return `${process.pid}-${randomBytes(6).toString('hex')}`;
}

/** Pids (other than this process) whose environment holds `name=value` (Linux /proc). */
export function pidsWithEnv(name: string, value: string): number[] {
  const needle = Buffer.from(`${name}=${value}\0`);
  const pids: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return pids;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    const pid = Number(e);
    if (pid === process.pid) continue;
    try {
      const env = readFileSync(`/proc/${e}/environ`);
      if (env.indexOf(needle) >= 0) pids.push(pid);
    } catch {
      // gone, or not ours to read
    }
  }
  return pids;
}

function signalAll(pids: number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Stops every process of the run: SIGTERM, up to `graceMs` to exit, then SIGKILL. Also signals the
 * process group of `groupLeader` (the detached bash that starts nbconvert). Resolves to the number
 * of processes still alive afterwards (0 unless something ignores SIGKILL).
 */
export async function stopRun(token: string, groupLeader?: number, graceMs = 3000): Promise<number> {
  if (groupLeader) {
    try {
      process.kill(-groupLeader, 'SIGTERM');
    } catch {
      // group already gone
    }
  }
  signalAll(pidsWithEnv(TOKEN_VAR, token), 'SIGTERM');
  for (let waited = 0; waited < graceMs; waited += 100) {
    if (pidsWithEnv(TOKEN_VAR, token).length === 0) return 0;
    await sleep(100);
  }
  signalAll(pidsWithEnv(TOKEN_VAR, token), 'SIGKILL');
  for (let waited = 0; waited < 2000; waited += 100) {
    const left = pidsWithEnv(TOKEN_VAR, token);
    if (left.length === 0) return 0;
    await sleep(100);
  }
  return pidsWithEnv(TOKEN_VAR, token).length;
}

/** Same sweep, synchronous and at once (SIGKILL): the guardian's last resort. */
const GUARDIAN = `
const [runner, token, temp] = process.argv.slice(1);
const fs = require('node:fs');
const needle = Buffer.from('${TOKEN_VAR}=' + token + '\\0');
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
const sweep = () => {
  for (const e of fs.readdirSync('/proc')) {
    if (!/^\\d+$/.test(e) || Number(e) === process.pid) continue;
    try { if (fs.readFileSync('/proc/' + e + '/environ').indexOf(needle) >= 0) process.kill(Number(e), 'SIGKILL'); } catch {}
  }
};
const timer = setInterval(() => {
  if (alive(Number(runner))) return;
  clearInterval(timer);
  sweep();
  setTimeout(() => { sweep(); if (temp) fs.rmSync(temp, { recursive: true, force: true }); process.exit(0); }, 500);
}, 500);
`;

/**
 * Starts the guardian: a detached process (not holding the token) that, once this runner is gone,
 * kills whatever still holds the token and removes `tempDir` (empty string: keep it). Returns a
 * function that stops the guardian; call it when the runner exits normally.
 */
export function startGuardian(token: string, tempDir: string): () => void {
  const env = { ...process.env };
  delete env[TOKEN_VAR];
  const child = spawn(process.execPath, ['-e', GUARDIAN, String(process.pid), token, tempDir], {
    detached: true,
    stdio: 'ignore',
    env,
  });
  child.unref();
  return () => {
    try {
      if (child.pid) process.kill(child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
}
