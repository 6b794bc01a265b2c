import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeSpikes, adaptiveThresholdSpikes, spikeMatmul } from '../lib/index.js';

describe('the README example', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  it('prints what the README says it prints', () => {
    const train = encodeSpikes([3, -5, 0, 7], 'bitwise-bidirectional');
    expect(train.T).toBe(3);
    expect(Array.from(train.toDense())).toEqual([0, -1, 0, 1, 1, 0, 0, 1, 1, -1, 0, 1]);
    expect(readme).toContain('[0,-1,0,1, 1,0,0,1, 1,-1,0,1]');
    expect(train.firingRate()).toBeCloseTo(0.583, 3);
    const { counts, vth } = adaptiveThresholdSpikes(new Float32Array([0.2, -1.4, 0.9, 0.1]), 1, 4, 3);
    expect(Array.from(counts)).toEqual([1, -6, 4, 0]);
    expect(vth[0]).toBeCloseTo(0.2167, 4);
    const result = spikeMatmul(encodeSpikes(counts, 'ternary'), { data: [1, 2, 3, 4, 5, 6, 7, 8], rows: 4, cols: 2 });
    expect(Array.from(result.output)).toEqual([3, 2]);
    expect(result.additions).toBe(22);
    expect(result.untouchedRows).toBe(1);
    expect(() => encodeSpikes([9], 'bitwise', { T: 3 })).toThrow('counts[0] = 9 needs T >= 4');
    expect(Array.from(encodeSpikes([9], 'bitwise', { T: 3, clip: true }).decode())).toEqual([7]);
  });
  it('starts with the two commands a newcomer runs', () => {
    const lines = readme.split('\n');
    const fence = lines.indexOf('```bash');
    expect(fence).toBeGreaterThan(0);
    expect(lines[fence + 1]).toMatch(/^bash scripts\/setup\.sh && npm run main\s+#/);
    expect(lines[fence + 2]).toMatch(/^npm test\s+#/);
  });
});
