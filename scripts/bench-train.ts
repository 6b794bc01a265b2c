/**
 * Benchmark: training and decoding throughput of the tiny presets (issue 12; the report trains and
 * decodes the hybrids, §3.1, §5.2-5.3): tokens/s of an Adam step at L = 64, 256 (B = 8) and 1024
 * (B = 2), MFU against a same-run 2D matMul baseline, kernels per step (tf.profile), decoding
 * tokens/s and kernels per decoded token, the chunked GLA against the recurrent form at L = 4096,
 * and the scale checks (hybrid 16 × 1024 training step, 131,072-token prefill). Writes
 * data/bench/train.json.
 *
 * Usage: npx tsx scripts/bench-train.ts [--repeats 3] [--before <dir with an older lib/index.ts>]
 *        npx tsx scripts/bench-train.ts --scale   (only the scale checks, to data/bench/train-scale.json)
 *
 * Rounds are interleaved (every case, the baseline and, with --before, the older library once per
 * round) because the machine may be shared: ratios from one run are what to compare.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import * as lib from '../lib/index.js';
import { useNodeBackend } from '../lib/node/backend.js';
import { intArg, machineInfo, median, round } from './bench-common.js';

type Lib = typeof lib;
const args = process.argv.slice(2);
const repeats = intArg(args, 'repeats', 3);
const beforeIdx = args.indexOf('--before');
const beforeDir = beforeIdx >= 0 ? args[beforeIdx + 1] : undefined;
const scale = args.includes('--scale');

/** Matmul FLOPs of one training step (forward + backward = 3 × forward), attention counted causal. */
export function trainStepFlops(c: lib.ModelConfig, B: number, L: number): number {
  const params = lib.parameterCount(c);
  // every weight takes part in one multiply-add per token (embeddings as a one-hot product)
  const matmul = 2 * params.total * B * L;
  const H = c.num_attention_heads;
  const K = c.hidden_size / H;
  let attention = 0;
  for (const { mixer } of lib.blockPlan(c)) {
    if (mixer === 'full') attention += 2 * 2 * B * H * K * (L * (L + 1)) / 2;
    else if (mixer === 'swa') attention += 2 * 2 * B * H * K * L * Math.min(L, lib.swaWindowKeys(c) ?? L);
    else attention += 2 * 2 * B * H * K * K * L; // GLA: state write and read per token
  }
  return 3 * (matmul + attention);
}

interface Case { model: 'full' | 'hybrid'; B: number; L: number }
const cases: Case[] = [];
for (const model of ['full', 'hybrid'] as const) for (const [B, L] of [[8, 64], [8, 256], [2, 1024]] as const) cases.push({ model, B, L });

function configOf(l: Lib, m: Case['model']): lib.ModelConfig {
  return m === 'full' ? l.tinyFullAttentionConfig() : l.tinyConfig();
}

function batch(B: number, L: number, seed: number): number[][] {
  return Array.from({ length: B }, (_, b) => Array.from({ length: L }, (_, i) => (i * 7 + (b + seed) * 13) % 256));
}

function stepper(l: Lib, c: Case): { run: () => void; dispose: () => void; model: lib.SpikingBrainModel; opt: tf.Optimizer } {
  const model = new l.SpikingBrainModel(configOf(l, c.model), { seed: 42 });
  const opt = tf.train.adam(1e-3);
  const inputs = batch(c.B, c.L, 0);
  const targets = batch(c.B, c.L, 1);
  return { model, opt, run: () => void l.trainStep(model, opt, inputs, targets), dispose: () => { model.dispose(); opt.dispose(); } };
}

function baselineGflops(): number {
  return tf.tidy(() => {
    const a = tf.randomNormal([1024, 1024]);
    const b = tf.randomNormal([1024, 1024]);
    const t0 = performance.now();
    const c = tf.matMul(a, b);
    c.dataSync();
    return (2 * 1024 ** 3) / ((performance.now() - t0) / 1000) / 1e9;
  });
}

async function kernelsOf(f: () => void): Promise<number> {
  return (await tf.profile(f)).kernels.length;
}

async function main(): Promise<void> {
  await useNodeBackend('wasm');
  if (scale) return scaleChecks();
  const before: Lib | null = beforeDir ? ((await import(pathToFileURL(resolve(beforeDir, 'index.ts')).href)) as Lib) : null;
  console.log(`training steps: ${cases.length} cases × ${repeats} rounds${before ? ' (with the older library interleaved)' : ''}`);
  const runners = cases.map((c) => ({ c, now: stepper(lib, c), old: before ? stepper(before, c) : null }));
  // warm-up (and Adam's slots), then kernels per step
  const kernels: number[] = [];
  const kernelsBefore: Array<number | null> = [];
  for (const r of runners) {
    r.now.run();
    r.old?.run();
    kernels.push(await kernelsOf(r.now.run));
    kernelsBefore.push(r.old ? await kernelsOf(r.old.run) : null);
    console.log(`  ${r.c.model} B=${r.c.B} L=${r.c.L}: ${kernels.at(-1)} kernels per step${r.old ? ` (before: ${kernelsBefore.at(-1)})` : ''}`);
  }
  const times = runners.map(() => [] as number[]);
  const timesBefore = runners.map(() => [] as number[]);
  const base: number[] = [];
  for (let round = 0; round < repeats; round++) {
    base.push(baselineGflops());
    runners.forEach((r, i) => {
      let t0 = performance.now();
      r.now.run();
      times[i]!.push(performance.now() - t0);
      if (r.old) {
        t0 = performance.now();
        r.old.run();
        timesBefore[i]!.push(performance.now() - t0);
      }
    });
    console.log(`  round ${round + 1}/${repeats}: baseline ${base.at(-1)!.toFixed(1)} GFLOP/s`);
  }
  const gflops = median(base);
  const training = runners.map((r, i) => {
    const flops = trainStepFlops(r.now.model.config, r.c.B, r.c.L);
    const ms = median(times[i]!);
    const row: Record<string, unknown> = {
      model: r.c.model, B: r.c.B, L: r.c.L, tokensPerSecond: round((r.c.B * r.c.L) / (ms / 1000), 0), msPerStep: round(ms, 1),
      gflopPerStep: round(flops / 1e9, 2), mfu: round(flops / (ms / 1000) / 1e9 / gflops, 3), kernelsPerStep: kernels[i],
    };
    if (r.old) {
      const msOld = median(timesBefore[i]!);
      Object.assign(row, { before: { tokensPerSecond: round((r.c.B * r.c.L) / (msOld / 1000), 0), mfu: round(flops / (msOld / 1000) / 1e9 / gflops, 3), kernelsPerStep: kernelsBefore[i] }, speedup: round(msOld / ms, 2) });
    }
    console.log(`  ${JSON.stringify(row)}`);
    return row;
  });
  for (const r of runners) {
    r.now.dispose();
    r.old?.dispose();
  }

  console.log('decoding: one token after a 64-token prompt, B = 1');
  const decoding = (['full', 'hybrid'] as const).map((m) => {
    const model = new lib.SpikingBrainModel(configOf(lib, m), { seed: 42 });
    const cache = model.createCache();
    tf.tidy(() => void model.forward(batch(1, 64, 0), { cache }));
    let id = 1;
    const step = () => {
      id = tf.tidy(() => tf.argMax(model.forward([[id]], { cache }).reshape([-1])).dataSync()[0]!);
    };
    for (let i = 0; i < 4; i++) step();
    const n = 64;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) step();
    const s = (performance.now() - t0) / 1000;
    return { model: m, tokensPerSecond: round(n / s, 1), cache, modelRef: model };
  });
  const decodeRows: Record<string, unknown>[] = [];
  for (const d of decoding) {
    const info = await tf.profile(() => tf.tidy(() => void d.modelRef.forward([[3]], { cache: d.cache })));
    decodeRows.push({ model: d.model, tokensPerSecond: d.tokensPerSecond, kernelsPerToken: info.kernels.length });
    console.log(`  ${JSON.stringify(decodeRows.at(-1))}`);
    d.cache.dispose();
    d.modelRef.dispose();
  }

  console.log('GLA: chunked against recurrent at L = 4096 (B = 1, H = 4, K = V = 64), forward');
  const glaRow = tf.tidy(() => {
    const shape: [number, number, number, number] = [1, 4, 4096, 64];
    const q = tf.randomNormal(shape) as tf.Tensor4D;
    const k = tf.randomNormal(shape) as tf.Tensor4D;
    const v = tf.randomNormal(shape) as tf.Tensor4D;
    const gk = tf.mul(-0.05, tf.sigmoid(tf.randomNormal(shape))) as tf.Tensor4D;
    const time = (mode: 'chunk' | 'recurrent') => {
      const t0 = performance.now();
      tf.tidy(() => lib.gatedLinearAttention(q, k, v, gk, { mode }).output.dataSync());
      return performance.now() - t0;
    };
    time('chunk');
    const chunk: number[] = [];
    const rec: number[] = [];
    for (let i = 0; i < repeats; i++) {
      chunk.push(time('chunk'));
      rec.push(time('recurrent'));
    }
    return { L: 4096, chunkMs: round(median(chunk), 1), recurrentMs: round(median(rec), 1), speedup: round(median(rec) / median(chunk), 1) };
  });
  console.log(`  ${JSON.stringify(glaRow)}`);

  const out = {
    benchmark: 'train',
    description: 'Adam training steps of the tiny presets (tokens/s, MFU against the same-run 1024^3 matMul, kernels per step), decoding, chunked vs recurrent GLA at 4096, scale checks',
    machine: { ...machineInfo(), backend: 'wasm' },
    date: new Date().toISOString(),
    repeats,
    baselineGflops: round(gflops, 2),
    baselineRuns: base.map((x) => round(x, 2)),
    training,
    decoding: decodeRows,
    gla4096: glaRow,
    notes: 'MFU = matmul FLOPs of the step (6 x parameters x tokens + causal attention) / time / baseline. before = the library given by --before, interleaved in the same rounds.',
  };
  mkdirSync('data/bench', { recursive: true });
  writeFileSync('data/bench/train.json', `${JSON.stringify(out, null, 2)}\n`);
  console.log('wrote data/bench/train.json');
}

async function scaleChecks(): Promise<void> {
  const scaleRows: Record<string, unknown>[] = [];
    console.log('scale: hybrid training step 16 × 1024, prefill 131,072 tokens (B = 1)');
    const c = lib.tinyConfig();
    const est = lib.estimateTrainStepBytes(c, 16, 1024);
    const s = stepper(lib, { model: 'hybrid', B: 16, L: 1024 });
    try {
      const t0 = performance.now();
      s.run();
      scaleRows.push({ task: 'train 16x1024 hybrid', ok: true, seconds: round((performance.now() - t0) / 1000, 1), estimatedBytes: est });
    } catch (e) {
      scaleRows.push({ task: 'train 16x1024 hybrid', ok: false, error: (e as Error).message, estimatedBytes: est });
    }
    s.dispose();
    const model = new lib.SpikingBrainModel(c, { seed: 42 });
    const L = 131072;
    try {
      const t0 = performance.now();
      const cache = model.createCache();
      tf.tidy(() => void model.forward(batch(1, L, 0), { cache }).dataSync());
      cache.dispose();
      scaleRows.push({ task: 'prefill 131072 hybrid', ok: true, seconds: round((performance.now() - t0) / 1000, 1), estimatedBytes: lib.estimateForwardBytes(c, 1, L) });
    } catch (e) {
      scaleRows.push({ task: 'prefill 131072 hybrid', ok: false, error: (e as Error).message, estimatedBytes: lib.estimateForwardBytes(c, 1, L) });
    }
    model.dispose();
    for (const r of scaleRows) console.log(`  ${JSON.stringify(r)}`);

  mkdirSync('data/bench', { recursive: true });
  writeFileSync('data/bench/train-scale.json', `${JSON.stringify({ benchmark: 'train-scale', machine: { ...machineInfo(), backend: 'wasm' }, date: new Date().toISOString(), heapLimitBytes: lib.WASM_HEAP_LIMIT_BYTES, scale: scaleRows }, null, 2)}\n`);
  console.log('wrote data/bench/train-scale.json');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
