/**
 * Spike functions given odd values (issue 14): each used to return a wrong result silently or a
 * raw JS error; now each throws an error naming the argument and what is allowed.
 */
import { describe, expect, it } from 'vitest';
import {
  absCountHistogram,
  adaptiveThresholdSpikes,
  bitwiseToWeights,
  encodeSpikes,
  meanAbsCount,
  naiveDecode,
  spikeMatmul,
  spikeMatmulBitwiseWeights,
  weightToBitwise,
  zeroFraction,
  zeroPointShift,
} from '../../lib/index.js';
import { checkK } from '../../lib/quant/spikes.js';
import { FLOAT32_MAX, FLOAT32_MIN_NORMAL } from '../../lib/util/arrays.js';

describe('spikeMatmul weights', () => {
  const train = encodeSpikes([1, 2], 'ternary');

  it('still computes [1, 2] x [[2, 2], [4, 5]] = [10, 12]', () => {
    expect(Array.from(spikeMatmul(train, { data: [2, 2, 4, 5], rows: 2, cols: 2 }).output)).toEqual([10, 12]);
  });

  it('rejects string weights (they concatenated instead of adding), naming the element', () => {
    const data = ['2', '2', '4', '5'] as unknown as number[];
    expect(() => spikeMatmul(train, { data, rows: 2, cols: 2 })).toThrow(/^weights\.data\[0\] must be a finite number, got "2" \(string\)/);
  });

  it('rejects NaN, infinite and missing weights, and BigInt64Array weights with a clear TypeError', () => {
    expect(() => spikeMatmul(train, { data: [2, NaN, 4, 5], rows: 2, cols: 2 })).toThrow(
      /weights\.data\[1\] must be a finite number, got NaN/,
    );
    expect(() => spikeMatmul(train, { data: new Float32Array([2, 2, Infinity, 5]), rows: 2, cols: 2 })).toThrow(/weights\.data\[2\]/);
    const big = new BigInt64Array([2n, 2n, 4n, 5n]) as unknown as number[];
    expect(() => spikeMatmul(train, { data: big, rows: 2, cols: 2 })).toThrow(TypeError);
    expect(() => spikeMatmul(train, { data: big, rows: 2, cols: 2 })).toThrow(/weights\.data must hold numbers, got a BigInt64Array/);
  });
});

describe('bitwiseToWeights', () => {
  it('round-trips the extreme Int32 weights', () => {
    for (const w of [new Int32Array([-(2 ** 31), -(2 ** 31) + 5, -(2 ** 30), -1 - 2 ** 30]), new Int32Array([0, 2 ** 31 - 1, 7, 1])]) {
      expect(bitwiseToWeights(weightToBitwise({ data: w, rows: 2, cols: 2 }))).toEqual(w);
    }
  });

  it('rejects an offset of -2^40 instead of wrapping it to 0', () => {
    const planes = weightToBitwise({ data: [0, 1, 1, 0], rows: 2, cols: 2 });
    const far = { ...planes, offset: -(2 ** 40) };
    expect(() => bitwiseToWeights(far)).toThrow(RangeError);
    expect(() => bitwiseToWeights(far)).toThrow(
      /planes\.offset must be an integer with \[offset, offset \+ 2\^T - 1\] inside the Int32 range/,
    );
    expect(() => bitwiseToWeights({ ...planes, offset: 2 ** 31 - 1 })).toThrow(/planes\.offset/);
    expect(() => bitwiseToWeights({ ...planes, offset: 0.5 })).toThrow(/planes\.offset/);
  });

  it('rejects weights outside Int32 and inconsistent planes', () => {
    expect(() => weightToBitwise({ data: [-(2 ** 40), -(2 ** 40) + 1], rows: 1, cols: 2 })).toThrow(
      /weights\.data\[0\] = -1099511627776 is outside the Int32 range/,
    );
    const planes = weightToBitwise({ data: [0, 3, 1, 2], rows: 2, cols: 2 });
    expect(() => bitwiseToWeights({ ...planes, T: 5 })).toThrow(/planes\.planes must be an array of T = 5 planes, got 2/);
    expect(() => bitwiseToWeights({ ...planes, planes: [new Uint32Array(0), new Uint32Array(1)] })).toThrow(
      /planes\.planes\[0\] must be a Uint32Array of ceil\(rows\*cols\/32\) = 1 words/,
    );
    const train = encodeSpikes([1, 1], 'ternary');
    expect(() => spikeMatmulBitwiseWeights(train, { ...planes, offset: -(2 ** 40) })).toThrow(/planes\.offset/);
  });
});

describe('adaptiveThresholdSpikes k', () => {
  const x = new Float32Array([0, 0, 0.5, -1]);

  it('rejects k = 1e-50, which float32 makes 0 (Vth NaN), stating the allowed range', () => {
    expect(() => adaptiveThresholdSpikes(x, 2, 2, 1e-50)).toThrow(
      new RangeError(
        `k = 1e-50 is outside the allowed range [${FLOAT32_MIN_NORMAL}, ${FLOAT32_MAX}]: Vth = mean|x| / k is computed in float32, where this k is 0`,
      ),
    );
    expect(() => adaptiveThresholdSpikes(x, 2, 2, 1e39)).toThrow(/k = 1e\+39 is outside the allowed range/);
    // the tensor twin (W8ASpike layers) checks k the same way
    expect(() => checkK(1e-50)).toThrow(/k = 1e-50 is outside the allowed range/);
    expect(() => checkK(0)).toThrow(/k must be a finite number > 0, got 0/);
  });

  it('accepts both ends of the range with a finite positive threshold', () => {
    for (const k of [FLOAT32_MIN_NORMAL, FLOAT32_MAX, 3]) {
      const { vth } = adaptiveThresholdSpikes(x, 2, 2, k);
      for (const v of vth) expect(Number.isFinite(v) && v > 0, `k = ${k}: vth ${v}`).toBe(true);
    }
  });

  it('rejects a BigInt64Array x with a TypeError naming it', () => {
    const big = new BigInt64Array([1n, 2n]) as unknown as number[];
    expect(() => adaptiveThresholdSpikes(big, 1, 2)).toThrow(/^x must hold numbers, got a BigInt64Array/);
  });
});

describe('counts arrays with a BigInt type or a broken length', () => {
  const big = new BigInt64Array([1n, 2n]) as unknown as number[];

  it('encodeSpikes rejects BigInt64Array and BigUint64Array counts with a TypeError naming counts', () => {
    expect(() => encodeSpikes(big, 'ternary')).toThrow(TypeError);
    expect(() => encodeSpikes(big, 'ternary')).toThrow(/counts must hold numbers, got a BigInt64Array/);
    expect(() => encodeSpikes(new BigUint64Array([1n]) as unknown as number[], 'bitwise', { T: 3 })).toThrow(/got a BigUint64Array/);
  });

  it('encodeSpikes rejects an array-like with length -1 or 1.5 instead of building a broken train', () => {
    for (const length of [-1, 1.5, NaN, 2 ** 60]) {
      const counts = { length, 0: 1 } as unknown as ArrayLike<number>;
      expect(() => encodeSpikes(counts, 'ternary'), `length ${length}`).toThrow(
        new RangeError(`counts.length must be an integer >= 0, got ${length}`),
      );
      expect(() => encodeSpikes(counts, 'ternary', { T: 2 }), `length ${length}`).toThrow(/counts\.length must be an integer >= 0/);
    }
    expect(() => encodeSpikes('12' as unknown as number[], 'ternary')).toThrow(
      /counts must be an array or typed array of numbers, got "12"/,
    );
  });

  it('statistics and helpers reject the same', () => {
    expect(() => zeroFraction(big)).toThrow(/counts must hold numbers/);
    expect(() => meanAbsCount(big)).toThrow(/counts must hold numbers/);
    expect(() => absCountHistogram(big)).toThrow(/counts must hold numbers/);
    expect(() => zeroPointShift(big, 'ternary')).toThrow(/counts must hold numbers/);
    expect(() => naiveDecode(new Int8Array(0), 'ternary', 1, -1)).toThrow(/n must be an integer >= 0, got -1/);
    expect(() => naiveDecode(new Int8Array(0), 'ternary', 1, 1.5)).toThrow(/n must be an integer >= 0, got 1.5/);
  });
});
