/**
 * Prints, for a few values in each spike scheme, an ASCII raster (time steps across, one row per
 * value) with the spike count, firing rate and sparsity: the seeds' simple_spike_demo.py, done
 * with the library's real encoders.
 *
 * Usage: npm run demo:spikes [-- 3 -5 7 256]
 */
import { encodeSpikes, isSigned, spikeSparsity, SPIKE_SCHEMES, type SpikeScheme } from '../lib/index.js';

const given = process.argv.slice(2).map(Number);
if (given.some((v) => !Number.isInteger(v))) {
  throw new TypeError(`values must be integers, got ${process.argv.slice(2).join(' ')}`);
}
const values = given.length > 0 ? given : [0, 1, 3, -5, 7, 12];

const glyph = (s: number): string => (s > 0 ? '+' : s < 0 ? '-' : '.');

function raster(scheme: SpikeScheme): void {
  const usable = isSigned(scheme) ? values : values.filter((v) => v >= 0);
  const skipped = values.filter((v) => !usable.includes(v));
  const train = encodeSpikes(usable, scheme);
  const dense = train.toDense();
  const n = usable.length;
  console.log(`\n${scheme}  (T = ${train.T} steps, chosen from the largest |count| as Int2Spike does)`);
  console.log(`  ${'count'.padStart(6)}  ${Array.from({ length: train.T }, (_, t) => String(t % 10)).join('')}`);
  usable.forEach((v, i) => {
    const row = Array.from({ length: train.T }, (_, t) => glyph(dense[t * n + i]!)).join('');
    const spikes = Array.from({ length: train.T }, (_, t) => dense[t * n + i]).filter((s) => s !== 0).length;
    console.log(`  ${String(v).padStart(6)}  ${row}  ${spikes} spike${spikes === 1 ? '' : 's'}`);
  });
  const decoded = Array.from(train.decode());
  console.log(
    `  spikes ${train.spikeCount()}, firing rate ${(100 * train.firingRate()).toFixed(1)} %, sparsity ${(100 * spikeSparsity(train)).toFixed(1)} %, ` +
      `decodes to [${decoded.join(', ')}]${skipped.length ? `; skipped negative ${skipped.join(', ')} (unsigned scheme)` : ''}`,
  );
}

console.log(`Spike coding demo: values [${values.join(', ')}]   (+ spike, - negative spike, . silent)`);
for (const scheme of SPIKE_SCHEMES) raster(scheme);
