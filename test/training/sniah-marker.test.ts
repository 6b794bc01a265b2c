import { describe, expect, it } from 'vitest';
import {
  ByteTokenizer,
  answerWeights,
  sniahCurriculumMax,
  sniahDocuments,
  sniahHaystack,
  sniahMinLength,
  sniahText,
  sniahTrainingExamples,
} from '../../lib/index.js';

const tok = new ByteTokenizer();
const hay = sniahHaystack(tok, tok.encode('In 1961, the #1 team won 42 games. The quick brown fox jumps over the lazy dog. '.repeat(40)));

describe('sniah marker format', () => {
  it('puts a # before the value and ends the question with it', () => {
    expect(sniahText('Bala', '42', 'marker')).toEqual({ needle: ' The code of Bala is #42. ', question: '\nThe code of Bala is #' });
    expect(sniahText('Bala', '42')).toEqual({ needle: ' The code of Bala is 42. ', question: '\nThe code of Bala is ' });
    expect(() => sniahText('Bala', '42', 'hash' as never)).toThrow(/format must be one of code, marker/);
    expect(sniahMinLength(tok, 2, 'marker')).toBe(sniahMinLength(tok, 2) + 2);
  });

  it('sniahHaystack removes # and digits and keeps everything else in order', () => {
    const text = tok.decode(sniahHaystack(tok, tok.encode('In 1961, the #1 team won 42 games.')));
    expect(text).toBe('In , the  team won  games.');
  });

  it("documents: the only # and digits are the needle's and the question's, valueStart points at the value", () => {
    for (const d of sniahDocuments(tok, hay, {
      length: 128,
      depth: 0.3,
      keys: 'heldout',
      trials: 20,
      seed: 3,
      digits: 2,
      format: 'marker',
    })) {
      const text = tok.decode(d.ids);
      expect(text.match(/#/g)).toHaveLength(2);
      expect(text.match(/[0-9]/g)).toHaveLength(2);
      expect(tok.decode(d.ids.slice(d.valueStart, d.valueStart + 2))).toBe(d.value);
      expect(tok.decode(d.ids.slice(d.valueStart - 1, d.valueStart))).toBe('#');
      expect(text.endsWith(`is #`)).toBe(true);
    }
  });
});

describe('sniahTrainingExamples: maxLength and repeats', () => {
  it('keeps needle prompts within maxLength', () => {
    for (let step = 0; step < 5; step++) {
      const ex = sniahTrainingExamples(tok, hay, step, 6, 257, { fraction: 1, seed: 1, digits: 2, format: 'marker', maxLength: 80 });
      for (const a of ex.answerAt) expect(a).toBeLessThanOrEqual(80);
    }
    expect(() => sniahTrainingExamples(tok, hay, 0, 2, 257, { fraction: 1, seed: 1, maxLength: 300 })).toThrow(
      /maxLength must be an integer in/,
    );
  });

  it('repeats the question and the answer with filler between, each answer after a "#"', () => {
    const ex = sniahTrainingExamples(tok, hay, 2, 4, 257, { fraction: 1, seed: 5, digits: 2, format: 'marker', maxLength: 70, repeats: 4 });
    ex.rows.forEach((row, b) => {
      expect(row).toHaveLength(257);
      const at = ex.answers[b]!;
      expect(at[0]).toBe(ex.answerAt[b]);
      expect(at.length).toBeGreaterThan(1);
      const values = at.map((a) => tok.decode(row.slice(a, a + 2)));
      expect(new Set(values).size).toBe(1);
      for (const a of at) expect(tok.decode(row.slice(a - 1, a))).toBe('#');
    });
    const one = sniahTrainingExamples(tok, hay, 2, 4, 257, { fraction: 1, seed: 5, digits: 2, format: 'marker', maxLength: 70 });
    expect(one.answers.every((a) => a.length === 1)).toBe(true);
    expect(() => sniahTrainingExamples(tok, hay, 0, 2, 257, { fraction: 1, seed: 1, repeats: 0 })).toThrow(/repeats must be an integer/);
  });

  it('answerWeights takes a list of answers per row', () => {
    const w = answerWeights([[3, 8], -1, 5], 10, 2, 7);
    expect(w[0]).toEqual([1, 1, 7, 7, 1, 1, 1, 7, 7, 1]);
    expect(w[1]).toEqual(new Array(10).fill(1));
    expect(w[2]).toEqual([1, 1, 1, 1, 7, 7, 1, 1, 1, 1]);
  });
});

describe('sniahCurriculumMax', () => {
  it('grows from `from` to L - digits over the share of steps, then stays', () => {
    const o = { tok, steps: 100, length: 256, digits: 2, format: 'marker' as const, curriculum: { from: 64, share: 0.5 } };
    expect(sniahCurriculumMax(0, o)).toBe(64);
    expect(sniahCurriculumMax(25, o)).toBe(159);
    expect(sniahCurriculumMax(50, o)).toBe(254);
    expect(sniahCurriculumMax(99, o)).toBe(254);
    expect(sniahCurriculumMax(0, { ...o, curriculum: undefined })).toBe(254);
    expect(() => sniahCurriculumMax(0, { ...o, curriculum: { from: 64, share: 0 } })).toThrow(/curriculum.share/);
  });
});
