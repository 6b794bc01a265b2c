/**
 * Hot loops of the packed spike codec (layout.ts). Each store width has its own monomorphic loop
 * (no closures on the fast path, one typed-array kind per function) so that V8 keeps them tight:
 * the benchmark target is 200 million counts per second for encode + decode.
 */

/** Called for a count outside the table or not an integer: throws, or returns the clipped count. */
export type OutOfRange = (i: number) => number;

/**
 * Writes one field per count through an encode table covering [lo, hi] = [lo, lo + span] and
 * calls `bad` for anything else. P = 8 and 16 store one field per element; P in {1, 2, 4} packs
 * 8/P fields per byte, the first in the low bits.
 */
export function encodeWithTable(
  counts: ArrayLike<number>, table: Uint16Array, tableLo: number, lo: number, hi: number,
  P: number, out: Uint8Array | Uint16Array, checkInts: boolean, bad: OutOfRange,
): void {
  if (P === 8) encodeBytes(counts, table, tableLo, lo, hi, out as Uint8Array, checkInts, bad);
  else if (P === 16) encodeShorts(counts, table, tableLo, lo, hi, out as Uint16Array, checkInts, bad);
  else encodeSubByte(counts, table, tableLo, lo, hi, P, out as Uint8Array, checkInts, bad);
}

function encodeBytes(counts: ArrayLike<number>, table: Uint16Array, tableLo: number, lo: number, hi: number, out: Uint8Array, checkInts: boolean, bad: OutOfRange): void {
  for (let i = 0; i < counts.length; i++) {
    let c = counts[i]!;
    if (c < lo || c > hi || (checkInts && (c | 0) !== c)) c = bad(i);
    out[i] = table[c - tableLo]!;
  }
}

function encodeShorts(counts: ArrayLike<number>, table: Uint16Array, tableLo: number, lo: number, hi: number, out: Uint16Array, checkInts: boolean, bad: OutOfRange): void {
  for (let i = 0; i < counts.length; i++) {
    let c = counts[i]!;
    if (c < lo || c > hi || (checkInts && (c | 0) !== c)) c = bad(i);
    out[i] = table[c - tableLo]!;
  }
}

function encodeSubByte(counts: ArrayLike<number>, table: Uint16Array, tableLo: number, lo: number, hi: number, P: number, out: Uint8Array, checkInts: boolean, bad: OutOfRange): void {
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
 * One pass that encodes integer-typed counts at width P (8 or 4) through `table` while tracking
 * min and max into minMax. Returns false, leaving `out` partly written, as soon as a count falls
 * outside the table: the caller then takes the slow path.
 */
export function encodeTracking(counts: ArrayLike<number>, table: Uint16Array, tableLo: number, P: number, out: Uint8Array, minMax: Float64Array): boolean {
  const span = table.length - 1;
  const n = counts.length;
  let min = 0;
  let max = 0;
  if (P === 8) {
    for (let i = 0; i < n; i++) {
      const c = counts[i]!;
      const k = c - tableLo;
      if (k < 0 || k > span) return false;
      if (c > max) max = c;
      else if (c < min) min = c;
      out[i] = table[k]!;
    }
  } else {
    // P = 4: two fields per byte
    const pairs = n >>> 1;
    for (let b = 0; b < pairs; b++) {
      const c0 = counts[2 * b]!;
      const c1 = counts[2 * b + 1]!;
      const k0 = c0 - tableLo;
      const k1 = c1 - tableLo;
      if (k0 < 0 || k0 > span || k1 < 0 || k1 > span) return false;
      if (c0 > max) max = c0;
      else if (c0 < min) min = c0;
      if (c1 > max) max = c1;
      else if (c1 < min) min = c1;
      out[b] = table[k0]! | (table[k1]! << 4);
    }
    if (n & 1) {
      const c = counts[n - 1]!;
      const k = c - tableLo;
      if (k < 0 || k > span) return false;
      if (c > max) max = c;
      else if (c < min) min = c;
      out[pairs] = table[k]!;
    }
  }
  minMax[0] = min;
  minMax[1] = max;
  return true;
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
  for (let i = 0; i < out.length; i++) out[i] = table[store[i]!]!;
}

function decodeShorts(store: Uint16Array, table: Int32Array, out: Int32Array): void {
  for (let i = 0; i < out.length; i++) out[i] = table[store[i]!]!;
}

function decodeNibbles(store: Uint8Array, table: Int32Array, out: Int32Array): void {
  const n = out.length;
  const pairs = n >>> 1;
  for (let b = 0; b < pairs; b++) {
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
