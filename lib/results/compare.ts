/**
 * Comparing regenerated data with committed data: CI reruns the notebooks in quick mode and checks
 * the claims against the committed full run (exact for deterministic claims, within the stated
 * tolerance for measured ones), and two runs against each other for determinism.
 */
import type { Claim } from './claims.js';

/**
 * A copy without the fields that legitimately change between runs: createdAt, commit, any "timings",
 * and the value and note of timing claims (kind 'timing').
 */
export function stripVolatile(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripVolatile);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    const timingClaim = (value as { kind?: unknown }).kind === 'timing';
    for (const [k, v] of Object.entries(value)) {
      if (k === 'createdAt' || k === 'commit' || k === 'timings') continue;
      if (timingClaim && (k === 'reproduced' || k === 'note')) continue;
      out[k] = stripVolatile(v);
    }
    return out;
  }
  return value;
}

/** Differences between committed and regenerated claims, one line each; empty when they agree. */
export function compareClaims(committed: readonly Claim[], regenerated: readonly Claim[]): string[] {
  const problems: string[] = [];
  const fresh = new Map(regenerated.map((c) => [c.id, c]));
  for (const old of committed) {
    const now = fresh.get(old.id);
    if (!now) {
      problems.push(`${old.id}: missing from the regenerated claims`);
      continue;
    }
    fresh.delete(old.id);
    if (now.status !== old.status) problems.push(`${old.id}: status ${old.status} -> ${now.status}`);
    if (now.reported !== old.reported) problems.push(`${old.id}: reported ${old.reported} -> ${now.reported}`);
    const a = old.reproduced;
    const b = now.reproduced;
    if ((old.kind === 'measured' || old.kind === 'timing') && typeof a === 'number' && typeof b === 'number') {
      const tol = old.tolerance ?? 0;
      if (Math.abs(b - a) > tol * Math.abs(a)) {
        problems.push(`${old.id}: reproduced ${a} -> ${b}, beyond the stated relative tolerance ${tol}`);
      }
    } else if (a !== b) {
      problems.push(`${old.id}: reproduced ${a} -> ${b} (exact claim)`);
    }
  }
  for (const id of fresh.keys()) problems.push(`${id}: new claim not in the committed data (rerun the full reproduction)`);
  return problems;
}
