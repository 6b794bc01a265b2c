/**
 * The data-file envelope (../shared/DESIGN.md "Data files") and its schema check. One validator
 * runs when a notebook writes a file, in a test over all of data/, and at site build.
 */
import { CLAIM_STATUSES, type Claim } from './claims.js';
import { CHECK_RULES, judgeStatus, type ClaimCheck } from './verdict.js';

export type RunMode = 'quick' | 'full';

export interface DataEnvelope<R = Record<string, unknown>> {
  /** "<topic>@<version>", e.g. "spike-coding@1" */
  schema: string;
  /** the notebook that wrote the file, e.g. "notebooks/01-spike-coding.ipynb" */
  producedBy: string;
  /** git commit of the code that produced it ("unknown" outside a git checkout) */
  commit: string;
  mode: RunMode;
  /** tfjs backend, or "none" when the notebook computes without tfjs */
  backend: string;
  seed: number;
  /** the configuration that produced the results */
  config: Record<string, unknown>;
  /** ISO time of writing (ignored by determinism checks) */
  createdAt: string;
  /** the notebook's results; wall-clock figures go under a key named "timings" */
  results: R;
  claims: Claim[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Problems with a claim, each naming the field; empty when valid. */
export function validateClaim(c: unknown, where = 'claim'): string[] {
  if (!isObject(c)) return [`${where} must be an object`];
  const errors: string[] = [];
  const str = (k: string): void => {
    if (typeof c[k] !== 'string' || (c[k] as string).trim() === '') errors.push(`${where}.${k} must be a non-empty string`);
  };
  str('id');
  str('source');
  str('note');
  if (typeof c.unit !== 'string') errors.push(`${where}.unit must be a string ("" for a pure number)`);
  if (typeof c.id === 'string' && !/^[a-z0-9_]+(\.[a-z0-9_<>-]+)+$/.test(c.id)) {
    errors.push(`${where}.id "${c.id}" must be dotted lower-case words, e.g. "energy.int8_add_pj"`);
  }
  const numOrStr = (v: unknown): boolean => (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'string';
  if (!numOrStr(c.reported)) errors.push(`${where}.reported must be a finite number or a string`);
  if (!(c.reproduced === null || numOrStr(c.reproduced))) errors.push(`${where}.reproduced must be a finite number, a string or null`);
  if (!CLAIM_STATUSES.includes(c.status as never)) {
    errors.push(`${where}.status must be one of ${CLAIM_STATUSES.join(', ')}; got ${JSON.stringify(c.status)}`);
  }
  if (c.status !== 'not-testable' && c.status !== 'cited' && c.reproduced === null) {
    errors.push(`${where}.reproduced may be null only when status is not-testable or cited`);
  }
  if (c.kind !== undefined && c.kind !== 'exact' && c.kind !== 'measured' && c.kind !== 'timing')
    errors.push(`${where}.kind must be "exact", "measured" or "timing"`);
  if ((c.kind === 'measured' || c.kind === 'timing') && !(typeof c.tolerance === 'number' && c.tolerance >= 0)) {
    errors.push(`${where}.tolerance must be a number >= 0 for a ${c.kind} claim`);
  }
  if (c.trials !== undefined && !(Number.isInteger(c.trials) && (c.trials as number) > 0))
    errors.push(`${where}.trials must be a positive integer`);
  if (c.ci95 !== undefined) {
    const ci = c.ci95;
    if (!Array.isArray(ci) || ci.length !== 2 || !ci.every((v) => typeof v === 'number' && Number.isFinite(v)) || ci[0] > ci[1]) {
      errors.push(`${where}.ci95 must be [low, high] with low <= high`);
    }
  }
  if (c.chance !== undefined && !(typeof c.chance === 'number' && Number.isFinite(c.chance)))
    errors.push(`${where}.chance must be a finite number`);
  if (c.check !== undefined) {
    const check = c.check as ClaimCheck;
    if (!isObject(check) || !CHECK_RULES.includes(check.rule as never)) {
      errors.push(`${where}.check.rule must be one of ${CHECK_RULES.join(', ')}`);
    } else if (errors.length === 0) {
      try {
        const judged = judgeStatus(c as unknown as Claim, check);
        if (judged !== c.status) errors.push(`${where}.status is "${String(c.status)}" but its check "${check.rule}" gives "${judged}"`);
      } catch (e) {
        errors.push(`${where}.check: ${(e as Error).message}`);
      }
    }
  }
  return errors;
}

/** Problems with a data file, each naming the field; empty when valid. */
export function validateEnvelope(data: unknown): string[] {
  if (!isObject(data)) return ['data file must be a JSON object'];
  const errors: string[] = [];
  if (typeof data.schema !== 'string' || !/^[a-z0-9-]+@\d+$/.test(data.schema)) errors.push('schema must look like "topic@1"');
  if (typeof data.producedBy !== 'string' || data.producedBy === '') errors.push('producedBy must name the notebook or script');
  if (typeof data.commit !== 'string') errors.push('commit must be a string');
  if (data.mode !== 'quick' && data.mode !== 'full') errors.push(`mode must be "quick" or "full", got ${JSON.stringify(data.mode)}`);
  if (typeof data.backend !== 'string') errors.push('backend must be a string');
  if (!Number.isInteger(data.seed)) errors.push('seed must be an integer');
  if (!isObject(data.config)) errors.push('config must be an object');
  if (typeof data.createdAt !== 'string' || Number.isNaN(Date.parse(data.createdAt))) errors.push('createdAt must be an ISO date');
  if (!isObject(data.results)) errors.push('results must be an object');
  if (!Array.isArray(data.claims)) errors.push('claims must be an array');
  else {
    const seen = new Set<string>();
    data.claims.forEach((c, i) => {
      errors.push(...validateClaim(c, `claims[${i}]`));
      const id = isObject(c) ? c.id : undefined;
      if (typeof id === 'string') {
        if (seen.has(id)) errors.push(`claims[${i}].id "${id}" appears twice`);
        seen.add(id);
      }
    });
  }
  return errors;
}

/** Throws one error listing every problem. */
export function assertEnvelope(data: unknown, label = 'data file'): asserts data is DataEnvelope {
  const errors = validateEnvelope(data);
  if (errors.length > 0) throw new TypeError(`${label} is malformed:\n  - ${errors.join('\n  - ')}`);
}
