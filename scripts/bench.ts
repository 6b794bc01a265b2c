/**
 * Benchmark: encode + decode of 4 million counts uniform in [-7, 7] (ternary and
 * bitwise-bidirectional), on one core (JavaScript runs the loop on one thread), default T.
 * Decoding is timed twice: into a new Int32Array (decode) and into a reused one (decodeInto);
 * fresh 16 MB buffers cost page faults that can dominate on a sandboxed machine.
 * Baselines measured in the same run: the plain one-Int8-per-slot reference encoder
 * (lib/spike/naive.ts) and a memory copy of the counts. Writes data/bench/spikes.json.
 *
 * Usage: npm run bench [-- --n 4000000 --repeats 7]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { encodeSpikes, naiveDecode, naiveEncode, uniformIntegers, type SpikeScheme } from '../lib/index.js';
import { intArg, machineInfo, median, round } from './bench-common.js';

const args = process.argv.slice(2);
const N = intArg(args, 'n', 4_000_000);
const REPEATS = intArg(args, 'repeats', 7);
const TARGET = 200e6;
const SEED = 42;

/** Median wall time (ms) of fn over REPEATS runs after one warm-up; checks its result each time. */
function time(label: string, fn: () => void): number {
  fn();
  const ms: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
    if (process.stdout.isTTY) process.stdout.write(`\r  ${label}: run ${r + 1}/${REPEATS}, ${ms[r]!.toFixed(1)} ms   `);
  }
  const m = median(ms);
  if (process.stdout.isTTY) process.stdout.write('\r');
  console.log(`  ${label}: median ${m.toFixed(1)} ms over ${REPEATS} runs${' '.repeat(10)}`);
  return m;
}

function sameCounts(a: Int32Array, b: Int32Array): void {
  if (a.length !== b.length) throw new Error('benchmark check failed: length differs');
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) throw new Error(`benchmark check failed at ${i}: ${a[i]} vs ${b[i]}`);
}

const counts = uniformIntegers(N, -7, 7, SEED);
console.log(`spike coding benchmark: ${N.toLocaleString('en')} counts uniform in [-7, 7], seed ${SEED}, median of ${REPEATS}`);

const copy = new Int32Array(N);
const copyMs = time('baseline: memory copy of the Int32 counts', () => copy.set(counts));

const schemes: SpikeScheme[] = ['ternary', 'bitwise-bidirectional'];
const results = schemes.map((scheme) => {
  // correctness first, outside the timed region
  const check = encodeSpikes(counts, scheme);
  const T = check.T;
  sameCounts(check.decode(), counts);
  sameCounts(naiveDecode(naiveEncode(counts, scheme, T), scheme, T, N), counts);

  let sink = 0;
  const allocatingMs = time(`${scheme}: encodeSpikes + decode()`, () => {
    sink += encodeSpikes(counts, scheme).decode()[N - 1]!;
  });
  const reused = new Int32Array(N);
  const reusedMs = time(`${scheme}: encodeSpikes + decodeInto(reused buffer)`, () => {
    sink += encodeSpikes(counts, scheme).decodeInto(reused)[N - 1]!;
  });
  const naiveMs = time(`${scheme}: reference (one Int8 per slot) encode + decode`, () => {
    sink += naiveDecode(naiveEncode(counts, scheme, T), scheme, T, N)[N - 1]!;
  });
  if (Number.isNaN(sink)) throw new Error('unreachable: keeps the results alive');
  const perSecond = (ms: number): number => Math.round((N / ms) * 1000);
  return {
    scheme,
    T,
    bitsPerSpikeSlot: round((check.byteLength * 8) / (T * N), 3),
    decodeMs: round(allocatingMs, 2),
    decodeCountsPerSecond: perSecond(allocatingMs),
    decodeIntoMs: round(reusedMs, 2),
    decodeIntoCountsPerSecond: perSecond(reusedMs),
    referenceMs: round(naiveMs, 2),
    speedupVsReference: round(naiveMs / reusedMs, 2),
    timeVsMemoryCopy: round(reusedMs / copyMs, 2),
    meetsTarget: perSecond(reusedMs) >= TARGET,
  };
});

const report = {
  schema: 'bench-spikes@1',
  producedBy: 'scripts/bench.ts',
  createdAt: new Date().toISOString(),
  machine: machineInfo(),
  config: { n: N, range: [-7, 7], seed: SEED, repeats: REPEATS, statistic: 'median', targetCountsPerSecond: TARGET },
  baseline: { memoryCopyMs: round(copyMs, 2), note: 'Int32Array.set of the 4M counts: a floor set by memory bandwidth' },
  results,
};
mkdirSync('data/bench', { recursive: true });
writeFileSync('data/bench/spikes.json', JSON.stringify(report, null, 2) + '\n');
for (const r of results) {
  console.log(
    `${r.scheme.padEnd(22)} T=${r.T}  ${(r.decodeIntoCountsPerSecond / 1e6).toFixed(0)} M counts/s with decodeInto ` +
      `(${(r.decodeCountsPerSecond / 1e6).toFixed(0)} M with an allocating decode; target ${TARGET / 1e6} M: ${r.meetsTarget ? 'met' : 'NOT met'})  ` +
      `${r.speedupVsReference}x the reference, ${r.timeVsMemoryCopy}x a memory copy, ${r.bitsPerSpikeSlot} bits/slot`,
  );
}
console.log('wrote data/bench/spikes.json');
