/**
 * 16-bit floats for weight files (the SpikingBrain-7B checkpoints are bfloat16, config.json
 * "torch_dtype"): IEEE binary16 (safetensors F16) and bfloat16 (BF16) bit patterns to and from
 * float32, rounding to nearest even like torch's `.to(torch.float16 / torch.bfloat16)`. NaN stays a
 * quiet NaN; overflow gives ±Infinity; F16 keeps subnormals.
 */

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

function checkInput(x: unknown, name: string, type: 'Float32Array' | 'Uint16Array'): void {
  const ok = type === 'Float32Array' ? x instanceof Float32Array : x instanceof Uint16Array;
  if (!ok) throw new TypeError(`${name} must be a ${type}, got ${x !== null && typeof x === 'object' ? x.constructor?.name : String(x)}`);
}

/** Bits of one float32 value as binary16, round to nearest even. */
export function float32ToFloat16Bits(value: number): number {
  f32[0] = value;
  const x = u32[0]!;
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  const mant = x & 0x7fffff;
  if (exp === 0xff) return mant === 0 ? sign | 0x7c00 : sign | 0x7e00 | (mant >>> 13);
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e >= 1) {
    let h = sign | (e << 10) | (mant >>> 13);
    const rem = mant & 0x1fff;
    // a carry out of the mantissa moves to the next binade (or to infinity), as it should
    if (rem > 0x1000 || (rem === 0x1000 && (h & 1) === 1)) h++;
    return h;
  }
  // subnormal half: value = m24 * 2^(exp - 150), in units of 2^-24 that is m24 >> (126 - exp)
  const shift = 126 - exp;
  if (shift >= 25) return sign; // below half of the smallest subnormal (or exactly half: ties to 0)
  const m24 = mant | 0x800000;
  let q = m24 >>> shift;
  const rem = m24 & ((1 << shift) - 1);
  const half = 1 << (shift - 1);
  if (rem > half || (rem === half && (q & 1) === 1)) q++;
  return sign | q;
}

/** Value of binary16 bits. */
export function float16BitsToFloat32(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >>> 10) & 0x1f;
  const mant = bits & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant === 0 ? sign * Infinity : NaN;
  return sign * (1024 + mant) * 2 ** (exp - 25);
}

/** Bits of one float32 value as bfloat16, round to nearest even. */
export function float32ToBfloat16Bits(value: number): number {
  f32[0] = value;
  const x = u32[0]!;
  if ((x & 0x7f800000) === 0x7f800000 && (x & 0x7fffff) !== 0) return (x >>> 16) | 0x0040;
  return ((x + 0x7fff + ((x >>> 16) & 1)) >>> 16) & 0xffff;
}

/** Value of bfloat16 bits. */
export function bfloat16BitsToFloat32(bits: number): number {
  u32[0] = (bits & 0xffff) << 16;
  return f32[0]!;
}

/** float32 values to binary16 bit patterns (safetensors F16 data). */
export function float32ToFloat16(x: Float32Array): Uint16Array {
  checkInput(x, 'x', 'Float32Array');
  const out = new Uint16Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = float32ToFloat16Bits(x[i]!);
  return out;
}

/** binary16 bit patterns to float32 values (exact). */
export function float16ToFloat32(bits: Uint16Array): Float32Array {
  checkInput(bits, 'bits', 'Uint16Array');
  const out = new Float32Array(bits.length);
  for (let i = 0; i < bits.length; i++) out[i] = float16BitsToFloat32(bits[i]!);
  return out;
}

/** float32 values to bfloat16 bit patterns (safetensors BF16 data). */
export function float32ToBfloat16(x: Float32Array): Uint16Array {
  checkInput(x, 'x', 'Float32Array');
  const out = new Uint16Array(x.length);
  const words = new Uint32Array(x.buffer, x.byteOffset, x.length);
  for (let i = 0; i < x.length; i++) {
    const w = words[i]!;
    out[i] =
      (w & 0x7f800000) === 0x7f800000 && (w & 0x7fffff) !== 0 ? (w >>> 16) | 0x0040 : ((w + 0x7fff + ((w >>> 16) & 1)) >>> 16) & 0xffff;
  }
  return out;
}

/** bfloat16 bit patterns to float32 values (exact). */
export function bfloat16ToFloat32(bits: Uint16Array): Float32Array {
  checkInput(bits, 'bits', 'Uint16Array');
  const words = new Uint32Array(bits.length);
  for (let i = 0; i < bits.length; i++) words[i] = bits[i]! << 16;
  return new Float32Array(words.buffer);
}
