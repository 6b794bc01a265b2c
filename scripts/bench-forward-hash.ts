/**
 * Guard for engine work (issue 12): SHA-256 of the inference forward outputs (tape off) of the tiny
 * models (report §2.2 presets: full attention, SWA, GLA, inter and intra hybrids) at L <= 1024, of a
 * prefill + decode run, and of the raw GLA / attention ops. Notebooks 06, 07 and 09 compare their
 * claims exactly against committed runs, so an engine change must leave these hashes bitwise equal.
 *
 * Usage: npx tsx scripts/bench-forward-hash.ts            (prints, compares with data/bench/forward-hash.json)
 *        npx tsx scripts/bench-forward-hash.ts --write    (records the current hashes)
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import * as lib from '../lib/index.js';
import { useNodeBackend } from '../lib/node/backend.js';

const FILE = 'data/bench/forward-hash.json';

function hashOf(x: tf.Tensor): string {
  const d = x.dataSync() as Float32Array;
  return createHash('sha256')
    .update(new Uint8Array(d.buffer, d.byteOffset, d.byteLength))
    .digest('hex')
    .slice(0, 16);
}

function ids(B: number, L: number, seed: number): number[][] {
  return Array.from({ length: B }, (_, b) => Array.from({ length: L }, (_, i) => (i * 31 + (b + seed) * 17 + ((i * i) % 7)) % 256));
}

const models: Record<string, () => lib.ModelConfig> = {
  full: () => lib.tinyFullAttentionConfig(),
  swa: () => lib.resolveConfig({ ...lib.tinyFullAttentionConfig(), sliding_window: 16, attn_layers: [0, 1, 2, 3] }),
  gla: () => lib.resolveConfig({ ...lib.tinyConfig(), attn_layers: [] }),
  hybrid: () => lib.tinyConfig(),
  intra: () => lib.tinyIntraConfig(),
};

async function main(): Promise<void> {
  await useNodeBackend('wasm');
  const out: Record<string, string> = {};
  for (const [name, cfg] of Object.entries(models)) {
    const model = new lib.SpikingBrainModel(cfg(), { seed: 42 });
    for (const [B, L] of [
      [1, 1],
      [1, 7],
      [2, 64],
      [1, 65],
      [4, 256],
      [1, 1000],
      [2, 1024],
    ] as const) {
      out[`${name} B=${B} L=${L}`] = tf.tidy(() => hashOf(model.forward(ids(B, L, 0))));
    }
    // prefill then decode with a cache
    const cache = model.createCache();
    const parts: string[] = [tf.tidy(() => hashOf(model.forward(ids(1, 40, 3), { cache })))];
    for (let t = 0; t < 6; t++) parts.push(tf.tidy(() => hashOf(model.forward([[(t * 37) % 256]], { cache }))));
    cache.dispose();
    out[`${name} decode`] = createHash('sha256').update(parts.join()).digest('hex').slice(0, 16);
    model.dispose();
  }
  // the raw ops, seeded inputs
  for (const [B, H, L, K] of [
    [1, 4, 300, 32],
    [2, 4, 256, 32],
    [1, 2, 1024, 64],
    [4, 4, 128, 16],
  ] as const) {
    tf.tidy(() => {
      const s: [number, number, number, number] = [B, H, L, K];
      const q = tf.randomNormal(s, 0, 1, 'float32', 1) as tf.Tensor4D;
      const k = tf.randomNormal(s, 0, 1, 'float32', 2) as tf.Tensor4D;
      const v = tf.randomNormal(s, 0, 1, 'float32', 3) as tf.Tensor4D;
      const gk = tf.mul(-0.1, tf.sigmoid(tf.randomNormal(s, 0, 1, 'float32', 4))) as tf.Tensor4D;
      const r = lib.gatedLinearAttention(q, k, v, gk);
      out[`gla ${s.join('x')}`] = `${hashOf(r.output)}/${hashOf(r.finalState)}`;
      out[`attention causal ${s.join('x')}`] = hashOf(lib.softmaxAttention(q, k, v, { causal: true }));
      out[`attention window 16 ${s.join('x')}`] = hashOf(lib.softmaxAttention(q, k, v, { window: 16 }));
    });
  }
  if (process.argv.includes('--write')) {
    mkdirSync('data/bench', { recursive: true });
    writeFileSync(
      FILE,
      `${JSON.stringify({ description: 'SHA-256 prefixes of inference forward outputs (tape off); must not change', hashes: out }, null, 2)}\n`,
    );
    console.log(`wrote ${FILE} (${Object.keys(out).length} hashes)`);
    return;
  }
  if (!existsSync(FILE)) throw new Error(`no ${FILE}: run with --write on the reference library first`);
  const ref = (JSON.parse(readFileSync(FILE, 'utf8')) as { hashes: Record<string, string> }).hashes;
  const diff = Object.keys({ ...ref, ...out }).filter((key) => ref[key] !== out[key]);
  for (const key of diff) console.log(`  CHANGED ${key}: ${ref[key]} -> ${out[key]}`);
  console.log(diff.length === 0 ? `forward hashes: all ${Object.keys(out).length} unchanged` : `forward hashes: ${diff.length} changed`);
  if (diff.length > 0) process.exit(1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
