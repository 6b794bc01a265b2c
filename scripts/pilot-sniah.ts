/**
 * Pilot for issue 13 (report App. B.1, Table 12): does a small full-attention base learn
 * single-needle retrieval at training context L, and how fast? Trains on Brown train text mixed
 * with needle documents (lib/training/sniah.ts), and every `--eval-every` steps reports held-out
 * recall (held-out keys, validation haystacks) at prompt lengths L/2 and L over five depths, with
 * Wilson 95 % intervals and chance, plus the validation loss. Not run by CI or npm test.
 *
 * Usage: npx tsx scripts/pilot-sniah.ts [--steps 600] [--batch 8] [--L 256] [--fraction 0.5]
 *   [--lr 3e-3] [--warmup 30] [--hidden 128] [--layers 4] [--heads 4] [--kv 2] [--digits 4]
 *   [--eval-every 100] [--trials 20] [--final-trials 40] [--max-minutes 20] [--seed 42] [--log-every 25] [--answer-weight 1] [--out file.json]
 *   [--marker 1] (format 'marker': "... is #4821." with '#' and digits stripped from the haystacks)
 *   [--repeats 1] (question/answer pairs per needle row)
 *   [--curriculum 0.4] (the longest training prompt grows linearly from 64 tokens to L over this share of the steps)
 * Stops at --max-minutes (then evaluates once more); Ctrl-C ends it between steps.
 */
import { writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { useNodeBackend } from '../lib/node/backend.js';
import { readBrownCorpus } from '../lib/node/brown.js';
import { ByteTokenizer, evaluationWindows, joinDocuments, splitCorpus } from '../lib/text/index.js';
import {
  SpikingBrainModel,
  resolveConfig,
  tinyFullAttentionConfig,
  parameterCount,
  nextTokenBatch,
  trainStep,
} from '../lib/models/index.js';
import {
  answerWeights,
  cosineLearningRate,
  evaluateLoss,
  sniahAnswerLoss,
  sniahDocuments,
  sniahGrid,
  sniahHaystack,
  sniahMinLength,
  sniahPooled,
  sniahTrainingExamples,
  weightedTrainStep,
} from '../lib/training/index.js';

function arg(name: string, def: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return def;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v)) throw new RangeError(`--${name} must be a number, got ${process.argv[i + 1]}`);
  return v;
}
const outIdx = process.argv.indexOf('--out');
const out = outIdx >= 0 ? process.argv[outIdx + 1] : null;

const o = {
  steps: arg('steps', 600),
  batch: arg('batch', 8),
  L: arg('L', 256),
  fraction: arg('fraction', 0.5),
  lr: arg('lr', 3e-3),
  warmup: arg('warmup', 30),
  hidden: arg('hidden', 128),
  layers: arg('layers', 4),
  heads: arg('heads', 4),
  kv: arg('kv', 2),
  digits: arg('digits', 4),
  evalEvery: arg('eval-every', 100),
  trials: arg('trials', 20),
  finalTrials: arg('final-trials', 40),
  maxMinutes: arg('max-minutes', 20),
  seed: arg('seed', 42),
  logEvery: arg('log-every', 25),
  answerWeight: arg('answer-weight', 1),
  marker: arg('marker', 0),
  curriculum: arg('curriculum', 0),
  repeats: arg('repeats', 1),
};
const format = o.marker ? ('marker' as const) : ('code' as const);

await useNodeBackend('wasm');
const tok = new ByteTokenizer();
const split = splitCorpus(readBrownCorpus());
const rawTrain = tok.encode(joinDocuments(split.train));
const rawVal = tok.encode(joinDocuments(split.validation));
const trainTokens = format === 'marker' ? sniahHaystack(tok, rawTrain) : rawTrain;
const valTokens = format === 'marker' ? sniahHaystack(tok, rawVal) : rawVal;
const config = resolveConfig({
  ...tinyFullAttentionConfig(),
  hidden_size: o.hidden,
  num_hidden_layers: o.layers,
  num_attention_heads: o.heads,
  num_key_value_heads: o.kv,
  intermediate_size: 3 * o.hidden,
  attn_layers: Array.from({ length: o.layers }, (_, i) => i),
  max_position_embeddings: Math.max(1024, 2 * o.L),
});
const model = new SpikingBrainModel(config, { seed: o.seed });
const optimizer = tf.train.adam(o.lr);
const valWindows = evaluationWindows(valTokens, 16, o.L + 1);
console.log(`pilot-sniah ${JSON.stringify(o)}  params ${parameterCount(config).total.toLocaleString('en-US')}`);

let stop = false;
process.on('SIGINT', () => {
  stop = true;
});
const log: Record<string, unknown>[] = [];
const t0 = Date.now();
const lengths = [o.L / 2, o.L];
const depths = [0, 0.25, 0.5, 0.75, 1];

function evaluate(step: number, trials: number): void {
  const te = Date.now();
  const grid = sniahGrid(model, tok, valTokens, { lengths, depths, trials, seed: 4242, digits: o.digits, format });
  const pct = (x: number) => (100 * x).toFixed(1);
  const row: Record<string, unknown> = {
    step,
    tokens: step * o.batch * o.L,
    seconds: Math.round((Date.now() - t0) / 1000),
    valLoss: evaluateLoss(model, valWindows, 8),
  };
  const parts: string[] = [];
  for (const len of lengths) {
    const v = sniahPooled(grid, len, 'value');
    const f = sniahPooled(grid, len, 'firstDigit');
    row[`len${len}`] = {
      value: v,
      firstDigit: f,
      byDepth: grid.cells
        .filter((c) => c.length === len)
        .map((c) => ({ depth: c.depth, successes: c.successes, first: c.firstDigitSuccesses, trials: c.trials })),
    };
    parts.push(
      `L=${len}: value ${pct(v.rate)} % [${pct(v.ci95[0])}, ${pct(v.ci95[1])}] (${v.successes}/${v.trials}), first digit ${pct(f.rate)} % [${pct(f.ci95[0])}, ${pct(f.ci95[1])}]`,
    );
    parts.push(
      `  by depth ${grid.cells
        .filter((c) => c.length === len)
        .map((c) => `${c.depth}:${c.successes}/${c.trials}`)
        .join(' ')}`,
    );
  }
  log.push(row);
  console.log(
    `eval @ step ${step} (${row.tokens} tok, ${row.seconds}s, eval ${((Date.now() - te) / 1000).toFixed(0)}s) val loss ${(row.valLoss as number).toFixed(3)}\n  ${parts.join('\n  ')}`,
  );
  if (out) writeFileSync(out, JSON.stringify({ options: o, params: parameterCount(config).total, log }, null, 1));
}

const probe = sniahDocuments(tok, valTokens, { length: o.L, depth: 0.5, trials: 40, seed: 777, keys: 'heldout', digits: o.digits, format });
const shortest = sniahMinLength(tok, o.digits, format);
const maxLength = (s: number) =>
  o.curriculum > 0
    ? Math.min(o.L - o.digits, Math.max(shortest, Math.round(64 + ((o.L - o.digits - 64) * s) / (o.curriculum * o.steps))))
    : o.L - o.digits;
let step = 0;
const losses: number[] = [];
for (; step < o.steps && !stop; step++) {
  if ((Date.now() - t0) / 60000 > o.maxMinutes) {
    console.log(`time budget of ${o.maxMinutes} min reached at step ${step}`);
    break;
  }
  (optimizer as unknown as { learningRate: number }).learningRate = cosineLearningRate(step, {
    peak: o.lr,
    warmup: o.warmup,
    total: o.steps,
  });
  const ex = sniahTrainingExamples(tok, trainTokens, step, o.batch, o.L + 1, {
    fraction: o.fraction,
    seed: o.seed,
    digits: o.digits,
    format,
    maxLength: maxLength(step),
    repeats: o.repeats,
  });
  const { inputs, targets } = nextTokenBatch(ex.rows);
  // answer weight 1 is plain next-token training (trainStep); above 1 the answer digits weigh more
  losses.push(
    o.answerWeight === 1
      ? trainStep(model, optimizer, inputs, targets)
      : weightedTrainStep(model, optimizer, inputs, targets, answerWeights(ex.answers, o.L, o.digits, o.answerWeight)),
  );
  const done = step + 1;
  if (done % o.logEvery === 0) {
    const secs = (Date.now() - t0) / 1000;
    const recent = losses.slice(-o.logEvery);
    const al = sniahAnswerLoss(model, probe);
    console.log(
      `step ${done}/${o.steps}  answer loss @L ${al.toFixed(3)} (chance ${Math.log(10).toFixed(3)})  maxPrompt ${maxLength(step)}  loss ${(recent.reduce((a, b) => a + b, 0) / recent.length).toFixed(3)}  ${Math.round((done * o.batch * o.L) / secs)} tok/s  ETA ${Math.round(((o.steps - done) * secs) / done)}s`,
    );
  }
  if (done % o.evalEvery === 0 && done < o.steps) evaluate(done, o.trials);
}
evaluate(step, o.finalTrials);
console.log(
  `done: ${step} steps, ${step * o.batch * o.L} tokens, ${Math.round((Date.now() - t0) / 1000)} s; tensors alive ${tf.memory().numTensors}`,
);
