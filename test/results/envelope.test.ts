import { describe, expect, it } from 'vitest';
import {
  validateEnvelope,
  validateClaim,
  claim,
  roundTo,
  roundDeep,
  claimsMarkdown,
  compareClaims,
  stripVolatile,
  type Claim,
} from '../../lib/index.js';

const good: Claim = {
  id: 'energy.int8_add_pj',
  source: 'report §5.5',
  reported: 0.03,
  reproduced: 0.03,
  unit: 'pJ',
  status: 'reproduced',
  note: 'Horowitz 2014',
};
const envelope = {
  schema: 'energy-model@1',
  producedBy: 'notebooks/03-energy-model.ipynb',
  commit: 'abc',
  mode: 'quick',
  backend: 'none',
  seed: 42,
  config: {},
  createdAt: '2026-11-24T00:00:00.000Z',
  results: {},
  claims: [good],
};

describe('validateClaim(c)', () => {
  it('accepts a complete claim', () => expect(validateClaim(good)).toEqual([]));
  it('names each bad field', () => {
    expect(validateClaim({ ...good, status: 'close-enough' })).toEqual([
      'claim.status must be one of reproduced, analogue, inconsistent, not-testable, cited; got "close-enough"',
    ]);
    expect(validateClaim({ ...good, note: '' })).toEqual(['claim.note must be a non-empty string']);
    expect(validateClaim({ ...good, reproduced: null })).toEqual([
      'claim.reproduced may be null only when status is not-testable or cited',
    ]);
    expect(validateClaim({ ...good, reported: NaN })).toEqual(['claim.reported must be a finite number or a string']);
    expect(validateClaim({ ...good, id: 'Energy' })[0]).toMatch(/claim.id "Energy" must be dotted lower-case words/);
    expect(validateClaim({ ...good, kind: 'measured' })).toEqual(['claim.tolerance must be a number >= 0 for a measured claim']);
    expect(validateClaim({ ...good, kind: 'timing' })).toEqual(['claim.tolerance must be a number >= 0 for a timing claim']);
    expect(validateClaim({ ...good, kind: 'fast' as never })).toEqual(['claim.kind must be "exact", "measured" or "timing"']);
  });
  it('checks a status against the rule it follows from', () => {
    const checked = { ...good, reported: 97.7, reproduced: 97.74, status: 'reproduced', check: { rule: 'within', abs: 0.05 } };
    expect(validateClaim(checked)).toEqual([]);
    expect(validateClaim({ ...checked, reproduced: 97.8 })).toEqual([
      'claim.status is "reproduced" but its check "within" gives "inconsistent"',
    ]);
    expect(validateClaim({ ...checked, check: { rule: 'nearly' } })).toEqual([
      'claim.check.rule must be one of within, above, below, interval',
    ]);
    expect(validateClaim({ ...checked, ci95: [3, 1] })).toEqual(['claim.ci95 must be [low, high] with low <= high']);
    expect(validateClaim({ ...checked, trials: 2.5 })).toEqual(['claim.trials must be a positive integer']);
  });
  it('allows null reproduced for not-testable claims', () => {
    expect(validateClaim({ ...good, status: 'not-testable', reproduced: null })).toEqual([]);
  });
});

describe('validateEnvelope(data)', () => {
  it('accepts a complete envelope', () => expect(validateEnvelope(envelope)).toEqual([]));
  it('reports missing fields and duplicate claim ids', () => {
    const errors = validateEnvelope({ ...envelope, mode: 'fast', seed: 1.5, claims: [good, good] });
    expect(errors).toContain('mode must be "quick" or "full", got "fast"');
    expect(errors).toContain('seed must be an integer');
    expect(errors).toContain('claims[1].id "energy.int8_add_pj" appears twice');
    expect(validateEnvelope([])).toEqual(['data file must be a JSON object']);
  });
});

describe('rounding and the claims table', () => {
  it('roundTo and roundDeep keep diffs readable', () => {
    expect(roundTo(0.1 + 0.2, 6)).toBe(0.3);
    expect(roundTo(-0.0000001, 3)).toBe(0);
    expect(roundDeep({ a: [1.23456789, new Float32Array([0.5])], b: 'x' }, 3)).toEqual({ a: [1.235, [0.5]], b: 'x' });
    expect(claim({ ...good, reproduced: 97.7391304 }, 2).reproduced).toBe(97.74);
  });
  it('claimsMarkdown lists every claim with its status', () => {
    const md = claimsMarkdown([good, { ...good, id: 'energy.gain_vs_fp16_x', status: 'inconsistent', reported: 43.48, reproduced: 44.25 }]);
    expect(md.split('\n')).toHaveLength(4);
    expect(md).toContain('**inconsistent**');
  });
});

describe('compareClaims(committed, regenerated) and stripVolatile', () => {
  const measured: Claim = { ...good, id: 'x.speed', reproduced: 100, kind: 'measured', tolerance: 0.1 };
  it('exact claims must match exactly; measured ones within their tolerance', () => {
    expect(compareClaims([good, measured], [good, { ...measured, reproduced: 109 }])).toEqual([]);
    expect(compareClaims([good, measured], [good, { ...measured, reproduced: 111 }])).toEqual([
      'x.speed: reproduced 100 -> 111, beyond the stated relative tolerance 0.1',
    ]);
    expect(compareClaims([good], [{ ...good, reproduced: 0.030001 }])).toEqual([
      'energy.int8_add_pj: reproduced 0.03 -> 0.030001 (exact claim)',
    ]);
    expect(compareClaims([good], [{ ...good, status: 'inconsistent' }])).toEqual(['energy.int8_add_pj: status reproduced -> inconsistent']);
    expect(compareClaims([good], [])).toEqual(['energy.int8_add_pj: missing from the regenerated claims']);
    expect(compareClaims([], [good])[0]).toMatch(/new claim/);
  });
  it('stripVolatile drops createdAt, commit and timings at any depth', () => {
    expect(stripVolatile({ createdAt: 1, commit: 'a', results: { timings: { ms: 3 }, v: [1, { timings: 2, w: 3 }] } })).toEqual({
      results: { v: [1, { w: 3 }] },
    });
  });
  it('timing claims: compared within tolerance, their value and note left out of the determinism check', () => {
    const timing: Claim = { ...good, id: 'x.ms', reproduced: 10, kind: 'timing', tolerance: 0.5, note: 'took 10 ms' };
    expect(compareClaims([timing], [{ ...timing, reproduced: 14 }])).toEqual([]);
    expect(compareClaims([timing], [{ ...timing, reproduced: 16 }])).toHaveLength(1);
    expect(stripVolatile({ claims: [timing] })).toEqual(stripVolatile({ claims: [{ ...timing, reproduced: 99, note: 'took 99 ms' }] }));
    expect(stripVolatile({ claims: [good] })).not.toEqual(stripVolatile({ claims: [{ ...good, reproduced: 99 }] }));
  });
});
