/**
 * safetensors read and write (the format of the SpikingBrain-7B / W8ASpike checkpoints), on bytes
 * only so it runs in Node and the browser. Layout (huggingface/safetensors, README "Format"):
 * 8 bytes, the header size N as a little-endian u64; N bytes of UTF-8 JSON
 * `{"__metadata__": {str: str}, name: {"dtype", "shape", "data_offsets": [begin, end]}, ...}`,
 * padded with spaces (0x20) so the data starts at a multiple of 8; then the byte buffer, tensors
 * little-endian in C order, offsets relative to the buffer's start. Like the reference reader we
 * require the tensors to tile the buffer exactly (contiguous, no overlap, no hole, nothing after),
 * end - begin = elements * dtype size, a header starting with '{' and at most 100,000,000 bytes.
 * Tensors are written in the record's order, the header listing them in that order.
 */

export type SafetensorsDtype = 'F32' | 'F16' | 'BF16' | 'I8' | 'I32';
export type SafetensorsData = Float32Array | Int8Array | Int32Array | Uint16Array;

export interface SafetensorsTensor {
  dtype: SafetensorsDtype;
  /** C-order shape; [] is a scalar (one element) */
  shape: number[];
  /** F32: Float32Array, F16 / BF16: Uint16Array of bit patterns, I8: Int8Array, I32: Int32Array */
  data: SafetensorsData;
}

export interface SafetensorsFile {
  tensors: Record<string, SafetensorsTensor>;
  metadata: Record<string, string>;
}

/** Bytes per element and the typed array each dtype uses. */
export const SAFETENSORS_DTYPES: Readonly<Record<SafetensorsDtype, { bytes: number; array: string }>> = {
  F32: { bytes: 4, array: 'Float32Array' },
  F16: { bytes: 2, array: 'Uint16Array' },
  BF16: { bytes: 2, array: 'Uint16Array' },
  I8: { bytes: 1, array: 'Int8Array' },
  I32: { bytes: 4, array: 'Int32Array' },
};

/** The reference implementation's limit on the header size. */
export const SAFETENSORS_MAX_HEADER = 100_000_000;

const METADATA_KEY = '__metadata__';
const DTYPE_LIST = Object.keys(SAFETENSORS_DTYPES).join(', ');
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function isDtype(d: unknown): d is SafetensorsDtype {
  return typeof d === 'string' && Object.prototype.hasOwnProperty.call(SAFETENSORS_DTYPES, d);
}

function dataMatches(dtype: SafetensorsDtype, data: unknown): boolean {
  switch (dtype) {
    case 'F32':
      return data instanceof Float32Array;
    case 'F16':
    case 'BF16':
      return data instanceof Uint16Array;
    case 'I8':
      return data instanceof Int8Array;
    case 'I32':
      return data instanceof Int32Array;
  }
}

function typeName(v: unknown): string {
  return v !== null && typeof v === 'object' ? (v.constructor?.name ?? 'object') : String(v);
}

/** Elements of a shape, or an error message naming the tensor. */
function elementsOf(shape: unknown, name: string): number {
  if (!Array.isArray(shape))
    throw new TypeError(`tensor ${JSON.stringify(name)}: shape must be an array of integers >= 0, got ${JSON.stringify(shape)}`);
  let n = 1;
  for (const d of shape) {
    if (!Number.isSafeInteger(d) || (d as number) < 0) {
      throw new RangeError(`tensor ${JSON.stringify(name)}: shape must be an array of integers >= 0, got ${JSON.stringify(shape)}`);
    }
    n *= d as number;
  }
  if (!Number.isSafeInteger(n))
    throw new RangeError(`tensor ${JSON.stringify(name)}: shape ${JSON.stringify(shape)} has too many elements`);
  return n;
}

function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  // defineProperty, so a tensor named "__proto__" is an ordinary entry
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Little-endian bytes of a typed array (a copy). */
function toLittleEndianBytes(data: SafetensorsData, bytesPer: number): Uint8Array {
  const raw = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const out = raw.slice();
  if (!LITTLE_ENDIAN && bytesPer > 1) {
    for (let i = 0; i < out.length; i += bytesPer) out.subarray(i, i + bytesPer).reverse();
  }
  return out;
}

/** Typed array of `dtype` from little-endian bytes (a copy, aligned whatever the offset). */
function fromLittleEndianBytes(bytes: Uint8Array, dtype: SafetensorsDtype): SafetensorsData {
  const copy = bytes.slice();
  const bytesPer = SAFETENSORS_DTYPES[dtype].bytes;
  if (!LITTLE_ENDIAN && bytesPer > 1) {
    for (let i = 0; i < copy.length; i += bytesPer) copy.subarray(i, i + bytesPer).reverse();
  }
  switch (dtype) {
    case 'F32':
      return new Float32Array(copy.buffer, 0, copy.length / 4);
    case 'F16':
    case 'BF16':
      return new Uint16Array(copy.buffer, 0, copy.length / 2);
    case 'I8':
      return new Int8Array(copy.buffer, 0, copy.length);
    case 'I32':
      return new Int32Array(copy.buffer, 0, copy.length / 4);
  }
}

/** Serialises tensors (in the record's order) and optional string metadata to safetensors bytes. */
export function encodeSafetensors(tensors: Record<string, SafetensorsTensor>, metadata?: Record<string, string>): Uint8Array {
  if (tensors == null || typeof tensors !== 'object') throw new TypeError(`tensors must be an object of named tensors, got ${tensors}`);
  const parts: string[] = [];
  if (metadata !== undefined) {
    if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) {
      throw new TypeError(`metadata must be an object of string values, got ${JSON.stringify(metadata)}`);
    }
    for (const [k, v] of Object.entries(metadata)) {
      if (typeof v !== 'string') throw new TypeError(`metadata[${JSON.stringify(k)}] must be a string, got ${typeof v}`);
    }
    const body = Object.entries(metadata)
      .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
      .join(',');
    parts.push(`${JSON.stringify(METADATA_KEY)}:{${body}}`);
  }
  const chunks: Uint8Array[] = [];
  let offset = 0;
  for (const [name, t] of Object.entries(tensors)) {
    if (name === METADATA_KEY) throw new RangeError(`a tensor cannot be named ${JSON.stringify(METADATA_KEY)} (reserved for metadata)`);
    if (t == null || typeof t !== 'object') throw new TypeError(`tensor ${JSON.stringify(name)} must be { dtype, shape, data }, got ${t}`);
    if (!isDtype(t.dtype))
      throw new RangeError(`tensor ${JSON.stringify(name)}: unknown dtype ${JSON.stringify(t.dtype)}; supported: ${DTYPE_LIST}`);
    const n = elementsOf(t.shape, name);
    const spec = SAFETENSORS_DTYPES[t.dtype];
    if (!dataMatches(t.dtype, t.data)) {
      throw new TypeError(`tensor ${JSON.stringify(name)}: dtype ${t.dtype} needs data as a ${spec.array}, got ${typeName(t.data)}`);
    }
    if (t.data.length !== n) {
      throw new RangeError(`tensor ${JSON.stringify(name)}: shape [${t.shape.join(', ')}] has ${n} elements but data has ${t.data.length}`);
    }
    const bytes = toLittleEndianBytes(t.data, spec.bytes);
    const entry = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + bytes.length] };
    parts.push(`${JSON.stringify(name)}:${JSON.stringify(entry)}`);
    chunks.push(bytes);
    offset += bytes.length;
  }
  const json = new TextEncoder().encode(`{${parts.join(',')}}`);
  const headerSize = Math.ceil(json.length / 8) * 8;
  if (headerSize > SAFETENSORS_MAX_HEADER)
    throw new RangeError(`header of ${headerSize} bytes exceeds the format's ${SAFETENSORS_MAX_HEADER}-byte limit`);
  const out = new Uint8Array(8 + headerSize + offset);
  const view = new DataView(out.buffer);
  view.setUint32(0, headerSize, true);
  view.setUint32(4, 0, true);
  out.set(json, 8);
  out.fill(0x20, 8 + json.length, 8 + headerSize);
  let at = 8 + headerSize;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Parses safetensors bytes; every tensor's data is a fresh copy. Throws on any malformed file. */
export function decodeSafetensors(bytes: Uint8Array): SafetensorsFile {
  if (!(bytes instanceof Uint8Array)) throw new TypeError(`bytes must be a Uint8Array, got ${typeName(bytes)}`);
  if (bytes.length < 8) throw new RangeError(`safetensors file too short: ${bytes.length} bytes, the header size alone takes 8`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const low = view.getUint32(0, true);
  const high = view.getUint32(4, true);
  const headerSize = high * 2 ** 32 + low;
  if (headerSize > SAFETENSORS_MAX_HEADER)
    throw new RangeError(`bad header: size ${headerSize} exceeds the format's ${SAFETENSORS_MAX_HEADER}-byte limit`);
  if (8 + headerSize > bytes.length) {
    throw new RangeError(`bad header: size ${headerSize} runs past the end of the ${bytes.length}-byte file`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + headerSize));
  } catch {
    throw new RangeError('bad header: not valid UTF-8');
  }
  if (!text.startsWith('{'))
    throw new RangeError(`bad header: must be a JSON object starting with '{', got ${JSON.stringify(text.slice(0, 20))}`);
  let header: unknown;
  try {
    header = JSON.parse(text);
  } catch (e) {
    throw new RangeError(`bad header: invalid JSON (${(e as Error).message})`, { cause: e });
  }
  if (header === null || typeof header !== 'object' || Array.isArray(header)) throw new RangeError('bad header: not a JSON object');
  const bufferStart = 8 + headerSize;
  const bufferLength = bytes.length - bufferStart;
  const metadata: Record<string, string> = {};
  const entries: { name: string; dtype: SafetensorsDtype; shape: number[]; begin: number; end: number }[] = [];
  for (const [name, info] of Object.entries(header as Record<string, unknown>)) {
    if (name === METADATA_KEY) {
      if (info === null || typeof info !== 'object' || Array.isArray(info))
        throw new RangeError(`bad header: ${METADATA_KEY} must be an object of strings`);
      for (const [k, v] of Object.entries(info as Record<string, unknown>)) {
        if (typeof v !== 'string')
          throw new RangeError(`bad header: ${METADATA_KEY}[${JSON.stringify(k)}] must be a string, got ${JSON.stringify(v)}`);
        setOwn(metadata, k, v);
      }
      continue;
    }
    if (info === null || typeof info !== 'object' || Array.isArray(info)) {
      throw new RangeError(`bad header: tensor ${JSON.stringify(name)} must be an object with dtype, shape and data_offsets`);
    }
    const { dtype, shape, data_offsets: offsets } = info as Record<string, unknown>;
    if (!isDtype(dtype))
      throw new RangeError(`tensor ${JSON.stringify(name)}: unknown dtype ${JSON.stringify(dtype)}; supported: ${DTYPE_LIST}`);
    const n = elementsOf(shape, name);
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((o) => Number.isSafeInteger(o) && o >= 0)) {
      throw new RangeError(
        `tensor ${JSON.stringify(name)}: data_offsets must be [begin, end] integers >= 0, got ${JSON.stringify(offsets)}`,
      );
    }
    const [begin, end] = offsets as [number, number];
    if (begin > end || end > bufferLength) {
      throw new RangeError(
        `tensor ${JSON.stringify(name)}: data_offsets [${begin}, ${end}] out of range of the ${bufferLength}-byte data buffer`,
      );
    }
    const expected = n * SAFETENSORS_DTYPES[dtype].bytes;
    if (end - begin !== expected) {
      throw new RangeError(
        `tensor ${JSON.stringify(name)}: shape [${(shape as number[]).join(', ')}] of ${dtype} needs ${expected} bytes, data_offsets [${begin}, ${end}] hold ${end - begin}`,
      );
    }
    entries.push({ name, dtype, shape: (shape as number[]).slice(), begin, end });
  }
  // the tensors must tile the buffer: sorted by offsets, each starts where the previous ended
  const sorted = entries.slice().sort((a, b) => a.begin - b.begin || a.end - b.end);
  let expectedBegin = 0;
  for (const e of sorted) {
    if (e.begin !== expectedBegin) {
      throw new RangeError(
        `tensor ${JSON.stringify(e.name)}: data_offsets [${e.begin}, ${e.end}] ${e.begin < expectedBegin ? 'overlap the previous tensor' : 'leave a hole after the previous tensor'} (expected begin ${expectedBegin})`,
      );
    }
    expectedBegin = e.end;
  }
  if (expectedBegin !== bufferLength) {
    throw new RangeError(`bad file: tensors cover ${expectedBegin} bytes but the data buffer has ${bufferLength}`);
  }
  const tensors: Record<string, SafetensorsTensor> = {};
  for (const e of entries) {
    const data = fromLittleEndianBytes(bytes.subarray(bufferStart + e.begin, bufferStart + e.end), e.dtype);
    setOwn(tensors, e.name, { dtype: e.dtype, shape: e.shape, data });
  }
  return { tensors, metadata };
}
