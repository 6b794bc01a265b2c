/**
 * The ledger's display helpers (issue 11): numbers formatted for reading only, units placed right,
 * broken Markdown tables in notebook outputs repaired, and result fields read through a guard that
 * names the data file and the field (issue 14).
 */
import { describe, expect, it } from 'vitest';
import { formatNumber, intervalText, oursText, reportedText } from '../../site/lib/ledger.js';
import { repairTables } from '../../site/lib/notebooks.js';
import { guardResults } from '../../site/lib/data.js';

describe('site ledger: numbers for display', () => {
  it('shows ours at the reported precision, at least three significant digits', () => {
    expect(formatNumber(60.311779, 69.15)).toBe('60.31');
    expect(formatNumber(26.498102, 26.5)).toBe('26.5');
    expect(formatNumber(200.704, 201.6)).toBe('200.7');
    expect(formatNumber(0.979995, 0.98)).toBe('0.980');
    expect(formatNumber(0.004739, 0)).toBe('0.00474');
    expect(formatNumber(1.22054, 1.13)).toBe('1.22');
  });
  it('keeps integers whole (grouped in threes) and writes tiny or huge values as powers of ten', () => {
    expect(formatNumber(57344)).toBe('57\u202f344');
    expect(formatNumber(256)).toBe('256');
    expect(formatNumber(-1234567)).toBe('−1\u202f234\u202f567');
    expect(formatNumber(9.9e-16)).toBe('9.90 × 10⁻¹⁶');
  });
  it('puts the unit after numbers and bounds, not after a worded figure', () => {
    expect(reportedText({ reported: 69.15, unit: '%' })).toBe('69.15 %');
    expect(reportedText({ reported: '>100', unit: 'x' })).toBe('>100×');
    expect(reportedText({ reported: 'HellaSwag 60.21 / MMLU 61.78', unit: 'nats/token' })).toBe('HellaSwag 60.21 / MMLU 61.78');
    expect(oursText({ reported: 69.15, reproduced: 60.311779, unit: '%' })).toBe('60.31 %');
    expect(oursText({ reported: 1, reproduced: null, unit: 'x' })).toBe('–');
  });
  it('shows a measured rate with its interval, trials and chance', () => {
    expect(
      intervalText({
        id: 'a',
        source: '',
        reported: 100,
        reproduced: 10,
        unit: '%',
        status: 'analogue',
        note: 'n',
        ci95: [3.96, 23.05],
        trials: 40,
        chance: 10,
      }),
    ).toBe('95 % CI 3.96–23.05, 40 trials, chance 10');
  });
});

describe('site notebooks: Markdown tables', () => {
  it('escapes an unescaped |s| in a header so the table renders', () => {
    const md = '| a | max |s| |\n|---|---|\n| 1 | 2 |';
    expect(repairTables(md).split('\n')[0]).toBe('| a | max \\|s\\| |');
    expect(repairTables('| a | b |\n|---|---|\n| 1 | 2 |')).toBe('| a | b |\n|---|---|\n| 1 | 2 |');
  });
});

describe('site data: result fields read through a guard', () => {
  const results = guardResults({ sweep: { k3: { sparsity: 0.6 } }, rows: [{ k: 1 }] }, 'data/99-test.json');
  it('reads present fields and arrays as before', () => {
    expect(results.sweep.k3.sparsity).toBe(0.6);
    expect(results.rows[0]!.k).toBe(1);
    expect('missing' in results).toBe(false);
    expect(JSON.parse(JSON.stringify(results))).toEqual({ sweep: { k3: { sparsity: 0.6 } }, rows: [{ k: 1 }] });
  });
  it('a missing field names the data file and the field path', () => {
    expect(() => (results.sweep as Record<string, unknown>)['k4']).toThrow(
      /data\/99-test\.json: results\.sweep\.k4 is missing \(fields here: k3\)/,
    );
    expect(() => (results.rows[0] as Record<string, unknown>)['x']).toThrow(/results\.rows\[0\]\.x is missing/);
  });
});
