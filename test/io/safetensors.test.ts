import { describe, expect, it } from 'vitest';
import { encodeSafetensors, decodeSafetensors, type SafetensorsTensor } from '../../lib/index.js';

const ascii = (s: string): number[] => Array.from(s, (ch) => ch.charCodeAt(0));

/** A file from a header string and data bytes, with the header size written by hand (no padding added). */
function rawFile(header: string, data: number[] = [], headerSize = header.length): Uint8Array {
  const out = new Uint8Array(8 + header.length + data.length);
  new DataView(out.buffer).setUint32(0, headerSize, true);
  out.set(ascii(header), 8);
  out.set(data, 8 + header.length);
  return out;
}

describe('encodeSafetensors(tensors, metadata)', () => {
  it('writes the spec layout byte for byte: u64 LE header size, JSON header padded with spaces to 8 bytes, LE data in order', () => {
    const bytes = encodeSafetensors(
      {
        a: { dtype: 'F32', shape: [2], data: new Float32Array([1, -2]) },
        b: { dtype: 'I8', shape: [3], data: new Int8Array([1, -1, 127]) },
      },
      { format: 'pt' },
    );
    // 138 characters of JSON, padded with 6 spaces to 144 = 0x90
    const header =
      '{"__metadata__":{"format":"pt"},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"I8","shape":[3],"data_offsets":[8,11]}}';
    expect(header.length).toBe(138);
    const expected = [
      0x90,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      ...ascii(header),
      0x20,
      0x20,
      0x20,
      0x20,
      0x20,
      0x20,
      // 1.0f = 0x3f800000, -2.0f = 0xc0000000, little-endian
      0x00,
      0x00,
      0x80,
      0x3f,
      0x00,
      0x00,
      0x00,
      0xc0,
      // int8 1, -1, 127
      0x01,
      0xff,
      0x7f,
    ];
    expect(expected.length).toBe(163);
    expect(Array.from(bytes)).toEqual(expected);
  });

  it('writes an empty file as {} plus six spaces, and omits __metadata__ when none is given', () => {
    expect(Array.from(encodeSafetensors({}))).toEqual([8, 0, 0, 0, 0, 0, 0, 0, ...ascii('{}      ')]);
  });

  it('always aligns the data start to 8 bytes and keeps the record order, contiguous', () => {
    for (let n = 1; n <= 17; n++) {
      const name = 'w'.repeat(n);
      const bytes = encodeSafetensors({
        [name]: { dtype: 'I32', shape: [1], data: new Int32Array([n]) },
        z: { dtype: 'I8', shape: [0], data: new Int8Array(0) },
      });
      const size = new DataView(bytes.buffer).getUint32(0, true);
      expect((8 + size) % 8).toBe(0);
      const text = new TextDecoder().decode(bytes.subarray(8, 8 + size));
      expect(text.trimEnd()).toBe(
        `{"${name}":{"dtype":"I32","shape":[1],"data_offsets":[0,4]},"z":{"dtype":"I8","shape":[0],"data_offsets":[4,4]}}`,
      );
      expect(bytes.length).toBe(8 + size + 4);
    }
  });

  it('rejects shape/data mismatches, wrong arrays, unknown dtypes, the reserved name and non-string metadata', () => {
    const ok: SafetensorsTensor = { dtype: 'F32', shape: [2], data: new Float32Array(2) };
    expect(() => encodeSafetensors({ x: { dtype: 'F32', shape: [2, 2], data: new Float32Array(3) } })).toThrow(
      /tensor "x": shape \[2, 2\] has 4 elements but data has 3/,
    );
    expect(() => encodeSafetensors({ x: { dtype: 'F16', shape: [2], data: new Float32Array(2) } })).toThrow(
      /tensor "x": dtype F16 needs data as a Uint16Array, got Float32Array/,
    );
    expect(() => encodeSafetensors({ x: { dtype: 'F64' as 'F32', shape: [2], data: new Float32Array(2) } })).toThrow(
      /tensor "x": unknown dtype "F64"; supported: F32, F16, BF16, I8, I32/,
    );
    expect(() => encodeSafetensors({ x: { dtype: 'F32', shape: [-2], data: new Float32Array(2) } })).toThrow(
      /tensor "x": shape must be an array of integers >= 0/,
    );
    expect(() => encodeSafetensors({ __metadata__: ok })).toThrow(/cannot be named "__metadata__"/);
    expect(() => encodeSafetensors({ x: ok }, { n: 3 as unknown as string })).toThrow(/metadata\["n"\] must be a string, got number/);
  });
});

describe('decodeSafetensors(bytes)', () => {
  it('round-trips every dtype, scalars, empty tensors, odd names and metadata', () => {
    const tensors: Record<string, SafetensorsTensor> = {
      'model.layers.0.attn.q_proj.weight': {
        dtype: 'BF16',
        shape: [2, 3],
        data: new Uint16Array([0x3f80, 0xbf80, 0x4000, 0, 0x8000, 0x7f80]),
      },
      f32: { dtype: 'F32', shape: [3], data: new Float32Array([1.5, -0.1, 3e38]) },
      f16: { dtype: 'F16', shape: [1, 2], data: new Uint16Array([0x3c00, 0xfbff]) },
      // odd byte length before a 4-byte dtype: data need not be aligned in the file
      i8: { dtype: 'I8', shape: [3], data: new Int8Array([-128, 0, 127]) },
      i32: { dtype: 'I32', shape: [2, 1, 2], data: new Int32Array([-(2 ** 31), -1, 0, 2 ** 31 - 1]) },
      scalar: { dtype: 'F32', shape: [], data: new Float32Array([42]) },
      empty: { dtype: 'F32', shape: [0, 4], data: new Float32Array(0) },
      'ünïcode ✓': { dtype: 'I8', shape: [1], data: new Int8Array([5]) },
    };
    // "__proto__" as a literal key sets the prototype; define it as an own entry instead
    Object.defineProperty(tensors, '__proto__', { value: { dtype: 'I32', shape: [1], data: new Int32Array([7]) }, enumerable: true });
    const metadata = { format: 'pt', note: 'W8ASpike, group size 128 ✓' };
    const file = decodeSafetensors(encodeSafetensors(tensors, metadata));
    expect(file.metadata).toEqual(metadata);
    expect(Object.keys(file.tensors)).toEqual(Object.keys(tensors));
    for (const [name, t] of Object.entries(tensors)) {
      const got = file.tensors[name]!;
      expect(got.dtype, name).toBe(t.dtype);
      expect(got.shape, name).toEqual(t.shape);
      expect(got.data.constructor, name).toBe(t.data.constructor);
      expect(Array.from(got.data), name).toEqual(Array.from(t.data));
    }
    expect(Object.getPrototypeOf(file.tensors)).toBe(Object.prototype);
  });

  it('reads a file whose header lists tensors out of offset order, with padding (as other writers do)', () => {
    const header = '{"b":{"dtype":"I8","shape":[2],"data_offsets":[4,6]},"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}';
    const padded = header + ' '.repeat((8 - (header.length % 8)) % 8);
    const file = decodeSafetensors(rawFile(padded, [0, 0, 0x80, 0xbf, 3, 0xfd]));
    expect(Array.from(file.tensors.a!.data)).toEqual([-1]);
    expect(Array.from(file.tensors.b!.data)).toEqual([3, -3]);
    expect(file.metadata).toEqual({});
  });

  it('copies data out of the input, so later changes to the bytes do not show', () => {
    const bytes = encodeSafetensors({ x: { dtype: 'I32', shape: [1], data: new Int32Array([9]) } });
    const file = decodeSafetensors(bytes);
    bytes.fill(0);
    expect(Array.from(file.tensors.x!.data)).toEqual([9]);
  });

  it('decodes from a Uint8Array that is a view at an odd offset of a larger buffer', () => {
    const inner = encodeSafetensors({ x: { dtype: 'F32', shape: [2], data: new Float32Array([0.5, 8]) } });
    const big = new Uint8Array(inner.length + 3);
    big.set(inner, 3);
    expect(Array.from(decodeSafetensors(big.subarray(3)).tensors.x!.data)).toEqual([0.5, 8]);
  });

  describe('rejects malformed files with a clear error', () => {
    const good = '{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}';
    const four = [0, 0, 0x80, 0x3f];
    const cases: [string, Uint8Array, RegExp][] = [
      ['fewer than 8 bytes', new Uint8Array(5), /too short: 5 bytes/],
      ['a header size past the end', rawFile(good, four, 500), /size 500 runs past the end/],
      [
        'a header size over the 100 MB limit',
        (() => {
          const b = rawFile(good, four);
          new DataView(b.buffer).setUint32(4, 1, true);
          return b;
        })(),
        /exceeds the format's 100000000-byte limit/,
      ],
      ['a header not starting with {', rawFile(` ${good}`, four), /must be a JSON object starting with '\{'/],
      ['invalid JSON', rawFile('{"a":', []), /invalid JSON/],
      [
        'invalid UTF-8',
        (() => {
          const b = rawFile('{"\u00ff"}');
          b[10] = 0xc3;
          b[11] = 0x28;
          return b;
        })(),
        /not valid UTF-8/,
      ],
      ['a JSON array', rawFile('[1]'), /must be a JSON object starting with/],
      [
        'an unknown dtype',
        rawFile('{"a":{"dtype":"F64","shape":[1],"data_offsets":[0,8]}}', new Array(8).fill(0)),
        /tensor "a": unknown dtype "F64"; supported: F32, F16, BF16, I8, I32/,
      ],
      [
        'a shape that is not an array',
        rawFile('{"a":{"dtype":"F32","shape":4,"data_offsets":[0,4]}}', four),
        /tensor "a": shape must be an array of integers >= 0, got 4/,
      ],
      [
        'a fractional dimension',
        rawFile('{"a":{"dtype":"F32","shape":[0.5],"data_offsets":[0,4]}}', four),
        /shape must be an array of integers >= 0/,
      ],
      ['missing data_offsets', rawFile('{"a":{"dtype":"F32","shape":[1]}}', four), /tensor "a": data_offsets must be \[begin, end\]/],
      [
        'negative offsets',
        rawFile('{"a":{"dtype":"F32","shape":[1],"data_offsets":[-4,0]}}', four),
        /data_offsets must be \[begin, end\] integers >= 0/,
      ],
      [
        'offsets out of range',
        rawFile('{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}', four),
        /tensor "a": data_offsets \[4, 8\] out of range of the 4-byte data buffer/,
      ],
      ['begin after end', rawFile('{"a":{"dtype":"F32","shape":[0],"data_offsets":[4,0]}}', four), /data_offsets \[4, 0\] out of range/],
      [
        'shape and offsets disagreeing',
        rawFile('{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}', four),
        /tensor "a": shape \[2\] of F32 needs 8 bytes, data_offsets \[0, 4\] hold 4/,
      ],
      [
        'overlapping tensors',
        rawFile('{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"I8","shape":[2],"data_offsets":[2,4]}}', four),
        /tensor "b": data_offsets \[2, 4\] overlap the previous tensor/,
      ],
      [
        'a hole between tensors',
        rawFile('{"a":{"dtype":"I8","shape":[1],"data_offsets":[0,1]},"b":{"dtype":"I8","shape":[1],"data_offsets":[3,4]}}', four),
        /tensor "b": data_offsets \[3, 4\] leave a hole after the previous tensor \(expected begin 1\)/,
      ],
      ['bytes after the last tensor', rawFile(good, [...four, 0]), /tensors cover 4 bytes but the data buffer has 5/],
      ['a tensor entry that is not an object', rawFile('{"a":3}'), /tensor "a" must be an object with dtype, shape and data_offsets/],
      ['non-string metadata', rawFile('{"__metadata__":{"n":1}}'), /__metadata__\["n"\] must be a string, got 1/],
    ];
    for (const [what, bytes, message] of cases) {
      it(what, () => {
        expect(() => decodeSafetensors(bytes)).toThrow(message);
      });
    }
    it('a non-Uint8Array input', () => {
      expect(() => decodeSafetensors([1, 2, 3] as unknown as Uint8Array)).toThrow(/bytes must be a Uint8Array, got Array/);
    });
  });
});
