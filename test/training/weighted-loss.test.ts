import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import {
  ByteTokenizer,
  answerWeights,
  nextTokenBatch,
  sniahTrainingBatch,
  sniahTrainingExamples,
  weightedLoss,
  weightedTrainStep,
} from '../../lib/index.js';
import { leakedTensors, useWasmBackend } from '../helpers/tfjs.js';
import { microModel } from '../helpers/tiny-model.js';

useWasmBackend();
const tok = new ByteTokenizer();
const hay = tok.encode('the quick brown fox jumps over the lazy dog while it rains. '.repeat(40));
const micro = () => microModel(42);

describe('sniahTrainingExamples', () => {
  it('gives sniahTrainingBatch rows and where each answer starts', () => {
    const o = { fraction: 0.5, seed: 3 };
    const ex = sniahTrainingExamples(tok, hay, 5, 8, 129, o);
    expect(ex.rows).toEqual(sniahTrainingBatch(tok, hay, 5, 8, 129, o));
    expect(ex.answerAt.slice(4)).toEqual([-1, -1, -1, -1]);
    ex.answerAt.slice(0, 4).forEach((a, b) => {
      const text = tok.decode(ex.rows[b]!);
      const value = /The code of [A-Z][a-z]{3} is (\d{4})\. /.exec(text)![1];
      expect(text.slice(a - 21, a)).toMatch(/\nThe code of [A-Z][a-z]{3} is $/);
      expect(text.slice(a, a + 4)).toBe(value);
    });
  });
});

describe('answerWeights / weightedLoss / weightedTrainStep', () => {
  it('weighs the answer targets only', () => {
    const w = answerWeights([5, -1], 10, 3, 4);
    expect(w[0]).toEqual([1, 1, 1, 1, 4, 4, 4, 1, 1, 1]);
    expect(w[1]).toEqual(new Array(10).fill(1));
    expect(() => answerWeights([5], 10, 3, -1)).toThrow(/answerWeight/);
    expect(() => answerWeights([20], 10, 3, 2)).toThrow(/answerAt\[0\]/);
    expect(() => answerWeights([5], 10, 0, 2)).toThrow(/digits/);
  });

  it("equals the plain loss with unit weights and one token's loss with one weight", () => {
    const model = micro();
    const rows = [Array.from({ length: 13 }, (_, i) => (i * 7) % 50), Array.from({ length: 13 }, (_, i) => (i * 3) % 40)];
    const { inputs, targets } = nextTokenBatch(rows);
    const ones = targets.map((t) => t.map(() => 1));
    const plain = tf.tidy(() => model.loss(inputs, targets).dataSync()[0]!);
    expect(tf.tidy(() => weightedLoss(model, inputs, targets, ones).dataSync()[0]!)).toBeCloseTo(plain, 5);
    const one = targets.map((t, b) => t.map((_, i) => (b === 1 && i === 4 ? 1 : 0)));
    const ce = tf.tidy(() => {
      const logp = tf.logSoftmax(model.forward(inputs));
      return -(logp.arraySync() as number[][][])[1]![4]![targets[1]![4]!]!;
    });
    expect(tf.tidy(() => weightedLoss(model, inputs, targets, one).dataSync()[0]!)).toBeCloseTo(ce, 4);
    expect(() => weightedLoss(model, inputs, targets, [ones[0]!])).toThrow(/shape/);
    const opt = tf.train.adam(1e-2);
    weightedTrainStep(model, opt, inputs, targets, ones);
    expect(leakedTensors(() => weightedTrainStep(model, opt, inputs, targets, ones))).toBe(0);
    model.dispose();
  });
});
