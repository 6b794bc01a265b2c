/** Seeded pseudo-random numbers (mulberry32): every random result in the project takes a seed. */

export type Rng = () => number;

/** A generator of floats uniform in [0, 1), fully determined by `seed`. */
export function mulberry32(seed: number): Rng {
  if (!Number.isInteger(seed)) throw new TypeError(`seed must be an integer, got ${seed}`);
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integers uniform in [lo, hi] (inclusive), seeded. */
export function uniformIntegers(n: number, lo: number, hi: number, seed: number): Int32Array {
  if (!Number.isInteger(lo) || !Number.isInteger(hi) || hi < lo) {
    throw new RangeError(`expected integers lo <= hi, got lo = ${lo}, hi = ${hi}`);
  }
  const rng = mulberry32(seed);
  const out = new Int32Array(n);
  const span = hi - lo + 1;
  for (let i = 0; i < n; i++) out[i] = lo + Math.floor(rng() * span);
  return out;
}

/** Standard normal samples (Box–Muller), seeded. */
export function normalSamples(n: number, seed: number): Float64Array {
  const rng = mulberry32(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const u = 1 - rng();
    const v = rng();
    const r = Math.sqrt(-2 * Math.log(u));
    out[i] = r * Math.cos(2 * Math.PI * v);
    if (i + 1 < n) out[i + 1] = r * Math.sin(2 * Math.PI * v);
  }
  return out;
}
