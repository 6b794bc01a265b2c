/**
 * The claims ledger contract (../shared/EXPERIMENTS.md): every number the report (or a seed page)
 * states is a claim, reported beside what we measured, with an honest status.
 */

export type ClaimStatus = 'reproduced' | 'analogue' | 'inconsistent' | 'not-testable';
export const CLAIM_STATUSES: readonly ClaimStatus[] = ['reproduced', 'analogue', 'inconsistent', 'not-testable'];

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
}

/** Builds a claim, rounding numeric values to `digits` significant decimals for readable diffs. */
export function claim(c: Claim, digits = 6): Claim {
  const r = (v: number | string | null): number | string | null => (typeof v === 'number' ? roundTo(v, digits) : v);
  return { ...c, reported: r(c.reported) as number | string, reproduced: r(c.reproduced) };
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
  const cell = (v: unknown): string => (v === null || v === undefined ? '–' : String(v).replace(/\|/g, '\\|'));
  const lines = [
    '| claim | source | reported | ours | unit | status | note |',
    '|---|---|---|---|---|---|---|',
    ...claims.map((c) => `| \`${c.id}\` | ${cell(c.source)} | ${cell(c.reported)} | ${cell(c.reproduced)} | ${cell(c.unit)} | **${c.status}** | ${cell(c.note)} |`),
  ];
  return lines.join('\n');
}
