import { describe, expect, it } from 'vitest';
import {
  encodeSpikes,
  SPIKE_SCHEMES,
  isSigned,
  stepsNeeded,
  defaultSteps,
  uniformIntegers,
  naiveEncode,
  naiveDecode,
  type SpikeScheme,
} from '../../lib/index.js';

const signedSchemes = SPIKE_SCHEMES.filter(isSigned);

function randomCounts(scheme: SpikeScheme, n: number, maxAbs: number, seed: number): Int32Array {
  return uniformIntegers(n, isSigned(scheme) ? -maxAbs : 0, maxAbs, seed);
}

describe('encodeSpikes(counts, scheme): decode ∘ encode = identity', () => {
  for (const scheme of SPIKE_SCHEMES) {
    for (const maxAbs of [0, 1, 3, 7, 15, 100, 1000]) {
      if (maxAbs > 300 && !scheme.startsWith('bitwise')) continue;
      it(`${scheme}, |count| <= ${maxAbs}, odd length`, () => {
        const counts = randomCounts(scheme, 1001, maxAbs, 42 + maxAbs);
        const train = encodeSpikes(counts, scheme);
        expect(train.decode()).toEqual(counts);
      });
    }
    it(`${scheme}: a larger T still decodes to the same counts`, () => {
      const counts = randomCounts(scheme, 257, 7, 7);
      const train = encodeSpikes(counts, scheme, { T: 12 });
      expect(train.T).toBe(12);
      expect(train.decode()).toEqual(counts);
    });
  }
  it('rate codes with T > 31 (wide fields) round-trip, signs included', () => {
    const counts = uniformIntegers(300, -200, 200, 3);
    const train = encodeSpikes(counts, 'ternary');
    expect(train.T).toBe(Math.max(...Array.from(counts, Math.abs)));
    expect(train.decode()).toEqual(counts);
    const dense = train.toDense();
    for (let i = 0; i < counts.length; i++) {
      let sum = 0;
      for (let t = 0; t < train.T; t++) sum += dense[t * counts.length + i]!;
      expect(sum).toBe(counts[i]);
    }
    expect(train.spikeCount()).toBe(counts.reduce((s, c) => s + Math.abs(c), 0));
  });
  it('accepts plain arrays, Float64Array and Int8Array the same way', () => {
    const values = [3, -2, 0, 7, -7, 1];
    const fromArray = encodeSpikes(values, 'bitwise-bidirectional').decode();
    expect(encodeSpikes(new Float64Array(values), 'bitwise-bidirectional').decode()).toEqual(fromArray);
    expect(encodeSpikes(new Int8Array(values), 'bitwise-bidirectional').decode()).toEqual(fromArray);
    expect(Array.from(fromArray)).toEqual(values);
  });
  it('an empty input gives an empty train with firing rate 0', () => {
    for (const scheme of SPIKE_SCHEMES) {
      const train = encodeSpikes([], scheme);
      expect(train.length).toBe(0);
      expect(train.firingRate()).toBe(0);
      expect(train.decode().length).toBe(0);
    }
  });
});

describe('encodeSpikes: the dense train', () => {
  it('rate codes fire on the first |count| steps', () => {
    const train = encodeSpikes([2, -1, 0], 'ternary', { T: 3 });
    // time-major: t*length + i
    expect(Array.from(train.toDense())).toEqual([1, -1, 0, 1, 0, 0, 0, 0, 0]);
  });
  it('bitwise codes send the most significant bit first', () => {
    expect(Array.from(encodeSpikes([5], 'bitwise').toDense())).toEqual([1, 0, 1]);
    expect(Array.from(encodeSpikes([-5], 'bitwise-bidirectional').toDense())).toEqual([-1, 0, -1]);
    expect(Array.from(encodeSpikes([-5], 'bitwise-twos-complement', { T: 4 }).toDense())).toEqual([1, 0, 1, 1]);
  });
  it("two's complement: the first step weighs -2^(T-1)", () => {
    for (let T = 2; T <= 8; T++) {
      const lo = -(2 ** (T - 1));
      const hi = 2 ** (T - 1) - 1;
      const counts = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
      const train = encodeSpikes(counts, 'bitwise-twos-complement', { T });
      const dense = train.toDense();
      counts.forEach((c, i) => {
        let v = -(2 ** (T - 1)) * dense[i]!;
        for (let t = 1; t < T; t++) v += 2 ** (T - 1 - t) * dense[t * counts.length + i]!;
        expect(v).toBe(c);
      });
    }
  });
  it('spikeCount equals the nonzero entries of the dense train', () => {
    for (const scheme of SPIKE_SCHEMES) {
      const counts = randomCounts(scheme, 333, 9, 11);
      const train = encodeSpikes(counts, scheme);
      const nonzero = train.toDense().reduce((s, v) => s + (v !== 0 ? 1 : 0), 0);
      expect(train.spikeCount()).toBe(nonzero);
      expect(train.firingRate()).toBeCloseTo(nonzero / (train.T * counts.length), 12);
    }
  });
});

describe('encodeSpikes: storage is packed', () => {
  for (const scheme of SPIKE_SCHEMES) {
    for (const maxAbs of [1, 2, 3, 7, 8, 100, 255]) {
      it(`${scheme}, |count| <= ${maxAbs}: at most 2 bits per spike slot`, () => {
        const counts = randomCounts(scheme, 4096, maxAbs, 5);
        const train = encodeSpikes(counts, scheme);
        expect(train.byteLength * 8).toBeLessThanOrEqual(2 * train.T * train.length);
      });
    }
  }
  it('ternary at T = 7 takes one byte per neuron, bitwise-bidirectional at T = 3 half a byte', () => {
    const counts = uniformIntegers(4000, -7, 7, 1);
    expect(encodeSpikes(counts, 'ternary').byteLength).toBe(4000);
    expect(encodeSpikes(counts, 'bitwise-bidirectional').byteLength).toBe(2000);
  });
});

describe('encodeSpikes: T and clipping', () => {
  it('a T too small throws a RangeError naming the value and the T it needs', () => {
    expect(() => encodeSpikes([1, 9], 'bitwise', { T: 3 })).toThrow(RangeError);
    expect(() => encodeSpikes([1, 9], 'bitwise', { T: 3 })).toThrow(/counts\[1\] = 9 needs T >= 4/);
    expect(() => encodeSpikes([5], 'ternary', { T: 4 })).toThrow(/needs T >= 5/);
    expect(() => encodeSpikes([-9], 'bitwise-twos-complement', { T: 4 })).toThrow(/needs T >= 5/);
    expect(() => encodeSpikes([8], 'bitwise-twos-complement', { T: 4 })).toThrow(/needs T >= 5/);
  });
  it('clip: true saturates to the representable range', () => {
    expect(Array.from(encodeSpikes([1, 9, 200], 'bitwise', { T: 3, clip: true }).decode())).toEqual([1, 7, 7]);
    expect(Array.from(encodeSpikes([-9, 9], 'ternary', { T: 4, clip: true }).decode())).toEqual([-4, 4]);
    expect(Array.from(encodeSpikes([-9, 9], 'bitwise-twos-complement', { T: 4, clip: true }).decode())).toEqual([-8, 7]);
    expect(Array.from(encodeSpikes([-9, 9], 'bitwise-bidirectional', { T: 2, clip: true }).decode())).toEqual([-3, 3]);
    expect(Array.from(encodeSpikes([3], 'binary', { T: 0, clip: true }).decode())).toEqual([0]);
  });
  it('the default T follows Int2Spike and covers every count', () => {
    for (const scheme of SPIKE_SCHEMES) {
      for (const c of [0, 1, 2, 7, 8, 255, 256]) {
        const count = isSigned(scheme) ? -c : c;
        const T = defaultSteps(Math.abs(count), scheme);
        expect(T).toBeGreaterThanOrEqual(stepsNeeded(count, scheme));
        expect(encodeSpikes([count], scheme).T).toBe(T);
      }
    }
    expect(defaultSteps(8, 'bitwise-twos-complement')).toBe(5);
    expect(stepsNeeded(-8, 'bitwise-twos-complement')).toBe(4);
  });
});

describe('encodeSpikes: bad input names the argument and what is allowed', () => {
  it('unknown scheme', () => {
    expect(() => encodeSpikes([1], 'quaternary' as SpikeScheme)).toThrow(/scheme must be one of 'binary', 'ternary'/);
  });
  it('non-integer, NaN and infinite counts', () => {
    for (const bad of [1.5, NaN, Infinity, -Infinity]) {
      expect(() => encodeSpikes([0, bad], 'ternary')).toThrow(/counts\[1\] must be a finite integer/);
      expect(() => encodeSpikes([0, bad], 'ternary', { T: 3 })).toThrow(/counts\[1\] must be a finite integer/);
    }
  });
  it('negative counts for unsigned schemes, with or without clip', () => {
    for (const scheme of ['binary', 'bitwise'] as const) {
      expect(() => encodeSpikes([2, -1], scheme)).toThrow(/counts\[1\] = -1 is negative; scheme '.*' takes counts >= 0/);
      expect(() => encodeSpikes([2, -1], scheme, { T: 4, clip: true })).toThrow(/is negative/);
    }
    for (const scheme of signedSchemes) expect(() => encodeSpikes([2, -1], scheme)).not.toThrow();
  });
  it('bad T and options', () => {
    expect(() => encodeSpikes([1], 'bitwise', { T: 0 })).toThrow(/options.T must be an integer in \[1, 31\]/);
    expect(() => encodeSpikes([1], 'bitwise', { T: 2.5 })).toThrow(/options.T/);
    expect(() => encodeSpikes([1], 'ternary', { T: -1 })).toThrow(/options.T must be an integer in \[0, 65536\]/);
    expect(() => encodeSpikes([1], 'ternary', { clip: 'yes' as unknown as boolean })).toThrow(/options.clip must be a boolean/);
    expect(() => encodeSpikes(null as unknown as number[], 'ternary')).toThrow(/counts must be an array-like/);
  });
  it('counts beyond the supported range', () => {
    expect(() => encodeSpikes([2 ** 31], 'bitwise')).toThrow(/outside the supported range/);
    expect(() => encodeSpikes([70000], 'binary')).toThrow(/needs T = 70000 .* the most supported is 65536/);
  });
});

describe('encodeSpikes agrees with the plain reference encoder (naiveEncode)', () => {
  for (const scheme of SPIKE_SCHEMES) {
    it(`${scheme}: same dense train and same decode`, () => {
      const counts = randomCounts(scheme, 515, 20, 99);
      const train = encodeSpikes(counts, scheme);
      const dense = naiveEncode(counts, scheme, train.T);
      expect(train.toDense()).toEqual(dense);
      expect(naiveDecode(dense, scheme, train.T, counts.length)).toEqual(counts);
    });
  }
});

describe('train.decodeInto(out)', () => {
  it('fills a caller buffer with the same counts as decode()', () => {
    const counts = uniformIntegers(99, -7, 7, 4);
    const train = encodeSpikes(counts, 'ternary');
    const out = new Int32Array(99).fill(123);
    expect(train.decodeInto(out)).toBe(out);
    expect(out).toEqual(counts);
  });
  it('rejects a buffer of the wrong type or length', () => {
    const train = encodeSpikes([1, 2], 'bitwise');
    expect(() => train.decodeInto(new Int32Array(3))).toThrow(/out must be an Int32Array of length 2/);
    expect(() => train.decodeInto(new Float64Array(2) as unknown as Int32Array)).toThrow(/out must be an Int32Array/);
  });
});

describe('encodeSpikes: typed inputs at the edges of their range', () => {
  it('Uint32 counts beyond the int32 range are rejected, not wrapped', () => {
    expect(() => encodeSpikes(new Uint32Array([2 ** 32 - 7]), 'ternary')).toThrow(/outside the supported range/);
    expect(() => encodeSpikes(new Uint32Array([2 ** 31]), 'bitwise')).toThrow(/outside the supported range/);
  });
  it('Int32 extremes are rejected with the T they would need', () => {
    expect(() => encodeSpikes(new Int32Array([-(2 ** 31)]), 'ternary')).toThrow(/outside the supported range/);
    expect(() => encodeSpikes(new Int32Array([2 ** 31 - 1]), 'ternary')).toThrow(/needs T = 2147483647/);
  });
  it('lengths that are not a multiple of four take the tail path correctly', () => {
    for (const n of [1, 2, 3, 5, 6, 7, 9]) {
      for (const scheme of SPIKE_SCHEMES) {
        const counts = randomCounts(scheme, n, 7, n);
        expect(encodeSpikes(counts, scheme).decode(), `${scheme} n=${n}`).toEqual(counts);
      }
    }
  });
});
