import { describe, expect, it } from 'vitest';
import {
  float32ToFloat16,
  float16ToFloat32,
  float32ToBfloat16,
  bfloat16ToFloat32,
  float32ToFloat16Bits,
  float16BitsToFloat32,
  float32ToBfloat16Bits,
  bfloat16BitsToFloat32,
  mulberry32,
} from '../../lib/index.js';

const allBits = Uint16Array.from({ length: 65536 }, (_, i) => i);
const isNaNF16 = (h: number) => (h & 0x7c00) === 0x7c00 && (h & 0x3ff) !== 0;
const isNaNBf16 = (h: number) => (h & 0x7f80) === 0x7f80 && (h & 0x7f) !== 0;

/** Random float32 values over many binades, including values between representable 16-bit floats. */
function randomFloats(n: number, seed: number, minExp: number, maxExp: number): Float32Array {
  const rng = mulberry32(seed);
  return Float32Array.from({ length: n }, () => (rng() < 0.5 ? -1 : 1) * (1 + rng()) * 2 ** Math.floor(minExp + rng() * (maxExp - minExp)));
}

/**
 * Round to nearest even checked from the decoded neighbours: no representable value is closer, and
 * on a tie the result's last bit is 0.
 */
function checkNearestEven(x: number, h: number, decode: (h: number) => number, maxFinite: number): void {
  const v = decode(h);
  if (!Number.isFinite(v)) {
    // overflow only when |x| is at least halfway to the next binade step past the largest finite value
    expect(Math.abs(x)).toBeGreaterThanOrEqual(maxFinite);
    return;
  }
  const mag = h & 0x7fff;
  const neighbours = [mag - 1, mag + 1]
    .filter((m) => m >= 0)
    .map((m) => decode((h & 0x8000) | m))
    .filter(Number.isFinite);
  const err = Math.abs(x - v);
  for (const n of neighbours) {
    const other = Math.abs(x - n);
    expect(err).toBeLessThanOrEqual(other);
    if (err === other) expect(h & 1).toBe(0);
  }
}

describe('float16 (binary16) conversions', () => {
  it('decode then encode gives back every non-NaN bit pattern; NaNs stay NaN', () => {
    const values = float16ToFloat32(allBits);
    const back = float32ToFloat16(values);
    for (let h = 0; h < 65536; h++) {
      if (isNaNF16(h)) {
        expect(Number.isNaN(values[h]!)).toBe(true);
        expect(isNaNF16(back[h]!)).toBe(true);
      } else {
        expect(back[h]).toBe(h);
      }
    }
  });

  it('known values: 1, the largest finite, the smallest subnormal, signed zero, infinities', () => {
    expect(Array.from(float32ToFloat16(new Float32Array([1, -2, 65504, 2 ** -24, 2 ** -14, -0, Infinity, -Infinity, 0.1])))).toEqual([
      0x3c00, 0xc000, 0x7bff, 0x0001, 0x0400, 0x8000, 0x7c00, 0xfc00, 0x2e66,
    ]);
    expect(float16BitsToFloat32(0x3555)).toBe(0.333251953125);
    expect(float16BitsToFloat32(0x0001)).toBe(2 ** -24);
  });

  it('rounds to nearest even: ties, subnormals and overflow', () => {
    const cases: [number, number][] = [
      [1 + 2 ** -11, 0x3c00], // tie between 1 and 1 + 2^-10: to even (1)
      [1 + 3 * 2 ** -11, 0x3c02], // tie between 0x3c01 and 0x3c02: to even
      [1 + 2 ** -11 + 2 ** -20, 0x3c01], // just above the tie
      [65519, 0x7bff], // below halfway to 65536
      [65520, 0x7c00], // halfway to 65536 (out of range): ties to even = infinity
      [2 ** -25, 0x0000], // half the smallest subnormal: ties to even 0
      [3 * 2 ** -26, 0x0001], // 0.75 of the smallest subnormal
      [3 * 2 ** -25, 0x0002], // 1.5 subnormal units: tie to even 2
      [2 ** -14 - 2 ** -25, 0x0400], // rounds up from the largest subnormal into the smallest normal
      [1e-10, 0x0000],
      [-1e-10, 0x8000],
      [1e10, 0x7c00],
    ];
    for (const [x, h] of cases) expect(float32ToFloat16Bits(x), `${x}`).toBe(h);
  });

  it('is the nearest half (ties to even) for random float32 values across the range', () => {
    const xs = randomFloats(20000, 42, -27, 17);
    const hs = float32ToFloat16(xs);
    for (let i = 0; i < xs.length; i++) checkNearestEven(xs[i]!, hs[i]!, float16BitsToFloat32, 65520);
  });

  it('keeps NaN a quiet NaN', () => {
    expect(isNaNF16(float32ToFloat16Bits(NaN))).toBe(true);
    expect(float32ToFloat16Bits(NaN) & 0x0200).toBe(0x0200);
  });
});

describe('bfloat16 conversions', () => {
  it('decode then encode gives back every non-NaN bit pattern; NaNs stay NaN', () => {
    const values = bfloat16ToFloat32(allBits);
    const back = float32ToBfloat16(values);
    for (let h = 0; h < 65536; h++) {
      if (isNaNBf16(h)) {
        expect(Number.isNaN(values[h]!)).toBe(true);
        expect(isNaNBf16(back[h]!)).toBe(true);
      } else {
        expect(back[h]).toBe(h);
      }
    }
  });

  it('known values and ties to even', () => {
    const cases: [number, number][] = [
      [1, 0x3f80],
      [-2, 0xc000],
      [1 + 2 ** -8, 0x3f80], // tie: to even
      [1 + 3 * 2 ** -8, 0x3f82], // tie: to even (up)
      [1 + 2 ** -8 + 2 ** -20, 0x3f81],
      [3.4028234663852886e38, 0x7f80], // float32 max rounds up to infinity
      [-Infinity, 0xff80],
      [2 ** -133, 0x0001], // float32 subnormals keep their top bits
      [0.1, 0x3dcd],
    ];
    for (const [x, h] of cases) expect(float32ToBfloat16Bits(x), `${x}`).toBe(h);
    expect(bfloat16BitsToFloat32(0x3dcd)).toBe(Math.fround(0.10009765625));
    expect(isNaNBf16(float32ToBfloat16Bits(NaN))).toBe(true);
  });

  it('the array and scalar forms agree and are the nearest bfloat16 (ties to even)', () => {
    const xs = randomFloats(20000, 7, -130, 127);
    const hs = float32ToBfloat16(xs);
    for (let i = 0; i < xs.length; i++) {
      expect(hs[i]).toBe(float32ToBfloat16Bits(xs[i]!));
      checkNearestEven(xs[i]!, hs[i]!, bfloat16BitsToFloat32, 3.3961775292304e38);
    }
  });

  it('rejects the wrong array types, naming the argument', () => {
    expect(() => float32ToBfloat16([1] as unknown as Float32Array)).toThrow(/x must be a Float32Array, got Array/);
    expect(() => bfloat16ToFloat32(new Float32Array(1) as unknown as Uint16Array)).toThrow(/bits must be a Uint16Array, got Float32Array/);
    expect(() => float32ToFloat16(new Float64Array(1) as unknown as Float32Array)).toThrow(/x must be a Float32Array, got Float64Array/);
    expect(() => float16ToFloat32([1] as unknown as Uint16Array)).toThrow(/bits must be a Uint16Array/);
  });
});
