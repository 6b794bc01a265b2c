/**
 * Issue 10 (ledger audit): statuses come from the numbers. Every claim whose reported and reproduced
 * values are both numbers and whose status is a verdict on them (reproduced / inconsistent) must carry
 * the check that computes it, and every check must give the stored status (validateEnvelope recomputes
 * it too); rates from trials carry an interval and a chance level.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { judgeStatus, type DataEnvelope } from '../../lib/index.js';

const dataDir = fileURLToPath(new URL('../../data/', import.meta.url));
const files = readdirSync(dataDir).filter((f) => f.endsWith('.json'));

describe('verdicts come from the numbers', () => {
  for (const f of files) {
    const data = JSON.parse(readFileSync(dataDir + f, 'utf8')) as DataEnvelope;
    it(`${f}: numeric reproduced / inconsistent claims carry the check that gives their status`, () => {
      const unchecked = data.claims
        .filter((c) => (c.status === 'reproduced' || c.status === 'inconsistent') && typeof c.reported === 'number' && typeof c.reproduced === 'number' && !c.check)
        .map((c) => c.id);
      expect(unchecked).toEqual([]);
      for (const c of data.claims.filter((x) => x.check)) expect(judgeStatus(c, c.check!), c.id).toBe(c.status);
    });
    it(`${f}: rates from trials carry a 95 % interval around the value and a chance level`, () => {
      for (const c of data.claims.filter((x) => x.trials !== undefined)) {
        expect(c.ci95, `${c.id} ci95`).toBeDefined();
        expect(c.chance, `${c.id} chance`).toBeTypeOf('number');
        expect(c.reproduced as number).toBeGreaterThanOrEqual(c.ci95![0]);
        expect(c.reproduced as number).toBeLessThanOrEqual(c.ci95![1]);
        // a value whose interval contains chance is not set beside the report's number as a comparison
        if (c.chance! >= c.ci95![0] && c.chance! <= c.ci95![1]) expect(c.status, c.id).toBe('not-testable');
      }
    });
  }
});
