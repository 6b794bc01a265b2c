/**
 * Hot loops of the packed spike codec (layout.ts). Each store width has its own monomorphic loop
 * (no closures on the fast path, one typed-array kind per function) so that V8 keeps them tight:
 * the benchmark target is 200 million counts per second for encode + decode.
 */

/** Byte order of typed arrays here: the word-at-a-time loops need little-endian. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Called for a count outside the table or not an integer: throws, or returns the clipped count. */
export type OutOfRange = (i: number) => number;

/**
 * Writes one field per count through an encode table covering [lo, hi] = [lo, lo + span] and
 * calls `bad` for anything else. P = 8 and 16 store one field per element; P in {1, 2, 4} packs
 * 8/P fields per byte, the first in the low bits.
 */
export function encodeWithTable(
  counts: ArrayLike<number>,
  table: Uint16Array,
  tableLo: number,
  lo: number,
  hi: number,
  P: number,
  out: Uint8Array | Uint16Array,
  checkInts: boolean,
  bad: OutOfRange,
): void {
  if (P === 8) encodeBytes(counts, table, tableLo, lo, hi, out as Uint8Array, checkInts, bad);
  else if (P === 16) encodeShorts(counts, table, tableLo, lo, hi, out as Uint16Array, checkInts, bad);
  else encodeSubByte(counts, table, tableLo, lo, hi, P, out as Uint8Array, checkInts, bad);
}

function encodeBytes(
  counts: ArrayLike<number>,
  table: Uint16Array,
  tableLo: number,
  lo: number,
  hi: number,
  out: Uint8Array,
  checkInts: boolean,
  bad: OutOfRange,
): void {
  for (let i = 0; i < counts.length; i++) {
    let c = counts[i]!;
    if (c < lo || c > hi || (checkInts && (c | 0) !== c)) c = bad(i);
    out[i] = table[c - tableLo]!;
  }
}

function encodeShorts(
  counts: ArrayLike<number>,
  table: Uint16Array,
  tableLo: number,
  lo: number,
  hi: number,
  out: Uint16Array,
  checkInts: boolean,
  bad: OutOfRange,
): void {
  for (let i = 0; i < counts.length; i++) {
    let c = counts[i]!;
    if (c < lo || c > hi || (checkInts && (c | 0) !== c)) c = bad(i);
    out[i] = table[c - tableLo]!;
  }
}

function encodeSubByte(
  counts: ArrayLike<number>,
  table: Uint16Array,
  tableLo: number,
  lo: number,
  hi: number,
  P: number,
  out: Uint8Array,
  checkInts: boolean,
  bad: OutOfRange,
): void {
  const n = counts.length;
  for (let b = 0, i = 0; b < out.length; b++) {
    let byte = 0;
    for (let s = 0; s < 8 && i < n; s += P, i++) {
      let c = counts[i]!;
      if (c < lo || c > hi || (checkInts && (c | 0) !== c)) c = bad(i);
      byte |= table[c - tableLo]! << s;
    }
    out[b] = byte;
  }
}

/**
 * One pass that encodes integer-typed counts at width P <= 8 through `table` while tracking min
 * and max into minMax (two's complement: its default T needs the extreme values). Returns false,
 * leaving `out` partly written, as soon as a count falls outside the table: the caller then takes
 * the checked path.
 */
export function encodeTracking(
  counts: ArrayLike<number>,
  table: Uint16Array,
  tableLo: number,
  P: number,
  out: Uint8Array,
  minMax: Float64Array,
): boolean {
  const span = table.length - 1;
  let min = 0;
  let max = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]!;
    const k = c - tableLo;
    if (k < 0 || k > span) return false;
    if (c > max) max = c;
    else if (c < min) min = c;
    out[(i * P) >>> 3]! |= table[k]! << ((i * P) & 7);
  }
  minMax[0] = min;
  minMax[1] = max;
  return true;
}

/**
 * Like encodeTracking, for binary and bitwise, whose default T follows from the OR of all fields
 * (rate fields are runs of ones, bitwise fields hold |count|): no min/max branches in the loop. Returns
 * the OR of all fields, or -1 as soon as a count falls outside the table.
 */
export function encodeTrackingOr(counts: ArrayLike<number>, table: Uint16Array, tableLo: number, P: number, out: Uint8Array): number {
  const span = table.length - 1;
  const n = counts.length;
  let or = 0;
  if (P === 8) {
    // four fields per 32-bit store on little-endian machines (all current JS platforms)
    const words = LITTLE_ENDIAN && out.byteOffset % 4 === 0 ? n >>> 2 : 0;
    const out32 = new Uint32Array(out.buffer, out.byteOffset, words);
    for (let w = 0; w < words; w++) {
      const i = w << 2;
      const k0 = counts[i]! - tableLo;
      const k1 = counts[i + 1]! - tableLo;
      const k2 = counts[i + 2]! - tableLo;
      const k3 = counts[i + 3]! - tableLo;
      if (k0 >>> 0 > span || k1 >>> 0 > span || k2 >>> 0 > span || k3 >>> 0 > span) return -1;
      const f = table[k0]! | (table[k1]! << 8) | (table[k2]! << 16) | (table[k3]! << 24);
      or |= f;
      out32[w] = f;
    }
    for (let i = words << 2; i < n; i++) {
      const k = counts[i]! - tableLo;
      if (k >>> 0 > span) return -1;
      const f = table[k]!;
      or |= f;
      out[i] = f;
    }
    return (or | (or >>> 8) | (or >>> 16) | (or >>> 24)) & 255;
  }
  // P = 4: eight fields per 32-bit store (little-endian), the rest two per byte
  const words = LITTLE_ENDIAN && out.byteOffset % 4 === 0 ? n >>> 3 : 0;
  const out32 = new Uint32Array(out.buffer, out.byteOffset, words);
  for (let w = 0; w < words; w++) {
    const i = w << 3;
    const k0 = counts[i]! - tableLo;
    const k1 = counts[i + 1]! - tableLo;
    const k2 = counts[i + 2]! - tableLo;
    const k3 = counts[i + 3]! - tableLo;
    const k4 = counts[i + 4]! - tableLo;
    const k5 = counts[i + 5]! - tableLo;
    const k6 = counts[i + 6]! - tableLo;
    const k7 = counts[i + 7]! - tableLo;
    if (
      k0 >>> 0 > span ||
      k1 >>> 0 > span ||
      k2 >>> 0 > span ||
      k3 >>> 0 > span ||
      k4 >>> 0 > span ||
      k5 >>> 0 > span ||
      k6 >>> 0 > span ||
      k7 >>> 0 > span
    )
      return -1;
    const f =
      table[k0]! |
      (table[k1]! << 4) |
      (table[k2]! << 8) |
      (table[k3]! << 12) |
      (table[k4]! << 16) |
      (table[k5]! << 20) |
      (table[k6]! << 24) |
      (table[k7]! << 28);
    or |= f;
    out32[w] = f;
  }
  for (let i = words << 3; i < n; i++) {
    const k = counts[i]! - tableLo;
    if (k >>> 0 > span) return -1;
    const f = table[k]!;
    or |= f;
    out[i >>> 1]! |= f << ((i & 1) << 2);
  }
  or = or | (or >>> 16);
  or = or | (or >>> 8);
  return (or | (or >>> 4)) & 15;
}

/**
 * Branch-free single pass for the signed-magnitude schemes on int32-range input, INT3 counts
 * (|c| <= 7): ternary fields (run of |c| ones above the sign bit, P = 8, four per word) and
 * bitwise-bidirectional fields (|c| above the sign bit, P = 4, eight per word), computed without
 * tables. The range is checked once, at the end, from the OR of all magnitudes. Returns the OR of
 * the magnitude patterns (from which the default T follows), or -1 when some |count| > 7.
 */
export function encodeSignMagnitudeInt3(counts: ArrayLike<number>, rate: boolean, out: Uint8Array): number {
  const n = counts.length;
  const perWord = rate ? 4 : 8;
  const shift = rate ? 3 : 2;
  const words = LITTLE_ENDIAN && out.byteOffset % 4 === 0 ? Math.floor(n / perWord) : 0;
  const out32 = new Uint32Array(out.buffer, out.byteOffset, words);
  let orA = 0;
  let orM = 0;
  // The word loops are unrolled by hand: V8 does not unroll, and a loop over the fields of a word
  // measured 1.14-1.41x slower on 4M counts; prettier-ignore keeps one line per step instead of 60.
  if (rate) {
    // prettier-ignore
    for (let w = 0; w < words; w++) {
      const i = w << 2;
      const c0 = counts[i]! | 0, c1 = counts[i + 1]! | 0, c2 = counts[i + 2]! | 0, c3 = counts[i + 3]! | 0;
      const s0 = c0 >> 31, s1 = c1 >> 31, s2 = c2 >> 31, s3 = c3 >> 31;
      const a0 = (c0 ^ s0) - s0, a1 = (c1 ^ s1) - s1, a2 = (c2 ^ s2) - s2, a3 = (c3 ^ s3) - s3;
      orA |= a0 | a1 | a2 | a3;
      const m0 = (1 << a0) - 1, m1 = (1 << a1) - 1, m2 = (1 << a2) - 1, m3 = (1 << a3) - 1;
      orM |= m0 | m1 | m2 | m3;
      out32[w] = (m0 << 1) | (s0 & 1) | (((m1 << 1) | (s1 & 1)) << 8) | (((m2 << 1) | (s2 & 1)) << 16) | (((m3 << 1) | (s3 & 1)) << 24);
    }
  } else {
    // prettier-ignore
    for (let w = 0; w < words; w++) {
      const i = w << 3;
      let c = counts[i]! | 0, sg = c >> 31, a = (c ^ sg) - sg;
      orA |= a;
      let f = (a << 1) | (sg & 1);
      c = counts[i + 1]! | 0; sg = c >> 31; a = (c ^ sg) - sg; orA |= a; f |= ((a << 1) | (sg & 1)) << 4;
      c = counts[i + 2]! | 0; sg = c >> 31; a = (c ^ sg) - sg; orA |= a; f |= ((a << 1) | (sg & 1)) << 8;
      c = counts[i + 3]! | 0; sg = c >> 31; a = (c ^ sg) - sg; orA |= a; f |= ((a << 1) | (sg & 1)) << 12;
      c = counts[i + 4]! | 0; sg = c >> 31; a = (c ^ sg) - sg; orA |= a; f |= ((a << 1) | (sg & 1)) << 16;
      c = counts[i + 5]! | 0; sg = c >> 31; a = (c ^ sg) - sg; orA |= a; f |= ((a << 1) | (sg & 1)) << 20;
      c = counts[i + 6]! | 0; sg = c >> 31; a = (c ^ sg) - sg; orA |= a; f |= ((a << 1) | (sg & 1)) << 24;
      c = counts[i + 7]! | 0; sg = c >> 31; a = (c ^ sg) - sg; orA |= a; f |= ((a << 1) | (sg & 1)) << 28;
      out32[w] = f;
    }
    orM = orA;
  }
  for (let i = words * perWord; i < n; i++) {
    const c = counts[i]! | 0;
    const sg = c >> 31;
    const a = (c ^ sg) - sg;
    orA |= a;
    const m = rate ? (1 << a) - 1 : a;
    orM |= m;
    const bit = (i << shift) & 7;
    out[(i << shift) >>> 3]! |= ((m << 1) | (sg & 1)) << bit;
  }
  // |c| > 7, or |c| = 2^31 (whose negation overflows to a negative number)
  return orA >>> 3 !== 0 ? -1 : orM;
}

/**
 * Re-packs fields from width `from` to a smaller width `to` (both <= 8). Fields must fit `to`
 * bits, apart from the sign extension of two's complement fields, which the mask drops.
 */
export function repackNarrower(src: Uint8Array, from: number, to: number, n: number): Uint8Array {
  const out = new Uint8Array(Math.ceil((n * to) / 8));
  const mask = (1 << to) - 1;
  for (let i = 0; i < n; i++) {
    const field = (src[(i * from) >>> 3]! >>> ((i * from) & 7)) & mask;
    out[(i * to) >>> 3]! |= field << ((i * to) & 7);
  }
  return out;
}

export function decodeWithTable(store: Uint8Array | Uint16Array, P: number, table: Int32Array, out: Int32Array): void {
  if (P === 8) decodeBytes(store as Uint8Array, table, out);
  else if (P === 16) decodeShorts(store as Uint16Array, table, out);
  else if (P === 4) decodeNibbles(store as Uint8Array, table, out);
  else decodeSubByte(store as Uint8Array, table, P, out);
}

function decodeBytes(store: Uint8Array, table: Int32Array, out: Int32Array): void {
  const n = out.length;
  const words = LITTLE_ENDIAN && store.byteOffset % 4 === 0 ? n >>> 2 : 0;
  const store32 = new Uint32Array(store.buffer, store.byteOffset, words);
  for (let w = 0; w < words; w++) {
    const word = store32[w]!;
    const i = w << 2;
    out[i] = table[word & 255]!;
    out[i + 1] = table[(word >>> 8) & 255]!;
    out[i + 2] = table[(word >>> 16) & 255]!;
    out[i + 3] = table[word >>> 24]!;
  }
  for (let i = words << 2; i < n; i++) out[i] = table[store[i]!]!;
}

function decodeShorts(store: Uint16Array, table: Int32Array, out: Int32Array): void {
  for (let i = 0; i < out.length; i++) out[i] = table[store[i]!]!;
}

function decodeNibbles(store: Uint8Array, table: Int32Array, out: Int32Array): void {
  const n = out.length;
  const words = LITTLE_ENDIAN && store.byteOffset % 4 === 0 ? n >>> 3 : 0;
  const store32 = new Uint32Array(store.buffer, store.byteOffset, words);
  for (let w = 0; w < words; w++) {
    const word = store32[w]!;
    const i = w << 3;
    out[i] = table[word & 15]!;
    out[i + 1] = table[(word >>> 4) & 15]!;
    out[i + 2] = table[(word >>> 8) & 15]!;
    out[i + 3] = table[(word >>> 12) & 15]!;
    out[i + 4] = table[(word >>> 16) & 15]!;
    out[i + 5] = table[(word >>> 20) & 15]!;
    out[i + 6] = table[(word >>> 24) & 15]!;
    out[i + 7] = table[word >>> 28]!;
  }
  const pairs = n >>> 1;
  for (let b = words << 2; b < pairs; b++) {
    const byte = store[b]!;
    out[2 * b] = table[byte & 15]!;
    out[2 * b + 1] = table[byte >>> 4]!;
  }
  if (n & 1) out[n - 1] = table[store[pairs]! & 15]!;
}

function decodeSubByte(store: Uint8Array, table: Int32Array, P: number, out: Int32Array): void {
  const n = out.length;
  const mask = (1 << P) - 1;
  for (let b = 0, i = 0; b < store.length; b++) {
    const byte = store[b]!;
    for (let s = 0; s < 8 && i < n; s += P, i++) out[i] = table[(byte >>> s) & mask]!;
  }
}
