/**
 * Verdicts from numbers (issue 10, ../shared/EXPERIMENTS.md "The claims ledger contract"): where a
 * claim is judged by a tolerance or a bound, its status is computed here from `reported`,
 * `reproduced` and the rule stored on the claim (`check`), so a changed number changes the verdict.
 * A test over every data file recomputes each status from its check.
 */
import type { Claim, ClaimStatus } from './claims.js';

/**
 * How a claim's status follows from its numbers.
 * - `within`: |reproduced - reported| <= max(abs, rel * |reported|) (use abs = half a unit in the
 *   last place of the reported figure for "rounds to the same number")
 * - `above` / `below`: reproduced > bound / reproduced < bound (for reported bounds such as ">100")
 * - `interval`: the reported number lies inside the claim's `ci95` (an interval measured by us)
 * `pass` / `fail` are the statuses on each side (defaults: reproduced / inconsistent).
 */
export type ClaimCheck =
  | { rule: 'within'; abs?: number; rel?: number; pass?: ClaimStatus; fail?: ClaimStatus }
  | { rule: 'above' | 'below'; bound: number; pass?: ClaimStatus; fail?: ClaimStatus }
  | { rule: 'interval'; pass?: ClaimStatus; fail?: ClaimStatus };

export const CHECK_RULES = ['within', 'above', 'below', 'interval'] as const;

/** Whether the claim's numbers pass its check; throws naming the field when they cannot be judged. */
export function checkPasses(c: Pick<Claim, 'id' | 'reported' | 'reproduced' | 'ci95'>, check: ClaimCheck): boolean {
  const num = (v: unknown, field: string): number => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new TypeError(`claim ${c.id}: check "${check.rule}" needs a finite number in ${field}, got ${JSON.stringify(v)}`);
    }
    return v;
  };
  switch (check.rule) {
    case 'within': {
      const reported = num(c.reported, 'reported');
      const ours = num(c.reproduced, 'reproduced');
      const abs = check.abs ?? 0;
      const rel = check.rel ?? 0;
      if (!(abs >= 0 && rel >= 0) || (abs === 0 && rel === 0 && check.abs === undefined && check.rel === undefined)) {
        throw new RangeError(`claim ${c.id}: check "within" needs abs >= 0 or rel >= 0, got abs=${check.abs}, rel=${check.rel}`);
      }
      // a little slack for float noise in the difference itself
      return Math.abs(ours - reported) <= Math.max(abs, rel * Math.abs(reported)) * (1 + 1e-9) + 1e-12;
    }
    case 'above':
      return num(c.reproduced, 'reproduced') > num(check.bound, 'check.bound');
    case 'below':
      return num(c.reproduced, 'reproduced') < num(check.bound, 'check.bound');
    case 'interval': {
      const reported = num(c.reported, 'reported');
      const ci = c.ci95;
      if (!Array.isArray(ci) || ci.length !== 2) throw new TypeError(`claim ${c.id}: check "interval" needs ci95 = [low, high]`);
      return reported >= num(ci[0], 'ci95[0]') && reported <= num(ci[1], 'ci95[1]');
    }
    default:
      throw new RangeError(
        `claim ${c.id}: check.rule must be one of ${CHECK_RULES.join(', ')}; got ${JSON.stringify((check as { rule: unknown }).rule)}`,
      );
  }
}

/** The status a check gives for the claim's numbers. */
export function judgeStatus(c: Pick<Claim, 'id' | 'reported' | 'reproduced' | 'ci95'>, check: ClaimCheck): ClaimStatus {
  return checkPasses(c, check) ? (check.pass ?? 'reproduced') : (check.fail ?? 'inconsistent');
}

/** 95 % Wilson score interval for `successes` out of `trials`, as fractions in [0, 1]. */
export function wilsonInterval(successes: number, trials: number, z = 1.959963984540054): [number, number] {
  if (!Number.isInteger(trials) || trials <= 0) throw new RangeError(`trials must be a positive integer, got ${trials}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > trials) {
    throw new RangeError(`successes must be an integer in [0, trials = ${trials}], got ${successes}`);
  }
  const p = successes / trials;
  const z2 = z * z;
  const denom = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denom;
  // the bounds are exactly 0 and 1 at the ends (float noise would give 0.9999999999999999)
  return [successes === 0 ? 0 : Math.max(0, centre - half), successes === trials ? 1 : Math.min(1, centre + half)];
}
