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
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
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
    if (mixer === 'full') attention += (2 * 2 * B * H * K * (L * (L + 1))) / 2;
    else if (mixer === 'swa') attention += 2 * 2 * B * H * K * L * Math.min(L, lib.swaWindowKeys(c) ?? L);
    else attention += 2 * 2 * B * H * K * K * L; // GLA: state write and read per token
  }
  return 3 * (matmul + attention);
}

interface Case {
  model: 'full' | 'hybrid';
  B: number;
  L: number;
}
const cases: Case[] = [];
for (const model of ['full', 'hybrid'] as const)
  for (const [B, L] of [
    [8, 64],
    [8, 256],
    [2, 1024],
  ] as const)
    cases.push({ model, B, L });

/** The issue's "today" (before the engine work) tokens/s at B = 8, L = 256, and the goal over them. */
const ISSUE_TODAY = { full: { tokensPerSecond: [440, 560] }, hybrid: { tokensPerSecond: [350, 350] }, goal: '>= 3x today and MFU >= 0.40' };

function wasmThreads(): { wasmThreads: number; wasmMultithreadSupport: boolean } {
  return { wasmThreads: getThreadsCount(), wasmMultithreadSupport: tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT') };
}

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
  return {
    model,
    opt,
    run: () => void l.trainStep(model, opt, inputs, targets),
    dispose: () => {
      model.dispose();
      opt.dispose();
    },
  };
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
    console.log(
      `  ${r.c.model} B=${r.c.B} L=${r.c.L}: ${kernels.at(-1)} kernels per step${r.old ? ` (before: ${kernelsBefore.at(-1)})` : ''}`,
    );
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
      model: r.c.model,
      B: r.c.B,
      L: r.c.L,
      tokensPerSecond: round((r.c.B * r.c.L) / (ms / 1000), 0),
      msPerStep: round(ms, 1),
      gflopPerStep: round(flops / 1e9, 2),
      mfu: round(flops / (ms / 1000) / 1e9 / gflops, 3),
      kernelsPerStep: kernels[i],
    };
    if (r.old) {
      const msOld = median(timesBefore[i]!);
      Object.assign(row, {
        before: {
          tokensPerSecond: round((r.c.B * r.c.L) / (msOld / 1000), 0),
          mfu: round(flops / (msOld / 1000) / 1e9 / gflops, 3),
          kernelsPerStep: kernelsBefore[i],
        },
        speedup: round(msOld / ms, 2),
      });
    }
    // against the issue's upper "today" figure (conservative)
    if (r.c.B === 8 && r.c.L === 256)
      row.overIssueToday = round((r.c.B * r.c.L) / (ms / 1000) / ISSUE_TODAY[r.c.model].tokensPerSecond[1]!, 2);
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
  const shape: [number, number, number, number] = [1, 4, 4096, 64];
  const [q, k, v, gk] = tf.tidy(() => [
    tf.randomNormal(shape, 0, 1, 'float32', 1),
    tf.randomNormal(shape, 0, 1, 'float32', 2),
    tf.randomNormal(shape, 0, 1, 'float32', 3),
    tf.mul(-0.05, tf.sigmoid(tf.randomNormal(shape, 0, 1, 'float32', 4))),
  ]) as tf.Tensor4D[];
  // void inside the scope: a typed array returned from tf.tidy is walked element by element (tfjs
  // looks for tensors in it), which cost ~1 s per call at this size and hid the kernels' difference
  const glaRun = (mode: 'chunk' | 'recurrent') => () =>
    tf.tidy(() => void lib.gatedLinearAttention(q!, k!, v!, gk!, { mode }).output.dataSync());
  const time = (mode: 'chunk' | 'recurrent') => {
    const t0 = performance.now();
    glaRun(mode)();
    return performance.now() - t0;
  };
  time('chunk');
  time('recurrent');
  const chunk: number[] = [];
  const rec: number[] = [];
  for (let i = 0; i < Math.max(repeats, 5); i++) {
    chunk.push(time('chunk'));
    rec.push(time('recurrent'));
  }
  const glaRow = {
    L: 4096,
    chunkMs: round(median(chunk), 1),
    recurrentMs: round(median(rec), 1),
    speedup: round(median(rec) / median(chunk), 2),
    chunkRunsMs: chunk.map((x) => round(x, 1)),
    recurrentRunsMs: rec.map((x) => round(x, 1)),
    chunkKernels: await kernelsOf(glaRun('chunk')),
    recurrentKernels: await kernelsOf(glaRun('recurrent')),
  };
  tf.dispose([q!, k!, v!, gk!]);
  console.log(`  ${JSON.stringify(glaRow)}`);

  const scaleRows = await scaleRowsOf();
  const out = {
    benchmark: 'train',
    description:
      'Adam training steps of the tiny presets (tokens/s, MFU against the same-run 1024^3 matMul, kernels per step), decoding, chunked vs recurrent GLA at 4096, scale checks',
    machine: { ...machineInfo(), backend: 'wasm', ...wasmThreads(), loadAverage1m: round(loadavg()[0]!, 2) },
    date: new Date().toISOString(),
    repeats,
    baselineGflops: round(gflops, 2),
    baselineRuns: base.map((x) => round(x, 2)),
    training,
    decoding: decodeRows,
    gla4096: glaRow,
    scale: scaleRows,
    heapLimitBytes: lib.WASM_HEAP_LIMIT_BYTES,
    issueToday: ISSUE_TODAY,
    notes: [
      'MFU = matmul FLOPs of the step (6 x parameters x tokens + causal attention) / time / baseline. before = the library given by --before, interleaved in the same rounds.',
      'The machine (2 cores) was shared with 3 other jobs during the run: absolute times are noisy, the same-run ratios (MFU, speedup, chunk over recurrent) are what to compare.',
      'The wasm backend runs one thread in Node: the threaded build needs WASM_HAS_MULTITHREAD_SUPPORT, false in Node 20, and forcing it fails to initialise; so the matMul baseline and every step use one core.',
      'Scale: a training step whose memory estimate does not fit runs as micro-batches (gradients averaged, one Adam update).',
    ],
  };
  mkdirSync('data/bench', { recursive: true });
  writeFileSync('data/bench/train.json', `${JSON.stringify(out, null, 2)}\n`);
  console.log('wrote data/bench/train.json');
}

async function scaleRowsOf(): Promise<Record<string, unknown>[]> {
  const scaleRows: Record<string, unknown>[] = [];
  console.log('scale: hybrid training step 16 × 1024 (micro-batches from the memory estimate), prefill 131,072 tokens (B = 1)');
  const c = lib.tinyConfig();
  const est = lib.estimateTrainStepBytes(c, 16, 1024);
  const s = stepper(lib, { model: 'hybrid', B: 16, L: 1024 });
  try {
    const micro = lib.chooseMicroBatch(s.model, 16, 1024);
    const t0 = performance.now();
    s.run();
    const seconds = (performance.now() - t0) / 1000;
    scaleRows.push({
      task: 'train 16x1024 hybrid',
      ok: true,
      microBatch: micro,
      seconds: round(seconds, 1),
      tokensPerSecond: round(16384 / seconds, 0),
      estimatedBytes: est,
      estimatedMicroBatchBytes: lib.estimateTrainStepBytes(c, micro, 1024),
    });
  } catch (e) {
    scaleRows.push({ task: 'train 16x1024 hybrid', ok: false, error: (e as Error).message, estimatedBytes: est });
  }
  s.dispose();
  console.log(`  ${JSON.stringify(scaleRows.at(-1))}`);
  const model = new lib.SpikingBrainModel(c, { seed: 42 });
  const L = 131072;
  try {
    const t0 = performance.now();
    const cache = model.createCache();
    tf.tidy(() => void model.forward(batch(1, L, 0), { cache }).dataSync());
    cache.dispose();
    scaleRows.push({
      task: 'prefill 131072 hybrid',
      ok: true,
      seconds: round((performance.now() - t0) / 1000, 1),
      estimatedBytes: lib.estimateForwardBytes(c, 1, L),
    });
  } catch (e) {
    scaleRows.push({
      task: 'prefill 131072 hybrid',
      ok: false,
      error: (e as Error).message,
      estimatedBytes: lib.estimateForwardBytes(c, 1, L),
    });
  }
  model.dispose();
  console.log(`  ${JSON.stringify(scaleRows.at(-1))}`);
  return scaleRows;
}

async function scaleChecks(): Promise<void> {
  const scaleRows = await scaleRowsOf();
  mkdirSync('data/bench', { recursive: true });
  writeFileSync(
    'data/bench/train-scale.json',
    `${JSON.stringify({ benchmark: 'train-scale', machine: { ...machineInfo(), backend: 'wasm' }, date: new Date().toISOString(), heapLimitBytes: lib.WASM_HEAP_LIMIT_BYTES, scale: scaleRows }, null, 2)}\n`,
  );
  console.log('wrote data/bench/train-scale.json');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
