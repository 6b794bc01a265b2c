/**
 * The claims ledger contract (../shared/EXPERIMENTS.md): every number the report (or a seed page)
 * states is a claim, reported beside what we measured, with an honest status.
 */

import { judgeStatus, type ClaimCheck } from './verdict.js';
import { markdownTable } from './markdown.js';

/**
 * reproduced: same quantity, agrees within a stated tolerance; analogue: same kind of quantity at our
 * scale; inconsistent: the report's own numbers or the arithmetic disagree under every reasonable
 * reading; not-testable: needs hardware, weights or data we do not have; cited: a constant taken from
 * the literature as an input (nothing to reproduce).
 */
export type ClaimStatus = 'reproduced' | 'analogue' | 'inconsistent' | 'not-testable' | 'cited';
export const CLAIM_STATUSES: readonly ClaimStatus[] = ['reproduced', 'analogue', 'inconsistent', 'not-testable', 'cited'];

export interface Claim {
  /** stable id, e.g. "energy.reduction_vs_fp16_pct" */
  id: string;
  /** where the number comes from, e.g. "report §5.5" or "seed 000" */
  source: string;
  /** the number as stated (a string for ranges and bounds such as "10–100" or ">100") */
  reported: number | string;
  /** what we got; null when not testable */
  reproduced: number | string | null;
  unit: string;
  status: ClaimStatus;
  /** the arithmetic or the reason, never empty */
  note: string;
  /**
   * How CI compares a regenerated value with the committed one: 'exact' (default, deterministic
   * arithmetic), 'measured' (mode-dependent results such as training or simulation): then
   * |new - old| <= tolerance * |old|, or 'timing' (wall-clock measurements): compared within the
   * tolerance too, and left out of the run-to-run determinism check (its value and note vary).
   */
  kind?: 'exact' | 'measured' | 'timing';
  /** relative tolerance for measured and timing claims */
  tolerance?: number;
  /** the rule the status follows from (lib/results/verdict.ts); a test recomputes the status */
  check?: ClaimCheck;
  /** for rates measured over trials: how many, the 95 % interval (same unit as reproduced) and chance */
  trials?: number;
  ci95?: [number, number];
  chance?: number;
}

/** A claim to build: the status may be left out when a check gives it. */
export type ClaimInput = Omit<Claim, 'status'> & { status?: ClaimStatus };

/**
 * Builds a claim, rounding numeric values to `digits` decimals for readable diffs. With a `check`,
 * the status is computed from the (rounded) numbers; a typed status that disagrees with it throws.
 */
export function claim(c: ClaimInput, digits = 6): Claim {
  const r = (v: number | string | null): number | string | null => (typeof v === 'number' ? roundTo(v, digits) : v);
  const out = { ...c, reported: r(c.reported) as number | string, reproduced: r(c.reproduced) };
  if (out.ci95) out.ci95 = [roundTo(out.ci95[0], digits), roundTo(out.ci95[1], digits)];
  if (c.check) {
    const judged = judgeStatus(out, c.check);
    if (c.status !== undefined && c.status !== judged) {
      throw new Error(`claim ${c.id}: status "${c.status}" was typed, but its check "${c.check.rule}" gives "${judged}"`);
    }
    return { ...out, status: judged };
  }
  if (c.status === undefined) throw new Error(`claim ${c.id}: give a status or a check that computes it`);
  return { ...out, status: c.status };
}

/** Rounds to `digits` decimals (not significant figures); -0 becomes 0. */
export function roundTo(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const p = 10 ** digits;
  const v = Math.round(x * p) / p;
  return v === 0 ? 0 : v;
}

/** Rounds every number inside a JSON-like value. */
export function roundDeep<T>(value: T, digits: number): T {
  if (typeof value === 'number') return roundTo(value, digits) as T;
  if (Array.isArray(value)) return value.map((v) => roundDeep(v, digits)) as T;
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>, (v) => roundTo(v, digits)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = roundDeep(v, digits);
    return out as T;
  }
  return value;
}

/** A markdown table of claims, for the end of every notebook. */
export function claimsMarkdown(claims: readonly Claim[]): string {
  return markdownTable(
    ['claim', 'source', 'reported', 'ours', 'unit', 'status', 'note'],
    claims.map((c) => [`\`${c.id}\``, c.source, c.reported, c.reproduced, c.unit, `**${c.status}**`, c.note]),
  );
}
