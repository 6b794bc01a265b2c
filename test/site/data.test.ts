/** The site's data access (site/lib/data.ts): every data file validates, and a malformed one names itself. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assertEnvelope } from '../../lib/index.js';
import { allClaims, claimById, dataFile, guardResults, loadDataFiles } from '../../site/lib/data.js';

const TOPICS = new URL('../../site/pages/topics/', import.meta.url);

/**
 * Each topic page's top-level result reads: `const d = dataFile('stem')` then `d.results.field`, or
 * `const r = d.results` then `r.field`.
 */
function pageReads(): { page: string; stem: string; field: string }[] {
  return readdirSync(TOPICS)
    .filter((f) => f.endsWith('.mdx'))
    .flatMap((page) => {
      const text = readFileSync(new URL(page, TOPICS), 'utf8');
      return [...text.matchAll(/const (\w+) = dataFile\('([^']+)'\)/g)].flatMap(([, name, stem]) => {
        const aliases = [...text.matchAll(new RegExp(`const (\\w+) = ${name}\\.results;`, 'g'))].map((m) => `${m[1]}\\.`);
        const reads = new RegExp(`\\b(?:${[`${name}\\.results\\.`, ...aliases].join('|')})(\\w+)`, 'g');
        return [...new Set([...text.matchAll(reads)].map((m) => m[1]!))].map((field) => ({ page, stem: stem!, field }));
      });
    });
}

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

  it('pages read results only through dataFile, and a renamed field they read fails naming the file and field', () => {
    for (const page of readdirSync(TOPICS).filter((f) => f.endsWith('.mdx'))) {
      const text = readFileSync(new URL(page, TOPICS), 'utf8');
      expect(text, `${page} imports a data file directly, bypassing the guard`).not.toMatch(/from '[^']*data\/[^']*\.json'/);
    }
    const reads = pageReads();
    expect(reads.length).toBeGreaterThanOrEqual(20);
    for (const { page, stem, field } of reads) {
      const results = (dataFile(stem).results as Record<string, unknown>)[field];
      expect(results, `${page} reads results.${field} of ${stem}`).toBeDefined();
      // the same data file with the field renamed, as a notebook change would leave it
      const raw = JSON.parse(readFileSync(new URL(`../../data/${stem}.json`, import.meta.url), 'utf8')) as {
        results: Record<string, unknown>;
      };
      const { [field]: moved, ...rest } = raw.results;
      const renamed = guardResults({ ...rest, [`${field}Renamed`]: moved }, `data/${stem}.json`);
      expect(() => renamed[field], page).toThrow(`data/${stem}.json: results.${field} is missing`);
    }
  });
});
