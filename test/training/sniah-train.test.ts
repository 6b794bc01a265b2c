import { describe, expect, it } from 'vitest';
import { ByteTokenizer, sniahAnswerLoss, sniahDocuments, sniahHaystack, trainSniah } from '../../lib/index.js';
import { leakedTensors, useWasmBackend } from '../helpers/tfjs.js';
import { microModel } from '../helpers/tiny-model.js';

useWasmBackend();

const tok = new ByteTokenizer();
const hay = sniahHaystack(tok, tok.encode('the quick brown fox jumps over the lazy dog while it rains. '.repeat(60)));
const tiny = () => microModel(1);
const base = {
  tok,
  tokens: hay,
  batch: 2,
  length: 96,
  fraction: 1,
  seed: 3,
  digits: 1,
  format: 'marker' as const,
  answerWeight: 5,
  repeats: 2,
  lr: { peak: 1e-3, warmup: 1, total: 4, floor: 0.1 },
};

describe('trainSniah', () => {
  it('runs the steps asked, and a stop rule ends the run early, saying so; no tensors leak', () => {
    const model = tiny();
    const seen: number[] = [];
    const full = trainSniah({ ...base, model, steps: 3 });
    expect(full).toMatchObject({ stepsDone: 3, stoppedBy: 'steps', tokensSeen: 3 * 2 * 96 });
    expect(full.losses.every(Number.isFinite)).toBe(true);
    let early: ReturnType<typeof trainSniah> | null = null;
    expect(
      leakedTensors(() => {
        early = trainSniah({
          ...base,
          model,
          steps: 6,
          curriculum: { from: 64, share: 0.5 },
          stopRule: {
            every: 2,
            done: (n) => {
              seen.push(n);
              return n >= 4;
            },
          },
        });
      }),
    ).toBe(0);
    expect(early).toMatchObject({ stepsDone: 4, stoppedBy: 'rule' });
    expect(seen).toEqual([2, 4]);
    const docs = sniahDocuments(tok, hay, { length: 80, depth: 0.5, trials: 4, seed: 2, keys: 'heldout', digits: 1, format: 'marker' });
    expect(sniahAnswerLoss(model, docs)).toBeGreaterThan(0);
    // the cap is checked before each step: with 0 s the first step runs (no time has passed), then the run ends
    expect(trainSniah({ ...base, model, steps: 3, maxSeconds: 0 })).toMatchObject({ stepsDone: 1, stoppedBy: 'time' });
    model.dispose();
  });
});
