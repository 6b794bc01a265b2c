import { describe, expect, it } from 'vitest';
import {
  ablationClaims,
  architectureClaims,
  benchmarkClaims,
  claim,
  efficiencyClaims,
  spikingClaims,
  trainingClaims,
  table8Latency,
  metaxRatios,
  TABLE1,
  TABLE2,
  TABLE3,
  TABLE4,
  TABLE5,
  TABLE6,
  TABLE11_ACCURACY,
  TABLE7,
  TABLE8,
  TABLE9,
  TABLE10,
  TABLE12,
  TABLE13,
  type Claim,
} from '../../lib/index.js';

const all: Claim[] = [trainingClaims, architectureClaims, benchmarkClaims, spikingClaims, efficiencyClaims, ablationClaims].flatMap((f) =>
  f().map((c) => claim(c)),
);
const byId = new Map(all.map((c) => [c.id, c]));

describe('transcribed tables', () => {
  it('every row has one value per column', () => {
    for (const t of [TABLE1, TABLE2, TABLE3, TABLE4, TABLE5, TABLE6, TABLE11_ACCURACY])
      for (const r of t.rows) expect(r.values.length, `${t.location.where} ${r.name}`).toBe(t.columns.length);
    for (const row of TABLE8.cells) expect(row.length).toBe(TABLE8.columns.length);
    expect(TABLE7.spikingBrain7B.length).toBe(TABLE7.lengths.length);
  });
  it('table8Latency picks cells by model, framework, length and EP setting', () => {
    expect(table8Latency('Qwen2.5-7B', 'HuggingFace', '128k')).toBe(38487);
    expect(table8Latency('SpikingBrain-76B', 'vllm', '32k')).toBe(9451);
    expect(table8Latency('SpikingBrain-76B', 'vllm', '32k', 'epDisabled')).toBe(5305);
    expect(() => table8Latency('GPT', 'vllm', '32k')).toThrow(/no column GPT \/ vllm/);
    expect(() => table8Latency('Qwen2.5-7B', 'vllm', '1M')).toThrow(/no length "1M"/);
  });
  it('Table 9: the recomputed ratios', () => {
    const r = metaxRatios();
    expect(r[0]!.recomputed).toBeCloseTo(8265.79 / 11140.93, 12);
    expect(r.length).toBe(TABLE9.rows.length);
    expect(TABLE10.rows.length).toBe(5);
    expect(TABLE12.rows.length).toBe(5);
    expect(TABLE13.rows.length).toBe(8);
  });
});

describe('audit claims (notebook 08)', () => {
  it('build without error, with unique ids, a located source and a note', () => {
    expect(all.length).toBeGreaterThanOrEqual(80);
    expect(byId.size).toBe(all.length);
    for (const c of all) {
      expect(c.source, c.id).toMatch(/^report .*\(p\. \d+\)/);
      expect(c.note.length, c.id).toBeGreaterThan(10);
      expect(c.id, c.id).toMatch(/^(train|arch|bench|w8aspike|spiking|coding|ttft|cpu|metax|ablation)\./);
    }
  });
  it('judges every claim with a number by a check, and types only not-testable', () => {
    for (const c of all) {
      if (c.status === 'not-testable') expect(c.reproduced, c.id).toBeNull();
      else expect(c.check, c.id).toBeDefined();
    }
  });
  it('finds exactly the four inconsistencies the notebook explains', () => {
    expect(
      all
        .filter((c) => c.status === 'inconsistent')
        .map((c) => c.id)
        .sort(),
    ).toEqual([
      'ablation.hybrid_ratio_b1_vs_b2',
      'bench.table2_vs_table1.all_improve',
      'coding.bitwise_emission_reduction',
      'metax.table9.ratio_1k',
    ]);
  });
  it('recomputes the stated averages and text figures', () => {
    expect(byId.get('w8aspike.table3.spikingbrain_76b.avg')!.reproduced).toBeCloseTo(0.730386, 6);
    expect(byId.get('bench.table1.recovery_pct')!.reproduced).toBeCloseTo(90.6995, 3);
    expect(byId.get('ttft.table8.hf_speedup_128k')!.reproduced).toBeCloseTo(38487 / 15974 - 1, 6);
    expect(byId.get('arch.sb76b.total_params_b')!.reproduced).toBeCloseTo(76.530682, 5);
    expect(byId.get('ablation.hybrid_ratio_b1_vs_b2')!.reproduced).toBe(3088);
    expect(byId.get('metax.table9.ratio_1k')!.reproduced).toBeCloseTo(0.74193, 5);
  });
  it('a changed table number changes the verdict', () => {
    const c = trainingClaims().find((x) => x.id === 'train.tokens_table2_76b')!;
    expect(claim(c).status).toBe('reproduced');
    expect(claim({ ...c, reported: 170 }).status).toBe('inconsistent');
  });
});

describe('coverage of the report (the notebook\'s "considered and left out" list)', () => {
  it('names every table, every numbered figure, the abstract, each section and each seed page', async () => {
    const { REPORT_COVERAGE } = await import('../../lib/index.js');
    const items = REPORT_COVERAGE.map((c) => c.item).join(' | ');
    for (let n = 1; n <= 13; n++) expect(items, `Table ${n}`).toMatch(new RegExp(`\\bTable ${n}\\b`));
    for (let n = 1; n <= 10; n++) expect(items, `Fig. ${n}`).toMatch(new RegExp(`\\bFig\\. ${n}\\b`));
    for (const s of [
      'abstract',
      '§1',
      '§2.1',
      '§2.2',
      '§3.1',
      '§3.2',
      '§3.3',
      '§3.4',
      '§4.1',
      '§4.2',
      '§4.3',
      '§5.1',
      '§5.2',
      '§5.3',
      '§5.4',
      '§5.5',
      '§6',
      '§7',
      'App. A.7',
      'App. C',
    ])
      expect(items).toContain(s);
    for (const s of ['000', '001', '002', '003', '004']) expect(items).toContain(`seed ${s}`);
    for (const c of REPORT_COVERAGE) expect(c.coveredBy.length > 0 || c.leftOut.length > 0, c.item).toBe(true);
  });
  it('every claim id it names exists here or in a committed data file of notebooks 01–07', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { uncoveredItems } = await import('../../lib/index.js');
    const dir = new URL('../../data/', import.meta.url);
    const ids = [...all.map((c) => c.id)];
    for (const f of readdirSync(dir).filter((x) => /^0[1-7]-.+\.json$/.test(x)))
      ids.push(...(JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as { claims: Claim[] }).claims.map((c) => c.id));
    expect(uncoveredItems(ids).map((c) => c.item)).toEqual([]);
    expect(uncoveredItems(['x'], [{ item: 't', page: '1', coveredBy: ['y.'], leftOut: '' }]).length).toBe(1);
  });
});
