import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
  ByteTokenizer,
  SNIAH_VARIANTS,
  SpikingBrainModel,
  TABLE12_SNIAH,
  scoreSniah,
  sniahClaim,
  sniahDocument,
  sniahDocuments,
  sniahGrid,
  sniahKeyNames,
  sniahMinLength,
  sniahPooled,
  sniahText,
  sniahTrainingBatch,
  wilsonInterval,
  type SniahDocument,
} from '../../lib/index.js';
import { mulberry32 } from '../../lib/util/random.js';
import { leakedTensors, useWasmBackend } from '../helpers/tfjs.js';
import { microModel } from '../helpers/tiny-model.js';

useWasmBackend();

const tok = new ByteTokenizer();
// a haystack with no digits, so the only digits of a prompt are the needle's value
const hay = tok.encode('the quick brown fox jumps over the lazy dog while it rains. '.repeat(40));
const docs = (o: Partial<Parameters<typeof sniahDocuments>[2]> = {}) =>
  sniahDocuments(tok, hay, { length: 120, depth: 0.5, keys: 'heldout', trials: 30, seed: 7, ...o });

describe('sniahKeyNames', () => {
  it('splits 4,900 names into disjoint train (3,920) and held-out (980) sets', () => {
    const train = sniahKeyNames('train');
    const held = sniahKeyNames('heldout');
    expect(train).toHaveLength(3920);
    expect(held).toHaveLength(980);
    const set = new Set(train);
    expect(held.some((n) => set.has(n))).toBe(false);
    expect(new Set([...train, ...held]).size).toBe(4900);
    expect(() => sniahKeyNames('test' as never)).toThrow(/keys must be one of train, heldout/);
  });
});

describe('sniahDocuments', () => {
  it('is deterministic with the seed and differs with another seed', () => {
    expect(docs()).toEqual(docs());
    expect(docs({ seed: 8 }).map((d) => d.value)).not.toEqual(docs().map((d) => d.value));
  });

  it('has the length asked, ends with the question and holds the needle where the depth says', () => {
    for (const depth of [0, 0.1, 0.5, 0.9, 1]) {
      for (const d of docs({ depth, trials: 5 })) {
        expect(d.ids).toHaveLength(120);
        const t = sniahText(d.key, d.value);
        const text = tok.decode(d.ids);
        expect(text.endsWith(t.question)).toBe(true);
        expect(text.slice(d.needleStart, d.needleStart + t.needle.length)).toBe(t.needle);
        const hayLen = 120 - t.needle.length - t.question.length;
        expect(d.needleStart).toBe(Math.round(depth * hayLen));
        expect(text.slice(d.valueStart, d.valueStart + 4)).toBe(d.value);
        expect(tok.decode(d.answer)).toBe(d.value);
        expect(d.value).toMatch(/^\d{4}$/);
      }
    }
  });

  it('takes keys from the set asked only', () => {
    const held = new Set(sniahKeyNames('heldout'));
    expect(docs({ keys: 'heldout', trials: 200 }).every((d) => held.has(d.key))).toBe(true);
    expect(docs({ keys: 'train', trials: 200 }).some((d) => held.has(d.key))).toBe(false);
  });

  it('draws values whose digits are close to uniform (so chance is 1/10 per digit)', () => {
    const counts = new Array(10).fill(0);
    for (const d of docs({ trials: 2000, length: 60 })) counts[Number(d.value[0])]++;
    for (const c of counts) expect(Math.abs(c - 200)).toBeLessThan(60);
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => docs({ length: 10 })).toThrow(/length must be an integer >= 49, got 10/);
    expect(() => docs({ length: 120.5 })).toThrow(/length/);
    expect(() => docs({ depth: 1.5 })).toThrow(/depth must be a number in \[0, 1\]/);
    expect(() => docs({ depth: NaN })).toThrow(/depth/);
    expect(() => docs({ trials: 0 })).toThrow(/trials/);
    expect(() => docs({ digits: 0 })).toThrow(/digits/);
    expect(() => docs({ seed: 1.5 })).toThrow(/seed/);
    expect(() => sniahDocuments(tok, hay.slice(0, 20), { length: 120, depth: 0, keys: 'train', trials: 1, seed: 1 })).toThrow(
      /haystack must hold at least/,
    );
  });

  it('knows its shortest prompt', () => {
    const m = sniahMinLength(tok);
    expect(() => sniahDocument(tok, hay, { length: m, depth: 0.3, keys: 'train' }, mulberry32(1))).not.toThrow();
    expect(() => sniahDocument(tok, hay, { length: m - 1, depth: 0.3, keys: 'train' }, mulberry32(1))).toThrow(/length/);
  });
});

describe('sniahTrainingBatch', () => {
  const batch = (step: number, o: Partial<Parameters<typeof sniahTrainingBatch>[5]> = {}) =>
    sniahTrainingBatch(tok, hay, step, 8, 129, { fraction: 0.5, seed: 42, ...o });

  it('is seeded per step, has rows of the window length, and the share of needle rows asked', () => {
    expect(batch(3)).toEqual(batch(3));
    expect(batch(3)).not.toEqual(batch(4));
    for (const f of [0, 0.25, 0.5, 1]) {
      const rows = batch(1, { fraction: f });
      expect(rows.every((r) => r.length === 129)).toBe(true);
      const withNeedle = rows.filter((r) => /The code of [A-Z][a-z]{3} is \d{4}\. /.test(tok.decode(r)));
      expect(withNeedle).toHaveLength(Math.round(f * 8));
    }
  });

  it('puts the answer right after the question, with train keys only', () => {
    const held = new Set(sniahKeyNames('heldout'));
    for (let s = 0; s < 20; s++) {
      for (const r of batch(s, { fraction: 1 })) {
        const m = /The code of ([A-Z][a-z]{3}) is (\d{4})\. [\s\S]*\nThe code of \1 is (\d{4})/.exec(tok.decode(r));
        expect(m).not.toBeNull();
        expect(m![3]).toBe(m![2]);
        expect(held.has(m![1]!)).toBe(false);
      }
    }
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => batch(0, { fraction: 1.2 })).toThrow(/fraction/);
    expect(() => batch(-1)).toThrow(/step/);
    expect(() => sniahTrainingBatch(tok, hay, 0, 0, 129, { fraction: 0.5, seed: 1 })).toThrow(/batch/);
    expect(() => sniahTrainingBatch(tok, hay, 0, 2, 20, { fraction: 0.5, seed: 1 })).toThrow(/length/);
    expect(() => batch(0, { minLength: 500 })).toThrow(/minLength/);
  });
});

/** A stand-in model whose digit logits at the answer positions spell `guess(doc)`. */
function oracle(all: SniahDocument[], guess: (d: SniahDocument) => string) {
  const byPrefix = new Map(all.map((d) => [d.ids.join(','), d]));
  return {
    forward(ids: number[][]) {
      return tf.tidy(() => {
        const T = ids[0]!.length;
        const data = new Float32Array(ids.length * T * 256);
        ids.forEach((row, b) => {
          const d = byPrefix.get(row.slice(0, d0len).join(','))!;
          const g = tok.encode(guess(d));
          g.forEach((id, j) => (data[(b * T + d0len - 1 + j) * 256 + id] = 5));
        });
        return tf.tensor3d(data, [ids.length, T, 256]);
      });
    },
  } as unknown as SpikingBrainModel;
}
const d0len = 120;

describe('scoreSniah / sniahGrid / sniahPooled', () => {
  const all = docs({ trials: 40 });
  const perfect = oracle(all, (d) => d.value);

  it('counts whole values and first digits', () => {
    expect(scoreSniah(perfect, tok, all, 7)).toEqual({ successes: 40, firstDigitSuccesses: 40, trials: 40 });
    // right first digit, wrong last digit on the even documents
    const half = (d: SniahDocument) => (all.indexOf(d) % 2 === 0 ? d.value.slice(0, 3) + String((Number(d.value[3]) + 1) % 10) : d.value);
    expect(scoreSniah(oracle(all, half), tok, all)).toEqual({ successes: 20, firstDigitSuccesses: 40, trials: 40 });
    // a constant guess scores what its matches say
    const zeros = all.filter((d) => d.value[0] === '0').length;
    expect(
      scoreSniah(
        oracle(all, () => '0000'),
        tok,
        all,
      ).firstDigitSuccesses,
    ).toBe(zeros);
  });

  it('rejects mixed lengths and bad batch sizes', () => {
    expect(() => scoreSniah(perfect, tok, [])).toThrow(/docs/);
    expect(() => scoreSniah(perfect, tok, all, 0)).toThrow(/batchSize/);
    expect(() => scoreSniah(perfect, tok, [...all, ...docs({ length: 100, trials: 1 })])).toThrow(/one prompt length/);
  });

  it('a real model: every cell has its counts, Wilson interval and chance, and no tensor leaks', () => {
    const model = microModel(42);
    const o = { lengths: [60, 90], depths: [0, 1], trials: 3, seed: 5 };
    sniahGrid(model, tok, hay, o);
    let grid!: ReturnType<typeof sniahGrid>;
    expect(
      leakedTensors(() => {
        grid = sniahGrid(model, tok, hay, o);
      }),
    ).toBe(0);
    expect(grid.cells.map((c) => [c.length, c.depth])).toEqual([
      [60, 0],
      [60, 1],
      [90, 0],
      [90, 1],
    ]);
    for (const c of grid.cells) {
      expect(c.trials).toBe(3);
      expect(c.ci95).toEqual(wilsonInterval(c.successes, 3));
    }
    expect(grid.chance).toEqual({ value: 1e-4, firstDigit: 0.1 });
    const p = sniahPooled(grid, 90, 'firstDigit');
    expect(p.trials).toBe(6);
    expect(p.successes).toBe(grid.cells.filter((c) => c.length === 90).reduce((a, c) => a + c.firstDigitSuccesses, 0));
    expect(p.chance).toBe(0.1);
    expect(() => sniahPooled(grid, 70)).toThrow(/length 70 is not in the grid/);
    expect(() => sniahGrid(model, tok, hay, { ...o, depths: [] })).toThrow(/depths/);
    model.dispose();
  });
});

describe('sniahClaim', () => {
  it('builds conversion.<variant>.sniah_<where> with trials, ci95 and chance in percent', () => {
    const c = sniahClaim({ variant: 'swa', where: 'beyond', successes: 93, trials: 200, chance: 1e-4, note: 'test' });
    expect(c.id).toBe('conversion.swa.sniah_beyond');
    expect(c.reported).toBe(47.6);
    expect(c.reproduced).toBe(46.5);
    expect(c.status).toBe('analogue');
    expect(c.trials).toBe(200);
    const [lo, hi] = wilsonInterval(93, 200);
    expect(c.ci95![0]).toBeCloseTo(100 * lo, 5);
    expect(c.ci95![1]).toBeCloseTo(100 * hi, 5);
    expect(c.chance).toBe(0.01);
    // with an interval check the status follows from the numbers: 47.6 lies in [39.7, 53.4]
    const status = (variant: 'swa' | 'fa') =>
      sniahClaim({
        variant,
        where: 'beyond',
        successes: 93,
        trials: 200,
        chance: 1e-4,
        note: 't',
        check: { rule: 'interval', fail: 'analogue' },
      }).status;
    expect(status('swa')).toBe('reproduced');
    expect(status('fa')).toBe('analogue');
  });

  it('has Table 12 for every variant and rejects bad arguments', () => {
    expect(SNIAH_VARIANTS.every((v) => TABLE12_SNIAH[v].inside >= 0 && TABLE12_SNIAH[v].beyond >= 0)).toBe(true);
    expect(TABLE12_SNIAH.hybrid).toMatchObject({ inside: 96.83, beyond: 44.44 });
    const base = { variant: 'fa' as const, where: 'inside' as const, successes: 1, trials: 2, chance: 0.1, note: 'n' };
    expect(() => sniahClaim({ ...base, variant: 'gla' as never })).toThrow(/variant must be one of/);
    expect(() => sniahClaim({ ...base, where: 'outside' as never })).toThrow(/where/);
    expect(() => sniahClaim({ ...base, chance: 10 })).toThrow(/chance/);
    expect(() => sniahClaim({ ...base, successes: 3 })).toThrow(/successes/);
    expect(() => sniahClaim({ ...base, note: ' ' })).toThrow(/note/);
  });
});
