/** Helpers shared by the benchmarks (scripts/bench*.ts): arguments, statistics, the machine block. */
import { cpus, totalmem } from 'node:os';

/** `--name <positive integer>` from argv, or the fallback. */
export function intArg(args: readonly string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(args[i + 1]);
  if (!Number.isInteger(v) || v < 1) throw new RangeError(`--${name} must be a positive integer, got ${args[i + 1]}`);
  return v;
}

/** The library's median (odd run counts, the benchmarks' defaults, give the middle run). */
export { median } from '../lib/util/stats.js';

export function round(x: number, digits: number): number {
  const p = 10 ** digits;
  return Math.round(x * p) / p;
}

/** What the figures were measured on. */
export function machineInfo(): { cpu: string; cores: number; memoryGiB: number; node: string; platform: string } {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}
