import { describe, expect, it } from 'vitest';
import { claim, judgeStatus, wilsonInterval } from '../../lib/index.js';

const base = { id: 'x.y', source: 'report §5.5', unit: '%', note: 'n' };

describe('judgeStatus(claim, check)', () => {
  it('within: passes inside max(abs, rel*|reported|) and fails outside', () => {
    expect(judgeStatus({ ...base, reported: 97.7, reproduced: 97.74 }, { rule: 'within', abs: 0.05 })).toBe('reproduced');
    expect(judgeStatus({ ...base, reported: 97.7, reproduced: 97.76 }, { rule: 'within', abs: 0.05 })).toBe('inconsistent');
    expect(judgeStatus({ ...base, reported: 100, reproduced: 101.9 }, { rule: 'within', rel: 0.02 })).toBe('reproduced');
    expect(judgeStatus({ ...base, reported: 100, reproduced: 102.1 }, { rule: 'within', rel: 0.02, fail: 'analogue' })).toBe('analogue');
  });
  it('above / below compare with the bound', () => {
    expect(judgeStatus({ ...base, reported: '>100', reproduced: 104.1 }, { rule: 'above', bound: 100 })).toBe('reproduced');
    expect(judgeStatus({ ...base, reported: '>100', reproduced: 98 }, { rule: 'above', bound: 100 })).toBe('inconsistent');
    expect(judgeStatus({ ...base, reported: '<1', reproduced: 0.5 }, { rule: 'below', bound: 1 })).toBe('reproduced');
  });
  it('interval: the reported number inside our 95 % interval', () => {
    expect(judgeStatus({ ...base, reported: 50, reproduced: 45, ci95: [38, 52] }, { rule: 'interval', fail: 'analogue' })).toBe(
      'reproduced',
    );
    expect(judgeStatus({ ...base, reported: 60, reproduced: 45, ci95: [38, 52] }, { rule: 'interval', fail: 'analogue' })).toBe('analogue');
  });
  it('names the field that cannot be judged', () => {
    expect(() => judgeStatus({ ...base, reported: '>100', reproduced: 98 }, { rule: 'within', abs: 1 })).toThrow(
      /needs a finite number in reported/,
    );
    expect(() => judgeStatus({ ...base, reported: 1, reproduced: 1 }, { rule: 'within' })).toThrow(/needs abs >= 0 or rel >= 0/);
    expect(() => judgeStatus({ ...base, reported: 1, reproduced: 1 }, { rule: 'interval' })).toThrow(/ci95/);
  });
});

describe('claim(c) with a check', () => {
  it('computes the status from the rounded numbers', () => {
    expect(claim({ ...base, reported: 26.5, reproduced: 27929 / 1054, check: { rule: 'within', abs: 0.05 } }).status).toBe('reproduced');
    expect(claim({ ...base, reported: 26.5, reproduced: 27.0, check: { rule: 'within', abs: 0.05 } }).status).toBe('inconsistent');
  });
  it('refuses a typed status that its check contradicts', () => {
    expect(() => claim({ ...base, reported: 26.5, reproduced: 27.0, status: 'reproduced', check: { rule: 'within', abs: 0.05 } })).toThrow(
      /status "reproduced" was typed, but its check "within" gives "inconsistent"/,
    );
  });
  it('needs a status or a check', () => {
    expect(() => claim({ ...base, reported: 1, reproduced: 1 })).toThrow(/give a status or a check/);
  });
});

describe('wilsonInterval(successes, trials)', () => {
  it('matches the textbook values', () => {
    const [lo, hi] = wilsonInterval(8, 40);
    expect(lo).toBeCloseTo(0.1049, 3);
    expect(hi).toBeCloseTo(0.3476, 3);
    expect(wilsonInterval(0, 10)[0]).toBe(0);
    expect(wilsonInterval(10, 10)[1]).toBe(1);
  });
  it('rejects impossible counts', () => {
    expect(() => wilsonInterval(11, 10)).toThrow(/successes must be an integer in \[0, trials = 10\]/);
    expect(() => wilsonInterval(1, 0)).toThrow(/trials must be a positive integer/);
  });
});
