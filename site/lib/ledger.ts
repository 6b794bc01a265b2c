/**
 * How the claims ledger reads (issue 11; ../shared/EXPERIMENTS.md "The claims ledger contract"):
 * each claim as a sentence, numbers formatted for display only (the data keep every digit; the
 * exact value stays in a tooltip and in the note), verdict labels and the plain-words meaning of each
 * status. Build-time helpers: the ledger's client script does not import this file.
 */
import { CLAIM_STATUSES, type Claim, type ClaimStatus } from 'spikingbrain-lib';
import { topicOfClaim, type Topic } from './topics.js';

/** A claim as the site shows it: where it came from and which page explains it. */
export interface LedgerRow extends Claim {
  notebook?: string;
  mode?: string;
  commit?: string;
}

export const STATUS_LABEL: Record<ClaimStatus, string> = {
  reproduced: 'reproduced',
  analogue: 'analogue',
  inconsistent: 'inconsistent',
  'not-testable': 'not testable',
  cited: 'cited',
};

/** What each verdict means, in plain words (home page, ledger legend). */
export const STATUS_MEANING: Record<ClaimStatus, string> = {
  reproduced: 'we get the same number',
  analogue: 'the same kind of quantity behaves the same way at laptop scale',
  inconsistent: "the report's own numbers, or our runs, disagree with it",
  'not-testable': 'needs weights, data or hardware we do not have',
  cited: 'a constant taken from the literature, used as an input',
};

/** Statuses in ledger order, including any a newer library adds. */
export const STATUSES: readonly ClaimStatus[] = CLAIM_STATUSES;

/** Decimals shown for a number as written (0.98 -> 2, 57344 -> 0). */
function decimalsOf(v: number): number {
  const s = String(v);
  if (/e/i.test(s)) return 0;
  return s.includes('.') ? s.split('.')[1]!.length : 0;
}

const SUPER: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** Groups the integer part in threes with thin spaces (57 344) from five digits up. */
function group(s: string): string {
  const [int, frac] = s.split('.');
  const sign = int!.startsWith('-') ? '−' : '';
  const digits = int!.replace('-', '');
  const grouped = digits.length >= 5 ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f') : digits;
  return sign + grouped + (frac !== undefined ? '.' + frac : '');
}

/**
 * A number for display: integers in full; others with as many decimals as `like` (the reported
 * figure) has, but at least three significant digits; very small or large values in powers of ten.
 */
export function formatNumber(v: number, like?: number | string | null): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return group(String(v));
  const a = Math.abs(v);
  if (a < 1e-3 || a >= 1e9) {
    const [m, e] = v.toExponential(2).split('e');
    return `${m!.replace('-', '−')} × 10${e!
      .replace('+', '')
      .split('')
      .map((c) => SUPER[c] ?? c)
      .join('')}`;
  }
  const sig = Math.max(0, 2 - Math.floor(Math.log10(a)));
  const ref = typeof like === 'number' && Number.isFinite(like) ? decimalsOf(like) : 0;
  return group(v.toFixed(Math.min(6, Math.max(sig, ref))));
}

/** A claim value (number, text or null) for display; the reported figure is shown as written. */
export function formatValue(v: number | string | null | undefined, like?: number | string | null): string {
  if (v === null || v === undefined || v === '') return '–';
  if (typeof v === 'string') return v;
  return like === undefined ? group(String(v)) : formatNumber(v, like);
}

/** The unit after a value ("69.15 %", "1.13 spikes per channel"); nothing for an empty unit. */
export function withUnit(text: string, unit: string): string {
  if (!unit || text === '–') return text;
  return unit === '%' || unit === 'x' || unit === '×' ? `${text}${unit === '%' ? ' %' : '×'}` : `${text} ${unit}`;
}

/** "spiking.sparsity_k3" -> "sparsity k3": the id's last part in words (the full id stays visible). */
export function claimTitle(id: string, topic?: Topic): string {
  const prefix = topic?.claimPrefixes.filter((p) => id.startsWith(p)).sort((a, b) => b.length - a.length)[0] ?? id.replace(/[^.]*$/, '');
  const rest = id.slice(prefix.length) || id;
  return rest
    .replace(/[._]+/g, ' ')
    .replace(/\bpct\b/g, '%')
    .replace(/\bpj\b/g, 'pJ')
    .replace(/ x$/, '')
    .trim();
}

/** Interval text for claims measured over trials: "95 % CI 3.1–22.4, 40 trials, chance 10". */
export function intervalText(c: Claim): string | undefined {
  const parts: string[] = [];
  if (c.ci95) {
    // both ends with the same decimals (3.96–23.05, not 3.96–23.1)
    const ends = c.ci95.map((x) => formatNumber(x, c.reproduced));
    const dec = Math.max(...ends.map((e) => (/×/.test(e) || !e.includes('.') ? 0 : e.split('.')[1]!.length)));
    const same = ends.some((e) => /×/.test(e)) ? ends : c.ci95.map((x) => group(x.toFixed(dec)));
    parts.push(`95 % CI ${same[0]}–${same[1]}`);
  }
  if (c.trials !== undefined) parts.push(`${c.trials} trials`);
  if (c.chance !== undefined) parts.push(`chance ${formatNumber(c.chance, c.reproduced)}`);
  return parts.length ? parts.join(', ') : undefined;
}

/** The topic page (or the fallback group) a claim belongs to. */
export function topicSlugOf(id: string): string {
  return topicOfClaim(id)?.slug ?? 'other';
}

/** Counts per status, in ledger order, leaving out empty ones. */
export function statusCounts(claims: readonly Claim[]): { status: ClaimStatus; n: number }[] {
  const known = new Set<string>(STATUSES);
  const extra = [...new Set(claims.map((c) => c.status).filter((s) => !known.has(s)))];
  return [...STATUSES, ...extra].map((s) => ({ status: s, n: claims.filter((c) => c.status === s).length })).filter((c) => c.n > 0);
}

/** The report's figure with its unit; a worded figure ("HellaSwag 60.21 / MMLU 61.78") is not in the claim's unit. */
export function reportedText(c: Pick<Claim, 'reported' | 'unit'>): string {
  const numeric = typeof c.reported === 'number' || /^[\s<>≈~≤≥±–\-+\d.,×x]+$/.test(c.reported);
  return withUnit(formatValue(c.reported), numeric ? c.unit : '');
}

/** Our figure with its unit, at the reported figure's precision (at least three significant digits). */
export function oursText(c: Pick<Claim, 'reported' | 'reproduced' | 'unit'>): string {
  return withUnit(formatValue(c.reproduced, c.reported), c.unit);
}
