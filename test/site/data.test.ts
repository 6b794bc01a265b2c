/** The site's data access (site/lib/data.ts): every data file validates, and a malformed one names itself. */
import { describe, expect, it } from 'vitest';
import { assertEnvelope } from '../../lib/index.js';
import { allClaims, claimById, dataFile, loadDataFiles } from '../../site/lib/data.js';

describe('site data access', () => {
  it('loads every data/*.json and finds claims by id', () => {
    const files = loadDataFiles();
    expect(files.length).toBeGreaterThanOrEqual(7);
    expect(allClaims().length).toBe(files.reduce((n, f) => n + f.data.claims.length, 0));
    expect(claimById('energy.int8_add_pj').notebook).toBe('03-energy-model');
    expect(() => dataFile('99-missing')).toThrow(/data\/99-missing.json is missing/);
    expect(() => claimById('no.such.claim')).toThrow(/no data file holds claim no.such.claim/);
  });

  it('a malformed data file fails with its name and the fields at fault', () => {
    expect(() => assertEnvelope({ schema: 'x@1', claims: 'none' }, 'data/09-broken.json')).toThrow(
      /data\/09-broken.json is malformed:\n {2}- /,
    );
  });
});
