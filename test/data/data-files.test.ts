import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateEnvelope, type DataEnvelope } from '../../lib/index.js';
import { REQUIRED_CLAIMS } from './required-claims.js';

const dataDir = fileURLToPath(new URL('../../data/', import.meta.url));
const files = readdirSync(dataDir).filter((f) => f.endsWith('.json'));

describe('data/*.json', () => {
  it('has a data file for every notebook', () => {
    const notebooks = readdirSync(fileURLToPath(new URL('../../notebooks/', import.meta.url)))
      .filter((f) => /^\d\d-.+\.ipynb$/.test(f) && !f.startsWith('00-'))
      .map((f) => f.replace(/\.ipynb$/, ''));
    expect(notebooks.length).toBeGreaterThan(0);
    for (const nb of notebooks) expect(files, `data/${nb}.json`).toContain(`${nb}.json`);
  });
  for (const f of files) {
    it(`${f} is a valid envelope written by a full run`, () => {
      const data = JSON.parse(readFileSync(dataDir + f, 'utf8')) as DataEnvelope;
      expect(validateEnvelope(data)).toEqual([]);
      expect(data.mode).toBe('full');
      expect(data.producedBy).toBe(`notebooks/${f.replace(/\.json$/, '')}.ipynb`);
    });
  }
});

describe('the claims ledger', () => {
  for (const [stem, ids] of Object.entries(REQUIRED_CLAIMS)) {
    it(`data/${stem}.json holds every required claim with a status and a note`, () => {
      const path = `${dataDir}${stem}.json`;
      expect(existsSync(path), `${path} missing: run npm run reproduce -- --only ${stem}`).toBe(true);
      const data = JSON.parse(readFileSync(path, 'utf8')) as DataEnvelope;
      const byId = new Map(data.claims.map((c) => [c.id, c]));
      for (const id of ids) {
        const c = byId.get(id);
        expect(c, `claim ${id}`).toBeDefined();
        expect(c!.note.length, `note of ${id}`).toBeGreaterThan(0);
      }
    });
  }
});
