import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { goldenDir } from './helpers/golden.js';

const shared = fileURLToPath(new URL('../../shared/golden/', import.meta.url));

describe('golden fixtures', () => {
  it('the project copies are present', () => {
    for (const f of ['encoders.json', 'adaptive.json', 'attention.json']) expect(existsSync(goldenDir + f)).toBe(true);
  });
  it.runIf(existsSync(shared))('equal ../shared/golden byte for byte', () => {
    for (const f of readdirSync(shared)) {
      expect(readFileSync(goldenDir + f, 'utf8'), f).toBe(readFileSync(shared + f, 'utf8'));
    }
  });
});
